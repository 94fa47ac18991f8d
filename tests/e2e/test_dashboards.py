"""Each role's dashboard renders; roll-ups show hub figures and never a trainee's name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

# Hub, courses, cohorts (not cancelled), enrolments, graduates: the e2e world's catalogue, by
# hub name (베타 sorts before 알파).
FIGURES = [
    ["베타ICT이노베이션스퀘어", "4", "4", "1", "0"],
    ["알파ICT이노베이션스퀘어", "5", "7", "4", "0"],
]


def enrolled_people() -> set[str]:
    from talenthub.enrollments.models import Enrollment

    names = Enrollment.objects.values_list("user__name", "user__email")
    return {value for pair in names for value in pair}


def figure_rows(page: Page) -> list[list[str]]:
    rows = page.locator("main table tbody tr")
    return [
        [cell.strip() for cell in row.locator("th, td").all_inner_texts()] for row in rows.all()
    ]


@pytest.mark.parametrize("persona", ["trainee", "instructor", "consortium_lead", "funder"])
def test_dashboard_renders_for_role(
    persona: str,
    e2e_world: World,
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    person = e2e_world[persona]
    login(page, live_server, person.email)
    response = page.reload()
    assert response is not None
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text(person.name)
    expect(page.locator("main")).to_contain_text(e2e_world.hub.name)  # the role's hub
    assert_accessible(page)

    cohort = e2e_world.cohort
    main = page.locator("main")
    if persona == "trainee":
        expect(main.locator(f'a[href="/cohorts/{cohort.id}/"]')).to_contain_text("생성형 AI 실무")
    elif persona == "instructor":
        link = main.locator(f'a[href="/manage/cohorts/{cohort.id}/"]')
        expect(link).to_contain_text("생성형 AI 실무")
        expect(main.locator('a[href^="/manage/cohorts/"]')).to_have_count(1)
    else:
        expect(main.locator("table")).to_have_count(1)
        assert figure_rows(page) == FIGURES
        text = main.inner_text()
        shown = sorted(value for value in enrolled_people() if value in text)
        assert shown == [], f"personal data in a roll-up: {shown}"
