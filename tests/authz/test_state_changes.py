"""POSTs that change state: only the operator of the row's hub (or the superuser) gets them through.

Each refusal is paired with the same POST by someone allowed, so a refusal for the wrong reason
(an invalid form, a wrong URL) does not pass unnoticed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from talenthub.testing.admin_forms import admin_form_data
from tests.authz import scene

# Alpha's object per hub-scoped admin model, and one field a change POST alters.
CHANGES = {
    "hubs.Hub": ("agency", "전주정보문화산업진흥원"),
    "hubs.Site": ("address", "전주시 덕진구 팔복로 1"),
    "hubs.Membership": ("is_active", None),  # unticked
    "accounts.User": ("region", "완주군"),
    "partners.Organisation": ("name", "전북농생명데이터"),
    "partners.Agreement": ("scope", "기업 맞춤형 교육"),
    "courses.Course": ("title", "생성형 AI 실무 심화"),
    "courses.Cohort": ("capacity", "40"),
    "enrollments.Enrollment": ("is_job_seeker_at_entry", "on"),
}
NON_STAFF = [
    "anonymous",
    "instructor",
    "trainee",
    "company",
    "mentor",
    "judge",
    "consortium_lead",
    "funder",
    "outsider",
]


def _url(obj, page):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{page}", args=[obj.pk])


def _snapshot(obj):
    """Every column of the row as the database holds it now."""
    return type(obj)._default_manager.filter(pk=obj.pk).values().first()


def _changed_form(client, obj, label):
    """The change form as `client` (allowed to see it) renders it, with CHANGES[label] applied."""
    data = admin_form_data(client.get(_url(obj, "change")))
    field, value = CHANGES[label]
    if value is None:
        data.pop(field, None)
    else:
        data[field] = value
    return data


@pytest.fixture
def objects(world):
    return scene.foundation_objects(world)


@pytest.fixture
def clients(world):
    return scene.clients(world)


@pytest.mark.parametrize("label", sorted(CHANGES))
def test_another_hubs_operator_cannot_change_alphas_row_by_post(world, objects, clients, label):
    obj = objects[label]
    allowed = clients["superuser" if label == "hubs.Hub" else "operator"]
    data = _changed_form(allowed, obj, label)
    before = _snapshot(obj)

    response = clients["other_operator"].post(_url(obj, "change"), data)

    # Hubs are changed by superusers only; for the rest the row is simply not in beta's queryset.
    assert scene.outcome(response) == ("403" if label == "hubs.Hub" else "302 admin:index")
    assert _snapshot(obj) == before
    # The same POST by the row's own operator (a superuser for hubs) goes through.
    assert scene.outcome(allowed.post(_url(obj, "change"), data)).startswith("302 admin:")
    assert _snapshot(obj) != before


def test_alphas_operator_cannot_change_their_own_hub_record(world, objects, clients):
    hub = objects["hubs.Hub"]
    data = _changed_form(clients["superuser"], hub, "hubs.Hub")
    before = _snapshot(hub)

    response = clients["operator"].post(_url(hub, "change"), data)

    assert response.status_code == 403
    assert _snapshot(hub) == before


@pytest.mark.parametrize("label", sorted(CHANGES))
def test_no_one_without_staff_status_can_change_alphas_row_by_post(world, objects, clients, label):
    obj = objects[label]
    data = _changed_form(clients["superuser"], obj, label)
    before = _snapshot(obj)

    outcomes = {
        persona: scene.outcome(clients[persona].post(_url(obj, "change"), data))
        for persona in NON_STAFF
    }

    assert outcomes == dict.fromkeys(NON_STAFF, "302 admin:login")
    assert _snapshot(obj) == before


@pytest.mark.parametrize("label", sorted(CHANGES))
def test_another_hubs_operator_cannot_delete_alphas_row(world, objects, clients, label):
    obj = objects[label]

    response = clients["other_operator"].post(_url(obj, "delete"), {"post": "yes"})

    # Hubs and people are deleted by superusers only; other rows are not in beta's queryset.
    superuser_only = label in {"hubs.Hub", "accounts.User"}
    assert scene.outcome(response) == ("403" if superuser_only else "302 admin:index")
    assert type(obj)._default_manager.filter(pk=obj.pk).exists()


def test_alphas_operator_can_delete_alphas_agreement(world, objects, clients):
    agreement = objects["partners.Agreement"]

    response = clients["operator"].post(_url(agreement, "delete"), {"post": "yes"})

    assert scene.outcome(response) == "302 admin:partners_agreement_changelist"
    assert not type(agreement)._default_manager.filter(pk=agreement.pk).exists()


def test_alphas_operator_cannot_delete_a_person(world, objects, clients):
    trainee = objects["accounts.User"]

    response = clients["operator"].post(_url(trainee, "delete"), {"post": "yes"})

    assert response.status_code == 403
    assert type(trainee)._default_manager.filter(pk=trainee.pk).exists()


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
def test_a_bulk_delete_naming_alphas_rows_deletes_nothing_for_another_hubs_operator(
    world, objects, clients, label
):
    obj = objects[label]
    changelist = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_changelist")
    action = {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}

    clients["other_operator"].post(changelist, action)

    assert type(obj)._default_manager.filter(pk=obj.pk).exists()


@pytest.mark.parametrize(
    ("label", "field", "value"),
    [
        ("courses.Course", "title", "되돌린 과정명"),
        ("courses.Cohort", "capacity", "12"),
        ("enrollments.Enrollment", "is_job_seeker_at_entry", "on"),
    ],
)
def test_another_hubs_operator_cannot_revert_alphas_row_from_its_history(
    world, objects, clients, label, field, value
):
    obj = objects[label]
    history_id = obj.history.latest("history_date").history_id
    url = reverse(
        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_simple_history",
        args=[obj.pk, history_id],
    )
    data = admin_form_data(clients["operator"].get(url))
    data[field] = value
    before = _snapshot(obj)

    response = clients["other_operator"].post(url, data)

    assert response.status_code == 403
    assert _snapshot(obj) == before
    # Alpha's operator may revert (the form saves what it is given).
    assert scene.outcome(clients["operator"].post(url, data)).startswith("302")
    assert _snapshot(obj) != before


@pytest.mark.parametrize(
    "name", ["enrollments:cohort_roster", "courses:cohort_detail", "courses:manage_cohort_list"]
)
def test_read_only_pages_refuse_a_post(world, clients, name):
    url = reverse(name, args=[] if name.endswith("list") else [world.cohort.pk])

    outcomes = {
        persona: clients[persona].post(url).status_code for persona in ("operator", "superuser")
    }

    assert outcomes == {"operator": 405, "superuser": 405}


def test_an_anonymous_post_to_the_roster_is_refused_as_a_method_before_sign_in(world):
    response = Client().post(reverse("enrollments:cohort_roster", args=[world.cohort.pk]))

    assert response.status_code == 405
