"""Dashboards, drill-downs, the public page and KPI definitions. Thin: access first, then one
page builder (pages.py) or selector, then render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from talenthub.reports import access, pages
from talenthub.reports import presentation as p
from talenthub.reports.choices import PeriodKind, ScopeKind, Unit
from talenthub.reports.errors import UnknownKpiError
from talenthub.reports.kpis import REGISTRY, KpiDefinition, Scope, get_kpi
from talenthub.reports.kpis.dimensions import DIMENSIONS
from talenthub.reports.selectors.drill import drill_listing
from talenthub.reports.selectors.rollups import default_year
from talenthub.reports.services import period_of


def _year(request: HttpRequest, default: int) -> int:
    text = request.GET.get("year", "")
    if not text:
        return default
    if not text.isdigit() or not 2000 <= int(text) <= timezone.localdate().year + 5:
        raise Http404
    return int(text)


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period", PeriodKind.YEAR)
    if period not in PeriodKind.values:
        raise Http404
    return period


def _kpi(name: str) -> KpiDefinition:
    try:
        return get_kpi(name)
    except UnknownKpiError as exc:
        raise Http404 from exc


def _bucket(request: HttpRequest, definition: KpiDefinition) -> tuple[str, str]:
    dimension = request.GET.get("dimension", "")
    if dimension and dimension not in definition.dimensions:
        raise Http404
    return dimension, request.GET.get("bucket", "")[:100] if dimension else ""


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    hubs, consortia, national = access.dashboards_of(request.user)
    context = {"hubs": hubs, "consortia": consortia, "national": national}
    return render(request, "reports/index.html", context)


@require_GET
@login_required
def hub_dashboard(request: HttpRequest, hub: str) -> HttpResponse:
    view = access.hub_for_viewer(request.user, hub)
    year = _year(request, default_year(ScopeKind.HUB, view.hub.pk))
    context = {**pages.hub_page(view.hub, year), "hub": view.hub, "personal": view.personal}
    return render(request, "reports/hub.html", context)


@require_GET
@login_required
def hub_drill(request: HttpRequest, hub: str, kpi: str) -> HttpResponse:
    view = access.hub_for_viewer(request.user, hub)
    definition = _kpi(kpi)
    year, period = _year(request, timezone.localdate().year), _period(request)
    dimension, bucket = _bucket(request, definition)
    listing = drill_listing(
        definition,
        Scope.for_hub(view.hub),
        period_of(period, year),
        dimension=dimension,
        bucket=bucket,
        personal=view.personal,
        page_number=request.GET.get("page"),
    )
    figure = pages.scope_figures(ScopeKind.HUB, view.hub.pk, period, year).get(
        kpi, dimension if dimension != "hub" else "", bucket if dimension != "hub" else ""
    )
    context = {
        "hub": view.hub,
        "definition": definition,
        "figure": p.cell(kpi, figure, None),
        "listing": listing,
        "period_label": period_of(period, year),
        "bucket_label": p.bucket_label(dimension, bucket) if dimension else "",
        "dimension_label": DIMENSIONS[dimension].label if dimension else "",
        "back": p.with_query(reverse("reports:hub", args=[view.hub.code]), year=year),
        "query": p.with_query("", year=year, period=period, dimension=dimension, bucket=bucket)[1:],
    }
    return render(request, "reports/drill.html", context)


@require_GET
@login_required
def consortium_dashboard(request: HttpRequest, consortium: str) -> HttpResponse:
    scope = access.consortium_for_viewer(request.user, consortium)
    year = _year(request, default_year(ScopeKind.CONSORTIUM, scope.pk))
    context = {**pages.consortium_page(scope, year), "consortium": scope}
    return render(request, "reports/consortium.html", context)


@require_GET
@login_required
def consortium_drill(request: HttpRequest, consortium: str, kpi: str) -> HttpResponse:
    scope = access.consortium_for_viewer(request.user, consortium)
    definition = _kpi(kpi)
    year, period = _year(request, timezone.localdate().year), _period(request)
    context = pages.scope_drill_page(
        ScopeKind.CONSORTIUM,
        scope.pk,
        list(scope.hubs.order_by("name")),
        definition,
        period,
        year,
        link_hubs=True,
    )
    context["scope_name"] = scope.name
    return render(request, "reports/scope_drill.html", context)


@require_GET
@login_required
def national_dashboard(request: HttpRequest) -> HttpResponse:
    access.require_funder(request.user)
    year = _year(request, default_year(ScopeKind.NATION, None))
    return render(request, "reports/national.html", pages.national_page(year))


@require_GET
@login_required
def national_drill(request: HttpRequest, kpi: str) -> HttpResponse:
    access.require_funder(request.user)
    definition = _kpi(kpi)
    year, period = _year(request, timezone.localdate().year), _period(request)
    context = pages.scope_drill_page(
        ScopeKind.NATION, None, pages.all_hubs(), definition, period, year, link_hubs=True
    )
    return render(request, "reports/scope_drill.html", context)


@require_GET
def public(request: HttpRequest) -> HttpResponse:
    year = _year(request, default_year(ScopeKind.NATION, None))
    return render(request, "reports/public.html", pages.public_page(year))


@require_GET
def public_drill(request: HttpRequest, kpi: str) -> HttpResponse:
    definition = _kpi(kpi)
    year, period = _year(request, timezone.localdate().year), _period(request)
    context = pages.scope_drill_page(
        ScopeKind.NATION, None, pages.all_hubs(), definition, period, year, link_hubs=False
    )
    return render(request, "reports/scope_drill.html", {**context, "public": True})


@require_GET
def definitions(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/definitions.html", {"kpis": REGISTRY.values()})


@require_GET
def definition(request: HttpRequest, kpi: str) -> HttpResponse:
    definition = _kpi(kpi)
    dimensions = [DIMENSIONS[d].label for d in definition.dimensions]
    unit = Unit(definition.unit).label
    context = {"definition": definition, "dimensions": dimensions, "unit": unit}
    return render(request, "reports/definition.html", context)
