from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction

from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.hubs.models import Hub, Site
from talenthub.partners.models import Organisation


@transaction.atomic
def course_create(
    *,
    hub: Hub,
    code: str,
    title: str,
    track: str,
    industry_domain: str,
    level: str,
    hours: int,
    description: str = "",
) -> Course:
    course = Course(
        hub=hub,
        code=code.strip(),
        title=title.strip(),
        track=track,
        industry_domain=industry_domain,
        level=level,
        hours=hours,
        description=description,
    )
    course.full_clean()
    course.save()
    return course


@transaction.atomic
def cohort_create(
    *,
    course: Course,
    number: int,
    starts_on: datetime.date,
    ends_on: datetime.date,
    capacity: int,
    site: Site | None = None,
    status: str = "planned",
) -> Cohort:
    cohort = Cohort(
        course=course,
        number=number,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        site=site,
        status=status,
    )
    cohort.full_clean()
    cohort.save()
    return cohort


@transaction.atomic
def session_day_add(
    *,
    cohort: Cohort,
    date: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    hours: Decimal,
) -> SessionDay:
    day = SessionDay(cohort=cohort, date=date, starts_at=starts_at, ends_at=ends_at, hours=hours)
    day.full_clean()
    day.save()
    return day


COURSE_FIELDS = frozenset({"title", "track", "industry_domain", "level", "hours", "description"})
COHORT_FIELDS = frozenset({"starts_on", "ends_on", "capacity", "site", "status"})


def _apply(
    instance: Course | Cohort, allowed: frozenset[str], changes: dict[str, Any]
) -> list[str]:
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"fields not changeable here: {sorted(unknown)}")
    changed = [field for field, value in changes.items() if getattr(instance, field) != value]
    for field in changed:
        setattr(instance, field, changes[field])
    if changed:
        instance.full_clean()
        instance.save(update_fields=[*changed, "updated_at"])
    return changed


@transaction.atomic
def course_update(
    *, course: Course, partners: Iterable[Organisation] | None = None, **changes: Any
) -> list[str]:
    """Change a course's design fields (and, if given, its co-running partners, which must be of
    the course's hub); returns the names of what changed."""
    if "title" in changes:
        changes["title"] = str(changes["title"]).strip()
    changed = _apply(course, COURSE_FIELDS, changes)
    if partners is not None:
        wanted = {p.pk: p for p in partners}
        if any(p.hub_id != course.hub_id for p in wanted.values()):
            raise ValueError("a course's partners belong to its hub")
        if set(course.partners.values_list("id", flat=True)) != set(wanted):
            course.partners.set(list(wanted.values()))
            changed.append("partners")
    return changed


@transaction.atomic
def cohort_update(*, cohort: Cohort, **changes: Any) -> list[str]:
    """Change a cohort's dates, capacity, site or status; returns the names of what changed.

    Capacity is checked against the seats already taken by the enrolments' seat ledger."""
    site = changes.get("site")
    if site is not None and site.hub_id != cohort.course.hub_id:
        raise ValueError("a cohort's site belongs to its course's hub")
    changed = _apply(cohort, COHORT_FIELDS, changes)
    return changed
