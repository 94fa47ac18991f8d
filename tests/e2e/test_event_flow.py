"""An event from start to finish: the operator creates and publishes it, a trainee registers on a
phone, the operator marks them attended, the event ends and its survey goes out, and the trainee
answers through the personal link. Every page passes axe (no serious violations).

Controls are found by their form (action, field name), not by their label: the page texts of the
events app are Korean once the integrator has merged its catalogue."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
WIDEST = "document.documentElement.scrollWidth"
TITLE = "쉬었음 청년 디지털 워크숍"


def test_operator_runs_an_event_and_the_trainee_registers_attends_and_answers(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    from talenthub.events import services as events
    from talenthub.events.models import Event, Registration
    from talenthub.surveys import services as surveys
    from talenthub.surveys.models import Invitation, Survey

    surveys.standard_templates_install()  # the live-server database is flushed between tests
    starts = timezone.localtime() + datetime.timedelta(days=2)
    starts = starts.replace(hour=14, minute=0, second=0, microsecond=0)

    # The operator creates the event and publishes it.
    operator = new_page()
    login(operator, live_server, e2e_world["operator"].email)
    operator.goto(f"{live_server.url}/manage/events/new/")
    assert_accessible(operator)
    form = operator.locator("form.stack-form")
    form.locator('[name="kind"]').select_option("workshop")
    form.locator('[name="title"]').fill(TITLE)
    form.locator('[name="starts_at"]').fill(f"{starts:%Y-%m-%dT%H:%M}")
    form.locator('[name="ends_at"]').fill(f"{starts + datetime.timedelta(hours=3):%Y-%m-%dT%H:%M}")
    form.locator('[name="capacity"]').fill("20")
    form.locator('[name="target_group"]').select_option("neet")
    form.locator('button[type="submit"]').click()
    operator.locator('form[action$="/publish/"] button').click()
    event = Event.objects.get(title=TITLE)
    assert (event.status, event.is_published) == ("open", True)
    assert_accessible(operator)

    # The trainee finds it on a phone and registers.
    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    login(phone, live_server, e2e_world["trainee"].email)
    phone.goto(f"{live_server.url}/events/")
    phone.get_by_role("link", name=TITLE).click()
    assert phone.evaluate(WIDEST) <= PHONE["width"]
    assert_accessible(phone)
    phone.locator('form[action$="/register/"] button').click()
    expect(phone.locator('form[action$="/cancel/"] button')).to_be_visible()
    assert_accessible(phone)
    registration = Registration.objects.get(event=event, user=e2e_world["trainee"])
    assert registration.status == "registered"

    # During the event the operator marks the trainee as attended; then the event ends and the
    # hourly schedule closes it and sends its survey.
    with time_machine.travel(starts + datetime.timedelta(hours=1), tick=True):
        operator.goto(f"{live_server.url}/manage/events/{event.pk}/")
        operator.locator(f'input[name="registrations"][value="{registration.pk}"]').check()
        operator.locator('button[name="status"][value="attended"]').click()
        expect(operator.locator(f"#reg-{registration.pk}")).to_be_visible()
        assert_accessible(operator)
    registration.refresh_from_db()
    assert registration.status == "attended"

    after = starts + datetime.timedelta(hours=4)
    with time_machine.travel(after, tick=True):
        assert events.events_close_ended() == 1
        assert surveys.surveys_dispatch_due() >= 1
        survey = Survey.objects.get(event=event)
        invitation = Invitation.objects.get(survey=survey)
        assert invitation.user == e2e_world["trainee"]

        # The trainee answers through the personal link.
        phone.goto(f"{live_server.url}/s/{surveys.invitation_token(invitation)}/")
        assert_accessible(phone)
        for question in survey.version.questions.order_by("position"):
            name = f"q{question.pk}"
            if question.kind == "likert5":
                phone.locator(f'input[name="{name}"][value="5"]').check()
            elif question.kind == "recommend":
                phone.locator(f'input[name="{name}"][value="10"]').check()
            elif question.kind in {"single", "multiple"}:
                phone.locator(f'input[name="{name}"][value="0"]').check()
        phone.get_by_role("button", name="응답 제출").click()
        expect(phone.get_by_role("status")).to_be_visible()
        assert_accessible(phone)
        invitation.refresh_from_db()
        assert invitation.is_used

        # The operator sees the event's score on the survey's page.
        operator.goto(f"{live_server.url}/manage/surveys/{survey.pk}/")
        expect(operator.get_by_test_id("score")).to_have_text("100.0")
        assert_accessible(operator)
