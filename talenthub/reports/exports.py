"""Downloads: the annual report (XLSX, PDF) and the press-release summary. Aggregates only, so
every role that may see a hub's figures may download them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from talenthub.reports import access
from talenthub.reports.choices import ScopeKind
from talenthub.reports.documents.annual import annual_report, bucket_names
from talenthub.reports.documents.pdf import render_pdf
from talenthub.reports.documents.press import press_release as press_context
from talenthub.reports.documents.xlsx import workbook

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
