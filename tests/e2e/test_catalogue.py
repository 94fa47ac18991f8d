"""An anonymous visitor finds a cohort: home page, filtered catalogue, cohort detail."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

BIG_DATA_COHORTS = ["빅데이터 분석 입문", "빅데이터 분석 입문", "금융 빅데이터 실전"]


def card_titles(page: Page) -> list[str]:
    return [re.sub(r"\s*\(.*\)$", "", t) for t in page.locator(".card h3").all_inner_texts()]


def test_visitor_filters_the_catalogue_by_track_without_reloading_and_opens_a_schedule(
    e2e_world: World, page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text("모든 지역에 디지털 인재를")
    expect(page.locator(".card h3").first).to_contain_text("메타버스 콘텐츠 제작")  # the latest
    assert_accessible(page)

    page.locator('header nav a[href="/courses/"]').click()
    page.wait_for_url(f"{live_server.url}/courses/")
    cards = page.locator("#catalogue-results .card")
    expect(cards).to_have_count(10)  # the cancelled cohort and the unpublished course stay hidden
    assert "비공개 준비 과정" not in page.content()
    assert_accessible(page)

    # HTMX: changing the select swaps #catalogue-results in place and pushes the filtered URL.
    page.evaluate("window.stillTheSameDocument = true")
    page.select_option("#id_track", "big_data")
    page.wait_for_url(re.compile(r"/courses/\?.*track=big_data"))
    expect(cards).to_have_count(3)
    assert sorted(card_titles(page)) == sorted(BIG_DATA_COHORTS)
    assert page.evaluate("window.stillTheSameDocument") is True
    assert_accessible(page)

    page.select_option("#id_level", "advanced")
    page.wait_for_url(re.compile(r"level=advanced"))
    expect(cards).to_have_count(1)
    assert card_titles(page) == ["금융 빅데이터 실전"]
    assert page.evaluate("window.stillTheSameDocument") is True

    page.select_option("#id_level", "")
    expect(cards).to_have_count(3)
    card = cards.filter(has_text="빅데이터 분석 입문").filter(has_text="2025-04-07")
    card.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/cohorts/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("빅데이터 분석 입문")
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(3)
    # Korean weekday names: the dates are formatted in the visitor's language.
    expect(rows.nth(0)).to_contain_text("2025-04-07 (월")
    expect(rows.nth(0)).to_contain_text("09:00\u201318:00")
    expect(rows.nth(2)).to_contain_text("2025-04-09 (수")
    expect(rows.nth(2)).to_contain_text("13:00\u201317:00")
    assert_accessible(page)

    page.locator(".breadcrumb a", has_text="빅데이터 분석 입문").click()
    page.wait_for_url(re.compile(r"/courses/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("빅데이터 분석 입문")
    expect(page.locator("main .card")).to_have_count(2)  # its two cohorts
    assert_accessible(page)


def test_catalogue_filter_works_as_a_plain_get_form_without_javascript(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/courses/")
    page.select_option("#id_track", "iot")
    page.select_option("#id_site", label="전주 분원")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()

    assert re.search(r"/courses/\?.*track=iot", page.url)
    cards = page.locator("#catalogue-results .card")
    expect(cards).to_have_count(2)
    assert card_titles(page) == ["스마트팜 IoT 실습", "스마트팜 IoT 실습"]
    expect(page.locator("#id_track")).to_have_value("iot")
    # axe needs JavaScript: check the same server-rendered result in a page that has it.
    scripted = new_page()
    scripted.goto(page.url)
    expect(scripted.locator("#catalogue-results .card")).to_have_count(2)
    assert_accessible(scripted)
