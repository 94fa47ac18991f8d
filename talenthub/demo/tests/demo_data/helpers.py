"""Figures and fingerprints the demo-data tests share."""

from __future__ import annotations

import datetime
import hashlib

from allauth.account.models import EmailAddress
from django.db.models import Count, F, Max, Min, Sum

from talenthub.accounts.models import User
from talenthub.attendance.models import AttendanceEvent, CompletionDecision
from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.enrollments.models import Application, Enrollment
from talenthub.events.models import Registration
from talenthub.hubs.models import Hub, Membership
from talenthub.outcomes.models import Outcome
from talenthub.projects.models import ProjectApplication
from talenthub.surveys.models import Response

SEED = 20251203
REPORTED = (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31))
YEAR_2025 = (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def jeonju_enrolments():
    return Enrollment.objects.filter(cohort__course__hub__code="jeonju")


def courses_run(period: tuple[datetime.date, datetime.date]) -> int:
    return (
        Cohort.objects.filter(course__hub__code="jeonju", starts_on__range=period)
        .exclude(status=CohortStatus.CANCELLED)
        .values("course_id")
        .distinct()
        .count()
    )


def jeonju_hub() -> Hub:
    return Hub.objects.get(code="jeonju")


def digest() -> str:
    """A fingerprint of the demo's content, free of primary keys and timestamps."""
    rows = [
        sorted(
            User.objects.filter(email__endswith=".demo").values_list(
                "email", "name", "mobile", "birth_date", "gender", "region", "is_staff"
            )
        ),
        sorted(Membership.objects.values_list("user__email", "hub__code", "role", "is_active")),
        sorted(EmailAddress.objects.values_list("email", "verified", "primary")),
        sorted(
            Course.objects.filter(hub__code__in=["jeonju", "gwangju", "jeonnam"])
            .annotate(n_partners=Count("partners"))
            .values_list(
                "hub__code",
                "code",
                "title",
                "track",
                "industry_domain",
                "level",
                "hours",
                "description",
                "n_partners",
                "is_published",
            )
        ),
        sorted(
            Cohort.objects.values_list(
                "course__code", "number", "starts_on", "ends_on", "capacity", "status", "site__name"
            )
        ),
        sorted(
            SessionDay.objects.values_list(
                "cohort__course__code", "cohort__number", "date", "starts_at", "ends_at", "hours"
            )
        ),
        sorted(
            Enrollment.objects.values_list(
                "user__email",
                "cohort__course__code",
                "cohort__number",
                "status",
                "enrolled_on",
                "finished_on",
                "is_job_seeker_at_entry",
                "is_neet_at_entry",
                "dropout_reason",
            )
        ),
        *activity_rows(),
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def activity_rows() -> list[list[tuple[object, ...]]]:
    """What the apps' generators wrote, free of keys and of the time the demo was made."""
    cohort = ("cohort__course__code", "cohort__number")
    return [
        sorted(
            Application.objects.values_list(
                "user__email", *cohort, "status", "submitted_at", "waitlist_position"
            )
        ),
        sorted(
            AttendanceEvent.objects.values_list(
                "enrollment__cohort__course__code", "enrollment__cohort__number", "kind"
            )
            .annotate(n=Count("id"), first=Min("at"), last=Max("at"))
            .order_by()
        ),
        sorted(
            CompletionDecision.objects.values_list(
                "enrollment__user__email", "enrollment__cohort__course__code", "outcome"
            ).annotate(percent=F("attendance_percent"))
        ),
        sorted(
            Outcome.objects.values_list(
                "user__email", "hub__code", "category", "organisation_name", "starts_on", "status"
            )
        ),
        sorted(
            ProjectApplication.objects.values_list(
                "project__title", "user__email", "status", "hire_decision"
            )
        ),
        sorted(
            Response.objects.filter(survey__cohort__isnull=False)
            .values_list("survey__cohort__course__code", "survey__cohort__number")
            .annotate(n=Count("id", distinct=True), total=Sum("answers__value"))
            .order_by()
        ),
        sorted(
            Registration.objects.values_list(
                "event__hub__code", "event__title", "event__starts_at", "user__email", "status"
            )
        ),
        sorted(
            Response.objects.filter(survey__event__isnull=False)
            .values_list("survey__event__hub__code", "survey__event__title")
            .annotate(n=Count("id", distinct=True), total=Sum("answers__value"))
            .order_by()
        ),
    ]
