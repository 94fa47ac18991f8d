"""What each dashboard shows, assembled from the rollups (selectors.rollups) and formatted with
the link behind every figure (presentation). One function per page; the views stay thin."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talenthub.hubs.models import Consortium, Hub, Site
from talenthub.reports import presentation as p
from talenthub.reports.choices import PeriodKind, ScopeKind
from talenthub.reports.kpis import REGISTRY, KpiDefinition
from talenthub.reports.kpis.dimensions import DIMENSIONS
from talenthub.reports.selectors.rollups import Figures, figures_of, one
from talenthub.reports.services import period_of

YEARS_SHOWN = 6
SIDE_BY_SIDE = (
    "courses_run",
    "participants",
    "graduates",
    "completion_rate",
    "satisfaction",
    "jobs_and_startups",
)
PUBLIC_HEADLINES = ("courses_run", "participants", "graduates", "satisfaction", "jobs_and_startups")


SECTION_TITLES = {
    "track": gettext_lazy("Participants and graduates by track"),
    "domain": gettext_lazy("Participants and graduates by industry domain"),
    "level": gettext_lazy("Participants and graduates by level"),
    "site": gettext_lazy("Participants and graduates by site"),
}
SECTION_KPIS = ("participants", "graduates")


def _section(
    figures: Figures, dimension: str, year: int, link: p.Linker, names: dict[str, str] | None = None
) -> dict[str, Any]:
    rows, chart = p.breakdown(figures, dimension, SECTION_KPIS, year, link, names=names)
    return {
        "dimension": dimension,
        "title": SECTION_TITLES[dimension],
        "rows": rows,
        "chart": chart,
        "chart_id": f"chart-{dimension}",
        "headers": [REGISTRY[n].title for n in SECTION_KPIS],
        "corner": DIMENSIONS[dimension].label,
    }


def _years(year: int) -> list[int]:
    return list(range(year - YEARS_SHOWN + 1, year + 1))


def _scope_page(kind: str, owner_id: int | None, year: int, link: p.Linker) -> dict[str, Any]:
    """What every dashboard has: headline table, six-year trend, breakdowns, funnel."""
    years = _years(year)
    keys = [(PeriodKind.YEAR, y) for y in [year - YEARS_SHOWN, *years]]
    keys.append((PeriodKind.SIX_YEARS, year))
    figures = figures_of(kind, [owner_id], keys)
    by_year = {y: figures[(owner_id, PeriodKind.YEAR, y)] for y in [year - YEARS_SHOWN, *years]}
    current, window = by_year[year], figures[(owner_id, PeriodKind.SIX_YEARS, year)]
    trend_rows, trend_chart = p.trend(years, by_year, link)
    sections = [
        _section(current, dimension, year, link) for dimension in ("track", "domain", "level")
    ]
    trained_rows, _chart = p.breakdown(current, "level", ("people_trained_by_level",), year, link)
    funnel_rows, funnel_chart = p.funnel(current, year, link)
    return {
        "year_options": list(range(timezone.localdate().year, year - 10, -1)),
        "headline_headers": [str(year), str(year - 1), f"{years[0]}~{year}"],
        "trained_headers": [REGISTRY["people_trained_by_level"].title],
        "funnel_headers": [_("People")],
        "year": year,
        "years": years,
        "computed_at": current.computed_at,
        "missing": current.computed_at is None,
        "headline": p.headline_rows(year, current, by_year[year - 1], window, link),
        "trend_rows": trend_rows,
        "trend_chart": trend_chart,
        "sections": sections,
        "trained_rows": trained_rows,
        "funnel_rows": funnel_rows,
        "funnel_chart": funnel_chart,
        "current": current,
    }


def hub_page(hub: Hub, year: int) -> dict[str, Any]:
    link = p.hub_linker(hub.code)
    page = _scope_page(ScopeKind.HUB, hub.pk, year, link)
    sites = {str(pk): name for pk, name in Site.objects.filter(hub=hub).values_list("pk", "name")}
    page["sections"].append(_section(page["current"], "site", year, link, names=sites))
    return page


def _hub_names(hubs: list[Hub]) -> list[tuple[str, str]]:
    return [(str(h.pk), h.name) for h in hubs]


def _member_linker(hubs: list[Hub]) -> p.Linker:
    """A member hub's figure links to that hub's own drill-down (its cohorts)."""
    codes = {str(h.pk): h.code for h in hubs}

    def link(kpi: str, period: str, year: int, dimension: str = "", bucket: str = "") -> str:
        url = reverse("reports:hub_drill", args=[codes[bucket], kpi])
        return p.with_query(url, year=year, period=period)

    return link


def consortium_page(consortium: Consortium, year: int) -> dict[str, Any]:
    link = p.scope_linker("reports:consortium_drill", consortium.code)
    page = _scope_page(ScopeKind.CONSORTIUM, consortium.pk, year, link)
    hubs = list(consortium.hubs.order_by("name"))
    page["hubs"] = hubs
    rows, chart = p.breakdown_by_keys(
        page["current"],
        "hub",
        list(SIDE_BY_SIDE),
        [str(h.pk) for h in hubs],
        year,
        _member_linker(hubs),
        dict(_hub_names(hubs)),
        PeriodKind.YEAR,
    )
    page["members_rows"], page["members_chart"] = rows, chart
    page["members_kpis"] = [REGISTRY[n].title for n in SIDE_BY_SIDE]
    return page


def national_page(year: int) -> dict[str, Any]:
    link = p.scope_linker("reports:national_drill")
    page = _scope_page(ScopeKind.NATION, None, year, link)
    hubs = list(Hub.objects.select_related("consortium").order_by("consortium__name", "name"))
    rows, chart = p.breakdown_by_keys(
        page["current"],
        "hub",
        list(SIDE_BY_SIDE),
        [str(h.pk) for h in hubs],
        year,
        _member_linker(hubs),
        dict(_hub_names(hubs)),
        PeriodKind.YEAR,
    )
    page["members_rows"], page["members_chart"] = rows, chart
    page["members_kpis"] = [REGISTRY[n].title for n in SIDE_BY_SIDE]
    consortia = list(Consortium.objects.order_by("name"))
    by_consortium = figures_of(
        ScopeKind.CONSORTIUM, [c.pk for c in consortia], [(PeriodKind.YEAR, year)]
    )
    page["consortia_rows"] = [
        p.Row(
            c.name,
            [
                p.cell(n, by_consortium[(c.pk, PeriodKind.YEAR, year)].get(n), None)
                for n in SIDE_BY_SIDE
            ],
            url=reverse("reports:consortium", args=[c.code]),
        )
        for c in consortia
    ]
    return page


def public_page(year: int) -> dict[str, Any]:
    """Headline figures for anyone: the nation this year and over six years, and each hub."""
    link = p.scope_linker("reports:public_drill")
    figures = figures_of(
        ScopeKind.NATION, [None], [(PeriodKind.YEAR, year), (PeriodKind.SIX_YEARS, year)]
    )
    current: Figures = figures[(None, PeriodKind.YEAR, year)]
    window: Figures = figures[(None, PeriodKind.SIX_YEARS, year)]
    headlines = [
        {
            "name": name,
            "title": REGISTRY[name].title,
            "year": p.cell(name, current.get(name), link(name, PeriodKind.YEAR, year, "", "")),
            "window": p.cell(
                name, window.get(name), link(name, PeriodKind.SIX_YEARS, year, "", "")
            ),
            "definition": reverse("reports:definition", args=[name]),
        }
        for name in PUBLIC_HEADLINES
    ]
    hubs = list(Hub.objects.order_by("name"))
    rows, chart = p.breakdown_by_keys(
        window,
        "hub",
        list(PUBLIC_HEADLINES),
        [str(h.pk) for h in hubs],
        year,
        link,
        dict(_hub_names(hubs)),
        PeriodKind.SIX_YEARS,
    )
    return {
        "year": year,
        "year_options": list(range(timezone.localdate().year, year - 10, -1)),
        "first_year": year - YEARS_SHOWN + 1,
        "headlines": headlines,
        "hub_rows": rows,
        "hub_chart": chart,
        "kpis": [REGISTRY[n].title for n in PUBLIC_HEADLINES],
        "missing": current.computed_at is None,
    }


def scope_figures(kind: str, owner_id: int | None, period: str, year: int) -> Figures:
    return one(kind, owner_id, period, year)


def all_hubs() -> list[Hub]:
    return list(Hub.objects.order_by("name"))


def scope_drill_page(
    kind: str,
    owner_id: int | None,
    hubs: list[Hub],
    definition: KpiDefinition,
    period: str,
    year: int,
    *,
    link_hubs: bool,
) -> dict[str, Any]:
    """A consortium's or the nation's figure, drilled to the hubs that make it (no person at
    this level); each hub's figure links on to its cohorts when the viewer may see them."""
    figures = one(kind, owner_id, period, year)
    name = definition.name
    rows = []
    for hub in hubs:
        url = None
        if link_hubs:
            url = p.with_query(
                reverse("reports:hub_drill", args=[hub.code, name]), year=year, period=period
            )
        value = figures.get(name, "hub", str(hub.pk)) or p.zero_or_none(name)
        rows.append(p.Row(hub.name, [p.cell(name, value, url)]))
    return {
        "definition": definition,
        "figure": p.cell(name, figures.get(name), None),
        "rows": rows,
        "headers": [definition.title],
        "period_label": period_of(period, year),
        "year": year,
        "missing": figures.computed_at is None,
    }
