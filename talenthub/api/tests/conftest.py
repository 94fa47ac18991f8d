from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from talenthub.api import services
from talenthub.api.choices import ALL_SCOPES


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


@pytest.fixture
def token(world: Any) -> Callable[..., str]:
    """A token of `persona` in hub alpha (beta for other_operator), all scopes unless given."""

    def make(persona: str, scopes: list[str] | None = None, hub: Any = None, days: int = 30) -> str:
        default_hub = world.other_hub if persona == "other_operator" else world.hub
        _row, secret = services.token_create(
            user=world[persona],
            hub=hub or default_hub,
            name=f"{persona} test",
            scopes=scopes or ALL_SCOPES,
            days=days,
        )
        return secret

    return make


@pytest.fixture
def api() -> Callable[..., Client]:
    """A test client that sends a Bearer token (or none)."""

    def make(secret: str | None = None) -> Client:
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        return Client(headers=headers)

    return make
