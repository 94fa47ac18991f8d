"""Rates, outlooks and the live roster of a cohort; query counts do not grow with trainees."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from talenthub.attendance import rules
from talenthub.attendance.choices import DayStatusChoice, RiskLevel, RosterState
from talenthub.attendance.selectors.records import Book, books_for, day_window, policy_for
from talenthub.courses.models import Cohort, SessionDay
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.enrollments.selectors import roster_of


@dataclass(frozen=True)
class TraineeProgress:
    enrollment: Enrollment
    summary: rules.RateSummary
    outlook: rules.Outlook

    @property
    def risk_level(self) -> str:
        if self.enrollment.status != EnrollmentStatus.ENROLLED:
            return ""
        if self.outlook.cannot_complete:
            return RiskLevel.CANNOT_COMPLETE
        if self.outlook.below_pace:
            return RiskLevel.BELOW_PACE
        return ""

    @property
    def risk_label(self) -> str:
        return str(RiskLevel(self.risk_level).label) if self.risk_level else ""

    @property
    def best_percent(self) -> float:
        return round(float(self.outlook.best_ratio * 100), 1)


def _progress(book: Book, policy: rules.Policy, as_of: datetime.datetime) -> TraineeProgress:
    summary = rules.summarise(book.closed_results(policy, as_of), policy)
    return TraineeProgress(
        book.enrollment, summary, rules.outlook(summary, book.remaining_days(as_of), policy)
    )


def cohort_progress(cohort: Cohort, as_of: datetime.datetime) -> list[TraineeProgress]:
    """Every trainee of the cohort with the rate over the days closed by `as_of`."""
    enrollments = list(roster_of(cohort))
    policy = policy_for(cohort)
    books = books_for(enrollments)
    return [_progress(books[e.pk], policy, as_of) for e in enrollments]


def at_risk_in_cohort(cohort: Cohort, as_of: datetime.datetime) -> list[TraineeProgress]:
    """Enrolled trainees who can no longer reach the completion threshold, or are below it."""
    return [p for p in cohort_progress(cohort, as_of) if p.risk_level]


@dataclass(frozen=True)
class RosterRow:
    progress: TraineeProgress
    record: rules.DayRecord
    state: str
    state_label: str

    @property
    def enrollment(self) -> Enrollment:
        return self.progress.enrollment


def _roster_state(
    record: rules.DayRecord, policy: rules.Policy, now: datetime.datetime
) -> tuple[str, str]:
    if now >= record.ends_at:
        status = rules.day_status(record, policy).status
        return status.value, str(DayStatusChoice(status.value).label)
    live = rules.live_state(record, now)
    late = record.check_in is not None and record.check_in > record.starts_at + policy.grace
    state = {
        rules.LiveState.NOT_ARRIVED: RosterState.NOT_ARRIVED,
        rules.LiveState.IN: RosterState.LATE if late else RosterState.IN,
        rules.LiveState.ON_OUTING: RosterState.ON_OUTING,
        rules.LiveState.LEFT: RosterState.LEFT,
        rules.LiveState.EXCUSED: RosterState.EXCUSED,
    }[live]
    return state.value, str(state.label)


def day_roster(day: SessionDay, now: datetime.datetime) -> list[RosterRow]:
    """The trainees expected on `day` with where they are now and their rate so far."""
    enrollments = list(roster_of(day.cohort))
    policy = policy_for(day.cohort)
    books = books_for(enrollments)
    rows = []
    for enrollment in enrollments:
        book = books[enrollment.pk]
        record = book.record_on(day.pk)
        if record is None:
            continue
        state, label = _roster_state(record, policy, now)
        rows.append(RosterRow(_progress(book, policy, now), record, state, label))
    return rows


def trainee_day_record(enrollment: Enrollment, day: SessionDay) -> rules.DayRecord:
    book = books_for([enrollment], [day])[enrollment.pk]
    record = book.record_on(day.pk)
    if record is None:
        starts, ends = day_window(day)
        return rules.DayRecord(day.date, starts, ends)
    return record


@dataclass(frozen=True)
class MyCourse:
    progress: TraineeProgress
    monthly: dict[tuple[int, int], rules.RateSummary]
    days: list[tuple[SessionDay, rules.DayResult | None]]


def person_progress(user_id: int, now: datetime.datetime) -> list[MyCourse]:
    """A trainee's own enrolments with overall and monthly rates and each day's status."""
    from talenthub.attendance.selectors.records import policies_for

    enrollments = list(
        Enrollment.objects.filter(user_id=user_id)
        .select_related("cohort__course__hub", "completion_decision", "certificate")
        .order_by("-cohort__starts_on")
    )
    policies = policies_for([e.cohort for e in enrollments])
    books = books_for(enrollments)
    courses = []
    for enrollment in enrollments:
        book, policy = books[enrollment.pk], policies[enrollment.cohort_id]
        days = [
            (day, rules.day_status(record, policy) if record.ends_at <= now else None)
            for day, record in book.days
        ]
        results = [result for _day, result in days if result is not None]
        courses.append(
            MyCourse(_progress(book, policy, now), rules.monthly_rates(results, policy), days)
        )
    return courses
