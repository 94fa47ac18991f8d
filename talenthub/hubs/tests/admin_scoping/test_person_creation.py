"""A person an operator adds in the back office gets a role in one of the operator's hubs, in the
same transaction: otherwise they would drop out of the operator's list at once."""

from __future__ import annotations

import pytest

from talenthub.hubs.choices import ROLLUP_ROLES, Role
from talenthub.hubs.tests.admin_scoping.helpers import add_form_data, admin_url, model_of

ADD = admin_url("accounts.User", "add")


def _person(scene, operator_client, admin_form, **fields):
    data = add_form_data(
        operator_client,
        admin_form,
        "accounts.User",
        {"email": "new@alpha.example.kr", "name": "신규 교육생", "mobile": "", **fields},
    )
    return operator_client.post(ADD, data)


def test_the_add_form_asks_for_a_hub_of_the_operator_and_a_role(scene, operator_client):
    fields = operator_client.get(ADD).context["adminform"].form.fields

    assert list(fields["hub"].queryset) == [scene.hub]
    offered = {value for value, _label in fields["role"].choices}
    assert offered == {"trainee", "instructor", "company_partner", "mentor", "judge"}
    assert not offered & ({Role.OPERATOR} | set(ROLLUP_ROLES))


@pytest.mark.parametrize("role", ["trainee", "instructor", "company_partner", "mentor", "judge"])
def test_the_added_person_has_the_role_in_the_hub_and_stays_in_the_operators_list(
    scene, operator_client, admin_form, role
):
    response = _person(scene, operator_client, admin_form, hub=scene.hub.pk, role=role)

    assert response.status_code == 302, response.context["adminform"].form.errors
    person = model_of("accounts.User").objects.get(email="new@alpha.example.kr")
    assert list(person.memberships.values_list("hub", "role", "is_active")) == [
        (scene.hub.pk, role, True)
    ]
    listed = operator_client.get(admin_url("accounts.User", "changelist")).context["cl"].queryset
    assert person in listed


def test_another_hub_is_refused_and_no_one_is_created(scene, operator_client, admin_form):
    response = _person(scene, operator_client, admin_form, hub=scene.other_hub.pk, role="trainee")

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["hub"]
    assert not model_of("accounts.User").objects.filter(email="new@alpha.example.kr").exists()


@pytest.mark.parametrize("role", ["operator", "funder", "consortium_lead"])
def test_a_role_beyond_the_list_is_refused(scene, operator_client, admin_form, role):
    response = _person(scene, operator_client, admin_form, hub=scene.hub.pk, role=role)

    assert list(response.context["adminform"].form.errors) == ["role"]
    assert not model_of("accounts.User").objects.filter(email="new@alpha.example.kr").exists()


def test_the_superuser_may_add_a_person_to_any_hub(scene, client, admin_form):
    client.force_login(scene["superuser"])
    fields = client.get(ADD).context["adminform"].form.fields
    assert set(fields["hub"].queryset) == {scene.hub, scene.other_hub}

    response = _person(scene, client, admin_form, hub=scene.other_hub.pk, role="mentor")

    assert response.status_code == 302
    person = model_of("accounts.User").objects.get(email="new@alpha.example.kr")
    assert person.memberships.get().hub == scene.other_hub
