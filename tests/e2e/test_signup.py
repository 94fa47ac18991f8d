"""Sign-up in Korean through allauth: the form, "verify your e-mail", the mailed link, sign-in."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.mail import EmailMessage
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

EMAIL = "newcomer@example.kr"
PASSWORD = "Nuri-Talent-2025!"
NAME = "한지우"


def test_sign_up_verify_email_and_sign_in(
    e2e_world: World,
    page: Page,
    live_server: Any,
    mailoutbox: list[EmailMessage],
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    page.goto(f"{live_server.url}/")
    page.locator('header nav a[href="/accounts/signup/"]').click()
    page.wait_for_url(f"{live_server.url}/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("회원가입")
    assert_accessible(page)

    form = page.locator("main form[method=post]")
    form.locator("input[name=email]").fill(EMAIL)
    form.locator("input[name=name]").fill(NAME)
    form.locator("input[name=mobile]").fill("010-5555-1234")
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("button[type=submit]").click()

    page.wait_for_url(f"{live_server.url}/accounts/confirm-email/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"이메일"))
    expect(page.locator("main")).to_contain_text(EMAIL)
    assert_accessible(page)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [EMAIL]
    assert message.subject.startswith("[TalentHub] ")
    body = str(message.body)
    links = re.findall(rf"{re.escape(live_server.url)}/accounts/confirm-email/[^\s/]+/", body)
    assert len(links) == 1, body

    page.goto(links[0])
    expect(page.locator("main")).to_contain_text(EMAIL)
    assert_accessible(page)
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    assert_accessible(page)

    login(page, live_server, EMAIL, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text(NAME)
    assert_accessible(page)
