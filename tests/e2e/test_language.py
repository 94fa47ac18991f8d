"""The language switcher in the header of every page: to English and back to Korean."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

HANGUL = re.compile(r"[가-힣]")


def switch_language(page: Page, code: str) -> None:
    path = page.url
    page.select_option("#language-select", code)
    with page.expect_navigation():
        page.locator(".language-switcher button[type=submit]").click()
    assert page.url == path  # the switcher returns to the page it was used on


def check_switcher_round_trip(page: Page, assert_accessible: Callable[[Page], None]) -> None:
    html = page.locator("html")
    catalogue_link = page.locator('header nav a[href="/courses/"]')
    button = page.locator(".language-switcher button")
    expect(html).to_have_attribute("lang", "ko")
    expect(catalogue_link).to_have_text(HANGUL)
    expect(button).to_have_text(HANGUL)

    switch_language(page, "en")
    expect(html).to_have_attribute("lang", "en")
    expect(catalogue_link).to_have_text("Course catalogue")
    expect(button).to_have_text("Change")
    expect(page.locator("#language-select")).to_have_value("en")
    assert_accessible(page)

    switch_language(page, "ko")
    expect(html).to_have_attribute("lang", "ko")
    expect(catalogue_link).to_have_text(HANGUL)
    expect(button).to_have_text(HANGUL)
    expect(page.locator("#language-select")).to_have_value("ko")
    # The Korean pages are checked with axe by the other browser tests.


def test_language_switcher_round_trip_on_public_and_signed_in_pages(
    e2e_world: World,
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    cohort, course = e2e_world.cohort, e2e_world.course
    public = ["/", "/courses/", f"/courses/{course.id}/", f"/cohorts/{cohort.id}/"]
    public += ["/accounts/login/", "/accounts/signup/"]
    for path in public:
        page.goto(f"{live_server.url}{path}")
        check_switcher_round_trip(page, assert_accessible)

    login(page, live_server, e2e_world["operator"].email)
    for path in ["/dashboard/", "/manage/cohorts/", f"/manage/cohorts/{cohort.id}/"]:
        page.goto(f"{live_server.url}{path}")
        check_switcher_round_trip(page, assert_accessible)
