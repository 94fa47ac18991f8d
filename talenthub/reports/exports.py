"""Downloads: the annual report (XLSX, PDF), the press-release summary, and the KPI table of each
dashboard (hub, consortium, national, public) for the chosen period and breakdown as XLSX or CSV.
Aggregates only, so every role that may see a scope's figures may download them: no purpose, no
identities (people behind a figure leave only through the exchange app's logged exports)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from talenthub.core.spreadsheets import FORMATS, Sheet, spreadsheet_response
from talenthub.hubs.models import Hub, Site
from talenthub.reports import access, pages
from talenthub.reports import presentation as p
from talenthub.reports.choices import PeriodKind, ScopeKind, Unit
from talenthub.reports.documents.annual import annual_report, bucket_names
from talenthub.reports.documents.pdf import render_pdf
from talenthub.reports.documents.press import press_release as press_context
from talenthub.reports.documents.xlsx import workbook
from talenthub.reports.kpis import REGISTRY, Figure
from talenthub.reports.kpis.dimensions import DIMENSIONS
from talenthub.reports.selectors.rollups import Figures, Value, default_year
from talenthub.reports.services import period_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _check_year(year: int) -> None:
    if not 2000 <= year <= timezone.localdate().year + 5:
        raise Http404


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@login_required
def hub_xlsx(request: HttpRequest, hub: str, year: int) -> HttpResponse:
    view = access.hub_for_viewer(request.user, hub)
    _check_year(year)
    report = annual_report(
        ScopeKind.HUB, view.hub.pk, view.hub.name, year, bucket_names([view.hub.pk])
    )
    return _download(workbook(report), XLSX, f"{view.hub.code}-annual-{year}.xlsx")


@require_GET
@login_required
def hub_pdf(request: HttpRequest, hub: str, year: int) -> HttpResponse:
    view = access.hub_for_viewer(request.user, hub)
    _check_year(year)
    report = annual_report(
        ScopeKind.HUB, view.hub.pk, view.hub.name, year, bucket_names([view.hub.pk])
    )
    return _download(render_pdf(report), "application/pdf", f"{view.hub.code}-annual-{year}.pdf")


@require_GET
@login_required
def press_release(request: HttpRequest, hub: str, year: int) -> HttpResponse:
    view = access.hub_for_viewer(request.user, hub)
    _check_year(year)
    return render(request, "reports/press_release.html", press_context(view.hub, year))


@require_GET
@login_required
def national_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    access.require_funder(request.user)
    _check_year(year)
    report = annual_report(ScopeKind.NATION, None, "", year, bucket_names(None))
    return _download(workbook(report), XLSX, f"national-annual-{year}.xlsx")


# --- The KPI table of a dashboard ---------------------------------------------------------------


def figure_value(name: str, value: Value | Figure | None) -> int | Decimal | None:
    """A figure as the dashboard shows it (presentation.display), as a number a spreadsheet can
    add up: counts whole, rates and scores to one decimal place; None where it shows a dash."""
    if value is None or value.value is None:
        return None
    if REGISTRY[name].unit == Unit.COUNT:
        return int(value.value)
    return Decimal(value.value).quantize(Decimal("0.1"))


def kpi_table(
    figures: Figures,
    kpis: Sequence[str],
    *,
    scope_name: str,
    period_label: str,
    dimension: str = "",
    bucket_keys: Sequence[str] | None = None,
    names: dict[str, str] | None = None,
) -> Sheet:
    """The figures of one scope and period, one row per KPI, then (with `dimension`) one per KPI
    and bucket: the numbers the dashboard's tables show, with each rate's numerator and
    denominator."""
    headers = [
        _("scope"),
        _("period"),
        _("breakdown"),
        _("group"),
        _("indicator"),
        _("unit"),
        _("value"),
        _("numerator"),
        _("denominator"),
    ]
    rows: list[list[Any]] = []

    def add(name: str, value: Value | None, group: str) -> None:
        definition = REGISTRY[name]
        rows.append(
            [
                scope_name,
                period_label,
                str(DIMENSIONS[dimension].label) if dimension else "",
                group,
                str(definition.title),
                str(Unit(definition.unit).label),
                figure_value(name, value),
                value.numerator if value else None,
                value.denominator if value else None,
            ]
        )

    for name in kpis:
        add(name, figures.get(name), "")
    if dimension:
        shown = [n for n in kpis if dimension in REGISTRY[n].dimensions]
        keys = (
            list(bucket_keys)
            if bucket_keys is not None
            else p.breakdown_keys(figures, dimension, shown)
        )
        for key in keys:
            label = p.bucket_label(dimension, key, names)
            for name in shown:
                add(name, figures.get(name, dimension, key) or p.zero_or_none(name), label)
    return Sheet(_("Indicators"), headers, rows)


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404
    return fmt


def _kpi_query(
    request: HttpRequest, default: int, dimensions: Sequence[str]
) -> tuple[int, str, str]:
    """year, period and breakdown of a KPI export, read as the dashboards read them."""
    text = request.GET.get("year", "")
    year = default
    if text:
        if not text.isdigit():
            raise Http404
        year = int(text)
        _check_year(year)
    period = request.GET.get("period", PeriodKind.YEAR)
    if period not in PeriodKind.values:
        raise Http404
    dimension = request.GET.get("dimension", "")
    if dimension and dimension not in dimensions:
        raise Http404
    return year, period, dimension


# Breakdowns a KPI export offers: those of the dashboards and their drill-downs; the public
# page's by hub only.
BREAKDOWNS = tuple(DIMENSIONS)
PUBLIC_BREAKDOWNS = ("hub",)


def _site_names(keys: Sequence[str]) -> dict[str, str]:
    ids = [int(k) for k in keys if k.isdigit()]
    return {str(pk): name for pk, name in Site.objects.filter(pk__in=ids).values_list("pk", "name")}


def _names(
    dimension: str, figures: Figures, kpis: Sequence[str], hubs: list[Hub]
) -> dict[str, str]:
    if dimension == "hub":
        return {str(h.pk): h.name for h in hubs}
    if dimension == "site":
        keys = {key for name in kpis for key in figures.buckets(name, "site")}
        return _site_names(sorted(keys))
    return {}


def _kpi_download(
    request: HttpRequest,
    fmt: str,
    *,
    kind: str,
    owner_id: int | None,
    scope_name: str,
    stem: str,
    kpis: Sequence[str],
    dimensions: Sequence[str],
    hubs: list[Hub],
) -> HttpResponse:
    fmt = _format(fmt)
    year, period, dimension = _kpi_query(request, default_year(kind, owner_id), dimensions)
    figures = pages.scope_figures(kind, owner_id, period, year)
    sheet = kpi_table(
        figures,
        kpis,
        scope_name=scope_name,
        period_label=str(period_of(period, year)),
        dimension=dimension,
        bucket_keys=[str(h.pk) for h in hubs] if dimension == "hub" else None,
        names=_names(dimension, figures, kpis, hubs),
    )
    parts = [stem, "kpis", str(year)]
    if period != PeriodKind.YEAR:
        parts.append(period)
    if dimension:
        parts.append(dimension)
    return spreadsheet_response(sheet, fmt=fmt, filename_stem="-".join(parts))


@require_GET
@login_required
def hub_kpis(request: HttpRequest, hub: str, fmt: str) -> HttpResponse:
    view = access.hub_for_viewer(request.user, hub)
    return _kpi_download(
        request,
        fmt,
        kind=ScopeKind.HUB,
        owner_id=view.hub.pk,
        scope_name=view.hub.name,
        stem=view.hub.code,
        kpis=p.HEADLINE,
        dimensions=BREAKDOWNS,
        hubs=[view.hub],
    )


@require_GET
@login_required
def consortium_kpis(request: HttpRequest, consortium: str, fmt: str) -> HttpResponse:
    scope = access.consortium_for_viewer(request.user, consortium)
    return _kpi_download(
        request,
        fmt,
        kind=ScopeKind.CONSORTIUM,
        owner_id=scope.pk,
        scope_name=scope.name,
        stem=scope.code,
        kpis=p.HEADLINE,
        dimensions=BREAKDOWNS,
        hubs=list(scope.hubs.order_by("name")),
    )


@require_GET
@login_required
def national_kpis(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_funder(request.user)
    return _kpi_download(
        request,
        fmt,
        kind=ScopeKind.NATION,
        owner_id=None,
        scope_name=_("Nation"),
        stem="national",
        kpis=p.HEADLINE,
        dimensions=BREAKDOWNS,
        hubs=list(Hub.objects.select_related("consortium").order_by("consortium__name", "name")),
    )


@require_GET
def public_kpis(request: HttpRequest, fmt: str) -> HttpResponse:
    """The public page's figures: the headline KPIs of the nation, by hub if asked."""
    return _kpi_download(
        request,
        fmt,
        kind=ScopeKind.NATION,
        owner_id=None,
        scope_name=_("Nation"),
        stem="public",
        kpis=pages.PUBLIC_HEADLINES,
        dimensions=PUBLIC_BREAKDOWNS,
        hubs=pages.all_hubs(),
    )
