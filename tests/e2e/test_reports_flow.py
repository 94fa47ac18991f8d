"""KPI dashboards in the browser: an operator drills a figure down to its trainees; the consortium
lead compares member hubs without seeing anyone; an anonymous visitor reads the headline figures.
Every page passes axe (no serious or critical violation) and draws its charts (strict CSP)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

# Trainees of the e2e world: alpha's cohort (the persona and 최하은), alpha's big-data cohort
# (박서연, 이도윤); beta's cohort (정민준).
ALPHA_TRAINEES = ["박서연", "이도윤", "최하은"]
EVERY_TRAINEE = [*ALPHA_TRAINEES, "정민준"]


@pytest.fixture
def figures(e2e_world: World) -> World:
    """The world's figures, recomputed in full (the signals kept them current already; this makes
    the test independent of the order in which the world was built)."""
    from talenthub.reports.services import rollup_rebuild

    rollup_rebuild()
    return e2e_world


def charts_drawn(page: Page) -> None:
    canvases = page.locator("canvas[data-chart-source]")
    expect(canvases.first).to_have_attribute("data-chart-drawn", "true")
    assert canvases.count() == page.locator("canvas[data-chart-drawn=true]").count()


def test_operator_opens_the_dashboard_clicks_a_figure_and_sees_its_trainees(
    figures: World,
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    login(page, live_server, figures["operator"].email)
    page.goto(f"{live_server.url}/reports/hubs/alpha/?year=2025")
    expect(page.get_by_role("heading", level=1)).to_contain_text("알파ICT이노베이션스퀘어")
    charts_drawn(page)
    assert_accessible(page)

    headline = page.locator("#headline-heading + p + .table-wrap table")
    participants = headline.locator("tbody tr", has_text=re.compile("참여|Participants")).first
    link = participants.locator("td").first.get_by_role("link")
    expect(link).to_have_text("4")
    link.click()
    page.wait_for_url(re.compile(r"/reports/hubs/alpha/kpis/participants/\?year=2025"))
    rows = page.locator("main table.drill-table tbody tr")
    expect(rows).to_have_count(4)
    for name in ALPHA_TRAINEES:
        expect(page.locator("main table.drill-table")).to_contain_text(name)
    assert "정민준" not in page.content()  # beta's trainee
    assert_accessible(page)
    # Chart.js and the charts' script run under the strict CSP without any violation.
    assert blocked == []


def test_consortium_lead_sees_member_hubs_side_by_side_without_personal_data(
    figures: World,
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    login(page, live_server, figures["consortium_lead"].email)
    page.goto(f"{live_server.url}/reports/consortia/{figures.hub.consortium.code}/?year=2025")
    members = page.locator("#members-heading ~ .table-wrap table tbody tr")
    expect(members).to_have_count(2)
    expect(members.nth(0)).to_contain_text("베타ICT이노베이션스퀘어")
    expect(members.nth(1)).to_contain_text("알파ICT이노베이션스퀘어")
    charts_drawn(page)
    for name in EVERY_TRAINEE:
        assert name not in page.content()
    assert_accessible(page)

    # Alpha's participants, drilled down: cohorts with their counts, never a person.
    members.nth(1).locator("td").nth(1).get_by_role("link").click()
    page.wait_for_url(re.compile(r"/reports/hubs/alpha/kpis/participants/"))
    expect(page.locator("main table.drill-table tbody tr")).to_have_count(2)
    expect(page.locator("main table.drill-table")).to_contain_text("빅데이터 분석 입문")
    for name in [*EVERY_TRAINEE, figures["trainee"].name, figures["trainee"].email]:
        assert name not in page.content()
    assert_accessible(page)


def test_public_page_shows_headline_figures_to_an_anonymous_visitor(
    figures: World, page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    page.goto(f"{live_server.url}/kpi/?year=2025")
    cards = page.locator(".headline-card")
    expect(cards).to_have_count(5)
    participants = cards.filter(has=page.get_by_role("link", name=re.compile("참여|Participants")))
    expect(participants.locator(".headline-value")).to_have_text("5")
    charts_drawn(page)
    for name in EVERY_TRAINEE:
        assert name not in page.content()
    assert_accessible(page)

    participants.locator(".headline-value a").click()
    page.wait_for_url(re.compile(r"/kpi/figures/participants/"))
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(2)
    assert_accessible(page)
