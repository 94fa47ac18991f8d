from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.core.errors import DomainError
from talenthub.core.spreadsheets import FORMATS, XLSX, download_response
from talenthub.exchange import access, forms, progress, selectors, services
from talenthub.exchange.blanks import template_workbook
from talenthub.exchange.choices import ImportKind, ImportStatus
from talenthub.exchange.exports import DATASETS
from talenthub.exchange.exports.base import FILTERS
from talenthub.exchange.report import Report

PAGE_SIZE = 30
ROWS_SHOWN = 500  # rows of a report listed on its page (all of them count in the totals)


def _datasets() -> list[tuple[str, str]]:
    return [(key, str(dataset.title)) for key, dataset in DATASETS.items()]


@require_http_methods(["GET", "POST"])
@login_required
def import_list(request: HttpRequest) -> HttpResponse:
    """Earlier imports of the operator's hubs, and the upload form (POST: keep and check)."""
    hubs = access.operated_hubs(request.user)
    form = forms.UploadForm(request.POST or None, request.FILES or None, hubs=hubs)
    if request.method == "POST" and form.is_valid():
        try:
            run, _table = services.import_run_upload(
                hub=form.cleaned_data["hub"],
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                created_by=access.operator(request.user),
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            services.import_run_dispatch(run=run, commit=False, user=run.created_by)
            return redirect("exchange:import_detail", run_id=run.pk)
    runs = selectors.import_runs_in_hubs({h.pk for h in hubs})
    page = Paginator(runs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "kinds": ImportKind.choices}
    return render(request, "exchange/import_list.html", context)


@require_GET
@login_required
def import_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.import_run_for_operator(request.user, run_id)
    report = Report.from_json(run.report)
    by_row = report.issues_by_row()
    result_rows = {r.row for r in report.results}
    context = {
        "run": run,
        "report": report,
        "file_issues": [i for i in report.issues if i.row not in result_rows],
        "results": [(r, by_row.get(r.row, [])) for r in report.results[:ROWS_SHOWN]],
        "rows_hidden": max(0, len(report.results) - ROWS_SHOWN),
        "earlier": selectors.earlier_imports_of_file(run)[:3],
    }
    return render(request, "exchange/import_detail.html", context)


@require_GET
@login_required
def import_progress(request: HttpRequest, run_id: int) -> HttpResponse:
    """The progress bar, polled by HTMX while a worker runs; when the run is over, the page
    reloads itself to show the report (HX-Refresh)."""
    run = access.import_run_for_operator(request.user, run_id)
    response = render(
        request, "exchange/_progress.html", {"run": run, "done": progress.read(run.pk)}
    )
    if not run.is_running:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@login_required
def import_commit(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.import_run_for_operator(request.user, run_id)
    try:
        ran_now = services.import_run_dispatch(
            run=run, commit=True, user=access.operator(request.user)
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        run.refresh_from_db()
        if ran_now and run.status == ImportStatus.COMMITTED:
            messages.success(request, _("The file was imported."))
        elif ran_now:
            messages.error(request, _("Nothing was imported: the rows below have errors now."))
    return redirect("exchange:import_detail", run_id=run.pk)


@require_POST
@login_required
def import_recheck(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.import_run_for_operator(request.user, run_id)
    try:
        services.import_run_dispatch(run=run, commit=False, user=access.operator(request.user))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("exchange:import_detail", run_id=run.pk)


@require_GET
@login_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    access.operator(request.user)
    if kind not in ImportKind.values:
        raise Http404
    return download_response(
        template_workbook(kind), filename=f"talenthub-{kind}-template.xlsx", fmt=XLSX
    )


def _filters(query: Any) -> dict[str, int]:
    """The narrowings named in a query string (ids), ignoring anything else."""
    return {key: int(query[key]) for key in FILTERS if str(query.get(key, "")).isdigit()}


@require_http_methods(["GET", "POST"])
@login_required
def export_index(request: HttpRequest) -> HttpResponse:
    """Choose a list, a format and, for personal data, a purpose; POST downloads it (logged).
    A list page links here with its dataset and narrowing (`?dataset=enrolments&cohort=3`)."""
    hubs = access.operated_hubs(request.user)
    filters = _filters(request.GET)
    narrowed_hub = access.filtered_hub(request.user, filters)
    initial: dict[str, Any] = {"dataset": request.GET.get("dataset", ""), **filters}
    if narrowed_hub is not None:
        initial["hub"] = narrowed_hub
    elif request.GET.get("hub", "").isdigit():
        initial["hub"] = access.hub_for_operator(request.user, int(request.GET["hub"]))
    form = forms.ExportForm(request.POST or None, hubs=hubs, datasets=_datasets(), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        filters = form.filters()
        narrowed_hub = access.filtered_hub(request.user, filters)
        if narrowed_hub is not None and narrowed_hub != data["hub"]:
            raise Http404
        try:
            content, filename = services.export_build(
                user=access.operator(request.user),
                hub=data["hub"],
                dataset=data["dataset"],
                purpose=data["purpose"],
                file_format=data["file_format"],
                filters=filters,
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return download_response(content, filename=filename, fmt=data["file_format"])
    logs = selectors.export_logs_in_hubs({h.pk for h in hubs})
    page = Paginator(logs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "datasets": DATASETS,
        "narrowed_to": selectors.filter_labels(filters),
    }
    return render(request, "exchange/export_index.html", context)


@require_GET
@login_required
def export_download(request: HttpRequest, dataset: str, fmt: str) -> HttpResponse:
    """A list without personal data, straight from its page's "Excel / CSV" link (logged like
    every export). A list with personal data, or a choice of hubs to make, goes to the export
    dialog instead, where the purpose is asked."""
    chosen = DATASETS.get(dataset)
    if chosen is None or fmt not in FORMATS:
        raise Http404
    user = access.operator(request.user)
    filters = _filters(request.GET)
    hub = access.filtered_hub(user, filters)
    if hub is None and request.GET.get("hub", "").isdigit():
        hub = access.hub_for_operator(user, int(request.GET["hub"]))
    hubs = list(access.operated_hubs(user)[:2])
    if hub is None and len(hubs) == 1:
        hub = hubs[0]
    if chosen.personal or hub is None:
        query = urlencode({"dataset": chosen.key, **filters})
        return redirect(f"{reverse('exchange:export_index')}?{query}")
    try:
        content, filename = services.export_build(
            user=user, hub=hub, dataset=chosen.key, purpose="", file_format=fmt, filters=filters
        )
    except DomainError as error:
        raise Http404 from error
    return download_response(content, filename=filename, fmt=fmt)
