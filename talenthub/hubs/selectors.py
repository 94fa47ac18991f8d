"""Which hubs a person may act in, by role. The single source of tenancy for every other app."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from talenthub.accounts.models import User
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Consortium, Hub, Membership


def hub_ids_for_roles(user: User | AnonymousUser, roles: Iterable[str]) -> set[int]:
    """Ids of hubs where the user holds any of `roles` (superusers: every hub)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(Hub.objects.values_list("id", flat=True))
    cached: dict[str, set[int]] | None = getattr(user, "_hub_ids_by_role", None)
    if cached is None:
        cached = {}
        rows = Membership.objects.filter(user=user, is_active=True).values_list("role", "hub_id")
        for role, hub_id in rows:
            cached.setdefault(role, set()).add(hub_id)
        user._hub_ids_by_role = cached  # type: ignore[attr-defined]
    result: set[int] = set()
    for role in roles:
        result |= cached.get(str(role), set())
    return result


def operated_hub_ids(user: User | AnonymousUser) -> set[int]:
    return hub_ids_for_roles(user, [Role.OPERATOR])


def roles_of(user: User | AnonymousUser) -> set[str]:
    if not user.is_authenticated:
        return set()
    hub_ids_for_roles(user, [])
    return set(getattr(user, "_hub_ids_by_role", {}).keys())


def consortia_led_by(user: User | AnonymousUser) -> QuerySet[Consortium]:
    """Consortia whose roll-up the user may see: a consortium-lead membership in a member hub."""
    hub_ids = hub_ids_for_roles(user, [Role.CONSORTIUM_LEAD])
    return Consortium.objects.filter(hubs__id__in=hub_ids).distinct()


def is_funder(user: User | AnonymousUser) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or hub_ids_for_roles(user, [Role.FUNDER]))
    )


def hubs_visible_in_rollup(user: User | AnonymousUser) -> QuerySet[Hub]:
    """Hubs whose aggregate figures (never personal data) the user may see."""
    if is_funder(user):
        return Hub.objects.all()
    led = consortia_led_by(user)
    return Hub.objects.filter(Q(consortium__in=led) | Q(id__in=operated_hub_ids(user))).distinct()


def people_in_hubs(hub_ids: set[int]) -> QuerySet[User]:
    """People with a role in, or an enrolment at, one of the hubs: the people their operators
    may see. (Enrolments are reached by name: that app sits above this one.)"""
    in_hub = Q(memberships__hub_id__in=hub_ids) | Q(enrollments__cohort__course__hub_id__in=hub_ids)
    return User.objects.filter(id__in=User.objects.filter(in_hub).values("id"))


def hub_list() -> QuerySet[Hub]:
    return Hub.objects.select_related("consortium").order_by("name")


def memberships_of(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user, is_active=True)
        .select_related("hub")
        .order_by("hub__name", "role")
    )
