"""Every KPI as a named, documented function of (scope, period, breakdown), computed in SQL from raw
rows. Importing this package registers them, in the order of docs/kpi.md.

    from talenthub.reports.kpis import Period, Scope, graduates
    graduates(Scope.for_hub(hub), Period.year(2025)).total.value
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from talenthub.courses.choices import Level
from talenthub.reports.kpis.base import (
    REGISTRY,
    Figure,
    KpiDefinition,
    KpiResult,
    Period,
    Scope,
    get_kpi,
)
from talenthub.reports.kpis.engine import Measure, evaluate
from talenthub.reports.kpis.events import (
    event_participants,
    event_unique_participants,
    events_held,
)
from talenthub.reports.kpis.outcomes import jobs_and_startups, jobs_and_startups_rate
from talenthub.reports.kpis.partners import partner_agreements
from talenthub.reports.kpis.projects import company_projects, project_hire_rate, project_hires
from talenthub.reports.kpis.satisfaction import (
    satisfaction,
    satisfaction_weighted,
    survey_response_rate,
)
from talenthub.reports.kpis.training import (
    applications,
    completion_rate,
    courses_run,
    graduates,
    participants,
    people_trained_by_level,
    unique_persons,
)

# Reports list KPIs in this order (docs/kpi.md's); a KPI missing here fails at import.
ORDER = (
    "courses_run",
    "applications",
    "participants",
    "unique_persons",
    "graduates",
    "completion_rate",
    "people_trained_by_level",
    "satisfaction",
    "satisfaction_weighted",
    "survey_response_rate",
    "jobs_and_startups",
    "jobs_and_startups_rate",
    "company_projects",
    "project_hires",
    "project_hire_rate",
    "partner_agreements",
    "events_held",
    "event_participants",
    "event_unique_participants",
)
if len(ORDER) != len(set(ORDER)):
    raise ImportError(
        f"KPI order names a KPI twice: {sorted(n for n in ORDER if ORDER.count(n) > 1)}"
    )
if set(ORDER) != set(REGISTRY):
    raise ImportError(f"KPI order and registry differ: {sorted(set(ORDER) ^ set(REGISTRY))}")
_ordered = {name: REGISTRY[name] for name in ORDER}
REGISTRY.clear()
REGISTRY.update(_ordered)


def compute_all(scope: Scope, period: Period, by: str | None = None) -> dict[str, KpiResult]:
    """Every KPI for one scope and period, in registry order: the same figures as calling each
    KPI function, in one query per kind of row (and per breakdown) instead of one per KPI.

    Without `by`, a KPI reported as a breakdown (people trained by level) comes with it; with
    `by`, only the KPIs that have that breakdown are returned."""
    counted = {n: d.measure for n, d in REGISTRY.items() if d.measure is not None}
    others = [d for d in REGISTRY.values() if d.measure is None]
    if by is not None:
        having = {n: m for n, m in counted.items() if by in REGISTRY[n].dimensions}
        results = evaluate(having, scope, period, by)
        results.update({d.name: d(scope, period, by) for d in others if by in d.dimensions})
        return {name: results[name] for name in REGISTRY if name in results}
    results = evaluate(counted, scope, period, None)
    defaults: dict[str, dict[str, Measure]] = {}
    for name, measure in counted.items():
        dimension = REGISTRY[name].default_dimension
        if dimension:
            defaults.setdefault(dimension, {})[name] = measure
    for dimension, measures in defaults.items():
        results.update(evaluate(measures, scope, period, dimension))
    results.update({d.name: d(scope, period) for d in others})
    return {name: results[name] for name in REGISTRY}


def plain(value: int | Decimal | None) -> int | float | None:
    """A figure's value for JSON: counts as integers, rates and scores as numbers (92.4)."""
    return float(value) if isinstance(value, Decimal) else value


def as_json(results: dict[str, KpiResult]) -> dict[str, Any]:
    """The CLI's JSON object: KPI name → value; people trained by level → total and each level;
    with a breakdown, KPI name → {"total": value, "by": {bucket: value}}."""
    out: dict[str, Any] = {}
    for name, result in results.items():
        if name == "people_trained_by_level" and result.dimension == "level":
            levels: dict[str, int | Decimal | None] = dict.fromkeys(Level.values, 0)
            levels.update({k: f.value for k, f in result.by.items()})
            out[name] = {"total": result.total.value, **levels}
        elif result.dimension is not None:
            out[name] = {
                "total": plain(result.total.value),
                "by": {k: plain(f.value) for k, f in sorted(result.by.items())},
            }
        else:
            out[name] = plain(result.total.value)
    return out


__all__ = [
    "ORDER",
    "REGISTRY",
    "Figure",
    "KpiDefinition",
    "KpiResult",
    "Period",
    "Scope",
    "applications",
    "as_json",
    "company_projects",
    "completion_rate",
    "compute_all",
    "courses_run",
    "event_participants",
    "event_unique_participants",
    "events_held",
    "get_kpi",
    "graduates",
    "jobs_and_startups",
    "jobs_and_startups_rate",
    "participants",
    "partner_agreements",
    "people_trained_by_level",
    "project_hire_rate",
    "project_hires",
    "satisfaction",
    "satisfaction_weighted",
    "survey_response_rate",
    "unique_persons",
]
