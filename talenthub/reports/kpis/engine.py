"""How a KPI is computed, declared once: which rows it counts (a base, e.g. enrolments, and a
condition on them for the period), what it counts (rows, or distinct people or courses), and for a
rate what it divides by. From the declaration the engine builds the SQL aggregate — for one KPI,
or for every KPI of a base at once (one grouped query per breakdown, which the rollups use) — and
the drill-down's rows: the same condition, so a figure and its rows never disagree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort
from talenthub.enrollments.models import Application, Enrollment
from talenthub.events.choices import EventStatus
from talenthub.events.models import Event, Registration
from talenthub.partners.models import Agreement
from talenthub.projects.choices import ProjectStatus
from talenthub.projects.models import Project, ProjectApplication
from talenthub.reports.arithmetic import percent
from talenthub.reports.kpis.base import Figure, KpiResult, Period, Scope
from talenthub.reports.kpis.dimensions import key_of, with_bucket

Condition = Callable[[Period], Q]
# Company projects that ran (or run): not those only proposed, rejected or cancelled.
PROJECTS_RUN = frozenset(
    {ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED}
)


def _enrolments(scope: Scope) -> QuerySet[Any]:
    rows = Enrollment.objects.exclude(cohort__status=CohortStatus.CANCELLED)
    return scope.filter(rows, "cohort__course__hub")


def _applications(scope: Scope) -> QuerySet[Any]:
    rows = Application.objects.exclude(cohort__status=CohortStatus.CANCELLED)
    return scope.filter(rows, "cohort__course__hub")


def _projects(scope: Scope) -> QuerySet[Any]:
    rows = Project.objects.filter(status__in=sorted(PROJECTS_RUN))
    return scope.filter(rows, "organisation__hub")


def _project_applications(scope: Scope) -> QuerySet[Any]:
    rows = ProjectApplication.objects.filter(project__status__in=sorted(PROJECTS_RUN))
    return scope.filter(rows, "project__organisation__hub")


def _cohorts(scope: Scope) -> QuerySet[Any]:
    return scope.filter(Cohort.objects.exclude(status=CohortStatus.CANCELLED), "course__hub")


def _agreements(scope: Scope) -> QuerySet[Any]:
    return scope.filter(Agreement.objects.all(), "organisation__hub")


def _events(scope: Scope) -> QuerySet[Any]:
    return scope.filter(Event.objects.exclude(status=EventStatus.CANCELLED), "hub")


def _registrations(scope: Scope) -> QuerySet[Any]:
    rows = Registration.objects.exclude(event__status=EventStatus.CANCELLED)
    return scope.filter(rows, "event__hub")


# The rows each kind of KPI starts from, before any period: cancelled cohorts count nowhere.
BASES: dict[str, Callable[[Scope], QuerySet[Any]]] = {
    "enrolment": _enrolments,
    "application": _applications,
    "cohort": _cohorts,
    "agreement": _agreements,
    "project": _projects,
    "project_application": _project_applications,
    "event": _events,
    "registration": _registrations,
}


@dataclass(frozen=True)
class Counter:
    """Rows of `base` meeting `when(period)`, counted by `field` ("id": rows; else distinct)."""

    base: str
    when: Condition
    field: str = "id"

    def aggregate(self, period: Period) -> Count:
        return Count(self.field, distinct=self.field != "id", filter=self.when(period))


@dataclass(frozen=True)
class Measure:
    """A count, or with `of` a rate in percent: hits / of (both counts kept)."""

    hits: Counter
    of: Counter | None = None

    @property
    def base(self) -> str:
        return self.hits.base

    def rows(self, scope: Scope, period: Period) -> QuerySet[Any]:
        """The rows behind the figure: the denominator's for a rate, else the counted ones."""
        counter = self.of or self.hits
        return BASES[self.base](scope).filter(counter.when(period))

    def figure(self, values: dict[str, Any], prefix: str) -> Figure:
        hits = int(values[f"{prefix}_hits"] or 0)
        if self.of is None:
            return Figure(hits)
        of = int(values[f"{prefix}_of"] or 0)
        return Figure(percent(hits, of), hits, of)


def evaluate(
    measures: dict[str, Measure], scope: Scope, period: Period, by: str | None
) -> dict[str, KpiResult]:
    """Each measure's total and, with `by`, its figure per bucket: one query for the totals and
    one for the breakdown per base, however many measures share the base."""
    results: dict[str, KpiResult] = {}
    for base, group in _by_base(measures).items():
        aggregates: dict[str, Count] = {}
        window = Q(pk__in=[])
        for name, measure in group.items():
            aggregates[f"{name}_hits"] = measure.hits.aggregate(period)
            window |= measure.hits.when(period)
            if measure.of is not None:
                aggregates[f"{name}_of"] = measure.of.aggregate(period)
                window |= measure.of.when(period)
        rows = BASES[base](scope).filter(window).order_by()
        totals = rows.aggregate(**aggregates)
        buckets: list[dict[str, Any]] = []
        if by is not None:
            buckets = list(
                with_bucket(rows, base, by).values("_bucket").annotate(**aggregates).order_by()
            )
        for name, measure in group.items():
            # A bucket exists when the KPI has rows in it (rows fetched for another KPI of the
            # same base do not make one).
            counted = f"{name}_of" if measure.of is not None else f"{name}_hits"
            results[name] = KpiResult(
                measure.figure(totals, name),
                by,
                {
                    key_of(row["_bucket"]): measure.figure(row, name)
                    for row in buckets
                    if row[counted]
                },
            )
    return results


def _by_base(measures: dict[str, Measure]) -> dict[str, dict[str, Measure]]:
    grouped: dict[str, dict[str, Measure]] = {}
    for name, measure in measures.items():
        grouped.setdefault(measure.base, {})[name] = measure
    return grouped


def evaluate_one(
    name: str, measure: Measure, scope: Scope, period: Period, by: str | None
) -> KpiResult:
    return evaluate({name: measure}, scope, period, by)[name]
