from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from talenthub.core.errors import DomainError
from talenthub.enrollments.models import Enrollment
from talenthub.enrollments.services import enrollment_create, enrollment_finish

MARCH_3 = datetime.date(2025, 3, 3)


@pytest.fixture(autouse=True)
def _english():
    """Messages compared in English; the Korean catalogue is tested in tests/i18n."""
    with translation.override("en"):
        yield


@pytest.fixture
def small_cohort(world, factories):
    """A cohort of alpha with two seats and no one in them."""
    return factories.CohortFactory(course=world.course, number=2, capacity=2)


def test_enrolling_a_person_creates_their_enrolment(world, small_cohort):
    enrollment = enrollment_create(
        cohort=small_cohort,
        user=world["mentor"],
        enrolled_on=MARCH_3,
        is_job_seeker_at_entry=True,
        is_neet_at_entry=True,
    )

    enrollment.refresh_from_db()
    assert (enrollment.cohort, enrollment.user, enrollment.status, enrollment.enrolled_on) == (
        small_cohort,
        world["mentor"],
        "enrolled",
        MARCH_3,
    )
    assert (enrollment.is_job_seeker_at_entry, enrollment.is_neet_at_entry) == (True, True)


def test_enrolling_fills_a_cohort_up_to_its_capacity(world, small_cohort):
    enrollment_create(cohort=small_cohort, user=world["mentor"], enrolled_on=MARCH_3)
    enrollment_create(cohort=small_cohort, user=world["judge"], enrolled_on=MARCH_3)

    assert small_cohort.enrollments.count() == 2


def test_enrolling_into_a_full_cohort_is_refused_and_saves_nothing(world, small_cohort):
    enrollment_create(cohort=small_cohort, user=world["mentor"], enrolled_on=MARCH_3)
    enrollment_create(cohort=small_cohort, user=world["judge"], enrolled_on=MARCH_3)

    with pytest.raises(DomainError) as raised:
        enrollment_create(cohort=small_cohort, user=world["company"], enrolled_on=MARCH_3)

    assert (raised.value.field, raised.value.message) == ("cohort", "This cohort is full.")
    assert not Enrollment.objects.filter(cohort=small_cohort, user=world["company"]).exists()


def test_the_capacity_is_read_from_the_database_not_the_callers_copy(world, small_cohort):
    stale = type(small_cohort).objects.get(pk=small_cohort.pk)
    type(small_cohort).objects.filter(pk=small_cohort.pk).update(capacity=1)
    enrollment_create(cohort=stale, user=world["mentor"], enrolled_on=MARCH_3)

    with pytest.raises(DomainError) as raised:
        enrollment_create(cohort=stale, user=world["judge"], enrolled_on=MARCH_3)

    assert raised.value.field == "cohort"


def test_enrolling_the_same_person_twice_is_refused_with_a_clear_message(world):
    with pytest.raises(DomainError) as raised:
        enrollment_create(cohort=world.cohort, user=world["trainee"], enrolled_on=MARCH_3)

    assert (raised.value.field, raised.value.message) == (
        "user",
        "This person is already enrolled in this cohort.",
    )
    assert Enrollment.objects.filter(cohort=world.cohort, user=world["trainee"]).count() == 1


def test_a_person_may_enrol_in_two_cohorts(world, small_cohort):
    enrollment_create(cohort=small_cohort, user=world["trainee"], enrolled_on=MARCH_3)

    assert world["trainee"].enrollments.count() == 2


def _enrolment(world):
    return world["trainee"].enrollments.get(cohort=world.cohort)


def test_completing_an_enrolment_records_its_status_and_date(world):
    enrollment = enrollment_finish(
        enrollment=_enrolment(world), status="completed", finished_on=datetime.date(2025, 4, 25)
    )

    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.finished_on, enrollment.dropout_reason) == (
        "completed",
        datetime.date(2025, 4, 25),
        "",
    )


def test_not_completing_an_enrolment_records_its_status_and_date(world):
    enrollment = enrollment_finish(
        enrollment=_enrolment(world), status="not_completed", finished_on=datetime.date(2025, 4, 25)
    )

    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.finished_on) == (
        "not_completed",
        datetime.date(2025, 4, 25),
    )


def test_dropping_out_records_the_reason_trimmed(world):
    enrollment = enrollment_finish(
        enrollment=_enrolment(world),
        status="dropped_out",
        finished_on=datetime.date(2025, 3, 20),
        dropout_reason="  조기 취업  ",
    )

    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.dropout_reason) == ("dropped_out", "조기 취업")


@pytest.mark.parametrize("status", ["completed", "not_completed", "dropped_out"])
def test_finishing_before_the_enrolment_date_is_refused_on_the_date_field(world, status):
    enrolment = _enrolment(world)
    day_before = enrolment.enrolled_on - datetime.timedelta(days=1)

    with pytest.raises(DomainError) as raised:
        enrollment_finish(
            enrollment=enrolment, status=status, finished_on=day_before, dropout_reason="취업"
        )

    assert raised.value.field == "finished_on"
    assert raised.value.message == (
        f"The completion or drop-out date ({day_before:%Y-%m-%d}) cannot be before the "
        f"enrolment date ({enrolment.enrolled_on:%Y-%m-%d})."
    )
    assert _enrolment(world).status == "enrolled"


def test_finishing_on_the_enrolment_date_itself_is_allowed(world):
    enrolment = _enrolment(world)

    enrollment_finish(
        enrollment=enrolment,
        status="dropped_out",
        finished_on=enrolment.enrolled_on,
        dropout_reason="이사",
    )

    assert _enrolment(world).finished_on == enrolment.enrolled_on


@pytest.mark.parametrize("reason", ["", "   "])
def test_dropping_out_without_a_reason_is_refused(world, reason):
    with pytest.raises(DomainError) as raised:
        enrollment_finish(
            enrollment=_enrolment(world),
            status="dropped_out",
            finished_on=datetime.date(2025, 3, 20),
            dropout_reason=reason,
        )

    assert (raised.value.field, raised.value.message) == (
        "dropout_reason",
        "Give the reason for dropping out.",
    )
    assert _enrolment(world).status == "enrolled"


def test_finishing_with_the_status_enrolled_is_refused(world):
    with pytest.raises(DomainError) as raised:
        enrollment_finish(
            enrollment=_enrolment(world), status="enrolled", finished_on=datetime.date(2025, 4, 25)
        )

    assert (raised.value.field, raised.value.message) == (
        "status",
        "A finished enrolment needs a final status.",
    )
    assert _enrolment(world).finished_on is None
