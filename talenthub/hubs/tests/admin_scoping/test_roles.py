"""The roles an operator may hand out: all but the roll-up roles, which only a superuser grants."""

from __future__ import annotations

import pytest

from talenthub.hubs.choices import ROLLUP_ROLES, Role
from talenthub.hubs.tests.admin_scoping.helpers import (
    add_form_data,
    admin_url,
)


def test_an_operator_is_offered_every_role_but_the_rollup_roles(scene, operator_client):
    response = operator_client.get(admin_url("hubs.Membership", "add"))
    offered = [value for value, _label in response.context["adminform"].form.fields["role"].choices]

    assert set(offered) - {""} == set(Role.values) - set(ROLLUP_ROLES)


@pytest.mark.parametrize("role", sorted(ROLLUP_ROLES))
def test_an_operator_cannot_hand_out_a_rollup_role(scene, operator_client, admin_form, role):
    data = add_form_data(
        operator_client,
        admin_form,
        "hubs.Membership",
        {"user": scene["mentor"].pk, "hub": scene.hub.pk, "role": role, "is_active": "on"},
    )

    response = operator_client.post(admin_url("hubs.Membership", "add"), data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["role"]
    assert not scene["mentor"].memberships.filter(role=role).exists()


@pytest.mark.parametrize("role", sorted(ROLLUP_ROLES))
def test_a_superuser_can_hand_out_a_rollup_role(scene, client, admin_form, role):
    client.force_login(scene["superuser"])
    data = add_form_data(
        client,
        admin_form,
        "hubs.Membership",
        {"user": scene["mentor"].pk, "hub": scene.hub.pk, "role": role, "is_active": "on"},
    )

    response = client.post(admin_url("hubs.Membership", "add"), data)

    assert response.status_code == 302
    assert scene["mentor"].memberships.filter(role=role, hub=scene.hub).exists()


def test_an_operator_cannot_turn_an_existing_membership_into_a_rollup_role(
    scene, operator_client, admin_form
):
    membership = scene["mentor"].memberships.get()
    url = admin_url("hubs.Membership", "change", membership.pk)
    data = admin_form(operator_client.get(url))
    data["role"] = Role.FUNDER

    response = operator_client.post(url, data)

    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.role == Role.MENTOR


def test_an_operator_cannot_give_the_funders_membership_to_someone_else(
    scene, operator_client, admin_form
):
    membership = scene["funder"].memberships.get()
    url = admin_url("hubs.Membership", "change", membership.pk)
    data = admin_form(operator_client.get(url))
    data["user"] = scene["outsider"].pk

    response = operator_client.post(url, data)

    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.user == scene["funder"]
