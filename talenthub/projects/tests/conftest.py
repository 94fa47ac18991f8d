from __future__ import annotations

import pytest

from talenthub.projects.tests.cast import Cast, build_cast


@pytest.fixture
def cast(world) -> Cast:
    return build_cast(world)
