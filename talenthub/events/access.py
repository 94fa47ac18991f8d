"""Permission-checked fetches of events. A miss and a refusal look the same (404).

- anyone: published events of every hub (drafts never);
- a signed-in person: their own registration;
- the hub's operators: every event of their hubs, its roster and its management."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.events.models import Event, Registration
from talenthub.hubs.selectors import operated_hub_ids


def event_for_public(event_id: int) -> Event:
    try:
        return Event.objects.select_related("hub", "site").get(id=event_id, is_published=True)
    except Event.DoesNotExist as exc:
        raise Http404 from exc


def event_for_operator(user: User | AnonymousUser, event_id: int) -> Event:
    try:
        return Event.objects.select_related("hub", "site").get(
            id=event_id, hub_id__in=operated_hub_ids(user)
        )
    except Event.DoesNotExist as exc:
        raise Http404 from exc


def registration_of_user(user: User | AnonymousUser, event: Event) -> Registration:
    """The signed-in person's own registration for the event, or 404."""
    if not user.is_authenticated:
        raise Http404
    try:
        return Registration.objects.get(event=event, user_id=user.pk)
    except Registration.DoesNotExist as exc:
        raise Http404 from exc


def may_manage(user: User | AnonymousUser, event: Event) -> bool:
    return event.hub_id in operated_hub_ids(user)
