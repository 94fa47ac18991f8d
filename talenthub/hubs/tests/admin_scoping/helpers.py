"""What the back-office scoping tests share: the hub-scoped models, admin URLs, the hub of a row
followed by attribute (independently of scope_to_hubs), and valid and forged add forms."""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from talenthub.hubs.access import HubScopedAdmin, hub_path_of

HUB_SCOPED_MODELS = sorted(
    model._meta.label
    for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, HubScopedAdmin)
)
# The hub-scoped models of the foundation; a new one is walked by the generic tests too.
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


def model_of(label):
    return apps.get_model(label)


def admin_url(label, page, *args):
    app_label, model_name = label.lower().split(".")
    return reverse(f"admin:{app_label}_{model_name}_{page}", args=args)


def hub_id_of(obj):
    """Follow the model's registered hub path by attribute, independently of scope_to_hubs."""
    path = hub_path_of(type(obj))
    assert path is not None, type(obj)
    target = obj
    for attribute in path.split("__") if path else []:
        target = getattr(target, attribute)
    return target.id


def people_of(hub):
    """People with a role in, or an enrolment at, the hub (read straight from the rows)."""
    members = set(
        model_of("hubs.Membership").objects.filter(hub=hub).values_list("user", flat=True)
    )
    trainees = set(
        model_of("enrollments.Enrollment")
        .objects.filter(cohort__course__hub=hub)
        .values_list("user", flat=True)
    )
    return members | trainees


def choice_lists(response):
    """Every model choice list of the admin form in the response (inline forms included)."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.extend(inline.formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None:
                yield f"{form.prefix or 'form'}.{name}", queryset


def foreign_choices(scene, queryset):
    """Choices that are neither alpha's rows nor alpha's people."""
    model = queryset.model
    if model is model_of("accounts.User"):
        people = people_of(scene.hub)
        return {str(person) for person in queryset if person.pk not in people}
    if hub_path_of(model) is None:
        return set()
    return {str(obj) for obj in queryset if hub_id_of(obj) != scene.hub.id}


# A valid add form per model in alpha's terms, and for each choice the same form naming beta's row.
def valid_add(scene):
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


def forged_choices(scene):
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


def add_form_data(client, admin_form, label, fields):
    data = admin_form(client.get(admin_url(label, "add")))
    data.update(fields)
    return data


def person_change_is_refused(client, admin_form, person):
    url = admin_url("accounts.User", "change", person.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    data = admin_form(page)
    data.update({"email": "taken-over@example.kr", "name": person.name, "is_active": "on"})

    response = client.post(url, data)

    person.refresh_from_db()
    return response.status_code, person.email
