"""The figures of an annual report, read from the rollups: per KPI the six years to the report's
year, the six-year window, and the year's breakdowns."""

from __future__ import annotations

from dataclasses import dataclass, field

from talenthub.hubs.models import Site
from talenthub.reports.choices import PeriodKind
from talenthub.reports.kpis import REGISTRY
from talenthub.reports.presentation import bucket_label, display
from talenthub.reports.selectors.rollups import Figures, Value, figures_of

YEARS = 6
BREAKDOWNS = ("track", "domain", "level", "site", "hub", "neet", "job_seeker")


@dataclass
class KpiSheet:
    name: str
    title: str
    summary: str
    unit: str
    years: list[tuple[int, Value | None]] = field(default_factory=list)
    window: Value | None = None
    breakdowns: list[tuple[str, str, Value]] = field(default_factory=list)  # dim, bucket, value

    def text(self, value: Value | None) -> str:
        return display(self.unit, value.value if value else None)


@dataclass
class AnnualReport:
    scope_name: str
    year: int
    sheets: list[KpiSheet]

    @property
    def first_year(self) -> int:
        return self.year - YEARS + 1


def annual_report(
    kind: str, owner_id: int | None, scope_name: str, year: int, names: dict[str, str]
) -> AnnualReport:
    """`names`: labels of hub and site buckets (ids as text → names)."""
    years = list(range(year - YEARS + 1, year + 1))
    keys = [(PeriodKind.YEAR, y) for y in years] + [(PeriodKind.SIX_YEARS, year)]
    figures = figures_of(kind, [owner_id], keys)
    by_year: dict[int, Figures] = {y: figures[(owner_id, PeriodKind.YEAR, y)] for y in years}
    window = figures[(owner_id, PeriodKind.SIX_YEARS, year)]
    sheets = []
    for name, definition in REGISTRY.items():
        sheet = KpiSheet(name, str(definition.title), str(definition.summary), str(definition.unit))
        sheet.years = [(y, by_year[y].get(name)) for y in years]
        sheet.window = window.get(name)
        for dimension in BREAKDOWNS:
            for bucket, value in sorted(by_year[year].buckets(name, dimension).items()):
                sheet.breakdowns.append((dimension, bucket_label(dimension, bucket, names), value))
        sheets.append(sheet)
    return AnnualReport(scope_name, year, sheets)


def bucket_names(hub_ids: list[int] | None) -> dict[str, str]:
    from talenthub.hubs.models import Hub

    hubs = Hub.objects.all() if hub_ids is None else Hub.objects.filter(pk__in=hub_ids)
    names = {str(pk): name for pk, name in hubs.values_list("pk", "name")}
    sites = Site.objects.all() if hub_ids is None else Site.objects.filter(hub_id__in=hub_ids)
    names.update({str(pk): name for pk, name in sites.values_list("pk", "name")})
    return names
