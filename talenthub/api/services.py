"""Writes of the API app: personal access tokens."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.api import tokens
from talenthub.api.choices import ALL_SCOPES
from talenthub.api.models import ApiToken
from talenthub.core.errors import DomainError
from talenthub.hubs.models import Hub
from talenthub.hubs.selectors import hub_ids_for_roles, roles_of

MAX_DAYS = 366
TOUCH_EVERY = datetime.timedelta(minutes=1)


@transaction.atomic
def token_create(
    *, user: User, hub: Hub, name: str, scopes: Iterable[str], days: int
) -> tuple[ApiToken, str]:
    """A new token for `user` in `hub` (where they must hold a role). Returns the row and the
    token itself, which is never stored and cannot be shown again."""
    if hub.pk not in hub_ids_for_roles(user, roles_of(user)) and not user.is_superuser:
        raise DomainError(_("You hold no role in this hub."), field="hub")
    wanted = sorted(set(scopes))
    if not wanted:
        raise DomainError(_("Choose at least one permission."), field="scopes")
    unknown = set(wanted) - set(ALL_SCOPES)
    if unknown:
        raise DomainError(_("Unknown permission: %(s)s") % {"s": ", ".join(sorted(unknown))})
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(_("A token lasts from 1 day to a year."), field="days")
    name = name.strip()
    if not name:
        raise DomainError(_("Name the token (e.g. what uses it)."), field="name")
    secret, prefix = tokens.generate()
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        hub=hub,
        name=name[:100],
        prefix=prefix,
        token_hash=tokens.digest(secret),
        scopes=wanted,
        created_at=now,
        expires_at=now + datetime.timedelta(days=days),
    )
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def token_touch(*, token: ApiToken, now: datetime.datetime) -> None:
    """Record use, at most once a minute per token (not a write per request)."""
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
