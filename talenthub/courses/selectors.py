from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort, Course, SessionDay


@dataclass(frozen=True)
class CatalogueFilter:
    track: str = ""
    industry_domain: str = ""
    level: str = ""
    site_id: int | None = None
    hub_code: str = ""
    starts_after: datetime.date | None = None
    starts_before: datetime.date | None = None
    query: str = ""


def _enrolled_count() -> Count:
    return Count(
        "enrollments", filter=Q(enrollments__status="enrolled") | Q(enrollments__status="completed")
    )


def catalogue_cohorts(filters: CatalogueFilter) -> QuerySet[Cohort]:
    """Published, not-cancelled cohorts for the public catalogue, newest first."""
    qs = (
        Cohort.objects.filter(course__is_published=True)
        .exclude(status=CohortStatus.CANCELLED)
        .select_related("course", "course__hub", "site")
        .annotate(seats_taken=Count("enrollments"))
    )
    if filters.track:
        qs = qs.filter(course__track=filters.track)
    if filters.industry_domain:
        qs = qs.filter(course__industry_domain=filters.industry_domain)
    if filters.level:
        qs = qs.filter(course__level=filters.level)
    if filters.site_id:
        qs = qs.filter(site_id=filters.site_id)
    if filters.hub_code:
        qs = qs.filter(course__hub__code=filters.hub_code)
    if filters.starts_after:
        qs = qs.filter(starts_on__gte=filters.starts_after)
    if filters.starts_before:
        qs = qs.filter(starts_on__lte=filters.starts_before)
    if filters.query:
        qs = qs.filter(
            Q(course__title__icontains=filters.query)
            | Q(course__description__icontains=filters.query)
        )
    return qs.order_by("-starts_on", "course__code", "number")


def published_courses() -> QuerySet[Course]:
    return Course.objects.filter(is_published=True).select_related("hub")


def course_cohorts(course: Course) -> QuerySet[Cohort]:
    return (
        course.cohorts.exclude(status=CohortStatus.CANCELLED)
        .select_related("site")
        .annotate(seats_taken=Count("enrollments"))
        .order_by("-starts_on")
    )


def cohorts_in_hubs(hub_ids: set[int]) -> QuerySet[Cohort]:
    return (
        Cohort.objects.filter(course__hub_id__in=hub_ids)
        .select_related("course", "course__hub", "site")
        .annotate(seats_taken=Count("enrollments"))
        .order_by("-starts_on", "course__code")
    )


def cohorts_taught_by(user_id: int) -> QuerySet[Cohort]:
    return (
        Cohort.objects.filter(instructors__id=user_id)
        .select_related("course", "course__hub", "site")
        .annotate(seats_taken=Count("enrollments"))
        .order_by("-starts_on")
    )


def session_days_of(cohort: Cohort) -> QuerySet[SessionDay]:
    return cohort.session_days.order_by("date")
