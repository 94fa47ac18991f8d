"""Bearer authentication with personal access tokens, and per-token rate limiting."""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from talenthub.api import services, tokens
from talenthub.api.access import Principal, principal_for
from talenthub.api.selectors import token_by_prefix

RATE_WINDOW = 60  # seconds


def rate_limit() -> int:
    """Requests per token (or, without one, per address) per minute."""
    return int(getattr(settings, "TALENTHUB_API_RATE_LIMIT", 120))


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Principal | None:
        prefix = tokens.prefix_of(token)
        if prefix is None:
            return None
        found = token_by_prefix(prefix)
        now = timezone.now()
        if found is None or not tokens.matches(token, found.token_hash):
            return None
        if not found.is_active(now) or not found.user.is_active:
            return None
        services.token_touch(token=found, now=now)
        return principal_for(found)


class TokenThrottle(BaseThrottle):
    """A fixed window per token (per client address for public endpoints) in Django's cache."""

    def __init__(self) -> None:
        self.retry_after = 0.0

    def allow_request(self, request: HttpRequest) -> bool:
        principal = getattr(request, "auth", None)
        if isinstance(principal, Principal):
            ident = f"token:{principal.token.pk}"
        else:
            ident = f"addr:{self.get_ident(request)}"
        now = time.time()
        window = int(now // RATE_WINDOW)
        key = f"talenthub:api-rate:{ident}:{window}"
        cache.add(key, 0, timeout=RATE_WINDOW * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=RATE_WINDOW * 2)
            count = 1
        if count > rate_limit():
            self.retry_after = max(1.0, (window + 1) * RATE_WINDOW - now)
            return False
        return True

    def wait(self) -> float | None:
        return math.ceil(self.retry_after) if self.retry_after else None
