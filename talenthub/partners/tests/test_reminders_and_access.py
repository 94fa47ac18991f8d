from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from talenthub.partners.models import AgreementReminder
from talenthub.partners.selectors import partner_organisation_ids
from talenthub.partners.services import (
    agreement_create,
    agreement_reminders_send,
    organisation_member_add,
)

pytestmark = pytest.mark.django_db


def test_operators_are_reminded_once_n_days_before_an_agreement_ends(
    world, django_capture_on_commit_callbacks
):
    agreement = agreement_create(
        organisation=world.organisation,
        scope="교육 공동 운영",
        starts_on=datetime.date(2024, 3, 1),
        ends_on=datetime.date(2025, 12, 31),
        renewal_notice_days=30,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert agreement_reminders_send(today=datetime.date(2025, 11, 30)) == []
        assert len(agreement_reminders_send(today=datetime.date(2025, 12, 1))) == 1
        assert agreement_reminders_send(today=datetime.date(2025, 12, 2)) == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world["operator"].email]
    assert "2025-12-31" in mail.outbox[0].subject
    # Renewed: the new end date earns its own reminder.
    agreement.ends_on = datetime.date(2026, 12, 31)
    agreement.save()
    assert len(agreement_reminders_send(today=datetime.date(2026, 12, 1))) == 1
    assert AgreementReminder.objects.count() == 2


def test_a_partner_user_acts_only_while_both_links_hold(world):
    company = world["company"]
    assert partner_organisation_ids(company) == set()
    organisation_member_add(organisation=world.organisation, user=company)
    company = type(company).objects.get(pk=company.pk)  # drop the per-request cache
    assert partner_organisation_ids(company) == {world.organisation.id}
    company.memberships.update(is_active=False)
    company = type(company).objects.get(pk=company.pk)
    assert partner_organisation_ids(company) == set()


def test_partner_list_shows_only_the_operators_hubs(client, world):
    from talenthub.partners.services import organisation_create

    organisation_create(hub=world.other_hub, kind="university", name="다른대학교")
    client.force_login(world["operator"])
    response = client.get(reverse("partners:manage_list"))
    assert [o.name for o in response.context["page"]] == ["전주농생명데이터"]
