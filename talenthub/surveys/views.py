from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.core.errors import DomainError
from talenthub.hubs.selectors import operated_hub_ids
from talenthub.surveys import access, selectors, services
from talenthub.surveys.export import survey_workbook
from talenthub.surveys.forms import (
    CommentFilterForm,
    ResponseForm,
    ScoreFilterForm,
    SurveyCreateForm,
)
from talenthub.surveys.models import TemplateVersion

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@login_required
def survey_list(request: HttpRequest) -> HttpResponse:
    """Surveys of the operator's hubs, with live response rates and the terms most used in
    comments across their cohorts."""
    hub_ids = operated_hub_ids(request.user)
    page = Paginator(
        selectors.surveys_in_hubs(hub_ids, instructor_id=request.user.pk), 50
    ).get_page(request.GET.get("page"))
    terms = selectors.top_terms(selectors.survey_ids_in_hubs(hub_ids), 30) if hub_ids else []
    return render(request, "surveys/survey_list.html", {"page": page, "terms": terms})


def _create(request: HttpRequest, subject: dict[str, Any]) -> HttpResponse:
    """The new-survey form, for a cohort or an event (`subject` names which)."""
    versions = TemplateVersion.objects.select_related("template").order_by(
        "template__name", "-number"
    )
    form = SurveyCreateForm(request.POST or None, versions=versions)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(**subject, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Survey created."))
            return redirect("surveys:results", survey_id=survey.pk)
    return render(request, "surveys/survey_create.html", {**subject, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def survey_create(request: HttpRequest, cohort_id: int) -> HttpResponse:
    return _create(request, {"cohort": access.cohort_for_survey_setup(request.user, cohort_id)})


@require_http_methods(["GET", "POST"])
@login_required
def event_survey_create(request: HttpRequest, event_id: int) -> HttpResponse:
    return _create(request, {"event": access.event_for_survey_setup(request.user, event_id)})


@require_GET
@login_required
def survey_results(request: HttpRequest, survey_id: int) -> HttpResponse:
    """Charts per question, the 100-point score, response rate, terms and comments. Instructors
    see the same without identities and without the management buttons."""
    view = access.survey_for_staff(request.user, survey_id)
    survey = view.survey
    filters = CommentFilterForm(request.GET or None)
    term, polarity = filters.values()
    found = selectors.comments(
        [survey.pk], term=term, polarity=polarity, with_identity=view.shows_identities
    )
    context = {
        "view": view,
        "survey": survey,
        "stats": selectors.question_stats(survey),
        "progress": selectors.survey_progress(survey),
        "terms": selectors.top_terms([survey.pk]),
        "tones": selectors.polarity_counts([survey.pk]),
        "filters": filters,
        "term": term,
        "comments": Paginator(found, 50).get_page(request.GET.get("page")),
        "respondents": selectors.respondents_of(survey) if view.shows_identities else None,
    }
    return render(request, "surveys/survey_results.html", context)


def _act(request: HttpRequest, survey_id: int, action: str) -> HttpResponse:
    survey = access.survey_for_operator(request.user, survey_id)
    try:
        if action == "send":
            count = services.survey_send(survey=survey)
            messages.success(request, _("%(count)d people invited.") % {"count": count})
        elif action == "remind":
            count = services.survey_remind(survey=survey)
            messages.success(request, _("Reminder sent to %(count)d people.") % {"count": count})
        else:
            services.survey_close(survey=survey)
            messages.success(request, _("Survey closed."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("surveys:results", survey_id=survey.pk)


@require_POST
@login_required
def survey_send(request: HttpRequest, survey_id: int) -> HttpResponse:
    return _act(request, survey_id, "send")


@require_POST
@login_required
def survey_remind(request: HttpRequest, survey_id: int) -> HttpResponse:
    return _act(request, survey_id, "remind")


@require_POST
@login_required
def survey_close(request: HttpRequest, survey_id: int) -> HttpResponse:
    return _act(request, survey_id, "close")


@require_GET
@login_required
def survey_export(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = access.survey_for_operator(request.user, survey_id)
    questions = list(survey.version.questions.order_by("position"))
    content = survey_workbook(survey, questions, selectors.export_responses(survey))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}.xlsx"'
    return response


@require_GET
@login_required
def comment_search(request: HttpRequest) -> HttpResponse:
    """Comments across all surveys of the operator's hubs, filtered by term and tone."""
    hub_ids = operated_hub_ids(request.user)
    if not hub_ids:
        raise Http404
    survey_ids = selectors.survey_ids_in_hubs(hub_ids)
    filters = CommentFilterForm(request.GET or None)
    term, polarity = filters.values()
    found = selectors.comments(survey_ids, term=term, polarity=polarity)
    context = {
        "filters": filters,
        "term": term,
        "terms": selectors.top_terms(survey_ids, 30),
        "comments": Paginator(found, 50).get_page(request.GET.get("page")),
    }
    return render(request, "surveys/comment_search.html", context)


@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, token: str) -> HttpResponse:
    """The personal link: works without signing in; one answer per link."""
    invitation = access.invitation_for_token(token)
    survey = invitation.survey
    questions = list(survey.version.questions.select_related("section").order_by("position"))
    form = ResponseForm(request.POST or None, questions=questions)
    refusal = services.response_refusal(invitation=invitation, now=timezone.now())
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            services.response_submit(invitation=invitation, answers=form.answers())
        except DomainError as exc:
            refusal = exc.message
        else:
            return render(request, "surveys/respond_done.html", {"survey": survey})
    status = 409 if refusal and request.method == "POST" else 200
    context = {"survey": survey, "form": form, "refusal": refusal}
    return render(request, "surveys/respond.html", context, status=status)


@require_GET
@login_required
def my_surveys(request: HttpRequest) -> HttpResponse:
    invitations = selectors.invitations_of_person(request.user.pk or 0)
    rows = [(i, services.invitation_token(i)) for i in invitations[:50]]
    return render(request, "surveys/my_surveys.html", {"rows": rows, "now": timezone.now()})


@require_GET
@login_required
def scores(request: HttpRequest) -> HttpResponse:
    """The 100-point satisfaction score by hub, course, track, cohort (and instructor for
    operators) for a period. Aggregates only: consortium leads and funders see this page."""
    hub_ids = access.score_hub_ids(request.user)
    if not hub_ids:
        raise Http404
    form = ScoreFilterForm(
        request.GET or None, allow_people=access.may_group_by_person(request.user)
    )
    start, end, group_by = form.period()
    if group_by == "instructor" and not access.may_group_by_person(request.user):
        group_by = "hub"
    if group_by == "instructor":
        hub_ids &= operated_hub_ids(request.user)
    rows, total = selectors.satisfaction_table(
        hub_ids=hub_ids, start=start, end=end, group_by=group_by
    )
    context = {
        "form": form,
        "rows": rows,
        "total": total,
        "group_by": group_by,
        # Events are scored on their own: never part of the hub's satisfaction (docs/kpi.md).
        "event_scores": selectors.event_scores(hub_ids, start, end),
    }
    return render(request, "surveys/scores.html", context)
