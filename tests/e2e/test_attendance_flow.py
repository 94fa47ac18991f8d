"""Attendance in the browser: the trainee checks in on a phone from the classroom code, the
instructor's roster follows without a reload, an operator's correction needs a reason."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from talenthub.testing.personas import PASSWORD, World

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


def _session_day_now(world: World) -> Any:
    """A session day of alpha's cohort starting in a few minutes: scanning is open (from an hour
    before the start) and a check-in now is on time."""
    from talenthub.courses.models import SessionDay

    now = timezone.localtime()
    start = min(
        now + datetime.timedelta(minutes=5),
        datetime.datetime.combine(now.date(), datetime.time(23, 55), tzinfo=now.tzinfo),
    )
    return SessionDay.objects.create(
        cohort=world.cohort,
        date=now.date(),
        starts_at=start.time().replace(microsecond=0),
        ends_at=datetime.time(23, 59, 59),
        hours=8,
    )


def test_trainee_checks_in_from_the_code_and_the_roster_follows(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    day = _session_day_now(e2e_world)
    trainee = e2e_world["trainee"]
    enrollment = e2e_world.cohort.enrollments.get(user=trainee)

    classroom = new_page()
    login(classroom, live_server, e2e_world["instructor"].email)
    classroom.goto(f"{live_server.url}/attendance/days/{day.pk}/qr/")
    expect(classroom.locator("#qr-frame svg.qr-code")).to_be_visible()
    assert_accessible(classroom)
    scan_url = classroom.locator("#scan-link").get_attribute("href")
    assert scan_url is not None
    assert "/attendance/scan/" in scan_url

    roster = new_page()
    login(roster, live_server, e2e_world["instructor"].email)
    roster.goto(f"{live_server.url}/attendance/days/{day.pk}/roster/")
    row_state = roster.locator(f"tr[data-enrollment='{enrollment.pk}'] [data-state]")
    expect(row_state).to_have_attribute("data-state", "not_arrived")
    assert_accessible(roster)
    roster.evaluate("() => { window.stillTheSamePage = true; }")

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    phone.goto(scan_url)
    assert "/accounts/login/" in phone.url  # signed out: sign in first, the code is kept
    form = phone.locator("main form[method=post]", has=phone.locator("input[name=password]"))
    form.locator("input[name=login]").fill(trainee.email)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    phone.wait_for_url(scan_url)
    assert_accessible(phone)
    phone.locator("button[name=kind][value=check_in]").tap()
    expect(phone.locator(".alert-ok")).to_be_visible()
    assert_accessible(phone)

    # The roster polls: the trainee shows as in without the instructor reloading the page.
    expect(row_state).to_have_attribute("data-state", "in", timeout=15_000)
    assert roster.evaluate("() => window.stillTheSamePage === true")


def test_operator_correction_without_reason_is_refused(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    from talenthub.attendance.models import AttendanceCorrection

    day = _session_day_now(e2e_world)
    enrollment = e2e_world.cohort.enrollments.get(user=e2e_world["trainee"])
    page = new_page()
    login(page, live_server, e2e_world["operator"].email)
    page.goto(f"{live_server.url}/attendance/days/{day.pk}/trainees/{enrollment.pk}/correct/")
    assert_accessible(page)
    page.fill("#id_check_in", "09:00")
    page.fill("#id_check_out", "18:00")
    # The browser refuses first (the field is required); the server must refuse too.
    page.locator("form.stacked-form button[type=submit]").click()
    assert page.evaluate("() => document.querySelector('#id_reason').validity.valueMissing")
    page.evaluate("() => { document.querySelector('form.stacked-form').noValidate = true; }")
    page.locator("form.stacked-form button[type=submit]").click()
    error = page.locator("#id_reason-error")
    expect(error).to_be_visible()
    assert error.inner_text().strip()
    assert_accessible(page)
    assert AttendanceCorrection.objects.count() == 0

    page.fill("#id_reason", "출결 단말기 오류 확인")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/attendance/days/{day.pk}/roster/")
    assert AttendanceCorrection.objects.get().reason == "출결 단말기 오류 확인"


def test_attendance_pages_are_accessible(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    from talenthub.attendance import services

    _session_day_now(e2e_world)
    enrollment = e2e_world.cohort.enrollments.get(user=e2e_world["trainee"])
    services.enrollment_drop_out(enrollment=enrollment, on=enrollment.enrolled_on, reason="취업")
    cohort = e2e_world.cohort.pk
    operator = new_page()
    login(operator, live_server, e2e_world["operator"].email)
    for path in ["", "schedule/", "completion/", f"dropout/{enrollment.pk}/"]:
        operator.goto(f"{live_server.url}/attendance/cohorts/{cohort}/{path}")
        expect(operator.locator("h1")).to_be_visible()
        assert_accessible(operator)
    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    login(phone, live_server, e2e_world["trainee"].email)
    for path in ["/attendance/me/", "/verify/NOSUCHCODE00000/"]:
        phone.goto(f"{live_server.url}{path}")
        expect(phone.locator("h1")).to_be_visible()
        assert_accessible(phone)
