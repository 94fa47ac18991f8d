from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from talenthub.exchange import services
from talenthub.exchange.models import ImportRun


@pytest.fixture
def run_import(world: Any) -> Callable[..., ImportRun]:
    """Import `data` as `kind` into hub alpha as its operator: a dry run, or the import."""

    def run(
        kind: str, data: bytes, *, commit: bool = True, name: str = "file.csv", hub: Any = None
    ) -> ImportRun:
        run, _table = services.import_run_create(
            hub=hub or world.hub,
            kind=kind,
            data=data,
            file_name=name,
            created_by=world["operator"],
        )
        return services.import_run_now(run=run, commit=commit, user=world["operator"])

    return run
