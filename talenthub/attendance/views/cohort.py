"""A cohort's attendance: overview with at-risk trainees, schedule, completion, certificates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.accounts.models import User
from talenthub.attendance import access, selectors, services
from talenthub.attendance.forms import DropoutForm, OverrideForm, ScheduleForm
from talenthub.attendance.services.completion import completion_cases
from talenthub.core.errors import DomainError
from talenthub.courses.selectors import session_days_of
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.selectors import roster_of


@require_GET
@login_required
def overview(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = access.cohort_for_staff(request.user, cohort_id)
    progress = selectors.cohort_progress(cohort, timezone.now())
    context = {
        "cohort": cohort,
        "progress": progress,
        "at_risk": [p for p in progress if p.risk_level],
        "session_days": session_days_of(cohort),
        "today": timezone.localdate(),
        "is_operator": access.is_operator_of(request.user, cohort),
    }
    return render(request, "attendance/cohort_overview.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def schedule(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = access.cohort_for_operator(request.user, cohort_id)
    form = ScheduleForm(
        request.POST or None, initial={"first_day": cohort.starts_on, "last_day": cohort.ends_on}
    )
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = services.schedule_generate(cohort=cohort, **form.cleaned_data)
        except DomainError as exc:
            form.add_domain_error(exc)
    context = {"cohort": cohort, "form": form, "result": result}
    return render(request, "attendance/schedule.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def completion(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Staff see each trainee's verdict and reasons; operators decide at cohort end."""
    cohort = access.cohort_for_staff(request.user, cohort_id)
    is_operator = access.is_operator_of(request.user, cohort)
    if request.method == "POST":
        if not is_operator:
            return HttpResponse(status=403)
        assert isinstance(request.user, User)  # noqa: S101 -- login_required
        try:
            decisions = services.completion_decide_cohort(
                cohort=cohort, decided_by=request.user, today=timezone.localdate()
            )
            messages.success(
                request, _("Completion decided for %(count)d trainees.") % {"count": len(decisions)}
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect("attendance:completion", cohort_id=cohort.pk)
    enrollments = list(roster_of(cohort).select_related("completion_decision", "certificate"))
    context = {
        "cohort": cohort,
        "cases": completion_cases(cohort, enrollments),
        "is_operator": is_operator,
        "override_form": OverrideForm(),
        "ended": timezone.localdate() >= cohort.ends_on,
        "enrolled": EnrollmentStatus.ENROLLED,
    }
    return render(request, "attendance/completion.html", context)


@require_POST
@login_required
def override(request: HttpRequest, cohort_id: int, enrollment_id: int) -> HttpResponse:
    assert isinstance(request.user, User)  # noqa: S101 -- login_required
    cohort = access.cohort_for_operator(request.user, cohort_id)
    enrollment = access.enrollment_of_cohort(cohort, enrollment_id)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            services.completion_override(
                enrollment=enrollment, decided_by=request.user, **form.cleaned_data
            )
            messages.success(request, _("The decision was overridden."))
            return redirect("attendance:completion", cohort_id=cohort.pk)
        except DomainError as exc:
            form.add_domain_error(exc)
    context = {"cohort": cohort, "enrollment": enrollment, "form": form}
    return render(request, "attendance/override.html", context, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def dropout(request: HttpRequest, cohort_id: int, enrollment_id: int) -> HttpResponse:
    cohort = access.cohort_for_operator(request.user, cohort_id)
    enrollment = access.enrollment_of_cohort(cohort, enrollment_id)
    form = DropoutForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.enrollment_drop_out(
                enrollment=enrollment, on=form.cleaned_data["on"], reason=form.reason()
            )
            messages.success(request, _("The drop-out was recorded."))
            return redirect("attendance:overview", cohort_id=cohort.pk)
        except DomainError as exc:
            form.add_domain_error(exc)
    context = {"cohort": cohort, "enrollment": enrollment, "form": form}
    return render(request, "attendance/dropout.html", context)


@require_POST
@login_required
def issue_certificates(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = access.cohort_for_operator(request.user, cohort_id)
    issued = services.certificates_issue_cohort(cohort=cohort)
    messages.success(
        request,
        _("%(count)d certificates issued; their PDFs are being prepared.") % {"count": len(issued)},
    )
    return redirect("attendance:completion", cohort_id=cohort.pk)
