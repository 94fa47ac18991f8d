"""A press-release style summary of a hub's results: a template whose every number comes from the
KPI functions (computed from raw rows for this document) and links to the KPI's definition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from talenthub.hubs.models import Hub
from talenthub.reports.kpis import Period, Scope, compute_all
from talenthub.reports.presentation import display

YEARS = 6


@dataclass(frozen=True)
class Number:
    kpi: str
    text: str
    url: str


def press_release(hub: Hub, year: int) -> dict[str, Any]:
    scope = Scope.for_hub(hub)
    window = compute_all(scope, Period.years(year - YEARS + 1, year))
    this_year = compute_all(scope, Period.year(year))

    def number(results: dict[str, Any], kpi: str, unit: str = "count") -> Number:
        return Number(
            kpi,
            display(unit, results[kpi].total.value),
            reverse("reports:definition", args=[kpi]),
        )

    return {
        "hub": hub,
        "year": year,
        "first_year": year - YEARS + 1,
        "years": YEARS,
        "courses": number(window, "courses_run"),
        "graduates": number(window, "graduates"),
        "satisfaction": number(window, "satisfaction", "score"),
        "jobs": number(window, "jobs_and_startups"),
        "courses_this_year": number(this_year, "courses_run"),
        "participants_this_year": number(this_year, "participants"),
        "has_satisfaction": window["satisfaction"].total.value is not None,
    }
