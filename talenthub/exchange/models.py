from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talenthub.core.models import TimeStampedModel
from talenthub.exchange.choices import (
    RUNNING_STATUSES,
    ExportPurpose,
    ImportKind,
    ImportSource,
    ImportStatus,
)
from talenthub.hubs.models import Hub

# A check or an import that has not moved for this long was interrupted (its process died).
STALE_AFTER = datetime.timedelta(minutes=15)


def import_upload_to(instance: Any, filename: str) -> str:
    # Random names outside any public path: the files hold personal data and are only read by the
    # import itself (MEDIA is not served).
    extension = "." + filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else ""
    return f"private/imports/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class ImportRun(TimeStampedModel):
    """One uploaded file and what became of it: who, when, which file (by hash), the counts of
    its dry run or import, and the full per-row report."""

    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.PROTECT, related_name="import_runs"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    source = models.CharField(
        _("source"), max_length=10, choices=ImportSource.choices, default=ImportSource.WEB
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    file = models.FileField(_("file"), upload_to=import_upload_to, max_length=200)
    file_name = models.CharField(_("file name"), max_length=200)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, db_index=True)
    file_size = models.PositiveIntegerField(_("size in bytes"))
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    warning_count = models.PositiveIntegerField(_("warnings"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    failure = models.CharField(_("failure"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ImportKind.values), name="import_run_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ImportStatus.values), name="import_run_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=ImportSource.values), name="import_run_source_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=ImportStatus.COMMITTED) | Q(committed_at__isnull=False),
                name="import_run_committed_has_time",
            ),
        ]
        indexes = [models.Index(fields=["hub", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.file_name}"

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING_STATUSES and not self.is_stale

    @property
    def is_stale(self) -> bool:
        """Checking or importing, but untouched for a long time: its process was interrupted.
        Nothing of an interrupted import remains (it is one transaction)."""
        return self.status in RUNNING_STATUSES and self.updated_at < timezone.now() - STALE_AFTER

    @property
    def percent_done(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, self.rows_done * 100 // self.rows_total)


class ImportedRecord(models.Model):
    """The natural key of a record that has no natural key of its own in its app: an anonymous
    survey response. Re-importing the same file finds its keys here and creates nothing."""

    hub = models.ForeignKey(Hub, verbose_name=_("hub"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    key = models.CharField(_("key"), max_length=64)
    object_id = models.CharField(_("record"), max_length=64)
    import_run = models.ForeignKey(
        ImportRun,
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "kind", "key"], name="imported_record_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class ExportLog(models.Model):
    """Every download of a list or report: who, when, what, why, and how many rows left."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    hub = models.ForeignKey(
        Hub,
        verbose_name=_("hub"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="export_logs",
    )
    dataset = models.CharField(_("data"), max_length=40)
    file_format = models.CharField(_("format"), max_length=10)
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=ExportPurpose.choices, blank=True
    )
    has_personal_data = models.BooleanField(_("contains personal data"), default=False)
    columns = models.JSONField(_("columns"), default=list)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    created_at = models.DateTimeField(_("exported at"), default=timezone.now)

    class Meta:
        verbose_name = _("export log entry")
        verbose_name_plural = _("export log")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(has_personal_data=False) | ~Q(purpose=""),
                name="export_log_personal_data_has_purpose",
            ),
            models.CheckConstraint(
                condition=Q(purpose="") | Q(purpose__in=ExportPurpose.values),
                name="export_log_purpose_valid",
            ),
        ]
        indexes = [models.Index(fields=["hub", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.dataset} · {self.user_id} · {self.created_at:%Y-%m-%d %H:%M}"
