from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from django.conf import settings

from talenthub.reports import selectors, services

logger = logging.getLogger(__name__)


@shared_task
def rollups_apply_changes(changes: list[list[Any]]) -> int:
    """Mark the hub x years of the changes noted on commit stale, then recompute them (unless
    REPORTS_REFRESH_ON_COMMIT is off: then the periodic refresh does it)."""
    services.rollup_mark(services.marks_of_changes(changes))
    if not getattr(settings, "REPORTS_REFRESH_ON_COMMIT", True):
        return 0
    return services.rollup_refresh_dirty()


@shared_task
def rollups_refresh_dirty() -> int:
    """Periodic: recompute what is still marked stale (e.g. after a worker died mid-way)."""
    return services.rollup_refresh_dirty()


@shared_task
def rollups_reconcile() -> int:
    """Nightly: recompute every snapshot from raw rows, logging each figure that had drifted (a
    bulk write that bypassed the signals, or a bug) before rebuilding."""
    differences = selectors.rollup_differences()
    for difference in differences:
        logger.warning("rollup drift: %s", difference)
    services.rollup_rebuild()
    return len(differences)
