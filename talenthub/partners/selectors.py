"""Reads of partner organisations, and which organisations a partner user acts for."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Min, Q, QuerySet
from django.utils import timezone

from talenthub.accounts.models import User
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Membership
from talenthub.hubs.selectors import hub_ids_for_roles
from talenthub.partners.models import (
    MAX_NOTICE_DAYS,
    Agreement,
    Contact,
    Organisation,
    OrganisationMember,
)


def partner_organisation_ids(user: User | AnonymousUser) -> set[int]:
    """Organisations the user acts for: an active organisation membership *and* an active
    company-partner role in the organisation's hub (revoking either ends the access)."""
    if not user.is_authenticated:
        return set()
    cached: set[int] | None = getattr(user, "_partner_organisation_ids", None)
    if cached is None:
        hub_ids = hub_ids_for_roles(user, [Role.COMPANY_PARTNER])
        cached = set(
            OrganisationMember.objects.filter(
                user_id=user.pk, is_active=True, organisation__hub_id__in=hub_ids
            ).values_list("organisation_id", flat=True)
        )
        user._partner_organisation_ids = cached  # type: ignore[attr-defined]
    return cached


def organisations_in_hubs(hub_ids: set[int]) -> QuerySet[Organisation]:
    """Organisations with their agreement count and the nearest future end date, in two columns
    computed by the database."""
    return (
        Organisation.objects.filter(hub_id__in=hub_ids)
        .select_related("hub")
        .annotate(
            n_agreements=Count("agreements", distinct=True),
            next_end=Min(
                "agreements__ends_on",
                filter=Q(agreements__ends_on__gte=timezone.localdate()),
            ),
        )
        .order_by("hub__name", "kind", "name")
    )


def organisations_by_ids(organisation_ids: set[int]) -> QuerySet[Organisation]:
    return Organisation.objects.filter(id__in=organisation_ids).select_related("hub")


def agreements_of(organisation: Organisation) -> QuerySet[Agreement]:
    return organisation.agreements.order_by("-starts_on")


def contacts_of(organisation: Organisation) -> QuerySet[Contact]:
    return organisation.contacts.order_by("-is_primary", "name")


def members_of(organisation: Organisation) -> QuerySet[OrganisationMember]:
    return organisation.members.filter(is_active=True).select_related("user").order_by("user__name")


def agreements_due_for_reminder(today: datetime.date) -> list[Agreement]:
    """Agreements whose reminder day has come and whose current end date has had no reminder.

    Everything up to the end date qualifies, so a beat that was down for a few days still sends.
    The notice period is per row, so the last comparison is done here on the (few) agreements
    ending within a year rather than in date arithmetic that differs between databases."""
    candidates = (
        Agreement.objects.filter(
            ends_on__gte=today,
            ends_on__lte=today + datetime.timedelta(days=MAX_NOTICE_DAYS),
        )
        .exclude(reminders__ends_on=F("ends_on"))
        .select_related("organisation", "organisation__hub")
        .order_by("ends_on", "id")
    )
    return [a for a in candidates if a.remind_on is not None and a.remind_on <= today]


def operator_emails_of_hub(hub_id: int) -> list[str]:
    return sorted(
        Membership.objects.filter(
            hub_id=hub_id, role=Role.OPERATOR, is_active=True, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
