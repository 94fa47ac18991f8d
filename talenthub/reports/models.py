"""Rollups: KPI figures per scope (hub, consortium, nation) and period (a year, or the six years
ending with it), computed by background tasks from the KPI functions and read by the dashboards.
They are a cache: `kpi-check` recomputes them from raw rows and reports any difference."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from talenthub.hubs.models import Consortium, Hub
from talenthub.reports.choices import PeriodKind, ScopeKind


class Snapshot(models.Model):
    """The figures of one scope for one period, as of `computed_at`."""

    scope = models.CharField(_("scope"), max_length=20, choices=ScopeKind.choices)
    hub = models.ForeignKey(
        Hub,
        verbose_name=_("hub"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    consortium = models.ForeignKey(
        Consortium,
        verbose_name=_("consortium"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    period = models.CharField(_("period"), max_length=20, choices=PeriodKind.choices)
    # The calendar year, or the last of the six.
    year = models.PositiveSmallIntegerField(_("year"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("KPI snapshot")
        verbose_name_plural = _("KPI snapshots")
        ordering = ["scope", "hub", "consortium", "period", "year"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(scope=ScopeKind.HUB) & Q(hub__isnull=False, consortium__isnull=True))
                | (Q(scope=ScopeKind.CONSORTIUM) & Q(hub__isnull=True, consortium__isnull=False))
                | (Q(scope=ScopeKind.NATION) & Q(hub__isnull=True, consortium__isnull=True)),
                name="snapshot_scope_matches_keys",
            ),
            models.CheckConstraint(
                condition=Q(period__in=PeriodKind.values), name="snapshot_period_valid"
            ),
            models.UniqueConstraint(
                fields=["hub", "period", "year"],
                condition=Q(scope=ScopeKind.HUB),
                name="snapshot_unique_hub",
            ),
            models.UniqueConstraint(
                fields=["consortium", "period", "year"],
                condition=Q(scope=ScopeKind.CONSORTIUM),
                name="snapshot_unique_consortium",
            ),
            models.UniqueConstraint(
                fields=["period", "year"],
                condition=Q(scope=ScopeKind.NATION),
                name="snapshot_unique_nation",
            ),
        ]

    def __str__(self) -> str:
        owner = self.hub_id or self.consortium_id or ""
        return f"{self.scope} {owner} {self.period} {self.year}"


class RollupValue(models.Model):
    """One figure of a snapshot: a KPI's total (empty dimension) or one bucket of a breakdown."""

    snapshot = models.ForeignKey(
        Snapshot, verbose_name=_("snapshot"), on_delete=models.CASCADE, related_name="values"
    )
    kpi = models.CharField(_("KPI"), max_length=60)
    dimension = models.CharField(_("dimension"), max_length=20, blank=True)
    bucket = models.CharField(_("bucket"), max_length=100, blank=True)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    numerator = models.BigIntegerField(_("numerator"), null=True, blank=True)
    denominator = models.BigIntegerField(_("denominator"), null=True, blank=True)

    class Meta:
        verbose_name = _("rollup value")
        verbose_name_plural = _("rollup values")
        ordering = ["snapshot", "kpi", "dimension", "bucket"]
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "kpi", "dimension", "bucket"], name="rollup_value_unique"
            ),
            models.CheckConstraint(
                condition=Q(dimension="", bucket="") | ~Q(dimension=""),
                name="rollup_value_total_has_no_bucket",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kpi} {self.dimension}={self.bucket}: {self.value}"


class DirtyMark(models.Model):
    """A hub x year whose rollups are stale. `hub` empty: every hub; `year` 0: every year.

    Written by the refresh task from the changes the signals noted, deleted once the snapshots
    are recomputed (unless marked again meanwhile: `marked_at` moved)."""

    hub = models.ForeignKey(
        Hub,
        verbose_name=_("hub"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    year = models.PositiveSmallIntegerField(_("year"))
    marked_at = models.DateTimeField(_("marked at"))

    class Meta:
        verbose_name = _("stale rollup mark")
        verbose_name_plural = _("stale rollup marks")
        ordering = ["marked_at"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "year"], name="dirty_mark_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.hub_id or '*'} {self.year or '*'}"
