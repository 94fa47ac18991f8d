"""A company project end to end, in the browser: the company proposes it, the hub's operator
approves it, a trainee applies with third-party consent, the company selects the trainee, evaluates
them (and finds the evaluation filled in when it comes back) and later records the hire, and the
hire appears among the trainee's outcomes (and timeline)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

TITLE = "스마트팜 생육 데이터 대시보드"


def _link_company(world: World) -> None:
    from talenthub.partners.services import organisation_member_add

    organisation_member_add(organisation=world.organisation, user=world["company"])


def test_company_project_from_proposal_to_hire(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    world = e2e_world
    _link_company(world)
    base = live_server.url

    # 1. The company proposes a project.
    company = new_page()
    login(company, live_server, world["company"].email)
    company.goto(f"{base}/partner/projects/new/")
    assert_accessible(company)
    company.fill("input[name=title]", TITLE)
    company.fill("textarea[name=problem]", "온실 센서 데이터를 모아 생육 이상을 조기에 찾는다.")
    company.fill("input[name=skills]", "Python, 데이터 시각화")
    company.fill("input[name=seats]", "2")
    company.fill("input[name=hours]", "240")
    company.fill("input[name=mentor_name]", "정멘토")
    company.fill("input[name=starts_on]", "2025-05-01")
    company.fill("input[name=ends_on]", "2025-07-31")
    company.locator("main form button[type=submit]").click()
    expect(company.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    project_url = company.url
    assert_accessible(company)

    # 2. The hub's operator approves it.
    operator = new_page()
    login(operator, live_server, world["operator"].email)
    operator.goto(f"{base}/manage/projects/")
    assert_accessible(operator)
    operator.get_by_role("link", name=TITLE).click()
    operator.select_option("select[name=decision]", "approve")
    operator.locator("main form button[type=submit]").click()
    expect(operator.locator(".messages")).to_be_visible()
    assert_accessible(operator)

    # 3. A trainee of the hub applies and consents to provide their data to the company.
    trainee = new_page()
    login(trainee, live_server, world["trainee"].email)
    trainee.goto(f"{base}/projects/")
    assert_accessible(trainee)
    trainee.get_by_role("link", name=TITLE).click()
    trainee.fill("textarea[name=motivation]", "농업 데이터로 일하고 싶습니다.")
    trainee.check("input[name=consent]")
    trainee.locator("main form button[type=submit]").click()
    expect(trainee.locator(".messages")).to_be_visible()
    assert_accessible(trainee)

    # 4. The company sees the applicant, selects them, and later records the hire.
    company.goto(project_url)
    row = company.locator("tr", has_text=world["trainee"].name)
    expect(row).to_be_visible()
    assert_accessible(company)
    row.locator("form").first.locator("button[type=submit]").click()

    # 4b. The company evaluates the new team member, then finds the saved scores filled in.
    member = company.locator("section.card", has_text=world["trainee"].name)
    member.locator("summary").click()
    evaluation = member.locator("form[action$='/evaluate/']")
    expect(evaluation.get_by_label("기술 역량")).to_be_visible()  # its label names its own field
    evaluation.get_by_label("기술 역량").fill("4")
    evaluation.get_by_label("협업").fill("5")
    evaluation.get_by_label("문제 해결").fill("3")
    evaluation.locator("input[name=comment]").fill("센서 데이터 정제를 꼼꼼히 했습니다.")
    evaluation.locator("button[type=submit]").click()
    expect(company.locator(".messages")).to_be_visible()
    member = company.locator("section.card", has_text=world["trainee"].name)
    expect(member.locator("p[data-evaluation]")).to_contain_text("4 / 5 / 3")
    member.locator("summary").click()
    evaluation = member.locator("form[action$='/evaluate/']")
    expect(evaluation.get_by_label("기술 역량")).to_have_value("4")
    expect(evaluation.get_by_label("협업")).to_have_value("5")
    expect(evaluation.get_by_label("문제 해결")).to_have_value("3")
    expect(evaluation.locator("input[name=comment]")).to_have_value(
        "센서 데이터 정제를 꼼꼼히 했습니다."
    )
    assert_accessible(company)

    hire_form = company.locator("form[action$='/hire/']")
    expect(hire_form).to_be_visible()
    hire_form.locator("select[name=decision]").select_option("hire")
    hire_form.locator("select[name=organisation]").select_option(str(world.organisation.id))
    hire_form.locator("select[name=employment_type]").select_option("full_time")
    hire_form.locator("input[name=starts_on]").fill("2025-08-01")
    hire_form.locator("button[type=submit]").click()
    expect(company.locator(".messages")).to_be_visible()
    expect(company.locator("form[action$='/hire/']")).to_have_count(0)
    assert_accessible(company)

    # 5. The hire is the trainee's outcome, on their outcomes page and timeline.
    trainee.goto(f"{base}/me/outcomes/")
    expect(trainee.locator("main")).to_contain_text(world.organisation.name)
    expect(trainee.locator("main")).to_contain_text("2025-08-01")
    assert_accessible(trainee)
    trainee.goto(f"{base}/me/timeline/")
    hire = trainee.locator("#timeline li.timeline-outcome")
    expect(hire).to_have_count(1)  # the hire, told by the outcomes app
    expect(hire).to_contain_text(world.organisation.name)
    expect(hire.locator("time")).to_contain_text("2025-08-01")
    # The application and the team, told by the projects app.
    expect(trainee.locator("#timeline li.timeline-project_application")).to_contain_text(TITLE)
    expect(trainee.locator("#timeline li.timeline-project_team")).to_contain_text(TITLE)
    assert_accessible(trainee)
