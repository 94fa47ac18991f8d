"""The operator's work queue: what is waiting for a decision in their hubs, each with a link to the
page where it is done.

Operators told us (ANCHORS.md) that their day starts by hunting through lists for what needs them;
the dashboard answers that in one place. Every item is one aggregate query, so the dashboard's
query count does not grow with the hub."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from talenthub.courses.choices import CohortStatus
from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus
from talenthub.enrollments.models import Application, Enrollment
from talenthub.outcomes.selectors import open_follow_ups, pending_hub_outcomes_count
from talenthub.partners.models import Agreement
from talenthub.projects.choices import ProjectStatus
from talenthub.projects.models import Project
from talenthub.surveys.choices import SurveyStatus
from talenthub.surveys.models import Survey

# Agreements whose end falls within this many days are listed for renewal.
AGREEMENT_HORIZON_DAYS = 60
# Open surveys whose deadline falls within this many days are listed for a reminder.
SURVEY_HORIZON_DAYS = 7
# Cohorts named under a task; the count covers all of them.
COHORTS_SHOWN = 5


@dataclass(frozen=True)
class CohortCount:
    """One cohort under a task, with how many of its rows wait and where to act on them."""

    title: str
    number: int
    count: int
    url: str


@dataclass(frozen=True)
class Task:
    key: str
    label: str
    count: int
    url: str
    cohorts: list[CohortCount] = field(default_factory=list)


def _by_cohort(rows: Iterable[dict[str, object]], url_name: str) -> tuple[int, list[CohortCount]]:
    cohorts = [
        CohortCount(
            title=str(row["cohort__course__title"]),
            number=int(str(row["cohort__number"])),
            count=int(str(row["n"])),
            url=reverse(url_name, args=[row["cohort_id"]]),
        )
        for row in rows
    ]
    cohorts.sort(key=lambda c: (-c.count, c.title, c.number))
    return sum(c.count for c in cohorts), cohorts[:COHORTS_SHOWN]


def _cohort_groups(queryset: object) -> list[dict[str, object]]:
    return list(
        queryset.values("cohort_id", "cohort__course__title", "cohort__number")  # type: ignore[attr-defined]
        .annotate(n=Count("id"))
        .order_by()
    )


def operator_tasks(hub_ids: set[int], today: datetime.date) -> list[Task]:
    """Everything waiting for the operators of `hub_ids` on `today`, in the order of a working day:
    people first (applications, offers, completion), then follow-up, partners and surveys."""
    if not hub_ids:
        return []
    in_hubs = {"cohort__course__hub_id__in": hub_ids}
    undecided_total, undecided = _by_cohort(
        _cohort_groups(
            Application.objects.filter(**in_hubs, status=ApplicationStatus.SUBMITTED).exclude(
                cohort__status=CohortStatus.CANCELLED
            )
        ),
        "enrollments:cohort_applications",
    )
    offers_total, offers = _by_cohort(
        _cohort_groups(Application.objects.filter(**in_hubs, status=ApplicationStatus.OFFERED)),
        "enrollments:cohort_applications",
    )
    completion_total, completion = _by_cohort(
        _cohort_groups(
            Enrollment.objects.filter(
                **in_hubs, status=EnrollmentStatus.ENROLLED, cohort__ends_on__lt=today
            ).exclude(cohort__status=CohortStatus.CANCELLED)
        ),
        "attendance:completion",
    )
    agreements_due = Agreement.objects.filter(
        organisation__hub_id__in=hub_ids,
        ends_on__gte=today,
        ends_on__lte=today + datetime.timedelta(days=AGREEMENT_HORIZON_DAYS),
    ).count()
    surveys_closing = Survey.objects.filter(
        Q(cohort__course__hub_id__in=hub_ids) | Q(event__hub_id__in=hub_ids),
        status=SurveyStatus.OPEN,
        deadline__date__lte=today + datetime.timedelta(days=SURVEY_HORIZON_DAYS),
    ).count()
    return [
        Task(
            "applications",
            str(_("Applications waiting for a decision")),
            undecided_total,
            reverse("courses:manage_cohort_list"),
            undecided,
        ),
        Task(
            "offers",
            str(_("Seat offers waiting for an answer")),
            offers_total,
            reverse("courses:manage_cohort_list"),
            offers,
        ),
        Task(
            "completion",
            str(_("Trainees of ended cohorts awaiting a completion decision")),
            completion_total,
            reverse("courses:manage_cohort_list"),
            completion,
        ),
        Task(
            "follow_ups",
            str(_("Outcome follow-ups due")),
            open_follow_ups(hub_ids, due_by=today).count(),
            reverse("outcomes:manage_follow_up_list"),
        ),
        Task(
            "outcomes",
            str(_("Reported outcomes to verify")),
            pending_hub_outcomes_count(hub_ids),
            reverse("outcomes:manage_outcome_list"),
        ),
        Task(
            "projects",
            str(_("Company projects waiting for approval")),
            Project.objects.filter(
                organisation__hub_id__in=hub_ids, status=ProjectStatus.PROPOSED
            ).count(),
            reverse("projects:manage_project_list"),
        ),
        Task(
            "agreements",
            str(_("Partner agreements ending within 60 days")),
            agreements_due,
            reverse("partners:manage_list"),
        ),
        Task(
            "surveys",
            str(_("Open surveys closing within 7 days")),
            surveys_closing,
            reverse("surveys:survey_list"),
        ),
    ]
