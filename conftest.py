from __future__ import annotations

import pytest

from talenthub.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    """Two hubs of one consortium and one person per persona (see talenthub.testing/personas)."""
    return build_world()


@pytest.fixture(autouse=True)
def _english_messages(request: pytest.FixtureRequest) -> None:
    """Tests compare messages with their English msgids; the Korean catalogue is checked whole in
    tests/i18n, and the browser tests (marked e2e) read the Korean pages a Korean browser gets.
    As the default language, English holds in every thread and for every request without an
    Accept-Language of its own."""
    if request.node.get_closest_marker("e2e") or "i18n" in request.node.path.parts:
        return
    request.getfixturevalue("settings").LANGUAGE_CODE = "en"
