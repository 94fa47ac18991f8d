from __future__ import annotations

import pytest

from talenthub.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    """Two hubs of one consortium and one person per persona (see talenthub.testing/personas)."""
    return build_world()
