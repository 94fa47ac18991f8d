"""The database itself refuses impossible courses, cohorts and session days, whatever wrote them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from talenthub.courses.models import Cohort, Course, SessionDay


def _course(world, **overrides):
    fields = {
        "hub": world.hub,
        "code": "DATA-301",
        "title": "데이터 분석 심화",
        "track": "big_data",
        "industry_domain": "general",
        "level": "advanced",
        "hours": 120,
        **overrides,
    }
    return Course.objects.create(**fields)


def _cohort(world, **overrides):
    fields = {
        "course": world.course,
        "number": 9,
        "starts_on": datetime.date(2025, 9, 1),
        "ends_on": datetime.date(2025, 10, 31),
        "capacity": 20,
        "status": "planned",
        **overrides,
    }
    return Cohort.objects.create(**fields)


def _session_day(world, **overrides):
    fields = {
        "cohort": world.cohort,
        "date": datetime.date(2025, 3, 4),
        "starts_at": datetime.time(9, 0),
        "ends_at": datetime.time(18, 0),
        "hours": Decimal("8.0"),
        **overrides,
    }
    return SessionDay.objects.create(**fields)


def _refused(create, world, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        create(world, **fields)


def test_a_valid_course_cohort_and_session_day_are_stored(world):
    course = _course(world)
    cohort = _cohort(world, course=course)
    _session_day(world, cohort=cohort, date=datetime.date(2025, 9, 1))

    assert (course.cohorts.count(), cohort.session_days.count()) == (1, 1)


def test_a_course_code_is_unique_within_a_hub(world):
    _refused(_course, world, code="AI-101")

    assert Course.objects.filter(hub=world.hub, code="AI-101").count() == 1


def test_another_hub_may_use_the_same_course_code(world):
    _course(world, hub=world.other_hub, code="AI-101")

    assert Course.objects.filter(code="AI-101").count() == 2


@pytest.mark.parametrize(
    "fields",
    [{"hours": 0}, {"track": "quantum"}, {"level": "expert"}, {"industry_domain": "space"}],
    ids=["no-hours", "unknown-track", "unknown-level", "unknown-domain"],
)
def test_the_database_refuses_an_impossible_course(world, fields):
    _refused(_course, world, **fields)


def test_a_cohort_cannot_end_before_it_starts(world):
    _refused(
        _cohort, world, starts_on=datetime.date(2025, 9, 1), ends_on=datetime.date(2025, 8, 31)
    )


def test_a_one_day_cohort_is_allowed(world):
    cohort = _cohort(world, starts_on=datetime.date(2025, 9, 1), ends_on=datetime.date(2025, 9, 1))

    assert cohort.pk is not None


def test_a_cohort_cannot_have_no_seats(world):
    _refused(_cohort, world, capacity=0)


def test_a_cohort_number_is_unique_within_its_course(world):
    _refused(_cohort, world, number=world.cohort.number)


def test_a_cohort_status_must_be_one_of_the_known_ones(world):
    _refused(_cohort, world, status="postponed")


def test_applications_cannot_close_before_they_open(world):
    _refused(
        _cohort,
        world,
        applications_open_on=datetime.date(2025, 8, 1),
        applications_close_on=datetime.date(2025, 7, 31),
    )


def test_an_application_window_open_at_one_end_is_allowed(world):
    cohort = _cohort(world, applications_open_on=datetime.date(2025, 8, 1))

    assert cohort.applications_close_on is None


def test_a_session_day_cannot_end_before_it_starts(world):
    _refused(_session_day, world, starts_at=datetime.time(18, 0), ends_at=datetime.time(9, 0))


def test_a_session_day_cannot_end_when_it_starts(world):
    _refused(_session_day, world, starts_at=datetime.time(9, 0), ends_at=datetime.time(9, 0))


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("-1.0"), Decimal("24.5")])
def test_a_session_day_has_between_zero_and_twenty_four_training_hours(world, hours):
    _refused(_session_day, world, hours=hours)


def test_a_cohort_has_one_session_day_per_date(world):
    _session_day(world)

    _refused(_session_day, world)
