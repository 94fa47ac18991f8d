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
    """A fixed window per token (per client address for public endpoints) in Django's cache.
    Stateless: one instance serves every request (and thread) of the API."""

    def allow_request(self, request: HttpRequest) -> bool:
        principal = getattr(request, "auth", None)
        if isinstance(principal, Principal):
            ident = f"token:{principal.token.pk}"
        else:
            ident = f"addr:{self.get_ident(request)}"
        window = int(time.time() // RATE_WINDOW)
        key = f"talenthub:api-rate:{ident}:{window}"
        cache.add(key, 0, timeout=RATE_WINDOW * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=RATE_WINDOW * 2)
            count = 1
        return count <= rate_limit()

    def wait(self) -> float | None:
        """Seconds until the current window ends (every window ends at the same time)."""
        return max(1, math.ceil(RATE_WINDOW - time.time() % RATE_WINDOW))
