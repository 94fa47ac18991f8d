from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.outcomes import access, forms, selectors, services
from talenthub.outcomes.choices import EvidenceKind, OutcomeStatus

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise Http404
    return request.user


def _errors(request: HttpRequest, form: django_forms.Form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


# --- Operators -----------------------------------------------------------------------------------


@require_GET
@login_required
def manage_outcome_list(request: HttpRequest) -> HttpResponse:
    hub_ids = access.operator_hub_ids(request.user)
    status = request.GET.get("status", OutcomeStatus.REPORTED)
    if status not in OutcomeStatus.values:
        status = ""
    page = Paginator(selectors.outcomes_in_hubs(hub_ids, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "status": status, "statuses": OutcomeStatus.choices}
    return render(request, "outcomes/manage_outcome_list.html", context)


@require_GET
@login_required
def manage_outcome_detail(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = access.outcome_for_operator(request.user, outcome_id)
    context = {
        "outcome": outcome,
        "evidence": selectors.evidence_of(outcome),
        "verify_form": forms.VerifyForm(),
        "evidence_form": forms.EvidenceForm(),
    }
    return render(request, "outcomes/manage_outcome_detail.html", context)


@require_POST
@login_required
def manage_outcome_verify(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = access.outcome_for_operator(request.user, outcome_id)
    form = forms.VerifyForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "verify":
                services.outcome_verify(outcome=outcome, by=_user(request), note=data["note"])
                messages.success(request, _("Outcome verified."))
            else:
                services.outcome_reject(outcome=outcome, by=_user(request), note=data["note"])
                messages.success(request, _("Outcome rejected."))
        except DomainError as error:
            messages.error(request, error.message)
    return redirect("outcomes:manage_outcome_detail", outcome_id=outcome.id)


@require_POST
@login_required
def manage_outcome_evidence(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = access.outcome_for_operator(request.user, outcome_id)
    form = forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_attach(
                outcome=outcome,
                kind=form.cleaned_data["kind"],
                file=form.cleaned_data["file"],
                uploaded_by=_user(request),
            )
            messages.success(request, _("Evidence attached."))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        _errors(request, form)
    return redirect("outcomes:manage_outcome_detail", outcome_id=outcome.id)


@require_GET
@login_required
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = access.evidence_for_viewer(request.user, evidence_id)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


@require_GET
@login_required
def manage_follow_up_list(request: HttpRequest) -> HttpResponse:
    hub_ids = access.operator_hub_ids(request.user)
    page = Paginator(
        selectors.open_follow_ups(hub_ids, due_by=timezone.localdate()), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(request, "outcomes/manage_follow_up_list.html", {"page": page})


@require_POST
@login_required
def manage_follow_up_close(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = access.follow_up_for_operator(request.user, follow_up_id)
    try:
        services.follow_up_close(follow_up=follow_up, by=_user(request))
        messages.success(request, _("Follow-up closed without response."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("outcomes:manage_follow_up_list")


# --- Graduates -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def follow_up_report(request: HttpRequest, token: str) -> HttpResponse:
    """The personal link from the follow-up e-mail: no sign-in, the signed token is the key."""
    follow_up = access.follow_up_for_token(token)
    form = forms.OutcomeReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and access.is_open(follow_up) and form.is_valid():
        try:
            services.follow_up_respond(follow_up=follow_up, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you! Your answer has been recorded."))
            return redirect("outcomes:follow_up_report", token=token)
    context = {"follow_up": follow_up, "form": form, "is_open": access.is_open(follow_up)}
    return render(request, "outcomes/follow_up_report.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def my_outcomes(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = forms.OutcomeReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_self_report(user=user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you! Your report has been recorded."))
            return redirect("outcomes:my_outcomes")
    context = {
        "outcomes": selectors.outcomes_of_person(user.pk),
        "form": form,
        "evidence_kinds": EvidenceKind.choices,
    }
    return render(request, "outcomes/my_outcomes.html", context)


@require_POST
@login_required
def my_outcome_evidence(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = access.outcome_for_owner(request.user, outcome_id)
    form = forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_attach(
                outcome=outcome,
                kind=form.cleaned_data["kind"],
                file=form.cleaned_data["file"],
                uploaded_by=_user(request),
            )
            messages.success(request, _("Evidence attached."))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        _errors(request, form)
    return redirect("outcomes:my_outcomes")
