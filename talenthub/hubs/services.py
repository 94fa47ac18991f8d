from __future__ import annotations

from django.db import transaction

from talenthub.accounts.models import User
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub, Membership


@transaction.atomic
def membership_grant(*, user: User, hub: Hub, role: str) -> Membership:
    """Give `user` `role` in `hub` (idempotent). Operators get back-office (staff) access."""
    membership, created = Membership.objects.get_or_create(user=user, hub=hub, role=role)
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active", "updated_at"])
    if role == Role.OPERATOR and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership) -> None:
    membership.is_active = False
    membership.save(update_fields=["is_active", "updated_at"])
    user = membership.user
    still_operator = Membership.objects.filter(
        user=user, role=Role.OPERATOR, is_active=True
    ).exists()
    if user.is_staff and not still_operator and not user.is_superuser:
        user.is_staff = False
        user.save(update_fields=["is_staff"])
