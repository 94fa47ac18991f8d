"""An operator adds and changes rows of their own hub; a forged POST naming another hub's row is
refused."""

from __future__ import annotations

import pytest

from talenthub.hubs.tests.admin_scoping.helpers import (
    add_form_data,
    admin_url,
    forged_choices,
    model_of,
    valid_add,
)


@pytest.mark.parametrize(
    "label",
    [
        "hubs.Site",
        "hubs.Membership",
        "partners.Organisation",
        "partners.Agreement",
        "courses.Course",
        "courses.Cohort",
        "enrollments.Enrollment",
    ],
)
def test_an_operator_can_add_a_row_to_their_own_hub(scene, operator_client, admin_form, label):
    model = model_of(label)
    before = model.objects.count()
    data = add_form_data(operator_client, admin_form, label, valid_add(scene)[label])

    response = operator_client.post(admin_url(label, "add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert model.objects.count() == before + 1


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("hubs.Site", "hub"),
        ("hubs.Membership", "hub"),
        ("hubs.Membership", "user"),
        ("partners.Organisation", "hub"),
        ("partners.Agreement", "organisation"),
        ("courses.Course", "hub"),
        ("courses.Course", "partners"),
        ("courses.Cohort", "course"),
        ("courses.Cohort", "site"),
        ("courses.Cohort", "instructors"),
        ("enrollments.Enrollment", "cohort"),
        ("enrollments.Enrollment", "user"),
    ],
)
def test_a_forged_add_naming_another_hubs_row_is_refused_and_nothing_is_saved(
    scene, operator_client, admin_form, label, field
):
    forged = forged_choices(scene)[(label, field)]
    model = model_of(label)
    before = model.objects.count()
    data = add_form_data(
        operator_client, admin_form, label, {**valid_add(scene)[label], field: forged}
    )

    response = operator_client.post(admin_url(label, "add"), data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == [field]
    assert model.objects.count() == before


def test_a_forged_change_moving_alphas_cohort_to_betas_course_is_refused(
    scene, operator_client, admin_form
):
    url = admin_url("courses.Cohort", "change", scene.cohort.pk)
    data = admin_form(operator_client.get(url))
    data["course"] = scene.other_cohort.course.pk
    data["capacity"] = "30"

    response = operator_client.post(url, data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["course"]
    scene.cohort.refresh_from_db()
    assert (scene.cohort.course_id, scene.cohort.capacity) == (scene.course.pk, 25)


def test_the_same_change_within_the_operators_hub_is_saved(scene, operator_client, admin_form):
    url = admin_url("courses.Cohort", "change", scene.cohort.pk)
    data = admin_form(operator_client.get(url))
    data["capacity"] = "30"

    response = operator_client.post(url, data)

    assert response.status_code == 302
    scene.cohort.refresh_from_db()
    assert scene.cohort.capacity == 30
