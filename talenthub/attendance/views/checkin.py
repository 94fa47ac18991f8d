"""The classroom: rotating QR, the trainee's scan page, the live roster, marks and corrections."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.accounts.models import User
from talenthub.attendance import access, rules, selectors, services, tokens
from talenthub.attendance.errors import NotEnrolledError, QrTokenError
from talenthub.attendance.forms import CorrectionForm, ManualMarkForm, ScanForm
from talenthub.attendance.qr import qr_svg_inline
from talenthub.attendance.selectors.records import local_zone
from talenthub.core.errors import DomainError
from talenthub.courses.models import SessionDay


def _qr_context(request: HttpRequest, day: SessionDay) -> dict[str, object]:
    now = timezone.now()
    opens, closes = selectors.scan_window(day)
    context: dict[str, object] = {"day": day, "opens": opens, "closes": closes}
    if opens <= now <= closes:
        url = request.build_absolute_uri(
            reverse("attendance:scan", args=[tokens.issue(day.pk, now)])
        )
        context.update(scan_url=url, qr=qr_svg_inline(url, title=_("Attendance QR code")))
    return context


@never_cache
@require_GET
@login_required
def qr_display(request: HttpRequest, day_id: int) -> HttpResponse:
    day = access.session_day_for_staff(request.user, day_id)
    return render(request, "attendance/qr_display.html", _qr_context(request, day))


@never_cache
@require_GET
@login_required
def qr_code(request: HttpRequest, day_id: int) -> HttpResponse:
    """The fragment HTMX polls: the code of the current 30-second window."""
    day = access.session_day_for_staff(request.user, day_id)
    return render(request, "attendance/_qr_code.html", _qr_context(request, day))


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def scan(request: HttpRequest, token: str) -> HttpResponse:
    """The page a trainee's phone opens from the code: four buttons for their own record."""
    assert isinstance(request.user, User)  # noqa: S101 -- login_required
    error, status, recorded, can_act = "", 200, None, True
    try:
        if request.method == "POST":
            form = ScanForm(request.POST)
            if not form.is_valid():
                raise DomainError(_("Unknown action."))
            recorded = services.event_record_qr(
                token=token, user=request.user, kind=form.cleaned_data["kind"]
            )
        else:
            services.scan_claim(token=token, user=request.user, now=timezone.now())
    except (NotEnrolledError, QrTokenError) as exc:
        error, can_act = exc.message, False
        status = 403 if isinstance(exc, NotEnrolledError) else 400
    except DomainError as exc:  # a replay or an out-of-order action: the code still works
        error, status = exc.message, 400
    context = {"token": token, "error": error, "recorded": recorded, "can_act": can_act}
    return render(request, "attendance/scan.html", context, status=status)


def _roster_context(request: HttpRequest, day: SessionDay) -> dict[str, object]:
    now = timezone.now()
    return {
        "day": day,
        "rows": selectors.day_roster(day, now),
        "now": now,
        "is_operator": access.is_operator_of(request.user, day.cohort),
        "mark_form": ManualMarkForm(initial={"time": timezone.localtime(now).time()}),
    }


@require_GET
@login_required
def roster(request: HttpRequest, day_id: int) -> HttpResponse:
    day = access.session_day_for_staff(request.user, day_id)
    return render(request, "attendance/roster.html", _roster_context(request, day))


@never_cache
@require_GET
@login_required
def roster_rows(request: HttpRequest, day_id: int) -> HttpResponse:
    day = access.session_day_for_staff(request.user, day_id)
    return render(request, "attendance/_roster_rows.html", _roster_context(request, day))


@require_POST
@login_required
def mark(request: HttpRequest, day_id: int) -> HttpResponse:
    """An instructor's (or operator's) hand mark for one trainee."""
    assert isinstance(request.user, User)  # noqa: S101 -- login_required
    day = access.session_day_for_staff(request.user, day_id)
    form = ManualMarkForm(request.POST)
    if form.is_valid():
        enrollment = access.enrollment_of_cohort(day.cohort, form.cleaned_data["enrollment"])
        at = datetime.datetime.combine(day.date, form.cleaned_data["time"], tzinfo=local_zone())
        try:
            services.event_record_manual(
                enrollment=enrollment,
                session_day=day,
                kind=form.cleaned_data["kind"],
                at=at,
                recorded_by=request.user,
            )
            return redirect("attendance:roster", day_id=day.pk)
        except DomainError as exc:
            form.add_domain_error(exc)
    context = _roster_context(request, day) | {"mark_form": form, "mark_failed": True}
    return render(request, "attendance/roster.html", context, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def correct(request: HttpRequest, day_id: int, enrollment_id: int) -> HttpResponse:
    """An operator's correction of one trainee's day; the reason is required."""
    assert isinstance(request.user, User)  # noqa: S101 -- login_required
    day = access.session_day_for_operator(request.user, day_id)
    enrollment = access.enrollment_of_cohort(day.cohort, enrollment_id)
    record = selectors.trainee_day_record(enrollment, day)
    form = CorrectionForm(request.POST or None, request.FILES or None, initial=_initial(record))
    if request.method == "POST" and form.is_valid():
        try:
            services.day_correct(
                enrollment=enrollment,
                session_day=day,
                fix=form.to_fix(),
                reason=form.cleaned_data["reason"],
                corrected_by=request.user,
            )
            return redirect("attendance:roster", day_id=day.pk)
        except DomainError as exc:
            form.add_domain_error(exc)
    context = {"day": day, "enrollment": enrollment, "form": form, "record": record}
    status = 400 if request.method == "POST" else 200
    return render(request, "attendance/correct.html", context, status=status)


def _clock(value: datetime.datetime | None) -> datetime.time | None:
    return timezone.localtime(value).time().replace(microsecond=0) if value else None


def _initial(record: rules.DayRecord) -> dict[str, object]:
    """The day as recorded, to edit (the form holds one outing: the first)."""
    clock = _clock
    outing = record.outings[0] if record.outings else None
    return {
        "check_in": clock(record.check_in),
        "check_out": clock(record.check_out),
        "outing_start": clock(outing.start) if outing else None,
        "outing_end": clock(outing.end) if outing else None,
        "excused": record.excused,
    }
