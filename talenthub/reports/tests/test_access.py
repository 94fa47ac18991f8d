"""Who may open which report page: every page, every persona (hub alpha's figures, consortium
honam, the nation, the public pages), and what each may see of the rows behind a figure."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talenthub.reports.services import rollup_rebuild

ALPHA_VIEWERS = {"operator", "consortium_lead", "funder", "superuser"}
HONAM_VIEWERS = {"consortium_lead", "funder", "superuser"}
NATIONAL_VIEWERS = {"funder", "superuser"}
PERSONAS = [
    "operator",
    "other_operator",
    "instructor",
    "trainee",
    "company",
    "mentor",
    "judge",
    "consortium_lead",
    "funder",
    "outsider",
    "superuser",
]


def pages(world):
    alpha, honam = world.hub.code, world.hub.consortium.code
    return {
        reverse("reports:hub", args=[alpha]): ALPHA_VIEWERS,
        reverse("reports:hub_drill", args=[alpha, "graduates"]): ALPHA_VIEWERS,
        reverse("reports:hub_xlsx", args=[alpha, 2025]): ALPHA_VIEWERS,
        reverse("reports:hub_pdf", args=[alpha, 2025]): ALPHA_VIEWERS,
        reverse("reports:press_release", args=[alpha, 2025]): ALPHA_VIEWERS,
        reverse("reports:consortium", args=[honam]): HONAM_VIEWERS,
        reverse("reports:consortium_drill", args=[honam, "participants"]): HONAM_VIEWERS,
        reverse("reports:national"): NATIONAL_VIEWERS,
        reverse("reports:national_drill", args=["participants"]): NATIONAL_VIEWERS,
        reverse("reports:national_xlsx", args=[2025]): NATIONAL_VIEWERS,
    }


@pytest.fixture
def figures(world, frozen_today):
    rollup_rebuild()
    return world


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_page_answers_its_viewers_and_hides_from_everyone_else(client, figures, persona):
    client.force_login(figures[persona])
    for url, viewers in pages(figures).items():
        expected = 200 if persona in viewers else 404
        assert client.get(url).status_code == expected, (persona, url)


def test_anonymous_visitors_are_sent_to_sign_in_and_see_the_public_pages(client, figures):
    for url in pages(figures):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    for url in [
        reverse("reports:public"),
        reverse("reports:public_drill", args=["graduates"]),
        reverse("reports:definitions"),
        reverse("reports:definition", args=["jobs_and_startups"]),
    ]:
        assert client.get(url).status_code == 200, url


def test_another_hubs_operator_gets_404_even_for_a_hub_code_that_does_not_exist(client, figures):
    client.force_login(figures["other_operator"])
    assert client.get(reverse("reports:hub", args=["alpha"])).status_code == 404
    assert client.get(reverse("reports:hub", args=["no-such-hub"])).status_code == 404
    assert client.get(reverse("reports:hub", args=["beta"])).status_code == 200


def test_unknown_kpis_years_and_breakdowns_are_404(client, figures):
    client.force_login(figures["operator"])
    drill = reverse("reports:hub_drill", args=["alpha", "graduates"])
    assert client.get(reverse("reports:hub_drill", args=["alpha", "nope"])).status_code == 404
    assert client.get(drill + "?year=abc").status_code == 404
    assert client.get(drill + "?period=decade").status_code == 404
    assert client.get(drill + "?dimension=colour&bucket=red").status_code == 404


def test_the_index_lists_only_the_dashboards_one_may_open(client, figures):
    client.force_login(figures["operator"])
    html = client.get(reverse("reports:index")).content.decode()
    assert reverse("reports:hub", args=["alpha"]) in html
    assert reverse("reports:hub", args=["beta"]) not in html
    assert reverse("reports:national") not in html
    client.force_login(figures["consortium_lead"])
    html = client.get(reverse("reports:index")).content.decode()
    assert reverse("reports:hub", args=["beta"]) in html
    assert reverse("reports:consortium", args=["honam"]) in html
    assert reverse("reports:national") not in html
