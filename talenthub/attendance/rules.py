"""Korean training attendance rules (HRD-Net / K-Digital Training practice) over plain data.

No Django and no ORM here: session days and scans come in as dataclasses, statuses and rates go
out. Every default below is a per-programme setting (`Policy`, stored as `AttendancePolicy`).

Readings of the rules that the texts leave open, chosen here and tested:

- Late: check-in strictly after start + grace. Exactly at start + grace is on time.
- Early leave: check-out strictly before end - grace. Exactly at end - grace is not early.
- Absent: attended time strictly below `absent_below_ratio` (50 %) of the scheduled window;
  exactly 50 % attends. Attended time is the check-in..check-out span inside the window, minus
  outings. A missing check-out once the day is over counts as absent (HRD-Net: a day with no
  exit scan is not a training day attended until an operator corrects it). An outing with no
  return scan ends the day at the outing's start.
- Each late, each early leave and each outing is one infraction; every `lates_per_absence` (3)
  infractions turn one attended day into an absence. They are counted per month for the monthly
  rate (allowances) and over the whole run for the overall rate (completion).
- Excused days (공가) leave the denominator: rate = attended days / (training days - excused).
  A trainee with no countable day yet has a rate of 100 %.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


class DayStatus(StrEnum):
    PRESENT = "present"
    LATE = "late"
    EARLY_LEAVE = "early_leave"
    OUTING = "outing"
    ABSENT = "absent"
    EXCUSED = "excused"


# Order used by "more attendance never lowers a status"; excused stands outside the order.
STATUS_RANK: dict[DayStatus, int] = {
    DayStatus.ABSENT: 0,
    DayStatus.LATE: 1,
    DayStatus.EARLY_LEAVE: 1,
    DayStatus.OUTING: 1,
    DayStatus.PRESENT: 2,
}


class ScanKind(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    OUTING_START = "outing_start"
    OUTING_END = "outing_end"


class LiveState(StrEnum):
    NOT_ARRIVED = "not_arrived"
    IN = "in"
    ON_OUTING = "on_outing"
    LEFT = "left"
    EXCUSED = "excused"


class CompletionReason(StrEnum):
    ATTENDANCE_BELOW_THRESHOLD = "attendance_below_threshold"
    ASSESSMENT_FAILED = "assessment_failed"
    ASSESSMENT_NOT_TAKEN = "assessment_not_taken"


@dataclass(frozen=True)
class Policy:
    grace_minutes: int = 10
    absent_below_ratio: Fraction = Fraction(1, 2)
    lates_per_absence: int = 3
    completion_threshold: Fraction = Fraction(4, 5)

    def __post_init__(self) -> None:
        if self.grace_minutes < 0:
            raise ValueError("grace_minutes must not be negative")
        if not 0 <= self.absent_below_ratio <= 1:
            raise ValueError("absent_below_ratio must lie in [0, 1]")
        if self.lates_per_absence < 1:
            raise ValueError("lates_per_absence must be at least 1")
        if not 0 <= self.completion_threshold <= 1:
            raise ValueError("completion_threshold must lie in [0, 1]")

    @property
    def grace(self) -> datetime.timedelta:
        return datetime.timedelta(minutes=self.grace_minutes)


@dataclass(frozen=True)
class Outing:
    start: datetime.datetime
    end: datetime.datetime | None = None


@dataclass(frozen=True)
class DayRecord:
    """One trainee's scans on one session day; `starts_at`/`ends_at` are the scheduled window."""

    day: datetime.date
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    check_in: datetime.datetime | None = None
    check_out: datetime.datetime | None = None
    outings: tuple[Outing, ...] = ()
    excused: bool = False


def record_from_scans(
    day: datetime.date,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    scans: Iterable[tuple[str, datetime.datetime]],
    *,
    excused: bool = False,
) -> DayRecord:
    """Fold a day's scans (kind, time) into a record: the first check-in, the last check-out,
    and each outing start paired with the next outing end."""
    check_in: datetime.datetime | None = None
    check_out: datetime.datetime | None = None
    outings: list[Outing] = []
    open_start: datetime.datetime | None = None
    for kind, at in sorted(scans, key=lambda scan: scan[1]):
        if kind == ScanKind.CHECK_IN:
            check_in = at if check_in is None else min(check_in, at)
        elif kind == ScanKind.CHECK_OUT:
            check_out = at if check_out is None else max(check_out, at)
        elif kind == ScanKind.OUTING_START and open_start is None:
            open_start = at
        elif kind == ScanKind.OUTING_END and open_start is not None:
            outings.append(Outing(open_start, at))
            open_start = None
    if open_start is not None:
        outings.append(Outing(open_start, None))
    return DayRecord(day, starts_at, ends_at, check_in, check_out, tuple(outings), excused)


@dataclass(frozen=True)
class DayResult:
    day: datetime.date
    status: DayStatus
    attended_seconds: int
    scheduled_seconds: int
    late: bool = False
    early_leave: bool = False
    outings: int = 0

    @property
    def infractions(self) -> int:
        """Lates, early leaves and outings that count toward converted absences."""
        if self.status in (DayStatus.ABSENT, DayStatus.EXCUSED):
            return 0
        return int(self.late) + int(self.early_leave) + self.outings


def _seconds(delta: datetime.timedelta) -> int:
    return max(0, int(delta.total_seconds()))


def _overlap(
    a_start: datetime.datetime,
    a_end: datetime.datetime,
    b_start: datetime.datetime,
    b_end: datetime.datetime,
) -> tuple[datetime.datetime, datetime.datetime] | None:
    start, end = max(a_start, b_start), min(a_end, b_end)
    return (start, end) if end > start else None


def _merged(
    intervals: Iterable[tuple[datetime.datetime, datetime.datetime]],
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    merged: list[tuple[datetime.datetime, datetime.datetime]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def day_status(record: DayRecord, policy: Policy) -> DayResult:
    """The status of a closed day (the session has ended)."""
    scheduled = _seconds(record.ends_at - record.starts_at)
    if record.excused:
        return DayResult(record.day, DayStatus.EXCUSED, 0, scheduled)
    if record.check_in is None:
        return DayResult(record.day, DayStatus.ABSENT, 0, scheduled)
    leave = record.check_out
    open_outings = [o.start for o in record.outings if o.end is None]
    if open_outings:
        first_open = min(open_outings)
        leave = first_open if leave is None else min(leave, first_open)
    if leave is None:
        return DayResult(record.day, DayStatus.ABSENT, 0, scheduled)

    present = _overlap(record.check_in, leave, record.starts_at, record.ends_at)
    attended = 0
    outing_count = 0
    if present is not None:
        away = []
        for outing in record.outings:
            if outing.end is None:
                continue
            part = _overlap(outing.start, outing.end, *present)
            if part is not None:
                away.append(part)
                outing_count += 1
        attended = _seconds(present[1] - present[0]) - sum(
            _seconds(end - start) for start, end in _merged(away)
        )
    late = record.check_in > record.starts_at + policy.grace
    early = leave < record.ends_at - policy.grace
    if scheduled == 0 or Fraction(attended, scheduled) < policy.absent_below_ratio:
        status = DayStatus.ABSENT
    elif late:
        status = DayStatus.LATE
    elif early:
        status = DayStatus.EARLY_LEAVE
    elif outing_count:
        status = DayStatus.OUTING
    else:
        status = DayStatus.PRESENT
    return DayResult(record.day, status, attended, scheduled, late, early, outing_count)


def live_state(record: DayRecord, now: datetime.datetime) -> LiveState:
    """Where the trainee is now, for the instructor's roster while the day runs."""
    if record.excused:
        return LiveState.EXCUSED
    if record.check_in is None or record.check_in > now:
        return LiveState.NOT_ARRIVED
    if record.check_out is not None and record.check_out <= now:
        return LiveState.LEFT
    for outing in record.outings:
        if outing.start <= now and (outing.end is None or outing.end > now):
            return LiveState.ON_OUTING
    return LiveState.IN


@dataclass(frozen=True)
class RateSummary:
    scheduled_days: int = 0
    excused_days: int = 0
    absent_days: int = 0
    infractions: int = 0
    lates_per_absence: int = 3
    status_counts: dict[DayStatus, int] = field(default_factory=dict)

    @property
    def training_days(self) -> int:
        """The denominator: scheduled days less excused ones."""
        return self.scheduled_days - self.excused_days

    @property
    def converted_absences(self) -> int:
        return self.infractions // self.lates_per_absence

    @property
    def attended_days(self) -> int:
        return max(0, self.training_days - self.absent_days - self.converted_absences)

    @property
    def ratio(self) -> Fraction:
        if self.training_days <= 0:
            return Fraction(1)
        return Fraction(self.attended_days, self.training_days)

    @property
    def percent(self) -> float:
        return round(float(self.ratio * 100), 1)


def summarise(results: Iterable[DayResult], policy: Policy) -> RateSummary:
    counts: dict[DayStatus, int] = defaultdict(int)
    infractions = 0
    for result in results:
        counts[result.status] += 1
        infractions += result.infractions
    return RateSummary(
        scheduled_days=sum(counts.values()),
        excused_days=counts[DayStatus.EXCUSED],
        absent_days=counts[DayStatus.ABSENT],
        infractions=infractions,
        lates_per_absence=policy.lates_per_absence,
        status_counts=dict(counts),
    )


def monthly_rates(
    results: Iterable[DayResult], policy: Policy
) -> dict[tuple[int, int], RateSummary]:
    """Per calendar month, infractions counted within each month (the allowance period)."""
    by_month: dict[tuple[int, int], list[DayResult]] = defaultdict(list)
    for result in results:
        by_month[(result.day.year, result.day.month)].append(result)
    return {month: summarise(days, policy) for month, days in sorted(by_month.items())}


@dataclass(frozen=True)
class Outlook:
    summary: RateSummary
    remaining_days: int
    best_ratio: Fraction
    cannot_complete: bool
    below_pace: bool

    @property
    def at_risk(self) -> bool:
        return self.cannot_complete or self.below_pace


def outlook(summary: RateSummary, remaining_days: int, policy: Policy) -> Outlook:
    """Can the trainee still reach the completion threshold, and are they on pace for it?

    Best case: every remaining day attended without infraction. Below pace: still reachable, but
    the rate so far is under the threshold."""
    remaining = max(0, remaining_days)
    total = summary.training_days + remaining
    best = Fraction(1) if total <= 0 else Fraction(summary.attended_days + remaining, total)
    cannot = best < policy.completion_threshold
    below = not cannot and summary.training_days > 0 and summary.ratio < policy.completion_threshold
    return Outlook(summary, remaining, best, cannot, below)


@dataclass(frozen=True)
class AssessmentOutcome:
    name: str
    passed: bool | None  # None: not taken (no result recorded)


@dataclass(frozen=True)
class CompletionVerdict:
    completed: bool
    reasons: tuple[tuple[CompletionReason, str], ...] = ()


def decide_completion(
    summary: RateSummary, assessments: Sequence[AssessmentOutcome], policy: Policy
) -> CompletionVerdict:
    """Completed when the overall rate reaches the threshold and every assessment is passed;
    otherwise each failing condition is a reason (code, subject)."""
    reasons: list[tuple[CompletionReason, str]] = []
    if summary.ratio < policy.completion_threshold:
        reasons.append((CompletionReason.ATTENDANCE_BELOW_THRESHOLD, f"{summary.percent}"))
    for assessment in assessments:
        if assessment.passed is None:
            reasons.append((CompletionReason.ASSESSMENT_NOT_TAKEN, assessment.name))
        elif not assessment.passed:
            reasons.append((CompletionReason.ASSESSMENT_FAILED, assessment.name))
    return CompletionVerdict(not reasons, tuple(reasons))
