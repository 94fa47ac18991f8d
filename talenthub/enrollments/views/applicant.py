"""The applicant's pages: apply, see every application, withdraw, answer a seat offer."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.courses.access import cohort_for_public
from talenthub.courses.models import Cohort
from talenthub.enrollments import access
from talenthub.enrollments.choices import ApplicationStatus
from talenthub.enrollments.eligibility import DECLARED_KINDS, describe, evaluate
from talenthub.enrollments.errors import IneligibleError
from talenthub.enrollments.forms import ApplyForm, declaration_from_profile, partial_declaration
from talenthub.enrollments.models import ApplicationForm
from talenthub.enrollments.selectors import (
    accepting_applications,
    applications_of_person,
    current_consents,
    eligibility_snapshot,
    partner_universities,
    questions_of,
    rule_specs,
)
from talenthub.enrollments.services import (
    application_form_ensure,
    application_submit,
    application_withdraw,
    offer_accept,
    offer_decline,
)


def person(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # login_required has run; this narrows the type
        raise PermissionDenied
    return request.user


def _apply_form(request: HttpRequest, cohort: Cohort, config: ApplicationForm) -> ApplyForm:
    options: dict[str, Any] = {
        "questions": questions_of(config),
        "consents": current_consents(config),
        "universities": partner_universities(cohort.course.hub_id),
    }
    if request.method == "POST" and request.POST.get("action") == "check":
        # Only checking eligibility: keep what was typed, but do not judge the rest of the form.
        return ApplyForm(initial=request.POST.dict(), **options)
    if request.method == "POST":
        return ApplyForm(request.POST, request.FILES, **options)
    return ApplyForm(initial=declaration_from_profile(person(request)), **options)


def _failures(request: HttpRequest, cohort: Cohort, config: ApplicationForm) -> list[str]:
    """Rules the person fails. Before they have answered, only the rules that need no answer."""
    user = person(request)
    declaration = partial_declaration(request.POST, user)
    rules, facts, cohort_facts = eligibility_snapshot(
        cohort=cohort, form=config, user_id=user.pk, declaration=declaration
    )
    failures = evaluate(rules, facts, cohort_facts)
    if request.method != "POST":
        failures = [f for f in failures if f.kind not in DECLARED_KINDS]
        failures = [f for f in failures if facts.birth_date or f.kind != "age_range"]
        failures = [f for f in failures if facts.region or f.kind != "region"]
    return [failure.message for failure in failures]


@require_http_methods(["GET", "POST"])
@login_required
def apply(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = cohort_for_public(cohort_id)
    user = person(request)
    mine = applications_of_person(user.pk).filter(cohort=cohort).first()
    if mine is not None and mine.status != ApplicationStatus.WITHDRAWN:
        messages.info(request, _("You have already applied to this cohort."))
        return redirect("enrollments:my_application", mine.pk)
    if not accepting_applications(cohort, timezone.localdate()):
        return render(request, "enrollments/apply_closed.html", {"cohort": cohort}, status=200)
    config = application_form_ensure(cohort=cohort)
    form = _apply_form(request, cohort, config)
    context: dict[str, Any] = {"cohort": cohort, "config": config, "form": form}
    context["requirements"] = [describe(rule) for rule in rule_specs(config)]
    context["failures"] = _failures(request, cohort, config)
    context["checked"] = request.POST.get("action") == "check"
    if request.method == "POST" and not context["checked"] and form.is_valid():
        try:
            result = application_submit(
                cohort=cohort,
                user=user,
                declaration=form.declaration(),
                answers=form.answers(),
                consents=form.consents(),
                resume=form.cleaned_data.get("resume"),
            )
        except IneligibleError as exc:
            context["failures"] = exc.reasons
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Your application has been received."))
            return redirect("enrollments:my_application", result.application.pk)
    return render(request, "enrollments/apply.html", context)


@require_GET
@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = applications_of_person(person(request).pk)
    return render(request, "enrollments/my_applications.html", {"applications": applications})


@require_GET
@login_required
def my_application(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access.application_for_applicant(request.user, application_id)
    return render(request, "enrollments/my_application.html", {"application": application})


@require_POST
@login_required
def withdraw(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access.application_for_applicant(request.user, application_id)
    try:
        application_withdraw(application=application, actor=person(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("enrollments:my_application", application.pk)


@require_POST
@login_required
def offer_respond(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access.application_for_applicant(request.user, application_id)
    accept = request.POST.get("response") == "accept"
    try:
        if accept:
            offer_accept(application=application, actor=person(request))
        else:
            offer_decline(application=application, actor=person(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("You are enrolled. Welcome!") if accept else _("You have declined the seat."),
        )
    return redirect("enrollments:my_application", application.pk)


@require_GET
@login_required
def resume_download(request: HttpRequest, application_id: int) -> FileResponse:
    application = access.resume_for(request.user, application_id)
    return FileResponse(
        application.resume.open("rb"),
        as_attachment=True,
        filename=f"resume-{application.pk}.pdf",
        content_type="application/pdf",
    )


@require_GET
@login_required
def answer_download(request: HttpRequest, answer_id: int) -> FileResponse:
    answer = access.answer_file_for(request.user, answer_id)
    name = answer.file.name or ""
    extension = name.rsplit(".", 1)[-1] if "." in name else "bin"
    return FileResponse(
        answer.file.open("rb"), as_attachment=True, filename=f"answer-{answer.pk}.{extension}"
    )
