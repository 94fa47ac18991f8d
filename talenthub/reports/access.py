"""Who may see which reports. Operators see their hub's figures and the people behind them;
consortium leads and the funder see figures and cohort-level rows, never a person. A hub or
consortium the viewer may not see is a 404, as if it did not exist."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.hubs.models import Consortium, Hub
from talenthub.hubs.selectors import (
    consortia_led_by,
    hubs_visible_in_rollup,
    is_funder,
    operated_hub_ids,
)

Viewer = User | AnonymousUser


@dataclass(frozen=True)
class HubView:
    hub: Hub
    # May the viewer see people (names) behind the figures? Operators of the hub only.
    personal: bool


def hub_for_viewer(user: Viewer, code: str) -> HubView:
    if not user.is_authenticated:
        raise Http404
    hub = Hub.objects.select_related("consortium").filter(code=code).first()
    if hub is None:
        raise Http404
    if hub.pk in operated_hub_ids(user):
        return HubView(hub, personal=True)
    if hubs_visible_in_rollup(user).filter(pk=hub.pk).exists():
        return HubView(hub, personal=False)
    raise Http404


def consortium_for_viewer(user: Viewer, code: str) -> Consortium:
    """A consortium's roll-up: for its lead agency's consortium-lead role and for the funder."""
    if not user.is_authenticated:
        raise Http404
    consortia = Consortium.objects.all() if is_funder(user) else consortia_led_by(user)
    consortium = consortia.filter(code=code).first()
    if consortium is None:
        raise Http404
    return consortium


def require_funder(user: Viewer) -> None:
    """The national view: the funder (and superusers) only."""
    if not is_funder(user):
        raise Http404


def dashboards_of(user: Viewer) -> tuple[list[Hub], list[Consortium], bool]:
    """The hubs and consortia whose dashboards the user may open, and whether the national one."""
    if not user.is_authenticated:
        return [], [], False
    hubs = list(hubs_visible_in_rollup(user).order_by("name"))
    consortia = list(
        (Consortium.objects.all() if is_funder(user) else consortia_led_by(user)).order_by("name")
    )
    return hubs, consortia, is_funder(user)
