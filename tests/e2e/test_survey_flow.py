"""A trainee answers the satisfaction survey through their personal link on a phone; the
operator sees the response rate and the 100-point score change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
COMMENT = "강사님의 설명이 친절해서 정말 좋았습니다"
WIDEST = "document.documentElement.scrollWidth"
# For the failure message: the elements that stick out of the viewport.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 10).map(el => `${el.tagName}.${el.className} ${el.getBoundingClientRect().right}`)"""


@pytest.fixture
def sent_survey(e2e_world: World) -> Any:
    from talenthub.surveys import services

    services.standard_templates_install()  # the live-server database is flushed between tests
    version = services.latest_version("satisfaction-standard")
    survey = services.survey_create(cohort=e2e_world.cohort, version=version, is_anonymous=True)
    services.survey_send(survey=survey)
    # Celery is eager in tests, so the answer's analysis runs inside the live server's request;
    # Kiwi is built here first (once per process, shared with the server's thread), as a worker
    # would have it loaded already.
    from talenthub.surveys.text.kiwi import get_kiwi

    get_kiwi()
    return survey


def test_trainee_answers_on_a_phone_and_the_operator_sees_the_score(
    e2e_world: World,
    sent_survey: Any,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    from fractions import Fraction

    from talenthub.surveys import services
    from talenthub.surveys.models import Invitation
    from talenthub.surveys.scoring import percent

    invited = sent_survey.invitations.count()  # the world's trainee and the catalogue's others
    results_url = f"{live_server.url}/manage/surveys/{sent_survey.pk}/"
    operator = new_page()
    login(operator, live_server, e2e_world["operator"].email)
    operator.goto(results_url)
    expect(operator.get_by_test_id("score")).to_have_text("—")
    expect(operator.get_by_test_id("response-rate")).to_contain_text(f"0.0% (0 / {invited})")
    assert_accessible(operator)

    invitation = Invitation.objects.get(survey=sent_survey, user=e2e_world["trainee"])
    link = f"{live_server.url}/s/{services.invitation_token(invitation)}/"
    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    phone.goto(link)  # no sign-in: the link is the key
    expect(phone.get_by_role("heading", level=1)).to_contain_text("만족도")
    assert phone.evaluate(WIDEST) <= PHONE["width"], phone.evaluate(OVERFLOWING)
    assert_accessible(phone)

    # Submitting with nothing answered shows what is missing, and keeps the link usable.
    phone.get_by_role("button", name="응답 제출").click()
    expect(phone.locator(".has-error").first).to_be_visible()
    assert_accessible(phone)

    questions = list(sent_survey.version.questions.order_by("position"))
    for question in questions:
        name = f"q{question.pk}"
        if question.kind == "likert5":
            phone.locator(f'input[name="{name}"][value="4"]').check()
        elif question.kind == "recommend":
            phone.locator(f'input[name="{name}"][value="9"]').check()
        elif question.kind in {"single", "multiple"}:
            phone.locator(f'input[name="{name}"][value="0"]').check()
        elif question.code == "good":
            phone.locator(f'textarea[name="{name}"]').fill(COMMENT)
    phone.get_by_role("button", name="응답 제출").click()
    expect(phone.get_by_role("status")).to_contain_text("만족도")
    assert_accessible(phone)

    # The link is single-use: coming back says so.
    phone.goto(link)
    expect(phone.get_by_role("alert")).to_contain_text("이미 이 설문에 응답했습니다")
    assert_accessible(phone)

    # All 17 agreement items at 4 → 4 x 20 = 80.0; one of the invited answered.
    operator.reload()
    expect(operator.get_by_test_id("score")).to_have_text("80.0")
    rate = percent(Fraction(1, invited))
    expect(operator.get_by_test_id("response-rate")).to_contain_text(f"{rate}% (1 / {invited})")
    comment = operator.locator(".comment").filter(has_text=COMMENT)
    expect(comment).to_have_class("comment comment-positive")
    expect(operator.locator(".term-cloud")).to_contain_text("강사")
    assert e2e_world["trainee"].name not in operator.content()
    assert_accessible(operator)
