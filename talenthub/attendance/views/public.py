"""Pages for trainees and the public: my attendance, calendars, certificates, verification."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from talenthub.accounts.models import User
from talenthub.attendance import access, ical, selectors, services
from talenthub.attendance.forms import RevokeForm
from talenthub.attendance.pdf import render_certificate_pdf
from talenthub.core.errors import DomainError


@require_GET
@login_required
def my_attendance(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)  # noqa: S101 -- login_required
    feed = services.calendar_feed_get_or_create(user=request.user)
    context = {
        "courses": selectors.person_progress(request.user.pk, timezone.now()),
        "feed": feed,
    }
    return render(request, "attendance/my_attendance.html", context)


@require_POST
@login_required
def calendar_reset(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)  # noqa: S101 -- login_required
    services.calendar_feed_reset(user=request.user)
    return redirect("attendance:my_attendance")


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def cohort_calendar(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = access.cohort_for_calendar(request.user, cohort_id)
    name = str(cohort)
    return _ics(ical.calendar_ics(name, ical.cohort_days(cohort)), f"cohort-{cohort.pk}.ics")


@require_GET
def person_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The secret-address feed calendar apps subscribe to (no session)."""
    user = access.calendar_feed_owner(token)
    return _ics(ical.calendar_ics(user.name, ical.person_days(user)), "talenthub.ics")


@require_GET
@login_required
def certificate_pdf(request: HttpRequest, certificate_id: int) -> HttpResponse:
    certificate = access.certificate_for_viewer(request.user, certificate_id)
    body = certificate.pdf.read() if certificate.pdf else render_certificate_pdf(certificate)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{certificate.number}.pdf"'
    return response


@require_POST
@login_required
def certificate_revoke(request: HttpRequest, certificate_id: int) -> HttpResponse:
    certificate = access.certificate_for_viewer(request.user, certificate_id)
    cohort = certificate.enrollment.cohort
    access.cohort_for_operator(request.user, cohort.pk)  # holders may not revoke their own
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"])
            return redirect("attendance:completion", cohort_id=cohort.pk)
        except DomainError as exc:
            form.add_domain_error(exc)
    context = {"certificate": certificate, "form": form, "cohort": cohort}
    return render(request, "attendance/revoke.html", context, status=400)


@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: confirms or denies a certificate, showing only name, course and dates."""
    certificate = selectors.certificate_by_code(code)
    facts = selectors.certificate_facts(certificate) if certificate else None
    return render(
        request,
        "attendance/verify.html",
        {"facts": facts, "code": code},
        status=200 if facts else 404,
    )
