"""Dashboards, drill-downs and downloads: who may see what, what they show, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talenthub.reports.services import rollup_rebuild


@pytest.fixture
def reports_world(world, factories, frozen_today):
    """The personas' world (hub alpha, beta in honam) with figures: alpha's cohort finished."""
    cohort = world.cohort
    enrolment = cohort.enrollments.get()
    enrolment.status = "completed"
    enrolment.finished_on = cohort.ends_on
    enrolment.save()
    rollup_rebuild()
    return world


def get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


def test_operator_sees_the_hub_dashboard_with_linked_figures(client, reports_world):
    response = get(
        client, reports_world["operator"], reverse("reports:hub", args=["alpha"]) + "?year=2025"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-chart-source="chart-trend-data"' in html
    assert (
        reverse("reports:hub_drill", args=["alpha", "participants"]) + "?year=2025&amp;period=year"
        in html
    )


def test_operator_drills_a_figure_down_to_the_trainees(client, reports_world):
    url = reverse("reports:hub_drill", args=["alpha", "graduates"]) + "?year=2025"
    response = get(client, reports_world["operator"], url)
    assert response.status_code == 200
    assert reports_world["trainee"].name in response.content.decode()


def test_consortium_lead_drills_down_to_cohorts_and_never_sees_a_name(client, reports_world):
    url = reverse("reports:hub_drill", args=["alpha", "graduates"]) + "?year=2025"
    response = get(client, reports_world["consortium_lead"], url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "생성형 AI 실무" in html
    assert reports_world["trainee"].name not in html
    assert reports_world["trainee"].email not in html


def test_every_page_renders(client, reports_world):
    funder = reports_world["funder"]
    for url in [
        reverse("reports:index"),
        reverse("reports:consortium", args=["honam"]),
        reverse("reports:consortium_drill", args=["honam", "participants"]),
        reverse("reports:national"),
        reverse("reports:national_drill", args=["completion_rate"]),
        reverse("reports:hub_xlsx", args=["alpha", 2025]),
        reverse("reports:hub_pdf", args=["alpha", 2025]),
        reverse("reports:press_release", args=["alpha", 2025]),
        reverse("reports:national_xlsx", args=[2025]),
    ]:
        assert get(client, funder, url).status_code == 200, url
    client.logout()
    for url in [
        reverse("reports:public"),
        reverse("reports:public_drill", args=["graduates"]),
        reverse("reports:definitions"),
        reverse("reports:definition", args=["satisfaction"]),
    ]:
        assert client.get(url).status_code == 200, url


def test_satisfaction_drills_down_to_cohorts_with_their_scores(client, dataset, factories):
    rollup_rebuild()
    lead = factories.UserFactory(email="lead@data.example.kr")
    factories.MembershipFactory(user=lead, hub=dataset.hubs["alpha"], role="consortium_lead")
    client.force_login(lead)
    url = reverse("reports:hub_drill", args=["alpha", "satisfaction"]) + "?year=2025"
    html = client.get(url).content.decode()
    assert "87.5" in html  # the hub's figure
    assert ">95.0<" in html  # C1#1
    assert ">80.0<" in html  # C1#2


def test_company_project_figures_drill_down_to_projects_and_to_people_for_operators_only(
    client, dataset, factories
):
    rollup_rebuild()
    alpha = dataset.hubs["alpha"]
    operator = factories.UserFactory(email="op@data.example.kr")
    factories.MembershipFactory(user=operator, hub=alpha, role="operator")
    lead = factories.UserFactory(email="lead@data.example.kr")
    factories.MembershipFactory(user=lead, hub=alpha, role="consortium_lead")
    projects = reverse("reports:hub_drill", args=["alpha", "company_projects"]) + "?year=2025"
    hires = reverse("reports:hub_drill", args=["alpha", "project_hires"]) + "?year=2025"
    client.force_login(lead)
    html = client.get(projects).content.decode()
    assert "가격 예측" in html
    assert "반려된 제안" not in html
    html = client.get(hires).content.decode()
    assert dataset.people["p1"].name not in html
    client.force_login(operator)
    assert dataset.people["p1"].name in client.get(hires).content.decode()
