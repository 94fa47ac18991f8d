from __future__ import annotations

from django.db.models import Q, QuerySet

from talenthub.accounts.models import User
from talenthub.api.models import ApiToken
from talenthub.hubs.selectors import operated_hub_ids


def token_by_prefix(prefix: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user", "hub").filter(prefix=prefix).first()


def tokens_visible_to(user: User) -> QuerySet[ApiToken]:
    """One's own tokens, and every token of the hubs one operates (to revoke a leaked one)."""
    return (
        ApiToken.objects.filter(Q(user=user) | Q(hub_id__in=operated_hub_ids(user)))
        .select_related("user", "hub", "revoked_by")
        .order_by("-created_at", "-id")
    )
