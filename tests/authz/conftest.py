from __future__ import annotations

import pytest
import time_machine
from django.test import override_settings

from tests.authz.scene import NOW, Scene, build_scene


@pytest.fixture(autouse=True)
def _at_matrix_time():
    """Every test here runs at scene.NOW (the world is built then too), so pages that depend on
    the date (the classroom code, the application window) answer the same on every run."""
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture(autouse=True, scope="session")
def _private_media(tmp_path_factory):
    """Uploads of the scene (résumés, evidence) go to a temporary folder, never into var/media."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def scene(world) -> Scene:
    return build_scene(world)
