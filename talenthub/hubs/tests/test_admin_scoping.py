"""The back office shows and offers an operator only their own hub's rows and people.

Models of apps above this one are reached by label (apps.get_model) and admin URL, so these tests
import nothing upwards."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from talenthub.hubs.access import HubScopedAdmin, hub_path_of
from talenthub.hubs.choices import ROLLUP_ROLES, Role

HUB_SCOPED_MODELS = sorted(
    model._meta.label
    for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, HubScopedAdmin)
)
# The hub-scoped models of the foundation; a new one is walked by the generic tests below too.
FOUNDATION_MODELS = [
    "courses.Cohort",
    "courses.Course",
    "enrollments.Enrollment",
    "hubs.Hub",
    "hubs.Membership",
    "hubs.Site",
    "partners.Agreement",
    "partners.Organisation",
]


def _model(label):
    return apps.get_model(label)


def _admin_url(label, page, *args):
    app_label, model_name = label.lower().split(".")
    return reverse(f"admin:{app_label}_{model_name}_{page}", args=args)


def _hub_id_of(obj):
    """Follow the model's registered hub path by attribute, independently of scope_to_hubs."""
    path = hub_path_of(type(obj))
    assert path is not None, type(obj)
    target = obj
    for attribute in path.split("__") if path else []:
        target = getattr(target, attribute)
    return target.id


def _people_of(hub):
    """People with a role in, or an enrolment at, the hub (read straight from the rows)."""
    members = set(_model("hubs.Membership").objects.filter(hub=hub).values_list("user", flat=True))
    trainees = set(
        _model("enrollments.Enrollment")
        .objects.filter(cohort__course__hub=hub)
        .values_list("user", flat=True)
    )
    return members | trainees


@pytest.fixture
def scene(world, factories):
    """World plus a row of every hub-scoped model in beta, and a person only beta knows."""
    beta_org = factories.OrganisationFactory(hub=world.other_hub, name="베타파트너스")
    factories.AgreementFactory(organisation=beta_org)
    factories.AgreementFactory(organisation=world.organisation)
    beta_trainee = factories.UserFactory(email="trainee@beta.example.kr", name="베타 교육생")
    factories.MembershipFactory(user=beta_trainee, hub=world.other_hub, role="trainee")
    factories.EnrollmentFactory(cohort=world.other_cohort, user=beta_trainee)
    world.people["beta_trainee"] = beta_trainee
    world.beta_organisation = beta_org
    return world


@pytest.fixture
def operator_client(client, world):
    client.force_login(world["operator"])
    return client


def test_the_foundation_models_are_all_hub_scoped_in_the_back_office():
    assert set(FOUNDATION_MODELS) <= set(HUB_SCOPED_MODELS)


@pytest.mark.parametrize("label", HUB_SCOPED_MODELS)
def test_an_operator_sees_only_their_hubs_rows_in_every_hub_scoped_changelist(scene, client, label):
    model = _model(label)
    for persona, hub in (("operator", scene.hub), ("other_operator", scene.other_hub)):
        client.force_login(scene[persona])
        response = client.get(_admin_url(label, "changelist"))

        assert response.status_code == 200
        shown = {obj.pk for obj in response.context["cl"].queryset}
        expected = {obj.pk for obj in model.objects.all() if _hub_id_of(obj) == hub.id}
        assert shown == expected, persona
        if label in FOUNDATION_MODELS:
            assert shown, f"{label}: the scene should give {persona}'s hub a row"


def _choice_lists(response):
    """Every model choice list of the admin form in the response (inline forms included)."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.extend(inline.formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None:
                yield f"{form.prefix or 'form'}.{name}", queryset


def _foreign_choices(scene, queryset):
    """Choices that are neither alpha's rows nor alpha's people."""
    model = queryset.model
    if model is _model("accounts.User"):
        people = _people_of(scene.hub)
        return {str(person) for person in queryset if person.pk not in people}
    if hub_path_of(model) is None:
        return set()
    return {str(obj) for obj in queryset if _hub_id_of(obj) != scene.hub.id}


@pytest.mark.parametrize("label", HUB_SCOPED_MODELS)
def test_every_choice_list_of_an_add_form_offers_only_the_operators_hub(
    scene, operator_client, label
):
    response = operator_client.get(_admin_url(label, "add"))
    if response.status_code == 403:
        return  # no add form for operators (hubs; records only services write): nothing offered

    assert response.status_code == 200
    foreign = {name: _foreign_choices(scene, qs) for name, qs in _choice_lists(response)}
    assert {name: found for name, found in foreign.items() if found} == {}


def test_the_cohort_form_offers_only_the_operators_courses_sites_and_people(scene, operator_client):
    response = operator_client.get(_admin_url("courses.Cohort", "change", scene.cohort.pk))
    fields = response.context["adminform"].form.fields

    assert list(fields["course"].queryset) == [scene.course]
    assert list(fields["site"].queryset) == [scene.cohort.site]
    assert {person.pk for person in fields["instructors"].queryset} == _people_of(scene.hub)
    assert scene["beta_trainee"] not in fields["instructors"].queryset
    assert scene["outsider"] not in fields["instructors"].queryset


def test_the_superuser_is_offered_every_hubs_rows(scene, client):
    client.force_login(scene["superuser"])
    response = client.get(_admin_url("courses.Cohort", "add"))
    fields = response.context["adminform"].form.fields

    assert set(fields["course"].queryset) == {scene.course, scene.other_cohort.course}
    assert scene["beta_trainee"] in fields["instructors"].queryset


# A valid add form per model in alpha's terms, and for each choice the same form naming beta's row.
def _valid_add(scene):
    site = scene.cohort.site
    return {
        "hubs.Site": {"hub": scene.hub.pk, "name": "별관"},
        "hubs.Membership": {
            "user": scene["mentor"].pk,
            "hub": scene.hub.pk,
            "role": "instructor",
            "is_active": "on",
        },
        "partners.Organisation": {"hub": scene.hub.pk, "kind": "university", "name": "전주대학교"},
        "partners.Agreement": {
            "organisation": scene.organisation.pk,
            "scope": "현장실습",
            "starts_on": "2025-05-01",
        },
        "courses.Course": {
            "hub": scene.hub.pk,
            "code": "DATA-301",
            "title": "데이터 분석 심화",
            "track": "big_data",
            "industry_domain": "agri_bio",
            "level": "advanced",
            "hours": "120",
            "partners": [scene.organisation.pk],
        },
        "courses.Cohort": {
            "course": scene.course.pk,
            "number": "7",
            "starts_on": "2025-09-01",
            "ends_on": "2025-10-31",
            "capacity": "20",
            "site": site.pk,
            "status": "planned",
            "instructors": [scene["instructor"].pk],
        },
        "enrollments.Enrollment": {
            "cohort": scene.cohort.pk,
            "user": scene["mentor"].pk,
            "status": "enrolled",
            "enrolled_on": "2025-03-03",
        },
    }


def _forged(scene):
    """(model, field) → beta's row (or person) to put in alpha's otherwise valid add form."""
    return {
        ("hubs.Site", "hub"): scene.other_hub.pk,
        ("hubs.Membership", "hub"): scene.other_hub.pk,
        ("hubs.Membership", "user"): scene["beta_trainee"].pk,
        ("partners.Organisation", "hub"): scene.other_hub.pk,
        ("partners.Agreement", "organisation"): scene.beta_organisation.pk,
        ("courses.Course", "hub"): scene.other_hub.pk,
        ("courses.Course", "partners"): [scene.beta_organisation.pk],
        ("courses.Cohort", "course"): scene.other_cohort.course.pk,
        ("courses.Cohort", "site"): scene.other_cohort.site.pk,
        ("courses.Cohort", "instructors"): [scene["beta_trainee"].pk],
        ("enrollments.Enrollment", "cohort"): scene.other_cohort.pk,
        ("enrollments.Enrollment", "user"): scene["beta_trainee"].pk,
    }


def _add_form(client, admin_form, label, fields):
    data = admin_form(client.get(_admin_url(label, "add")))
    data.update(fields)
    return data


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
    model = _model(label)
    before = model.objects.count()
    data = _add_form(operator_client, admin_form, label, _valid_add(scene)[label])

    response = operator_client.post(_admin_url(label, "add"), data)

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
    forged = _forged(scene)[(label, field)]
    model = _model(label)
    before = model.objects.count()
    data = _add_form(
        operator_client, admin_form, label, {**_valid_add(scene)[label], field: forged}
    )

    response = operator_client.post(_admin_url(label, "add"), data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == [field]
    assert model.objects.count() == before


def test_a_forged_change_moving_alphas_cohort_to_betas_course_is_refused(
    scene, operator_client, admin_form
):
    url = _admin_url("courses.Cohort", "change", scene.cohort.pk)
    data = admin_form(operator_client.get(url))
    data["course"] = scene.other_cohort.course.pk
    data["capacity"] = "30"

    response = operator_client.post(url, data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["course"]
    scene.cohort.refresh_from_db()
    assert (scene.cohort.course_id, scene.cohort.capacity) == (scene.course.pk, 25)


def test_the_same_change_within_the_operators_hub_is_saved(scene, operator_client, admin_form):
    url = _admin_url("courses.Cohort", "change", scene.cohort.pk)
    data = admin_form(operator_client.get(url))
    data["capacity"] = "30"

    response = operator_client.post(url, data)

    assert response.status_code == 302
    scene.cohort.refresh_from_db()
    assert scene.cohort.capacity == 30


# --- Roles ---------------------------------------------------------------------------------------


def test_an_operator_is_offered_every_role_but_the_rollup_roles(scene, operator_client):
    response = operator_client.get(_admin_url("hubs.Membership", "add"))
    offered = [value for value, _label in response.context["adminform"].form.fields["role"].choices]

    assert set(offered) - {""} == set(Role.values) - set(ROLLUP_ROLES)


@pytest.mark.parametrize("role", sorted(ROLLUP_ROLES))
def test_an_operator_cannot_hand_out_a_rollup_role(scene, operator_client, admin_form, role):
    data = _add_form(
        operator_client,
        admin_form,
        "hubs.Membership",
        {"user": scene["mentor"].pk, "hub": scene.hub.pk, "role": role, "is_active": "on"},
    )

    response = operator_client.post(_admin_url("hubs.Membership", "add"), data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["role"]
    assert not scene["mentor"].memberships.filter(role=role).exists()


@pytest.mark.parametrize("role", sorted(ROLLUP_ROLES))
def test_a_superuser_can_hand_out_a_rollup_role(scene, client, admin_form, role):
    client.force_login(scene["superuser"])
    data = _add_form(
        client,
        admin_form,
        "hubs.Membership",
        {"user": scene["mentor"].pk, "hub": scene.hub.pk, "role": role, "is_active": "on"},
    )

    response = client.post(_admin_url("hubs.Membership", "add"), data)

    assert response.status_code == 302
    assert scene["mentor"].memberships.filter(role=role, hub=scene.hub).exists()


def test_an_operator_cannot_turn_an_existing_membership_into_a_rollup_role(
    scene, operator_client, admin_form
):
    membership = scene["mentor"].memberships.get()
    url = _admin_url("hubs.Membership", "change", membership.pk)
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
    url = _admin_url("hubs.Membership", "change", membership.pk)
    data = admin_form(operator_client.get(url))
    data["user"] = scene["outsider"].pk

    response = operator_client.post(url, data)

    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.user == scene["funder"]


# --- People --------------------------------------------------------------------------------------


def test_the_people_changelist_shows_an_operator_only_the_people_of_their_hub(
    scene, operator_client, factories
):
    enrolled_only = factories.UserFactory(email="walk-in@alpha.example.kr")
    factories.EnrollmentFactory(cohort=scene.cohort, user=enrolled_only)

    response = operator_client.get(_admin_url("accounts.User", "changelist"))
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

    response = client.get(_admin_url("accounts.User", "changelist"))

    assert set(response.context["cl"].queryset) == {scene["other_operator"], scene["beta_trainee"]}


def test_an_operator_cannot_open_a_person_only_another_hub_knows(scene, operator_client):
    response = operator_client.get(_admin_url("accounts.User", "change", scene["beta_trainee"].pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_an_operator_can_change_a_trainee_of_their_hub(scene, operator_client, admin_form):
    url = _admin_url("accounts.User", "change", scene["trainee"].pk)
    data = admin_form(operator_client.get(url))
    data["name"] = "김교육"
    data["mobile"] = "01099998888"

    response = operator_client.post(url, data)

    assert response.status_code == 302
    scene["trainee"].refresh_from_db()
    assert (scene["trainee"].name, scene["trainee"].mobile) == ("김교육", "010-9999-8888")


def _person_change_is_refused(client, admin_form, person):
    url = _admin_url("accounts.User", "change", person.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    data = admin_form(page)
    data.update({"email": "taken-over@example.kr", "name": person.name, "is_active": "on"})

    response = client.post(url, data)

    person.refresh_from_db()
    return response.status_code, person.email


def test_a_non_superuser_cannot_edit_a_superuser(scene, operator_client, admin_form, factories):
    root = scene["superuser"]
    factories.MembershipFactory(user=root, hub=scene.hub, role="trainee")

    assert _person_change_is_refused(operator_client, admin_form, root) == (403, root.email)


def test_an_operator_cannot_edit_another_hubs_operator_who_trains_in_their_hub(
    scene, operator_client, admin_form, factories
):
    beta_operator = scene["other_operator"]
    factories.EnrollmentFactory(cohort=scene.cohort, user=beta_operator)

    assert _person_change_is_refused(operator_client, admin_form, beta_operator) == (
        403,
        "operator@beta.example.kr",
    )


@pytest.mark.parametrize("persona", ["consortium_lead", "funder"])
def test_an_operator_cannot_edit_a_holder_of_a_rollup_role(
    scene, operator_client, admin_form, persona
):
    person = scene[persona]

    assert _person_change_is_refused(operator_client, admin_form, person) == (403, person.email)


def test_an_operator_can_edit_a_fellow_operator_of_their_own_hub(
    scene, operator_client, admin_form, factories
):
    colleague = factories.UserFactory(email="colleague@alpha.example.kr", name="동료 운영자")
    factories.MembershipFactory(user=colleague, hub=scene.hub, role="operator")
    url = _admin_url("accounts.User", "change", colleague.pk)
    data = admin_form(operator_client.get(url))
    data["region"] = "전주시 덕진구"

    response = operator_client.post(url, data)

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.region == "전주시 덕진구"


def test_a_superuser_can_edit_anyone(scene, client, admin_form):
    client.force_login(scene["superuser"])
    url = _admin_url("accounts.User", "change", scene["other_operator"].pk)
    data = admin_form(client.get(url))
    data["birth_date"] = datetime.date(1990, 5, 17).isoformat()

    response = client.post(url, data)

    assert response.status_code == 302
    scene["other_operator"].refresh_from_db()
    assert scene["other_operator"].birth_date == datetime.date(1990, 5, 17)
