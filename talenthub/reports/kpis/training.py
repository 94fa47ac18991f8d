"""KPIs of courses and enrolments: courses run, participants, unique persons, graduates,
completion rate, people trained by level. Definitions: docs/kpi.md."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.reports.choices import RowKind, Unit
from talenthub.reports.kpis.base import KpiResult, Period, Scope, kpi
from talenthub.reports.kpis.dimensions import COHORT_DIMENSIONS, ENROLMENT_DIMENSIONS
from talenthub.reports.kpis.engine import Counter, Measure, evaluate_one

# Which rows count, for a period (cancelled cohorts are already left out by the base).


def cohort_started(period: Period) -> Q:
    return Q(starts_on__range=period.bounds)


def enrolment_started(period: Period) -> Q:
    """In a cohort that started in the period (whatever the enrolment's status)."""
    return Q(cohort__starts_on__range=period.bounds)


def enrolment_ended(period: Period) -> Q:
    """In a cohort that ended in the period (whatever the enrolment's status)."""
    return Q(cohort__ends_on__range=period.bounds)


def enrolment_completed(period: Period) -> Q:
    return enrolment_ended(period) & Q(status=EnrollmentStatus.COMPLETED)


APPLICATIONS = Measure(Counter("application", enrolment_started))
COURSES_RUN = Measure(Counter("cohort", cohort_started, field="course"))
PARTICIPANTS = Measure(Counter("enrolment", enrolment_started))
UNIQUE_PERSONS = Measure(Counter("enrolment", enrolment_started, field="user"))
GRADUATES = Measure(Counter("enrolment", enrolment_completed))
COMPLETION_RATE = Measure(
    Counter("enrolment", enrolment_completed), of=Counter("enrolment", enrolment_ended)
)
PEOPLE_TRAINED = Measure(Counter("enrolment", enrolment_completed, field="user"))


@kpi(
    title=_("Courses run"),
    summary=_(
        "Distinct courses with at least one cohort that started in the period and was not "
        "cancelled."
    ),
    unit=Unit.COUNT,
    dimensions=COHORT_DIMENSIONS,
    measure=COURSES_RUN,
    row_kind=RowKind.COHORT,
)
def courses_run(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Distinct courses with at least one cohort, not cancelled, whose start date is in the period.

    A course run twice counts once; per bucket it counts once in each bucket it ran in (by site, a
    course run at two sites counts at both), so buckets may add up to more than the total."""
    return evaluate_one("courses_run", COURSES_RUN, scope, period, by)


@kpi(
    title=_("Applications"),
    summary=_(
        "Applications, whatever became of them, to cohorts not cancelled that started in the "
        "period."
    ),
    unit=Unit.COUNT,
    dimensions=COHORT_DIMENSIONS,
    measure=APPLICATIONS,
    row_kind=RowKind.ENROLMENT,
)
def applications(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Applications in any status (received, waitlisted, offered, admitted, not selected,
    declined, lapsed, withdrawn) to cohorts, not cancelled, whose start date is in the period: the
    first step of the funnel applications, participants, graduates, jobs."""
    return evaluate_one("applications", APPLICATIONS, scope, period, by)


@kpi(
    title=_("Participants"),
    summary=_(
        "Enrolments, whatever their outcome, in cohorts not cancelled that started in the period."
    ),
    unit=Unit.COUNT,
    dimensions=ENROLMENT_DIMENSIONS,
    measure=PARTICIPANTS,
    row_kind=RowKind.ENROLMENT,
)
def participants(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Enrolments (any status) in cohorts, not cancelled, whose start date is in the period.

    A person in two cohorts counts twice (연인원); `unique_persons` counts them once."""
    return evaluate_one("participants", PARTICIPANTS, scope, period, by)


@kpi(
    title=_("Unique persons"),
    summary=_("Different people among the participants: a person in two cohorts counts once."),
    unit=Unit.COUNT,
    dimensions=ENROLMENT_DIMENSIONS,
    measure=UNIQUE_PERSONS,
    row_kind=RowKind.PERSON,
)
def unique_persons(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Distinct people among the enrolments counted by `participants`.

    Per bucket a person counts once in each bucket they fall in (by track, someone who took an AI
    and a big-data course counts in both)."""
    return evaluate_one("unique_persons", UNIQUE_PERSONS, scope, period, by)


@kpi(
    title=_("Graduates"),
    summary=_("Completed enrolments of cohorts not cancelled that ended in the period."),
    unit=Unit.COUNT,
    dimensions=ENROLMENT_DIMENSIONS,
    measure=GRADUATES,
    row_kind=RowKind.ENROLMENT,
)
def graduates(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Enrolments with status completed (수료) in cohorts, not cancelled, whose end date is in the
    period (배출 인원). A person who completed two cohorts counts twice."""
    return evaluate_one("graduates", GRADUATES, scope, period, by)


@kpi(
    title=_("Completion rate"),
    summary=_(
        "Completed enrolments as a share of all enrolments in cohorts not cancelled that ended "
        "in the period."
    ),
    unit=Unit.PERCENT,
    dimensions=ENROLMENT_DIMENSIONS,
    measure=COMPLETION_RATE,
    row_kind=RowKind.ENROLMENT,
)
def completion_rate(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Completed / started enrolments, in percent rounded half-up to 0.1, over the cohorts (not
    cancelled) whose end date is in the period.

    The denominator is every enrolment of those cohorts whatever its status (completed, not
    completed, dropped out, or still enrolled when the cohort's outcome was not yet recorded).
    No enrolment: no rate (None), never 0 %."""
    return evaluate_one("completion_rate", COMPLETION_RATE, scope, period, by)


@kpi(
    title=_("People trained by level"),
    summary=_(
        "Different people who completed a cohort that ended in the period, by the level of its "
        "course."
    ),
    unit=Unit.COUNT,
    dimensions=ENROLMENT_DIMENSIONS,
    measure=PEOPLE_TRAINED,
    row_kind=RowKind.PERSON,
    default_dimension="level",
)
def people_trained_by_level(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Distinct people with a completed enrolment counted by `graduates`, reported by course level.

    The total counts each person once; by level a person counts once per level they completed, so
    the levels may add up to more than the total. Asked without a dimension it breaks down by
    level."""
    return evaluate_one("people_trained_by_level", PEOPLE_TRAINED, scope, period, by or "level")
