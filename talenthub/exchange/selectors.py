"""Reads of the exchange app: import runs and export logs of a set of hubs."""

from __future__ import annotations

from django.db.models import QuerySet

from talenthub.exchange.choices import ImportStatus
from talenthub.exchange.models import ExportLog, ImportRun


def import_runs_in_hubs(hub_ids: set[int]) -> QuerySet[ImportRun]:
    return (
        ImportRun.objects.filter(hub_id__in=hub_ids)
        .select_related("hub", "created_by")
        .defer("report")
        .order_by("-created_at", "-id")
    )


def earlier_imports_of_file(run: ImportRun) -> QuerySet[ImportRun]:
    """The same file (by its hash) imported into the same hub before."""
    return (
        ImportRun.objects.filter(
            hub_id=run.hub_id,
            kind=run.kind,
            file_sha256=run.file_sha256,
            status=ImportStatus.COMMITTED,
        )
        .exclude(pk=run.pk)
        .defer("report")
        .order_by("-committed_at")
    )


def export_logs_in_hubs(hub_ids: set[int]) -> QuerySet[ExportLog]:
    return (
        ExportLog.objects.filter(hub_id__in=hub_ids)
        .select_related("hub", "user")
        .order_by("-created_at", "-id")
    )
