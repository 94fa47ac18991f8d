"""Exports of the exchange app's own records: the import runs and the export log of a hub. Who
ran them is a staff member's name: it goes out for an audit only."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record, every_key
from talenthub.exchange.selectors import export_logs_in_hubs, import_runs_in_hubs
from talenthub.hubs.models import Hub


def _import_runs(hub: Hub) -> Iterable[Record]:
    for run in import_runs_in_hubs({hub.pk}):
        yield {
            "uploaded_at": run.created_at,
            "kind": str(run.get_kind_display()),
            "file_name": run.file_name,
            "file_sha256": run.file_sha256,
            "source": str(run.get_source_display()),
            "by": run.created_by.name if run.created_by else "",
            "status": str(run.get_status_display()),
            "rows": run.rows_total,
            "created": run.created_count,
            "updated": run.updated_count,
            "unchanged": run.unchanged_count,
            "errors": run.error_count,
            "warnings": run.warning_count,
            "imported_at": run.committed_at,
        }


IMPORT_COLUMNS = (
    ExportColumn("uploaded_at", _("uploaded at")),
    ExportColumn("kind", _("what the file contains")),
    ExportColumn("file_name", _("file")),
    ExportColumn("file_sha256", _("file hash (SHA-256)")),
    ExportColumn("source", _("source")),
    ExportColumn("by", _("by"), personal=True),
    ExportColumn("status", _("status")),
    ExportColumn("rows", _("rows")),
    ExportColumn("created", _("created")),
    ExportColumn("updated", _("updated")),
    ExportColumn("unchanged", _("unchanged")),
    ExportColumn("errors", _("errors")),
    ExportColumn("warnings", _("warnings")),
    ExportColumn("imported_at", _("imported at")),
)
IMPORT_RUNS = Dataset(
    key="import_runs",
    title=_("Imports"),
    columns=IMPORT_COLUMNS,
    records=_import_runs,
    purposes={
        P.AUDIT: every_key(IMPORT_COLUMNS),
        # File names may name people; who imported is a staff member's name.
        P.STATISTICS: every_key(IMPORT_COLUMNS, but=("file_name", "file_sha256", "by")),
    },
)


def _export_log(hub: Hub) -> Iterable[Record]:
    from talenthub.exchange.exports import DATASETS

    for entry in export_logs_in_hubs({hub.pk}):
        dataset = DATASETS.get(entry.dataset)
        yield {
            "exported_at": entry.created_at,
            "by": entry.user.name,
            "dataset": str(dataset.title) if dataset else entry.dataset,
            "format": entry.file_format,
            "purpose": str(entry.get_purpose_display()) if entry.purpose else "",
            "personal": "Y" if entry.has_personal_data else "N",
            "columns": ", ".join(entry.columns),
            "filters": ", ".join(f"{k}={v}" for k, v in sorted(entry.filters.items())),
            "rows": entry.row_count,
        }


EXPORT_LOG_COLUMNS = (
    ExportColumn("exported_at", _("exported at")),
    ExportColumn("by", _("by"), personal=True),
    ExportColumn("dataset", _("list or report")),
    ExportColumn("format", _("format")),
    ExportColumn("purpose", _("purpose")),
    ExportColumn("personal", _("personal data")),
    ExportColumn("columns", _("columns")),
    ExportColumn("filters", _("filters")),
    ExportColumn("rows", _("rows")),
)
EXPORT_LOG = Dataset(
    key="export_log",
    title=_("Export log"),
    columns=EXPORT_LOG_COLUMNS,
    records=_export_log,
    purposes={P.AUDIT: every_key(EXPORT_LOG_COLUMNS)},
)
