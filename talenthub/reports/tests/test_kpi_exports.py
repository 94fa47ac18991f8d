"""The KPI table of each dashboard as XLSX and CSV: exactly the figures the dashboard shows, which
are those the KPI functions compute (worked out by hand on the dataset in test_kpis.py)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.reports import pages
from talenthub.reports import presentation as p
from talenthub.reports.choices import Unit
from talenthub.reports.exports import figure_value
from talenthub.reports.kpis import REGISTRY, Period, Scope, compute_all, get_kpi
from talenthub.reports.services import rollup_rebuild

Y2025 = Period.year(2025)
VALUE, GROUP, INDICATOR = 6, 3, 4


@pytest.fixture
def figures(dataset):
    rollup_rebuild()
    return dataset


def _rows(response, fmt: str) -> list[list[Any]]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Disposition"].startswith("attachment;")
    if fmt == "csv":
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]


def _by_title(rows) -> dict[tuple[str, str], Decimal | None]:
    """(group, indicator) → the value as a number (an XLSX cell is one already; CSV text)."""
    return {
        (str(r[GROUP] or ""), str(r[INDICATOR])): None
        if r[VALUE] in (None, "")
        else Decimal(str(r[VALUE]))
        for r in rows
    }


def test_the_hub_export_gives_the_dashboards_headline_figures(admin_client, figures):
    hub = figures.hubs["alpha"]
    url = reverse("reports:hub_kpis", args=[hub.code, "csv"]) + "?year=2025"
    exported = _by_title(_rows(admin_client.get(url), "csv"))
    totals = compute_all(Scope.for_hub(hub), Y2025)
    headline = {row.label: row.cells[0].text for row in pages.hub_page(hub, 2025)["headline"]}
    assert [title for _group, title in exported] == [str(REGISTRY[n].title) for n in p.HEADLINE]
    for name in p.HEADLINE:
        title = str(REGISTRY[name].title)
        value = exported[("", title)]
        # The KPI function's figure, rounded as the dashboard rounds it …
        total = totals[name].total
        computed = total.value if total is not None else None
        if computed is None:
            assert value is None
        elif REGISTRY[name].unit == Unit.COUNT:
            assert value == int(computed), name
        else:
            assert value == Decimal(computed).quantize(Decimal("0.1")), name
        # … and what the dashboard's headline table prints.
        shown = p.display(REGISTRY[name].unit, value)
        assert shown == headline[title], name


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_breakdown_by_track_is_the_kpi_functions_breakdown(admin_client, figures, fmt):
    hub = figures.hubs["alpha"]
    url = reverse("reports:hub_kpis", args=[hub.code, fmt]) + "?year=2025&dimension=track"
    exported = _by_title(_rows(admin_client.get(url), fmt))
    shown = [n for n in p.HEADLINE if "track" in REGISTRY[n].dimensions]
    assert shown
    for name in shown:
        by = get_kpi(name)(Scope.for_hub(hub), Y2025, "track").by
        for key, figure in by.items():
            label = p.bucket_label("track", key)
            expected = figure_value(name, figure)
            got = exported[(label, str(REGISTRY[name].title))]
            assert got == expected, (name, key)


def test_the_consortium_export_by_hub_is_the_members_table(admin_client, figures):
    consortium = figures.consortia["honam"]
    url = (
        reverse("reports:consortium_kpis", args=[consortium.code, "csv"])
        + "?year=2025&dimension=hub"
    )
    exported = _by_title(_rows(admin_client.get(url), "csv"))
    page = pages.consortium_page(consortium, 2025)
    for row in page["members_rows"]:
        for name, cell in zip(pages.SIDE_BY_SIDE, row.cells, strict=True):
            value = exported[(row.label, str(REGISTRY[name].title))]
            assert p.display(REGISTRY[name].unit, value) == cell.text


def test_the_public_export_gives_the_public_pages_six_year_figures(client, figures):
    url = reverse("reports:public_kpis", args=["xlsx"]) + "?year=2025&period=six_years"
    exported = _by_title(_rows(client.get(url), "xlsx"))
    page = pages.public_page(2025)
    for headline in page["headlines"]:
        value = exported[("", str(headline["title"]))]
        shown = p.display(REGISTRY[headline["name"]].unit, value)
        assert shown == headline["window"].text


def test_a_breakdown_the_scope_does_not_offer_is_a_404(admin_client, figures):
    hub = figures.hubs["alpha"]
    assert (
        admin_client.get(
            reverse("reports:hub_kpis", args=[hub.code, "csv"]) + "?dimension=nonsense"
        ).status_code
        == 404
    )
    assert admin_client.get(reverse("reports:hub_kpis", args=[hub.code, "pdf"])).status_code == 404
    assert (
        admin_client.get(
            reverse("reports:public_kpis", args=["csv"]) + "?dimension=gender"
        ).status_code
        == 404
    )
