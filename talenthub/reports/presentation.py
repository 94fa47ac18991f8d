"""From rollup figures to what a page shows: formatted values, each with the link to the rows
that make it, tables by dimension, and chart data (the same numbers, for reports-charts.js).
No queries here: the views pass in what the selectors read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.translation import gettext as _

from talenthub.reports.choices import PeriodKind, Unit
from talenthub.reports.kpis import REGISTRY
from talenthub.reports.kpis.dimensions import DIMENSIONS, UNKNOWN
from talenthub.reports.selectors.rollups import Figures, Value

DASH = "—"
# The KPIs on the headline tables, in order; people trained is shown by level on its own.
HEADLINE = [
    name for name in REGISTRY if name not in ("people_trained_by_level", "satisfaction_weighted")
]
TREND_KPIS = ("participants", "graduates", "courses_run")


def display(unit: str, value: Decimal | int | None) -> str:
    if value is None:
        return DASH
    if unit == Unit.COUNT:
        return str(intcomma(int(value)))
    number = Decimal(value).quantize(Decimal("0.1"))
    return f"{number}%" if unit == Unit.PERCENT else str(number)


def plain(value: Decimal | int | None) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class Cell:
    text: str
    url: str | None = None
    detail: str = ""


@dataclass
class Row:
    label: str
    cells: list[Cell] = field(default_factory=list)
    url: str | None = None


def cell(name: str, value: Value | None, url: str | None) -> Cell:
    unit = REGISTRY[name].unit
    if value is None:
        return Cell(DASH)
    detail = ""
    if unit == Unit.PERCENT and value.denominator is not None:
        detail = f"{intcomma(value.numerator or 0)} / {intcomma(value.denominator)}"
    return Cell(display(unit, value.value), url, detail)


def bucket_label(dimension: str, key: str, names: dict[str, str] | None = None) -> str:
    choices = DIMENSIONS[dimension].choices
    if choices:
        return str(dict(choices).get(key, key))
    if key == UNKNOWN:
        return _("Not stated")
    return (names or {}).get(key, key)


def with_query(url: str, **params: Any) -> str:
    query = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{url}?{urlencode(query)}" if query else url


# Builds the drill-down URL of a figure: (kpi, period, year, dimension, bucket) → URL or None.
Linker = Callable[[str, str, int, str, str], str | None]


def hub_linker(code: str) -> Linker:
    def link(kpi: str, period: str, year: int, dimension: str = "", bucket: str = "") -> str:
        url = reverse("reports:hub_drill", args=[code, kpi])
        return with_query(url, year=year, period=period, dimension=dimension, bucket=bucket)

    return link


def scope_linker(viewname: str, *args: Any) -> Linker:
    def link(kpi: str, period: str, year: int, dimension: str = "", bucket: str = "") -> str:
        url = reverse(viewname, args=[*args, kpi])
        return with_query(url, year=year, period=period, dimension=dimension, bucket=bucket)

    return link


def headline_rows(
    year: int, current: Figures, previous: Figures, window: Figures, link: Linker
) -> list[Row]:
    """Each KPI: this year, last year, the six years to this year."""
    rows = []
    for name in HEADLINE:
        rows.append(
            Row(
                str(REGISTRY[name].title),
                [
                    cell(name, current.get(name), link(name, PeriodKind.YEAR, year, "", "")),
                    cell(name, previous.get(name), link(name, PeriodKind.YEAR, year - 1, "", "")),
                    cell(name, window.get(name), link(name, PeriodKind.SIX_YEARS, year, "", "")),
                ],
                url=reverse("reports:definition", args=[name]),
            )
        )
    return rows


def trend(
    years: list[int], by_year: dict[int, Figures], link: Linker, kpis: Iterable[str] = TREND_KPIS
) -> tuple[list[Row], dict[str, Any]]:
    """A table (KPI by year, every figure linked) and its chart."""
    rows, datasets = [], []
    for name in kpis:
        values = [by_year[y].get(name) for y in years]
        rows.append(
            Row(
                str(REGISTRY[name].title),
                [
                    cell(name, v, link(name, PeriodKind.YEAR, y, "", ""))
                    for v, y in zip(values, years, strict=True)
                ],
            )
        )
        datasets.append(
            {
                "label": str(REGISTRY[name].title),
                "data": [plain(v.value) if v else None for v in values],
            }
        )
    return rows, {"type": "bar", "labels": [str(y) for y in years], "datasets": datasets}


def breakdown_keys(figures: Figures, dimension: str, kpis: Iterable[str]) -> list[str]:
    """The buckets a breakdown lists: every known choice of `dimension`, then every other bucket
    a figure of the KPIs has."""
    keys: list[str] = []
    choices = DIMENSIONS[dimension].choices
    if choices:
        keys = [code for code, _label in choices if code != UNKNOWN]
    for name in kpis:
        for key in sorted(figures.buckets(name, dimension)):
            if key not in keys:
                keys.append(key)
    return keys


def breakdown(
    figures: Figures,
    dimension: str,
    kpis: Iterable[str],
    year: int,
    link: Linker,
    names: dict[str, str] | None = None,
    period: str = PeriodKind.YEAR,
) -> tuple[list[Row], dict[str, Any]]:
    """Rows per bucket of `dimension` (every known choice, zeros included), one cell per KPI."""
    kpis = list(kpis)
    keys = breakdown_keys(figures, dimension, kpis)
    labels = {key: bucket_label(dimension, key, names) for key in keys}
    return breakdown_by_keys(figures, dimension, kpis, keys, year, link, labels, period)


def _value(value: Value | None) -> Decimal | None:
    return value.value if value is not None else Decimal(0)


def _int(value: Value | None) -> int | None:
    return int(value.value) if value is not None and value.value is not None else None


def funnel(figures: Figures, year: int, link: Linker) -> tuple[list[Row], dict[str, Any]]:
    """Applications and participants of the cohorts that started in the year; graduates and
    people into jobs or startups of those that ended in it (each step its KPI's definition)."""
    steps = [
        (_("Applications"), "applications"),
        (_("Participants"), "participants"),
        (_("Graduates"), "graduates"),
        (_("Into jobs or startups"), "jobs_and_startups"),
    ]
    counts = [_int(figures.get(name)) for _label, name in steps]
    rows = [
        Row(
            str(label),
            [Cell(display(Unit.COUNT, count), link(name, PeriodKind.YEAR, year, "", ""))],
        )
        for (label, name), count in zip(steps, counts, strict=True)
    ]
    chart = {
        "type": "bar",
        "horizontal": True,
        "labels": [str(label) for label, _name in steps],
        "datasets": [{"label": _("People"), "data": counts}],
    }
    return rows, chart


def zero_or_none(name: str) -> Value | None:
    return Value(Decimal(0), None, None) if REGISTRY[name].unit == Unit.COUNT else None


def breakdown_by_keys(
    figures: Figures,
    dimension: str,
    kpis: list[str],
    keys: list[str],
    year: int,
    link: Linker,
    names: dict[str, str],
    period: str,
) -> tuple[list[Row], dict[str, Any]]:
    """Rows for the given bucket keys (e.g. member hubs), one cell per KPI, each linked."""
    rows = []
    for key in keys:
        rows.append(
            Row(
                names.get(key, key),
                [
                    cell(
                        name,
                        figures.get(name, dimension, key) or zero_or_none(name),
                        link(name, period, year, dimension, key),
                    )
                    for name in kpis
                ],
            )
        )
    datasets = [
        {
            "label": str(REGISTRY[name].title),
            "data": [plain(_value(figures.get(name, dimension, key))) for key in keys],
        }
        for name in kpis
        if REGISTRY[name].unit == Unit.COUNT
    ]
    return rows, {"type": "bar", "labels": [names.get(k, k) for k in keys], "datasets": datasets}
