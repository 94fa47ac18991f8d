"""People in the back office: an operator sees and edits the people of their hub, and no one
beyond their reach."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from talenthub.hubs.tests.admin_scoping.helpers import (
    admin_url,
    person_change_is_refused,
)


def test_the_people_changelist_shows_an_operator_only_the_people_of_their_hub(
    scene, operator_client, factories
):
    enrolled_only = factories.UserFactory(email="walk-in@alpha.example.kr")
    factories.EnrollmentFactory(cohort=scene.cohort, user=enrolled_only)

    response = operator_client.get(admin_url("accounts.User", "changelist"))
    shown = set(response.context["cl"].queryset)

    alpha_personas = {
        "operator",
        "instructor",
        "trainee",
        "company",
        "mentor",
        "judge",
        "consortium_lead",
        "funder",
    }
    assert shown == {scene[persona] for persona in alpha_personas} | {enrolled_only}


def test_the_people_changelist_shows_the_other_operator_only_betas_people(scene, client):
    client.force_login(scene["other_operator"])

    response = client.get(admin_url("accounts.User", "changelist"))

    assert set(response.context["cl"].queryset) == {scene["other_operator"], scene["beta_trainee"]}


def test_an_operator_cannot_open_a_person_only_another_hub_knows(scene, operator_client):
    response = operator_client.get(admin_url("accounts.User", "change", scene["beta_trainee"].pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_an_operator_can_change_a_trainee_of_their_hub(scene, operator_client, admin_form):
    url = admin_url("accounts.User", "change", scene["trainee"].pk)
    data = admin_form(operator_client.get(url))
    data["name"] = "김교육"
    data["mobile"] = "01099998888"

    response = operator_client.post(url, data)

    assert response.status_code == 302
    scene["trainee"].refresh_from_db()
    assert (scene["trainee"].name, scene["trainee"].mobile) == ("김교육", "010-9999-8888")


def test_a_non_superuser_cannot_edit_a_superuser(scene, operator_client, admin_form, factories):
    root = scene["superuser"]
    factories.MembershipFactory(user=root, hub=scene.hub, role="trainee")

    assert person_change_is_refused(operator_client, admin_form, root) == (403, root.email)


def test_an_operator_cannot_edit_another_hubs_operator_who_trains_in_their_hub(
    scene, operator_client, admin_form, factories
):
    beta_operator = scene["other_operator"]
    factories.EnrollmentFactory(cohort=scene.cohort, user=beta_operator)

    assert person_change_is_refused(operator_client, admin_form, beta_operator) == (
        403,
        "operator@beta.example.kr",
    )


@pytest.mark.parametrize("persona", ["consortium_lead", "funder"])
def test_an_operator_cannot_edit_a_holder_of_a_rollup_role(
    scene, operator_client, admin_form, persona
):
    person = scene[persona]

    assert person_change_is_refused(operator_client, admin_form, person) == (403, person.email)


def test_an_operator_can_edit_a_fellow_operator_of_their_own_hub(
    scene, operator_client, admin_form, factories
):
    colleague = factories.UserFactory(email="colleague@alpha.example.kr", name="동료 운영자")
    factories.MembershipFactory(user=colleague, hub=scene.hub, role="operator")
    url = admin_url("accounts.User", "change", colleague.pk)
    data = admin_form(operator_client.get(url))
    data["region"] = "전주시 덕진구"

    response = operator_client.post(url, data)

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.region == "전주시 덕진구"


def test_a_superuser_can_edit_anyone(scene, client, admin_form):
    client.force_login(scene["superuser"])
    url = admin_url("accounts.User", "change", scene["other_operator"].pk)
    data = admin_form(client.get(url))
    data["birth_date"] = datetime.date(1990, 5, 17).isoformat()

    response = client.post(url, data)

    assert response.status_code == 302
    scene["other_operator"].refresh_from_db()
    assert scene["other_operator"].birth_date == datetime.date(1990, 5, 17)
