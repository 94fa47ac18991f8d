"""Every hub-scoped changelist shows an operator only their own hub's rows."""

from __future__ import annotations

import pytest

from talenthub.hubs.tests.admin_scoping.helpers import (
    FOUNDATION_MODELS,
    HUB_SCOPED_MODELS,
    admin_url,
    hub_id_of,
    model_of,
)


def test_the_foundation_models_are_all_hub_scoped_in_the_back_office():
    assert set(FOUNDATION_MODELS) <= set(HUB_SCOPED_MODELS)


@pytest.mark.parametrize("label", HUB_SCOPED_MODELS)
def test_an_operator_sees_only_their_hubs_rows_in_every_hub_scoped_changelist(scene, client, label):
    model = model_of(label)
    for persona, hub in (("operator", scene.hub), ("other_operator", scene.other_hub)):
        client.force_login(scene[persona])
        response = client.get(admin_url(label, "changelist"))

        assert response.status_code == 200
        shown = {obj.pk for obj in response.context["cl"].queryset}
        expected = {obj.pk for obj in model.objects.all() if hub_id_of(obj) == hub.id}
        assert shown == expected, persona
        if label in FOUNDATION_MODELS:
            assert shown, f"{label}: the scene should give {persona}'s hub a row"
