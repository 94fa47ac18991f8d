from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.hubs.models import Hub, Site


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
