"""Fixtures for the tests beside each app.

The factories build records of every app, so they live in the top layer (talenthub.testing); an
app's own tests sit inside the app and may not import upwards (the layer contract covers them too).
They reach the factories through this fixture instead."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from django.http import HttpResponse

from talenthub.testing import factories as factory_module
from talenthub.testing.admin_forms import admin_form_data


@pytest.fixture
def factories(db: None) -> ModuleType:
    return factory_module


@pytest.fixture
def admin_form() -> Callable[[HttpResponse], dict[str, Any]]:
    """`admin_form(response)`: the POST data of the admin form in `response`, unchanged."""
    return admin_form_data
