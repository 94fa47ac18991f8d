from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads of the tests go to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
