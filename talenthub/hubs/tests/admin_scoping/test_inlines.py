"""Inlines follow their parent admin's hub scoping: operators have no Django model permissions,
so an inline that asked for them would be hidden from every operator."""

from __future__ import annotations

import datetime

import pytest
from django.contrib import admin

from talenthub.hubs.access import HubScopedAdmin, HubScopedInline
from talenthub.hubs.tests.admin_scoping.helpers import admin_url, model_of


def _inlines_of_hub_scoped_admins():
    return sorted(
        (model._meta.label, inline.__name__)
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, HubScopedAdmin)
        for inline in model_admin.inlines
    )


@pytest.mark.parametrize(("label", "inline"), _inlines_of_hub_scoped_admins())
def test_every_inline_of_a_hub_scoped_admin_is_hub_scoped(label, inline):
    inlines = {cls.__name__: cls for cls in admin.site._registry[model_of(label)].inlines}
    assert issubclass(inlines[inline], HubScopedInline)


def _inline_models(response):
    return {inline.opts.model._meta.label for inline in response.context["inline_admin_formsets"]}


def test_an_operator_sees_the_cohorts_session_days(scene, operator_client, factories):
    factories.SessionDayFactory(cohort=scene.cohort, date=datetime.date(2025, 3, 4))

    response = operator_client.get(admin_url("courses.Cohort", "change", scene.cohort.pk))

    assert "courses.SessionDay" in _inline_models(response)
    (formset,) = response.context["inline_admin_formsets"]
    assert [form.instance.date for form in formset.formset.forms if form.instance.pk] == [
        datetime.date(2025, 3, 4)
    ]


def test_an_operator_adds_a_session_day_through_the_inline(scene, operator_client, admin_form):
    url = admin_url("courses.Cohort", "change", scene.cohort.pk)
    data = admin_form(operator_client.get(url))
    prefix = "session_days"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-date": "2025-03-05",
            f"{prefix}-0-starts_at": "09:00",
            f"{prefix}-0-ends_at": "18:00",
            f"{prefix}-0-hours": "8",
        }
    )

    response = operator_client.post(url, data)

    assert response.status_code == 302
    assert scene.cohort.session_days.filter(date=datetime.date(2025, 3, 5)).exists()


def test_an_operator_sees_the_agreements_contacts_and_members_of_their_partner(
    scene, operator_client
):
    response = operator_client.get(
        admin_url("partners.Organisation", "change", scene.organisation.pk)
    )

    assert {"partners.Agreement", "partners.Contact", "partners.OrganisationMember"} <= (
        _inline_models(response)
    )


def test_another_hubs_operator_still_cannot_open_the_parent_or_its_inlines(scene, client):
    client.force_login(scene["other_operator"])

    response = client.get(admin_url("courses.Cohort", "change", scene.cohort.pk))

    assert response.status_code == 302  # the admin's "does not exist" redirect to its index


def test_a_read_only_inline_stays_read_only_for_the_operator(scene, rf):
    """The application's decisions and consent records: its own mixin comes first and wins."""
    request = rf.get("/")
    request.user = scene["operator"]
    application = model_of("enrollments.Application")

    for inline_class in admin.site._registry[application].inlines:
        inline = inline_class(application, admin.site)
        assert inline.has_view_permission(request, None), inline_class
        assert not inline.has_add_permission(request, None), inline_class
        assert not inline.has_change_permission(request, None), inline_class
        assert not inline.has_delete_permission(request, None), inline_class


def test_a_member_added_on_the_organisations_page_gets_the_company_partner_role(
    scene, operator_client, admin_form, factories
):
    from talenthub.hubs.choices import Role
    from talenthub.hubs.models import Membership

    person = factories.UserFactory()
    factories.MembershipFactory(user=person, hub=scene.hub, role=Role.TRAINEE)
    url = admin_url("partners.Organisation", "change", scene.organisation.pk)
    page = operator_client.get(url)
    (prefix,) = [
        inline.formset.prefix
        for inline in page.context["inline_admin_formsets"]
        if inline.opts.model._meta.label == "partners.OrganisationMember"
    ]
    data = admin_form(page)
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(total + 1),
            f"{prefix}-{total}-user": str(person.pk),
            f"{prefix}-{total}-position": "팀장",
            f"{prefix}-{total}-is_active": "on",
        }
    )

    response = operator_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert Membership.objects.filter(
        user=person, hub=scene.hub, role=Role.COMPANY_PARTNER, is_active=True
    ).exists()
