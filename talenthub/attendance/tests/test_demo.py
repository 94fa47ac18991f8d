from __future__ import annotations

import datetime
import random
import time

from talenthub.attendance.demo import generate_attendance
from talenthub.attendance.models import AttendanceEvent
from talenthub.attendance.services.completion import completion_cases
from talenthub.enrollments.models import Enrollment

STATUSES = ["completed"] * 14 + ["not_completed"] * 4 + ["dropped_out"] * 3


def test_demo_events_give_back_the_assigned_statuses(world, factories):
    cohort = world.cohort
    cohort.capacity = 60
    cohort.save()
    days = [
        factories.SessionDayFactory(
            cohort=cohort, date=datetime.date(2025, 3, 3) + datetime.timedelta(days=i)
        )
        for i in range(25)
    ]
    Enrollment.objects.filter(cohort=cohort).delete()
    rng = random.Random(7)
    for status in STATUSES:
        finished = datetime.date(2025, 4, 25)
        if status == "dropped_out":
            finished = days[rng.randint(3, 20)].date
        factories.EnrollmentFactory(
            cohort=cohort,
            status=status,
            finished_on=finished,
            dropout_reason="취업" if status == "dropped_out" else "",
        )
    started = time.perf_counter()
    created = generate_attendance(rng=rng, cohorts=[cohort], today=datetime.date(2025, 5, 1))
    assert time.perf_counter() - started < 5
    assert created == AttendanceEvent.objects.count() > 700
    enrollments = list(Enrollment.objects.filter(cohort=cohort))
    for case in completion_cases(cohort, enrollments):
        status = case.enrollment.status
        if status == "completed":
            assert case.verdict.completed, case.summary
        elif status == "not_completed":
            assert not case.verdict.completed, case.summary
    for enrollment in enrollments:
        if enrollment.status == "dropped_out":
            assert not AttendanceEvent.objects.filter(
                enrollment=enrollment, session_day__date__gt=enrollment.finished_on
            ).exists()


def test_demo_skips_days_from_today_on(world, factories):
    factories.SessionDayFactory(cohort=world.cohort, date=datetime.date(2025, 3, 4))
    factories.SessionDayFactory(cohort=world.cohort, date=datetime.date(2025, 3, 5))
    generate_attendance(
        rng=random.Random(1), cohorts=[world.cohort], today=datetime.date(2025, 3, 5)
    )
    assert set(AttendanceEvent.objects.values_list("session_day__date", flat=True)) <= {
        datetime.date(2025, 3, 4)
    }
