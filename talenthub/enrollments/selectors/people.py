"""People of a hub and this app's contribution to a person's timeline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.timeline import TimelineEntry
from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus
from talenthub.enrollments.models import Application, Enrollment
from talenthub.hubs.models import Membership


@dataclass(frozen=True)
class PeopleCounts:
    """Persons and records are different numbers: one person may apply and enrol many times."""

    people: int
    people_enrolled: int
    enrollments: int
    applications: int


def _count_in_hubs(model: type[Application] | type[Enrollment], hub_ids: set[int]) -> Coalesce:
    rows = (
        model.objects.filter(user=OuterRef("pk"), cohort__course__hub_id__in=hub_ids)
        .order_by()
        .values("user")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _in_hubs(hub_ids: set[int]) -> Q:
    return (
        Q(id__in=Application.objects.filter(cohort__course__hub_id__in=hub_ids).values("user_id"))
        | Q(id__in=Enrollment.objects.filter(cohort__course__hub_id__in=hub_ids).values("user_id"))
        | Q(id__in=Membership.objects.filter(hub_id__in=hub_ids, is_active=True).values("user_id"))
    )


def people_in_hubs(hub_ids: set[int], query: str = "") -> QuerySet[User]:
    """Everyone with an application, enrolment or role in the hubs, with per-person counts there."""
    people = User.objects.filter(_in_hubs(hub_ids))
    if query:
        people = people.filter(
            Q(name__icontains=query) | Q(email__icontains=query) | Q(mobile__icontains=query)
        )
    return people.annotate(
        n_applications=_count_in_hubs(Application, hub_ids),
        n_enrollments=_count_in_hubs(Enrollment, hub_ids),
    ).order_by("name", "id")


def people_counts(hub_ids: set[int]) -> PeopleCounts:
    enrolments = Enrollment.objects.filter(cohort__course__hub_id__in=hub_ids)
    totals = enrolments.aggregate(n=Count("id"), people=Count("user", distinct=True))
    return PeopleCounts(
        people=User.objects.filter(_in_hubs(hub_ids)).count(),
        people_enrolled=totals["people"],
        enrollments=totals["n"],
        applications=Application.objects.filter(cohort__course__hub_id__in=hub_ids).count(),
    )


def person_is_in_hubs(person_id: int, hub_ids: set[int]) -> bool:
    return User.objects.filter(_in_hubs(hub_ids), id=person_id).exists()


_DECISION_TITLES = {
    ApplicationStatus.SUBMITTED: lambda c: _("Applied to %(cohort)s") % {"cohort": c},
    ApplicationStatus.WAITLISTED: lambda c: _("Waitlisted for %(cohort)s") % {"cohort": c},
    ApplicationStatus.OFFERED: lambda c: _("Offered a seat in %(cohort)s") % {"cohort": c},
    ApplicationStatus.ADMITTED: lambda c: _("Admitted to %(cohort)s") % {"cohort": c},
    ApplicationStatus.REJECTED: lambda c: _("Not selected for %(cohort)s") % {"cohort": c},
    ApplicationStatus.DECLINED: lambda c: _("Declined the seat in %(cohort)s") % {"cohort": c},
    ApplicationStatus.LAPSED: lambda c: (
        _("The offer of a seat in %(cohort)s lapsed") % {"cohort": c}
    ),
    ApplicationStatus.WITHDRAWN: lambda c: (
        _("Withdrew the application to %(cohort)s") % {"cohort": c}
    ),
}

_FINISH_TITLES = {
    EnrollmentStatus.COMPLETED: lambda c: _("Completed %(cohort)s") % {"cohort": c},
    EnrollmentStatus.NOT_COMPLETED: lambda c: _("Did not complete %(cohort)s") % {"cohort": c},
    EnrollmentStatus.DROPPED_OUT: lambda c: _("Dropped out of %(cohort)s") % {"cohort": c},
}


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _offer_detail(application: Application, to_status: str) -> str:
    if to_status != ApplicationStatus.OFFERED or application.status != ApplicationStatus.OFFERED:
        return ""
    if application.offer_expires_at is None:
        return ""
    deadline = timezone.localtime(application.offer_expires_at)
    return _("Accept by %(deadline)s") % {"deadline": date_format(deadline, "Y-m-d H:i")}


def timeline_entries(user_id: int) -> list[TimelineEntry]:
    """Every status change of the person's applications and every enrolment start and finish."""
    entries: list[TimelineEntry] = []
    applications = (
        Application.objects.filter(user_id=user_id)
        .select_related("cohort", "cohort__course")
        .prefetch_related("decisions")
    )
    for application in applications:
        cohort = application.cohort
        for decision in application.decisions.all():
            entries.append(
                TimelineEntry(
                    at=decision.decided_at,
                    kind=f"application.{decision.to_status}",
                    title=_DECISION_TITLES[ApplicationStatus(decision.to_status)](cohort),
                    detail=_offer_detail(application, decision.to_status),
                    url=reverse("enrollments:my_application", args=[application.pk]),
                    hub_id=cohort.course.hub_id,
                    staff_url=reverse("enrollments:application_review", args=[application.pk]),
                )
            )
    enrolments = Enrollment.objects.filter(user_id=user_id).select_related(
        "cohort", "cohort__course"
    )
    for enrolment in enrolments:
        cohort = enrolment.cohort
        period = _("%(start)s ~ %(end)s") % {
            "start": date_format(cohort.starts_on, "Y-m-d"),
            "end": date_format(cohort.ends_on, "Y-m-d"),
        }
        url = reverse("courses:cohort_detail", args=[cohort.pk])
        staff_url = reverse("enrollments:cohort_roster", args=[cohort.pk])
        hub_id = cohort.course.hub_id
        entries.append(
            TimelineEntry(
                at=_start_of(enrolment.enrolled_on),
                kind="enrolment.started",
                title=_("Enrolment in %(cohort)s starts") % {"cohort": cohort},
                detail=period,
                url=url,
                hub_id=hub_id,
                staff_url=staff_url,
            )
        )
        if enrolment.finished_on is not None and enrolment.status in _FINISH_TITLES:
            entries.append(
                TimelineEntry(
                    at=_start_of(enrolment.finished_on),
                    kind=f"enrolment.{enrolment.status}",
                    title=_FINISH_TITLES[EnrollmentStatus(enrolment.status)](cohort),
                    detail=enrolment.dropout_reason,
                    url=url,
                    hub_id=hub_id,
                    staff_url=staff_url,
                )
            )
    return entries


def person_counts(user_id: int, hub_ids: set[int] | None = None) -> tuple[int, int]:
    """(applications, enrolments) of one person, within `hub_ids` if given."""
    applications = Application.objects.filter(user_id=user_id)
    enrolments = Enrollment.objects.filter(user_id=user_id)
    if hub_ids is not None:
        applications = applications.filter(cohort__course__hub_id__in=hub_ids)
        enrolments = enrolments.filter(cohort__course__hub_id__in=hub_ids)
    return applications.count(), enrolments.count()
