"""Every choice list of the back office offers an operator only their own hub's rows and people."""

from __future__ import annotations

import pytest

from talenthub.hubs.tests.admin_scoping.helpers import (
    HUB_SCOPED_MODELS,
    admin_url,
    choice_lists,
    foreign_choices,
    people_of,
)


@pytest.mark.parametrize("label", HUB_SCOPED_MODELS)
def test_every_choice_list_of_an_add_form_offers_only_the_operators_hub(
    scene, operator_client, label
):
    response = operator_client.get(admin_url(label, "add"))
    if response.status_code == 403:
        return  # no add form for operators (hubs; records only services write): nothing offered

    assert response.status_code == 200
    foreign = {name: foreign_choices(scene, qs) for name, qs in choice_lists(response)}
    assert {name: found for name, found in foreign.items() if found} == {}


def test_the_cohort_form_offers_only_the_operators_courses_sites_and_people(scene, operator_client):
    response = operator_client.get(admin_url("courses.Cohort", "change", scene.cohort.pk))
    fields = response.context["adminform"].form.fields

    assert list(fields["course"].queryset) == [scene.course]
    assert list(fields["site"].queryset) == [scene.cohort.site]
    assert {person.pk for person in fields["instructors"].queryset} == people_of(scene.hub)
    assert scene["beta_trainee"] not in fields["instructors"].queryset
    assert scene["outsider"] not in fields["instructors"].queryset


def test_the_superuser_is_offered_every_hubs_rows(scene, client):
    client.force_login(scene["superuser"])
    response = client.get(admin_url("courses.Cohort", "add"))
    fields = response.context["adminform"].form.fields

    assert set(fields["course"].queryset) == {scene.course, scene.other_cohort.course}
    assert scene["beta_trainee"] in fields["instructors"].queryset
