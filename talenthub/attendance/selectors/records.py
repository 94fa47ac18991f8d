"""Turning stored scans into the rules engine's plain records, in a fixed number of queries."""

from __future__ import annotations

import datetime
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.db.models import Q

from talenthub.attendance import rules
from talenthub.attendance.models import AttendanceEvent, AttendancePolicy, ExcusedAbsence
from talenthub.courses.models import Cohort, SessionDay
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment

# Check-in opens this long before a session starts and closes this long after it ends.
OPENS_BEFORE = datetime.timedelta(minutes=60)
CLOSES_AFTER = datetime.timedelta(minutes=30)


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def day_window(day: SessionDay) -> tuple[datetime.datetime, datetime.datetime]:
    """The scheduled start and end of a session day as aware datetimes (Asia/Seoul)."""
    zone = local_zone()
    return (
        datetime.datetime.combine(day.date, day.starts_at, tzinfo=zone),
        datetime.datetime.combine(day.date, day.ends_at, tzinfo=zone),
    )


def scan_window(day: SessionDay) -> tuple[datetime.datetime, datetime.datetime]:
    starts, ends = day_window(day)
    return starts - OPENS_BEFORE, ends + CLOSES_AFTER


def _policy_from_row(row: AttendancePolicy) -> rules.Policy:
    return rules.Policy(
        grace_minutes=row.grace_minutes,
        absent_below_ratio=Fraction(row.absent_below_ratio),
        lates_per_absence=row.lates_per_absence,
        completion_threshold=Fraction(row.completion_threshold),
    )


def policies_for(cohorts: Iterable[Cohort]) -> dict[int, rules.Policy]:
    """Policy per cohort id: the course's override, else the hub's, else the defaults."""
    cohorts = list(cohorts)
    hub_ids = {c.course.hub_id for c in cohorts}
    course_ids = {c.course_id for c in cohorts}
    by_hub: dict[int, rules.Policy] = {}
    by_course: dict[int, rules.Policy] = {}
    rows = AttendancePolicy.objects.filter(
        Q(hub_id__in=hub_ids, course__isnull=True) | Q(course_id__in=course_ids)
    )
    for row in rows:
        if row.course_id is None:
            by_hub[row.hub_id] = _policy_from_row(row)
        else:
            by_course[row.course_id] = _policy_from_row(row)
    return {
        c.pk: by_course.get(c.course_id) or by_hub.get(c.course.hub_id) or rules.Policy()
        for c in cohorts
    }


def policy_for(cohort: Cohort) -> rules.Policy:
    return policies_for([cohort])[cohort.pk]


def counts_for(enrollment: Enrollment, day: SessionDay) -> bool:
    """Days before a late joiner's enrolment or after a drop-out are not theirs to attend."""
    if day.date < enrollment.enrolled_on:
        return False
    return not (
        enrollment.status == EnrollmentStatus.DROPPED_OUT
        and enrollment.finished_on is not None
        and day.date > enrollment.finished_on
    )


@dataclass(frozen=True)
class Book:
    """One enrolment's session days with their records, in date order."""

    enrollment: Enrollment
    days: tuple[tuple[SessionDay, rules.DayRecord], ...]

    def closed_results(
        self, policy: rules.Policy, as_of: datetime.datetime
    ) -> list[rules.DayResult]:
        return [
            rules.day_status(record, policy)
            for _day, record in self.days
            if record.ends_at <= as_of
        ]

    def remaining_days(self, as_of: datetime.datetime) -> int:
        return sum(1 for _day, record in self.days if record.ends_at > as_of)

    def record_on(self, day_id: int) -> rules.DayRecord | None:
        for day, record in self.days:
            if day.pk == day_id:
                return record
        return None


def books_for(
    enrollments: Sequence[Enrollment], days: Sequence[SessionDay] | None = None
) -> dict[int, Book]:
    """Books of the given enrolments (their cohorts' days unless `days` is given): three queries."""
    if not enrollments:
        return {}
    if days is None:
        cohort_ids = {e.cohort_id for e in enrollments}
        days = list(SessionDay.objects.filter(cohort_id__in=cohort_ids).order_by("date"))
    days_by_cohort: dict[int, list[SessionDay]] = defaultdict(list)
    for day in days:
        days_by_cohort[day.cohort_id].append(day)
    ids = [e.pk for e in enrollments]
    day_ids = [d.pk for d in days]
    scans: dict[tuple[int, int], list[tuple[str, datetime.datetime]]] = defaultdict(list)
    events = AttendanceEvent.objects.filter(
        enrollment_id__in=ids, session_day_id__in=day_ids, voided_by__isnull=True
    ).values_list("enrollment_id", "session_day_id", "kind", "at")
    for enrollment_id, day_id, kind, at in events:
        scans[(enrollment_id, day_id)].append((kind, at))
    excused = set(
        ExcusedAbsence.objects.filter(
            enrollment_id__in=ids, session_day_id__in=day_ids
        ).values_list("enrollment_id", "session_day_id")
    )
    books: dict[int, Book] = {}
    for enrollment in enrollments:
        entries = []
        for day in days_by_cohort.get(enrollment.cohort_id, []):
            if not counts_for(enrollment, day):
                continue
            starts, ends = day_window(day)
            key = (enrollment.pk, day.pk)
            record = rules.record_from_scans(
                day.date, starts, ends, scans.get(key, []), excused=key in excused
            )
            entries.append((day, record))
        books[enrollment.pk] = Book(enrollment, tuple(entries))
    return books
