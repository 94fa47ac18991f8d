"""Pages of company projects, job postings and the partner history. Three audiences, three URL
prefixes: partner/ (company users), manage/ (operators), projects/ and jobs/ (trainees)."""

from __future__ import annotations

from typing import Any

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
from talenthub.hubs.selectors import operated_hub_ids
from talenthub.partners.access import is_operator_of
from talenthub.partners.selectors import organisations_by_ids
from talenthub.projects import access, forms, selectors, services
from talenthub.projects.choices import ProjectStatus
from talenthub.projects.models import Project

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # login_required guarantees it; narrows the type
        raise Http404
    return request.user


def _fail(request: HttpRequest, error: DomainError) -> None:
    messages.error(request, error.message)


def _form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


# --- Company -------------------------------------------------------------------------------------


@require_GET
@login_required
def company_project_list(request: HttpRequest) -> HttpResponse:
    organisation_ids = access.company_organisation_ids(request.user)
    page = Paginator(selectors.projects_of_organisations(organisation_ids), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "projects/company_project_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@login_required
def company_project_propose(request: HttpRequest) -> HttpResponse:
    organisations = organisations_by_ids(access.company_organisation_ids(request.user))
    form = forms.ProjectProposalForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.project_propose(proposed_by=_user(request), **data)
        except DomainError as error:
            _fail(request, error)
        else:
            messages.success(request, _("Project proposed. The hub will review it."))
            return redirect("projects:company_project_detail", project_id=project.id)
    return render(request, "projects/company_project_propose.html", {"form": form})


@require_GET
@login_required
def company_project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    project = access.project_for_company(request.user, project_id)
    return _company_project_page(request, project)


def _company_project_page(
    request: HttpRequest, project: Project, refused: forms.EvaluationForm | None = None
) -> HttpResponse:
    """The company's project page. Each team member has an evaluation form of their own, filled
    in with their evaluation; `refused` is the one just submitted with errors, shown in its
    member's place (its ids say whose it is), else as messages."""
    acting = access.acting_organisation_ids(request.user, project)
    organisations = organisations_by_ids(acting)
    hours = selectors.practicum_hours(project)
    consented = selectors.consented_user_ids(project, acting)
    team = []
    for member in selectors.team_of(project):
        if member.user_id not in consented:
            continue
        evaluation_form = forms.EvaluationForm.for_member(
            member.id, getattr(member, "evaluation", None)
        )
        if refused is not None and refused.auto_id == evaluation_form.auto_id:
            evaluation_form, refused = refused, None
        hire_form = forms.HireForm(organisations=organisations, auto_id=f"id_member_{member.id}_%s")
        team.append((member, evaluation_form, hire_form, hours.get(member.user_id, 0)))
    if refused is not None:  # not a team member the company may see: no form to show it in
        _form_errors(request, refused)
    context = {
        "project": project,
        "applicants": selectors.visible_project_applicants(project, acting),
        "team": team,
        "milestones": selectors.milestones_of(project),
        "meetings": selectors.meetings_of(project),
        # The meeting and the demo day both have notes: ids of their own.
        "milestone_form": forms.MilestoneForm(auto_id="id_milestone_%s"),
        "meeting_form": forms.MeetingForm(auto_id="id_meeting_%s"),
        "demo_day_form": forms.DemoDayForm(auto_id="id_demo_day_%s"),
    }
    return render(request, "projects/company_project_detail.html", context)


@require_POST
@login_required
def company_application_select(
    request: HttpRequest, project_id: int, application_id: int
) -> HttpResponse:
    project = access.project_for_company(request.user, project_id)
    application = access.application_for_company(request.user, project, application_id)
    form = forms.SelectForm(request.POST)
    if form.is_valid():
        try:
            services.project_application_decide(
                application=application,
                select=form.cleaned_data["decision"] == "select",
                acting_organisation_ids=access.acting_organisation_ids(request.user, project),
            )
            messages.success(request, _("Selection saved."))
        except DomainError as error:
            _fail(request, error)
    return redirect("projects:company_project_detail", project_id=project.id)


@require_POST
@login_required
def company_application_evaluate(
    request: HttpRequest, project_id: int, application_id: int
) -> HttpResponse:
    project = access.project_for_company(request.user, project_id)
    application = access.application_for_company(request.user, project, application_id)
    form = forms.EvaluationForm.for_member(application.id, data=request.POST)
    if not form.is_valid():
        return _company_project_page(request, project, refused=form)
    try:
        services.evaluation_record(application=application, by=_user(request), **form.cleaned_data)
    except DomainError as error:
        if error.field not in form.fields:
            _fail(request, error)
            return redirect("projects:company_project_detail", project_id=project.id)
        form.add_error(error.field, error.message)
        return _company_project_page(request, project, refused=form)
    messages.success(request, _("Evaluation saved."))
    return redirect("projects:company_project_detail", project_id=project.id)


@require_POST
@login_required
def company_application_hire(
    request: HttpRequest, project_id: int, application_id: int
) -> HttpResponse:
    project = access.project_for_company(request.user, project_id)
    application = access.application_for_company(request.user, project, application_id)
    acting = access.acting_organisation_ids(request.user, project)
    form = forms.HireForm(request.POST, organisations=organisations_by_ids(acting))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("projects:company_project_detail", project_id=project.id)
    data = form.cleaned_data
    try:
        if data["decision"] == "hire":
            services.project_hire_record(
                application=application,
                organisation=data["organisation"],
                by=_user(request),
                employment_type=data["employment_type"],
                starts_on=data["starts_on"],
            )
            messages.success(request, _("Hire recorded."))
        else:
            services.project_hire_decline(application=application)
            messages.success(request, _("Decision recorded."))
    except DomainError as error:
        _fail(request, error)
    return redirect("projects:company_project_detail", project_id=project.id)


@require_POST
@login_required
def company_project_log(request: HttpRequest, project_id: int, kind: str) -> HttpResponse:
    """Milestones, mentor meetings and the demo day, recorded by the company."""
    project = access.project_for_company(request.user, project_id)
    form_class = {
        "milestone": forms.MilestoneForm,
        "meeting": forms.MeetingForm,
        "demo-day": forms.DemoDayForm,
        "start": django_forms.Form,
    }.get(kind)
    if form_class is None:
        raise Http404
    form = form_class(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("projects:company_project_detail", project_id=project.id)
    data = form.cleaned_data
    try:
        if kind == "milestone":
            services.milestone_add(project=project, **data)
        elif kind == "meeting":
            services.mentor_meeting_add(project=project, recorded_by=_user(request), **data)
        elif kind == "demo-day":
            services.project_demo_day_record(project=project, **data)
        else:
            services.project_start(project=project)
        messages.success(request, _("Saved."))
    except DomainError as error:
        _fail(request, error)
    return redirect("projects:company_project_detail", project_id=project.id)


@require_GET
@login_required
def company_job_list(request: HttpRequest) -> HttpResponse:
    organisation_ids = access.company_organisation_ids(request.user)
    page = Paginator(selectors.postings_of_organisations(organisation_ids), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "projects/company_job_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@login_required
def company_job_create(request: HttpRequest) -> HttpResponse:
    organisations = organisations_by_ids(access.company_organisation_ids(request.user))
    form = forms.JobPostingForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            posting = services.job_posting_create(posted_by=_user(request), **form.cleaned_data)
        except DomainError as error:
            _fail(request, error)
        else:
            messages.success(request, _("Job posted."))
            return redirect("projects:company_job_detail", posting_id=posting.id)
    return render(request, "projects/company_job_create.html", {"form": form})


@require_GET
@login_required
def company_job_detail(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = access.posting_for_company(request.user, posting_id)
    applicants = selectors.visible_job_applicants(posting, {posting.organisation_id})
    rows = [
        (applicant, forms.StageForm.for_application(applicant.application_id, applicant.status))
        for applicant in applicants
    ]
    context = {"posting": posting, "applicants": applicants, "applicant_rows": rows}
    return render(request, "projects/company_job_detail.html", context)


@require_POST
@login_required
def company_job_stage(request: HttpRequest, posting_id: int, application_id: int) -> HttpResponse:
    posting = access.posting_for_company(request.user, posting_id)
    application = access.job_application_for_company(request.user, posting, application_id)
    form = forms.StageForm(request.POST)
    if form.is_valid():
        try:
            services.job_application_move(
                application=application, by=_user(request), **form.cleaned_data
            )
            messages.success(request, _("Stage saved."))
        except DomainError as error:
            _fail(request, error)
    else:
        _form_errors(request, form)
    return redirect("projects:company_job_detail", posting_id=posting.id)


@require_GET
@login_required
def company_job_resume(request: HttpRequest, posting_id: int, application_id: int) -> FileResponse:
    posting = access.posting_for_company(request.user, posting_id)
    application = access.job_application_for_company(request.user, posting, application_id)
    consent = selectors.active_consent(
        user_id=application.user_id, organisation_id=posting.organisation_id
    )
    if not application.resume or consent is None or not consent.share_documents:
        raise Http404
    return FileResponse(
        application.resume.open("rb"),
        as_attachment=True,
        filename=application.resume_name or "resume",
        content_type=application.resume_content_type,
    )


# --- Operators -----------------------------------------------------------------------------------


@require_GET
@login_required
def manage_project_list(request: HttpRequest) -> HttpResponse:
    hub_ids = operated_hub_ids(request.user)
    if not hub_ids:
        raise Http404
    status = request.GET.get("status", "")
    if status not in ProjectStatus.values:
        status = ""
    page = Paginator(selectors.projects_in_hubs(hub_ids, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "status": status, "statuses": ProjectStatus.choices}
    return render(request, "projects/manage_project_list.html", context)


@require_GET
@login_required
def manage_project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    project = access.project_for_operator(request.user, project_id)
    context = {
        "project": project,
        "applications": selectors.all_project_applications(project),
        "hours": selectors.practicum_hours(project),
        "milestones": selectors.milestones_of(project),
        "meetings": selectors.meetings_of(project),
        "decision_form": forms.DecisionForm(),
    }
    return render(request, "projects/manage_project_detail.html", context)


@require_POST
@login_required
def manage_project_decide(request: HttpRequest, project_id: int) -> HttpResponse:
    project = access.project_for_operator(request.user, project_id)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "approve":
                services.project_approve(project=project, by=_user(request), note=data["note"])
                messages.success(request, _("Project approved: trainees can apply now."))
            else:
                services.project_reject(project=project, by=_user(request), note=data["note"])
                messages.success(request, _("Project rejected."))
        except DomainError as error:
            _fail(request, error)
    return redirect("projects:manage_project_detail", project_id=project.id)


# --- Trainees and graduates ----------------------------------------------------------------------


@require_GET
@login_required
def trainee_project_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    hub_ids = selectors.trainee_hub_ids(user.pk)
    if not hub_ids:
        raise Http404
    context = {
        "projects": selectors.open_projects(hub_ids),
        "applications": selectors.project_applications_of_person(user.pk),
    }
    return render(request, "projects/trainee_project_list.html", context)


@require_GET
@login_required
def trainee_project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    user = _user(request)
    project = access.project_for_trainee(user, project_id)
    application = selectors.application_of(project=project, user_id=user.pk)
    context = {
        "project": project,
        "companies": organisations_by_ids(selectors.project_organisation_ids(project)),
        "application": application,
        "can_apply": application is None and access.is_recruiting(project),
        "apply_form": forms.ProjectApplyForm(
            initial={"share_contact": True, "share_training": True, "share_documents": True}
        ),
        "log_form": forms.PracticumLogForm(),
        "my_hours": selectors.practicum_hours_of(project=project, user_id=user.pk),
        "milestones": selectors.milestones_of(project),
    }
    return render(request, "projects/trainee_project_detail.html", context)


@require_POST
@login_required
def trainee_project_apply(request: HttpRequest, project_id: int) -> HttpResponse:
    user = _user(request)
    project = access.project_for_trainee(user, project_id)
    form = forms.ProjectApplyForm(request.POST)
    if form.is_valid():
        try:
            services.project_apply(project=project, user=user, **form.cleaned_data)
            messages.success(request, _("Application sent."))
        except DomainError as error:
            _fail(request, error)
    return redirect("projects:trainee_project_detail", project_id=project.id)


@require_POST
@login_required
def trainee_practicum_log(request: HttpRequest, project_id: int) -> HttpResponse:
    user = _user(request)
    project = access.project_for_trainee(user, project_id)
    form = forms.PracticumLogForm(request.POST)
    if form.is_valid():
        try:
            services.practicum_log_add(project=project, user=user, **form.cleaned_data)
            messages.success(request, _("Hours logged."))
        except DomainError as error:
            _fail(request, error)
    else:
        _form_errors(request, form)
    return redirect("projects:trainee_project_detail", project_id=project.id)


@require_GET
@login_required
def graduate_job_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    hub_ids = selectors.graduate_hub_ids(user.pk)
    if not hub_ids:
        raise Http404
    context = {
        "postings": selectors.open_postings(hub_ids, today=timezone.localdate()),
        "applications": selectors.job_applications_of_person(user.pk),
    }
    return render(request, "projects/graduate_job_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def graduate_job_detail(request: HttpRequest, posting_id: int) -> HttpResponse:
    user = _user(request)
    posting = access.posting_for_graduate(user, posting_id)
    form = forms.JobApplyForm(
        request.POST or None,
        request.FILES or None,
        initial={"share_contact": True, "share_training": True, "share_documents": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.job_apply(posting=posting, user=user, **form.cleaned_data)
        except DomainError as error:
            _fail(request, error)
        else:
            messages.success(request, _("Application sent."))
            return redirect("projects:graduate_job_detail", posting_id=posting.id)
    context = {
        "posting": posting,
        "application": selectors.job_application_of(posting=posting, user_id=user.pk),
        "form": form,
    }
    return render(request, "projects/graduate_job_detail.html", context)


# --- Partner history -----------------------------------------------------------------------------


@require_GET
@login_required
def partner_history(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access.organisation_for_history(request.user, organisation_id)
    history = selectors.partner_history(
        organisation, all_names=is_operator_of(request.user, organisation)
    )
    return render(request, "projects/partner_history.html", {"history": history})
