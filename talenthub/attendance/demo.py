"""Demo attendance: scans for every past session day of the given cohorts, consistent with the
enrolment statuses the demo generator assigned.

Each trainee's days are planned in memory, checked with the rules engine itself, then written
with bulk_create: completed trainees end at or above their programme's completion threshold,
not-completed ones below it, drop-outs stop attending after their last day, and trainees of
running cohorts are mostly on track with a few at risk."""

from __future__ import annotations

import datetime
import math
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from talenthub.attendance import rules, tokens
from talenthub.attendance.choices import (
    CompletionOutcome,
    EventKind,
    EventSource,
    ExcuseCategory,
)
from talenthub.attendance.models import AttendanceEvent, CompletionDecision, ExcusedAbsence
from talenthub.attendance.selectors.records import local_zone, policies_for
from talenthub.courses.models import Cohort, SessionDay
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment

BATCH = 5000
EXCUSES = [
    (ExcuseCategory.ILLNESS, "병원 진료(진단서 제출)"),
    (ExcuseCategory.RESERVE_FORCES, "예비군 훈련"),
    (ExcuseCategory.FAMILY_EVENT, "가족 경조사"),
    (ExcuseCategory.EXAM_OR_INTERVIEW, "기업 채용 면접"),
]
Scan = tuple[str, datetime.datetime]


@dataclass(frozen=True)
class _Day:
    pk: int
    date: datetime.date
    starts: datetime.datetime
    ends: datetime.datetime


def _minutes(value: float) -> datetime.timedelta:
    return datetime.timedelta(minutes=value)


def _present(rng: random.Random, day: _Day) -> list[Scan]:
    return [
        (EventKind.CHECK_IN, day.starts - _minutes(rng.randint(0, 25) + rng.random())),
        (EventKind.CHECK_OUT, day.ends + _minutes(rng.randint(0, 15) + rng.random())),
    ]


def _infraction(rng: random.Random, day: _Day, grace: int) -> list[Scan]:
    """A day with exactly one late, early leave or outing, keeping well over half the day."""
    length = (day.ends - day.starts).total_seconds() / 60
    slack = length * 0.4 - grace  # minutes that can be lost beyond the grace period
    if slack < 2:
        return _present(rng, day)
    lost = grace + rng.uniform(1, min(slack, 90))
    kind = rng.choice(("late", "early", "outing"))
    if kind == "late":
        return [(EventKind.CHECK_IN, day.starts + _minutes(lost)), _present(rng, day)[1]]
    if kind == "early":
        return [_present(rng, day)[0], (EventKind.CHECK_OUT, day.ends - _minutes(lost))]
    out = day.starts + _minutes(length * rng.uniform(0.3, 0.5))
    return [
        *_present(rng, day),
        (EventKind.OUTING_START, out),
        (EventKind.OUTING_END, out + _minutes(min(lost, length * 0.3))),
    ]


def _absent(rng: random.Random, day: _Day) -> list[Scan]:
    if rng.random() < 0.8:
        return []
    # Came in but left within the first third: under half the day counts as absent.
    length = (day.ends - day.starts).total_seconds() / 60
    return [
        (EventKind.CHECK_IN, day.starts + _minutes(rng.randint(0, 5))),
        (EventKind.CHECK_OUT, day.starts + _minutes(length * rng.uniform(0.1, 0.33))),
    ]


def _counts(rng: random.Random, status: str, days: int, threshold: float) -> tuple[int, int, int]:
    """(excused, absent, infractions) that put the trainee on the side of the threshold their
    status demands."""
    excused = 1 if days >= 10 and rng.random() < 0.08 else 0
    countable = days - excused
    allowed = countable - math.ceil(threshold * countable)  # days that may be lost
    if status == EnrollmentStatus.NOT_COMPLETED:
        absent = min(countable, allowed + 1 + rng.randint(0, max(1, countable // 6)))
        return excused, absent, rng.randint(0, 3)
    if status == EnrollmentStatus.ENROLLED and rng.random() < 0.12:
        return excused, min(countable, allowed + rng.randint(0, 3)), rng.randint(0, 4)
    if status == EnrollmentStatus.DROPPED_OUT:
        return 0, rng.randint(0, max(0, days // 4)), rng.randint(0, 3)
    absent = rng.randint(0, max(0, min(allowed, 2)))
    infractions = rng.randint(0, 3 * (allowed - absent) + 2) if rng.random() < 0.6 else 0
    while infractions and absent + infractions // 3 > allowed:
        infractions -= 1
    return excused, absent, infractions


def _plan(
    rng: random.Random, status: str, days: list[_Day], policy: rules.Policy
) -> tuple[list[tuple[_Day, list[Scan]]], set[int]]:
    excused_n, absent_n, infractions_n = _counts(
        rng, status, len(days), float(policy.completion_threshold)
    )
    order = list(range(len(days)))
    rng.shuffle(order)
    if status == EnrollmentStatus.DROPPED_OUT:
        # Drop-outs fade: their absences cluster at the end of their time in the cohort.
        order = sorted(order, reverse=True)
    kinds: dict[int, str] = {}
    for position in order[:excused_n]:
        kinds[position] = "excused"
    for position in order[excused_n : excused_n + absent_n]:
        kinds[position] = "absent"
    rest = order[excused_n + absent_n :]
    for position in rest[:infractions_n]:
        kinds[position] = "infraction"
    planned: list[tuple[_Day, list[Scan]]] = []
    excused_days: set[int] = set()
    for position, day in enumerate(days):
        kind = kinds.get(position, "present")
        if kind == "excused":
            excused_days.add(day.pk)
            planned.append((day, []))
        elif kind == "absent":
            planned.append((day, _absent(rng, day)))
        elif kind == "infraction":
            planned.append((day, _infraction(rng, day, policy.grace_minutes)))
        else:
            planned.append((day, _present(rng, day)))
    return planned, excused_days


def _verdict(
    planned: list[tuple[_Day, list[Scan]]], excused: set[int], policy: rules.Policy
) -> rules.RateSummary:
    results = [
        rules.day_status(
            rules.record_from_scans(
                day.date, day.starts, day.ends, scans, excused=day.pk in excused
            ),
            policy,
        )
        for day, scans in planned
    ]
    return rules.summarise(results, policy)


def _consistent(status: str, summary: rules.RateSummary, policy: rules.Policy) -> bool:
    reaches = summary.ratio >= policy.completion_threshold
    if status == EnrollmentStatus.COMPLETED:
        return reaches
    if status == EnrollmentStatus.NOT_COMPLETED:
        return not reaches
    return True


_EVENT_COLUMNS = (
    "enrollment_id",
    "session_day_id",
    "kind",
    "at",
    "source",
    "recorded_by_id",
    "token_window",
    "created_at",
)


def _insert_events(rows: list[tuple[Any, ...]]) -> None:
    """Plain executemany: the ORM's per-value compilation cost 3x the insert itself here."""
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 -- names from model metadata
        quote(AttendanceEvent._meta.db_table),
        ", ".join(quote(column) for column in _EVENT_COLUMNS),
        ", ".join(["%s"] * len(_EVENT_COLUMNS)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


@transaction.atomic
def generate_attendance(
    *, rng: random.Random, cohorts: Iterable[Cohort], today: datetime.date
) -> int:
    """Create scans (and a few excused absences) for every session day before `today` of the
    cohorts' enrolments, plus completion decisions for finished ones. Returns events created.

    Completed and not-completed statuses are matched over the days before `today`: the demo
    generator gives those statuses only to cohorts that have ended."""
    cohort_list = list(
        Cohort.objects.filter(pk__in=[c.pk for c in cohorts]).select_related("course")
    )
    policies = policies_for(cohort_list)
    zone = local_zone()
    days_by_cohort: dict[int, list[_Day]] = defaultdict(list)
    for pk, cohort_id, date, starts_at, ends_at in (
        SessionDay.objects.filter(cohort__in=cohort_list, date__lt=today)
        .order_by("date")
        .values_list("pk", "cohort_id", "date", "starts_at", "ends_at")
    ):
        starts = datetime.datetime.combine(date, starts_at, tzinfo=zone)
        ends = datetime.datetime.combine(date, ends_at, tzinfo=zone)
        days_by_cohort[cohort_id].append(_Day(pk, date, starts, ends))
    events: list[tuple[Any, ...]] = []
    adapt = connection.ops.adapt_datetimefield_value
    created_at = adapt(timezone.now())
    excuses: list[ExcusedAbsence] = []
    decisions: list[CompletionDecision] = []
    enrollments = (
        Enrollment.objects.filter(cohort__in=cohort_list)
        .order_by("pk")
        .values_list("pk", "cohort_id", "user_id", "status", "enrolled_on", "finished_on")
    )
    created = 0
    qr = EventSource.QR.value
    for pk, cohort_id, user_id, status, enrolled_on, finished_on in enrollments:
        policy = policies[cohort_id]
        last = finished_on if status == EnrollmentStatus.DROPPED_OUT and finished_on else None
        days = [
            d
            for d in days_by_cohort.get(cohort_id, [])
            if d.date >= enrolled_on and (last is None or d.date <= last)
        ]
        if not days:
            continue
        planned, excused = _plan(rng, status, days, policy)
        summary = _verdict(planned, excused, policy)
        if not _consistent(status, summary, policy):
            # Rare corner (very short days): fall back to a plain record on the right side.
            fallback = "present" if status == EnrollmentStatus.COMPLETED else "absent"
            planned = [(day, _present(rng, day) if fallback == "present" else []) for day in days]
            excused = set()
            summary = _verdict(planned, excused, policy)
        for day, scans in planned:
            events.extend(
                (pk, day.pk, kind, adapt(at), qr, user_id, tokens.window_of(at), created_at)
                for kind, at in scans
            )
        for day_pk in excused:
            category, reason = rng.choice(EXCUSES)
            excuses.append(
                ExcusedAbsence(
                    enrollment_id=pk, session_day_id=day_pk, category=category, reason=reason
                )
            )
        if status in CompletionOutcome.values:
            reasons = (
                []
                if status == CompletionOutcome.COMPLETED
                else [
                    [rules.CompletionReason.ATTENDANCE_BELOW_THRESHOLD.value, f"{summary.percent}"]
                ]
            )
            decisions.append(
                CompletionDecision(
                    enrollment_id=pk,
                    outcome=status,
                    attendance_percent=Decimal(str(summary.percent)),
                    reasons=reasons,
                )
            )
        if len(events) >= BATCH:
            _insert_events(events)
            created += len(events)
            events = []
    if events:
        _insert_events(events)
    ExcusedAbsence.objects.bulk_create(excuses, batch_size=BATCH)
    CompletionDecision.objects.bulk_create(decisions, batch_size=BATCH)
    return created + len(events)
