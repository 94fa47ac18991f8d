"""Permission-checked fetches of partner organisations. A miss and a refusal are both 404."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.hubs.selectors import operated_hub_ids
from talenthub.partners.models import Organisation
from talenthub.partners.selectors import partner_organisation_ids


def organisation_for_operator(user: User | AnonymousUser, organisation_id: int) -> Organisation:
    try:
        return Organisation.objects.select_related("hub").get(
            id=organisation_id, hub_id__in=operated_hub_ids(user)
        )
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc


def organisation_for_viewer(user: User | AnonymousUser, organisation_id: int) -> Organisation:
    """The organisation for its hub's operators and for the people who act for it."""
    if not user.is_authenticated:
        raise Http404
    if organisation_id in partner_organisation_ids(user):
        return Organisation.objects.select_related("hub").get(id=organisation_id)
    return organisation_for_operator(user, organisation_id)


def is_operator_of(user: User | AnonymousUser, organisation: Organisation) -> bool:
    return organisation.hub_id in operated_hub_ids(user)
