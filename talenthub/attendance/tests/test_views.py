"""Every page and endpoint: allowed and refused personas, form errors, constant query counts."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from talenthub.attendance import services, tokens
from talenthub.attendance.models import AttendanceCorrection, AttendanceEvent
from talenthub.attendance.tests.conftest import SEOUL, seoul

PERSONAS = ["operator", "instructor", "trainee", "other_operator", "outsider", "anonymous"]
STAFF = {
    "operator": 200,
    "instructor": 200,
    "trainee": 404,
    "other_operator": 404,
    "outsider": 404,
    "anonymous": 302,
}
OPERATOR = STAFF | {"instructor": 404}
SIGNED_IN = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302}
HOLDER = STAFF | {"instructor": 404, "trainee": 200}
PUBLIC = dict.fromkeys(PERSONAS, 200)


def sign_in(client, world, persona):
    if persona != "anonymous":
        client.force_login(world[persona])
    return client


@pytest.fixture
def pages(world, day, enrollment):
    certificate_enrollment = enrollment
    return {
        "qr_display": (f"/attendance/days/{day.pk}/qr/", STAFF),
        "qr_code": (f"/attendance/days/{day.pk}/qr/code/", STAFF),
        "roster": (f"/attendance/days/{day.pk}/roster/", STAFF),
        "roster_rows": (f"/attendance/days/{day.pk}/roster/rows/", STAFF),
        "correct": (f"/attendance/days/{day.pk}/trainees/{enrollment.pk}/correct/", OPERATOR),
        "overview": (f"/attendance/cohorts/{world.cohort.pk}/", STAFF),
        "schedule": (f"/attendance/cohorts/{world.cohort.pk}/schedule/", OPERATOR),
        "completion": (f"/attendance/cohorts/{world.cohort.pk}/completion/", STAFF),
        "dropout": (f"/attendance/cohorts/{world.cohort.pk}/dropout/{enrollment.pk}/", OPERATOR),
        "cohort_calendar": (f"/attendance/cohorts/{world.cohort.pk}/calendar.ics", PUBLIC),
        "my_attendance": ("/attendance/me/", SIGNED_IN),
        "_enrollment": (certificate_enrollment, {}),
    }


@pytest.mark.parametrize(
    "page",
    [
        "qr_display",
        "qr_code",
        "roster",
        "roster_rows",
        "correct",
        "overview",
        "schedule",
        "completion",
        "dropout",
        "cohort_calendar",
        "my_attendance",
    ],
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_page_access_by_persona(client, world, pages, page, persona):
    url, expected = pages[page]
    with time_machine.travel(seoul(10), tick=False):
        response = sign_in(client, world, persona).get(url)
    assert response.status_code == expected[persona]
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/?next=")


def test_other_hubs_cohort_is_404_even_for_an_operator(client, world):
    client.force_login(world["operator"])
    response = client.get(f"/attendance/cohorts/{world.other_cohort.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("trainee", 200), ("operator", 403), ("outsider", 403), ("instructor", 403)],
)
def test_scan_page_is_for_the_enrolled_trainee(client, world, day, persona, expected):
    token = tokens.issue(day.pk, seoul(9))
    with time_machine.travel(seoul(9, 0, 10), tick=False):
        response = sign_in(client, world, persona).get(f"/attendance/scan/{token}/")
    assert response.status_code == expected


def test_scan_login_redirect_keeps_the_code(client, day):
    token = tokens.issue(day.pk, seoul(9))
    response = client.get(f"/attendance/scan/{token}/")
    assert response.status_code == 302
    assert f"next=/attendance/scan/{token}/" in response["Location"].replace("%3A", ":")


def test_trainee_checks_in_and_a_replay_shows_the_refusal(client, world, day):
    client.force_login(world["trainee"])
    token = tokens.issue(day.pk, seoul(9))
    with time_machine.travel(seoul(9, 0, 5), tick=False):
        first = client.post(f"/attendance/scan/{token}/", {"kind": "check_in"})
        replay = client.post(f"/attendance/scan/{token}/", {"kind": "check_in"})
    assert first.status_code == 200
    assert replay.status_code == 400
    assert "already used" in replay.context["error"]
    assert AttendanceEvent.objects.count() == 1


def test_expired_code_page_says_so(client, world, day):
    client.force_login(world["trainee"])
    token = tokens.issue(day.pk, seoul(9))
    with time_machine.travel(seoul(9, 5), tick=False):
        response = client.post(f"/attendance/scan/{token}/", {"kind": "check_in"})
    assert response.status_code == 400
    assert "expired" in response.context["error"]
    assert response.context["can_act"] is False


def test_qr_code_fragment_rotates_with_the_window(client, world, day):
    client.force_login(world["instructor"])
    with time_machine.travel(seoul(9, 0, 1), tick=False):
        first = client.get(f"/attendance/days/{day.pk}/qr/code/").context["scan_url"]
    with time_machine.travel(seoul(9, 0, 29), tick=False):
        same = client.get(f"/attendance/days/{day.pk}/qr/code/").context["scan_url"]
    with time_machine.travel(seoul(9, 0, 31), tick=False):
        rotated = client.get(f"/attendance/days/{day.pk}/qr/code/")
    assert first == same != rotated.context["scan_url"]
    assert b"<svg" in rotated.content
    assert rotated["Cache-Control"].startswith("max-age=0")


def test_qr_page_polls_with_htmx_and_no_inline_script(client, world, day):
    client.force_login(world["instructor"])
    with time_machine.travel(seoul(9), tick=False):
        html = client.get(f"/attendance/days/{day.pk}/qr/").content.decode()
    assert 'hx-trigger="every 5s"' in html
    assert "<script>" not in html
    assert "style=" not in html


@pytest.mark.parametrize(("persona", "expected"), [("instructor", 302), ("trainee", 404)])
def test_hand_marking_by_persona(client, world, day, enrollment, persona, expected):
    client.force_login(world[persona])
    response = client.post(
        f"/attendance/days/{day.pk}/mark/",
        {"enrollment": enrollment.pk, "kind": "check_in", "time": "09:03"},
    )
    assert response.status_code == expected
    assert AttendanceEvent.objects.filter(source="manual").count() == (expected == 302)


def test_correction_without_reason_is_refused_with_a_field_error(client, world, day, enrollment):
    client.force_login(world["operator"])
    response = client.post(
        f"/attendance/days/{day.pk}/trainees/{enrollment.pk}/correct/",
        {"check_in": "09:00", "check_out": "18:00", "reason": ""},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == ["Give the reason for this correction."]
    assert AttendanceCorrection.objects.count() == 0


def test_correction_with_reason_is_saved(client, world, day, enrollment):
    client.force_login(world["operator"])
    response = client.post(
        f"/attendance/days/{day.pk}/trainees/{enrollment.pk}/correct/",
        {"check_in": "09:00", "check_out": "18:00", "reason": "단말기 고장"},
    )
    assert response.status_code == 302
    assert AttendanceCorrection.objects.get().after["check_out"] == "2025-03-04T18:00:00+09:00"


def test_instructor_cannot_decide_completion(client, world):
    client.force_login(world["instructor"])
    response = client.post(f"/attendance/cohorts/{world.cohort.pk}/completion/")
    assert response.status_code == 403


def test_other_operator_cannot_issue_or_revoke(client, world):
    client.force_login(world["other_operator"])
    assert client.post(f"/attendance/cohorts/{world.cohort.pk}/certificates/").status_code == 404


def test_certificate_pdf_for_holder_and_operator_only(client, world, factories, day, enrollment):
    AttendanceEvent.objects.create(
        enrollment=enrollment, session_day=day, kind="check_in", at=seoul(9), source="manual"
    )
    AttendanceEvent.objects.create(
        enrollment=enrollment, session_day=day, kind="check_out", at=seoul(18), source="manual"
    )
    services.completion_decide_cohort(
        cohort=world.cohort, decided_by=None, today=datetime.date(2025, 4, 30)
    )
    certificate = services.certificate_issue(enrollment=enrollment)
    url = f"/attendance/certificates/{certificate.pk}.pdf"
    for persona, expected in HOLDER.items():
        client.logout()
        response = sign_in(client, world, persona).get(url)
        assert response.status_code == expected, persona
    client.force_login(world["trainee"])
    assert (
        client.post(
            f"/attendance/certificates/{certificate.pk}/revoke/", {"reason": "x"}
        ).status_code
        == 404
    )


def test_verify_page_is_public_and_shows_no_contact_details(client, world):
    response = client.get("/verify/UNKNOWN0000/")
    assert response.status_code == 404
    assert "No certificate" in response.content.decode()


# --- query counts ---------------------------------------------------------------------------


def populate(world, factories, day, count):
    """Add trainees until the cohort has `count`, each checked in on `day`."""
    while world.cohort.enrollments.count() < count:
        factories.EnrollmentFactory(cohort=world.cohort)
    for enrollment in world.cohort.enrollments.filter(attendance_events__isnull=True):
        AttendanceEvent.objects.create(
            enrollment=enrollment, session_day=day, kind="check_in", at=seoul(9), source="manual"
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "path",
    [
        "/attendance/days/{day}/roster/rows/",
        "/attendance/days/{day}/roster/",
        "/attendance/cohorts/{cohort}/",
        "/attendance/cohorts/{cohort}/completion/",
    ],
)
def test_list_pages_keep_a_constant_query_count(client, world, factories, day, path):
    world.cohort.capacity = 100
    world.cohort.save()
    url = path.format(day=day.pk, cohort=world.cohort.pk)
    client.force_login(world["instructor"])
    populate(world, factories, day, 5)
    with time_machine.travel(seoul(10), tick=False):
        few = count_queries(client, url)
        populate(world, factories, day, 50)
        many = count_queries(client, url)
    assert world.cohort.enrollments.count() == 50
    assert few == many


def test_roster_shows_in_late_and_not_arrived(client, world, factories, day, enrollment):
    late = factories.EnrollmentFactory(cohort=world.cohort)
    factories.EnrollmentFactory(cohort=world.cohort)
    for who, clock in ((enrollment, datetime.time(8, 55)), (late, datetime.time(9, 25))):
        AttendanceEvent.objects.create(
            enrollment=who,
            session_day=day,
            kind="check_in",
            at=datetime.datetime.combine(day.date, clock, tzinfo=SEOUL),
            source="manual",
        )
    client.force_login(world["instructor"])
    with time_machine.travel(seoul(10), tick=False):
        rows = client.get(f"/attendance/days/{day.pk}/roster/rows/").context["rows"]
    assert sorted(row.state for row in rows) == ["in", "late_in", "not_arrived"]
