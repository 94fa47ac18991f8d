"""The page's icons are served (a missing icon is a 404 in every browser's console)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e


def test_the_linked_icons_are_served(e2e_world: World, page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/")

    statuses = page.evaluate(
        """() => Promise.all([...document.querySelectorAll('link[rel="icon"]')].map(
            link => fetch(link.href).then(r => [link.getAttribute('type') || 'ico', r.status,
                                                 r.headers.get('content-type')])))"""
    )

    assert sorted((kind, status) for kind, status, _type in statuses) == [
        ("ico", 200),
        ("image/svg+xml", 200),
    ]
