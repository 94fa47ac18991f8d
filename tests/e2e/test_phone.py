"""Phone-sized rendering (390x844): nothing wider than the screen, and still accessible."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


def assert_no_horizontal_overflow(page: Page) -> None:
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    scroll_width, inner_width = widths
    if scroll_width > inner_width:
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className && typeof e.className === 'string'
                       ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))"""
        )
        pytest.fail(f"{page.url}: {scroll_width}px wide in a {inner_width}px window; {wide}")


def test_catalogue_and_dashboard_fit_a_phone_screen(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    for path in ["/", "/courses/", f"/cohorts/{e2e_world.cohort.id}/"]:
        page.goto(f"{live_server.url}{path}")
        assert_no_horizontal_overflow(page)
        assert_accessible(page)

    login(page, live_server, e2e_world["operator"].email)
    for path in ["/dashboard/", "/manage/cohorts/"]:
        page.goto(f"{live_server.url}{path}")
        assert_no_horizontal_overflow(page)
        assert_accessible(page)
