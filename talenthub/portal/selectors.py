"""Figures for the role dashboards. Roll-ups carry counts only, never a person."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import SessionDay
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.hubs.models import Hub


@dataclass(frozen=True)
class HubFigures:
    hub: Hub
    courses: int
    cohorts: int
    enrollments: int
    completed: int


def hub_figures(hubs: QuerySet[Hub]) -> list[HubFigures]:
    """Courses, cohorts, enrolments and completions per hub: two aggregate queries in all."""
    rows = hubs.annotate(
        n_courses=Count("courses", distinct=True),
        n_cohorts=Count(
            "courses__cohorts",
            filter=~Q(courses__cohorts__status=CohortStatus.CANCELLED),
            distinct=True,
        ),
    ).order_by("name")
    enrolment_counts: dict[int, tuple[int, int]] = {
        row["id"]: (row["n_enrollments"], row["n_completed"])
        for row in hubs.values("id").annotate(
            n_enrollments=Count("courses__cohorts__enrollments"),
            n_completed=Count(
                "courses__cohorts__enrollments",
                filter=Q(courses__cohorts__enrollments__status=EnrollmentStatus.COMPLETED),
            ),
        )
    }
    return [
        HubFigures(
            hub=hub,
            courses=hub.n_courses,
            cohorts=hub.n_cohorts,
            enrollments=enrolment_counts.get(hub.id, (0, 0))[0],
            completed=enrolment_counts.get(hub.id, (0, 0))[1],
        )
        for hub in rows
    ]


def session_days_on(cohort_ids: Iterable[int], day: datetime.date) -> dict[int, SessionDay]:
    """Each cohort's session on `day` (one query): the instructor's QR code and roster of today."""
    return {
        session.cohort_id: session
        for session in SessionDay.objects.filter(cohort_id__in=list(cohort_ids), date=day)
    }
