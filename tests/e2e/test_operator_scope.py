"""Hub tenancy as an operator sees it in the browser: own hub's records only, 404 for another's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

ALPHA_COHORTS = [
    "생성형 AI 실무",
    "빅데이터 분석 입문",
    "빅데이터 분석 입문",
    "스마트팜 IoT 실습",
    "스마트팜 IoT 실습",
    "컴퓨터 비전 심화",
    "비공개 준비 과정",  # unpublished, yet its hub's operator manages it
]
ALPHA_COURSE_CODES = ["AI-101", "AI-301", "BD-110", "IOT-120", "X-999"]
BETA_TITLES = [
    "블록체인 개발",
    "금융 빅데이터 실전",
    "클라우드 네이티브 운영",
    "메타버스 콘텐츠 제작",
]


def open_menu(page: Page) -> Locator:
    """Open the header's menu (a <details> disclosure) and return its panel."""
    page.locator("header details.nav-menu > summary").click()
    panel = page.locator("header details.nav-menu .nav-panel")
    expect(panel).to_be_visible()
    return panel


def test_operator_sees_only_their_hubs_cohorts_and_courses_in_korean(
    e2e_world: World,
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    login(page, live_server, e2e_world["operator"].email)
    assert_accessible(page)

    open_menu(page).locator('a[href="/manage/cohorts/"]').click()
    page.wait_for_url(f"{live_server.url}/manage/cohorts/")
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(len(ALPHA_COHORTS))
    titles = [t.split(" (")[0] for t in rows.locator("td:nth-child(2)").all_inner_texts()]
    assert sorted(titles) == sorted(ALPHA_COHORTS)
    assert set(rows.locator("td:nth-child(3)").all_inner_texts()) == {e2e_world.hub.name}
    table = page.locator("main table").inner_text()
    assert not [title for title in BETA_TITLES if title in table]
    assert_accessible(page)

    open_menu(page).locator('a[href="/backoffice/"]').click()
    page.wait_for_url(f"{live_server.url}/backoffice/")
    # Django's admin in Korean: the document language and its own translated chrome.
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.locator("#logout-form button")).to_have_text("로그아웃")
    assert_accessible(page)

    page.goto(f"{live_server.url}/backoffice/courses/course/")
    expect(page.locator("#result_list")).to_be_visible()
    codes = page.locator("#result_list tbody tr th a").all_inner_texts()
    assert sorted(codes) == ALPHA_COURSE_CODES
    for code in ["BC-201", "BD-210", "CL-130", "MV-140"]:
        expect(page.locator("#result_list")).not_to_contain_text(code)
    assert_accessible(page)


def test_operator_of_another_hub_gets_404_on_alpha_cohort(
    e2e_world: World,
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    login(page, live_server, e2e_world["other_operator"].email)

    own = page.goto(f"{live_server.url}/manage/cohorts/{e2e_world.other_cohort.id}/")
    assert own is not None
    assert own.status == 200
    assert_accessible(page)

    response = page.goto(f"{live_server.url}/manage/cohorts/{e2e_world.cohort.id}/")
    assert response is not None
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text("생성형 AI 실무")
    assert_accessible(page)
