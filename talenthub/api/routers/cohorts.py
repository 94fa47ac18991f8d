"""The public catalogue (no token) and the cohorts of the token's hub (operators, instructors)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from talenthub.api import access
from talenthub.api.choices import Resource
from talenthub.api.routers.common import (
    ERRORS,
    PUBLIC_ERRORS,
    Paging,
    PathId,
    envelope,
    page,
    principal,
    text,
)
from talenthub.api.schemas import CohortOut, page_of
from talenthub.courses.access import cohort_for_public
from talenthub.courses.choices import CohortStatus, IndustryDomain, Level, Track
from talenthub.courses.models import Cohort
from talenthub.courses.selectors import CatalogueFilter, catalogue_cohorts

CohortPage = page_of(CohortOut, "CohortPage")
catalogue = Router(tags=["catalogue"])
cohorts = Router(tags=["cohorts"])


def cohort_out(cohort: Cohort) -> dict[str, Any]:
    course = cohort.course
    return {
        "id": cohort.pk,
        "hub": course.hub.code,
        "course_code": course.code,
        "course_title": course.title,
        "number": cohort.number,
        "track": course.track,
        "industry_domain": course.industry_domain,
        "level": course.level,
        "hours": course.hours,
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "capacity": cohort.capacity,
        "seats_taken": getattr(cohort, "seats_taken", 0),
        "status": cohort.status,
        "site": cohort.site.name if cohort.site else None,
    }


class CatalogueFilters(Paging):
    track: Track | None = None
    level: Level | None = None
    industry_domain: IndustryDomain | None = None
    hub: str | None = text(30, "Code of a hub.")
    starts_after: datetime.date | None = None
    starts_before: datetime.date | None = None
    q: str | None = text(100, "Words of the title or description.")


@catalogue.get(
    "/cohorts",
    response={200: CohortPage, **PUBLIC_ERRORS},
    auth=None,
    operation_id="catalogue_list",
)
def catalogue_list(request: HttpRequest, filters: Query[CatalogueFilters]) -> dict[str, Any]:
    """Published cohorts of every hub, newest first (what the catalogue page shows)."""
    queryset = catalogue_cohorts(
        CatalogueFilter(
            track=filters.track or "",
            industry_domain=filters.industry_domain or "",
            level=filters.level or "",
            hub_code=filters.hub or "",
            starts_after=filters.starts_after,
            starts_before=filters.starts_before,
            query=filters.q or "",
        )
    )
    count, rows = page(queryset, filters)
    return envelope(count, filters, [cohort_out(c) for c in rows])


@catalogue.get(
    "/cohorts/{cohort_id}",
    response={200: CohortOut, **PUBLIC_ERRORS},
    auth=None,
    operation_id="catalogue_detail",
)
def catalogue_detail(request: HttpRequest, cohort_id: PathId) -> dict[str, Any]:
    return cohort_out(cohort_for_public(cohort_id))


class CohortFilters(Paging):
    status: CohortStatus | None = None
    course: str | None = text(30, "A course code.")
    starts_after: datetime.date | None = None
    starts_before: datetime.date | None = None


@cohorts.get("/cohorts", response={200: CohortPage, **ERRORS}, operation_id="cohort_list")
def cohort_list(request: HttpRequest, filters: Query[CohortFilters]) -> dict[str, Any]:
    """Cohorts of the token's hub: all of them for its operators, one's own for instructors."""
    who = access.require(principal(request), Resource.COHORTS)
    queryset = access.cohorts(who)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.course:
        queryset = queryset.filter(course__code__iexact=filters.course)
    if filters.starts_after:
        queryset = queryset.filter(starts_on__gte=filters.starts_after)
    if filters.starts_before:
        queryset = queryset.filter(starts_on__lte=filters.starts_before)
    count, rows = page(queryset.order_by("-starts_on", "course__code", "number", "id"), filters)
    return envelope(count, filters, [cohort_out(c) for c in rows])


@cohorts.get(
    "/cohorts/{cohort_id}", response={200: CohortOut, **ERRORS}, operation_id="cohort_detail"
)
def cohort_detail(request: HttpRequest, cohort_id: PathId) -> dict[str, Any]:
    who = access.require(principal(request), Resource.COHORTS)
    return cohort_out(access.cohort(who, cohort_id))
