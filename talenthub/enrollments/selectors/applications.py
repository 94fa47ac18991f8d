"""Reads of applications, rankings, waitlists, seats and sent notifications."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import (
    ApplicationStatus,
    EnrollmentStatus,
    SelectionMode,
)
from talenthub.enrollments.models import (
    Application,
    ApplicationForm,
    CohortSeats,
    Enrollment,
    Notification,
    Reviewer,
    RubricCriterion,
    Score,
)
from talenthub.enrollments.scoring import (
    CriterionSpec,
    ScoreSummary,
    bonus_for,
    groups_of,
    rank_key,
    summarise,
)


@dataclass(frozen=True)
class RankedApplication:
    application: Application
    summary: ScoreSummary
    reviewer_count: int
    rank: int
    means: tuple[Decimal | None, ...]  # per criterion, in the rubric's order


@dataclass(frozen=True)
class SeatState:
    capacity: int
    taken: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)


def _waitlist_ahead() -> Coalesce:
    ahead = (
        Application.objects.filter(
            cohort=OuterRef("cohort"),
            status=ApplicationStatus.WAITLISTED,
            waitlist_position__lt=OuterRef("waitlist_position"),
        )
        .order_by()
        .values("cohort")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0))


def applications_of_person(user_id: int) -> QuerySet[Application]:
    """A person's applications, newest first, each with `waitlist_ahead` (people before them)."""
    return (
        Application.objects.filter(user_id=user_id)
        .select_related("cohort", "cohort__course", "cohort__course__hub", "enrollment")
        .annotate(waitlist_ahead=_waitlist_ahead())
        .order_by("-submitted_at", "-id")
    )


def application_details(application_id: int) -> Application:
    return (
        Application.objects.select_related(
            "user", "cohort", "cohort__course", "cohort__course__hub", "university", "enrollment"
        )
        .prefetch_related("answers__question", "consents", "decisions__actor")
        .annotate(waitlist_ahead=_waitlist_ahead())
        .get(pk=application_id)
    )


def cohort_applications(cohort: Cohort, status: str = "") -> QuerySet[Application]:
    queryset = Application.objects.filter(cohort=cohort).select_related("user", "university")
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("submitted_at", "id")


def status_counts(cohort: Cohort) -> list[tuple[str, str, int]]:
    """(status, label, number of applications) for every status, in the lifecycle's order."""
    rows = (
        Application.objects.filter(cohort=cohort)
        .order_by()
        .values("status")
        .annotate(n=Count("id"))
    )
    found = {row["status"]: row["n"] for row in rows}
    return [(value, str(label), found.get(value, 0)) for value, label in ApplicationStatus.choices]


def criteria_of(form: ApplicationForm) -> list[RubricCriterion]:
    return list(form.criteria.order_by("position", "id"))


def ranked_applications(
    cohort: Cohort, form: ApplicationForm, status: str = ""
) -> list[RankedApplication]:
    """Applications with their combined scores: three queries whatever the number of rows.

    In screening mode they are ranked by score; first come, first served keeps arrival order."""
    applications = list(cohort_applications(cohort, status))
    criteria = [
        CriterionSpec(id=c.id, weight=c.weight, max_score=c.max_score) for c in criteria_of(form)
    ]
    bonuses = {bonus.group: bonus.points for bonus in form.priority_bonuses.all()}
    values: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    reviewers: dict[int, set[int]] = defaultdict(set)
    for application_id, criterion_id, reviewer_id, value in Score.objects.filter(
        application__cohort=cohort
    ).values_list("application_id", "criterion_id", "reviewer_id", "value"):
        values[application_id][criterion_id].append(value)
        reviewers[application_id].add(reviewer_id)
    summaries = []
    for application in applications:
        groups = groups_of(
            is_neet=application.is_neet,
            is_job_seeker=application.is_job_seeker,
            is_partner_student=application.university_id is not None,
        )
        summary = summarise(criteria, values[application.id], bonus_for(groups, bonuses))
        summaries.append((application, summary))
    if form.selection_mode == SelectionMode.SCREENING:
        summaries.sort(key=lambda pair: rank_key(pair[1], pair[0].submitted_at, pair[0].id))
    return [
        RankedApplication(
            application=application,
            summary=summary,
            reviewer_count=len(reviewers[application.id]),
            rank=position,
            means=tuple(summary.means[criterion.id] for criterion in criteria),
        )
        for position, (application, summary) in enumerate(summaries, start=1)
    ]


def waitlist_of(cohort: Cohort) -> QuerySet[Application]:
    return (
        Application.objects.filter(cohort=cohort, status=ApplicationStatus.WAITLISTED)
        .select_related("user")
        .order_by("waitlist_position")
    )


def seat_state(cohort: Cohort) -> SeatState:
    ledger = CohortSeats.objects.filter(cohort=cohort).first()
    if ledger is not None:
        return SeatState(capacity=cohort.capacity, taken=ledger.seats_taken)
    return SeatState(capacity=cohort.capacity, taken=seat_holders(cohort.pk))


def seat_holders(cohort_id: int) -> int:
    """Seats held according to the rows themselves: enrolments not dropped out, and open offers."""
    enrolled = (
        Enrollment.objects.filter(cohort_id=cohort_id)
        .exclude(status=EnrollmentStatus.DROPPED_OUT)
        .count()
    )
    offered = Application.objects.filter(
        cohort_id=cohort_id, status=ApplicationStatus.OFFERED
    ).count()
    return enrolled + offered


def scores_given(application: Application, reviewer_id: int) -> dict[int, int]:
    return dict(
        application.scores.filter(reviewer_id=reviewer_id).values_list("criterion_id", "value")
    )


def is_invited_reviewer(user_id: int, cohort_id: int) -> bool:
    return Reviewer.objects.filter(user_id=user_id, form__cohort_id=cohort_id).exists()


def reviewers_of(form: ApplicationForm) -> QuerySet[Reviewer]:
    return form.reviewers.select_related("user", "invited_by").order_by("invited_at", "id")


def cohorts_reviewed_by(user_id: int) -> QuerySet[Cohort]:
    return (
        Cohort.objects.filter(application_form__reviewers__user_id=user_id)
        .select_related("course", "course__hub")
        .annotate(
            n_submitted=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED)
            )
        )
        .order_by("-starts_on", "id")
    )


def notifications_in_hubs(
    hub_ids: set[int], cohort_id: int | None = None
) -> QuerySet[Notification]:
    queryset = Notification.objects.filter(cohort__course__hub_id__in=hub_ids)
    if cohort_id is not None:
        queryset = queryset.filter(cohort_id=cohort_id)
    return queryset.select_related("recipient", "cohort", "cohort__course").order_by(
        "-created_at", "-id"
    )
