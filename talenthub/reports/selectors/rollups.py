"""Dashboard reads: figures from the rollups (a constant number of queries per page)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max, Q
from django.utils import timezone

from talenthub.reports.choices import PeriodKind, ScopeKind
from talenthub.reports.models import RollupValue, Snapshot

Key = tuple[str, str, str]


@dataclass(frozen=True)
class Value:
    value: Decimal | None
    numerator: int | None
    denominator: int | None


@dataclass
class Figures:
    """One snapshot's figures, keyed by (kpi, dimension, bucket)."""

    computed_at: datetime.datetime | None = None
    values: dict[Key, Value] = field(default_factory=dict)

    def get(self, kpi: str, dimension: str = "", bucket: str = "") -> Value | None:
        return self.values.get((kpi, dimension, bucket))

    def buckets(self, kpi: str, dimension: str) -> dict[str, Value]:
        return {b: v for (k, d, b), v in self.values.items() if k == kpi and d == dimension}


def figures_of(
    kind: str, owner_ids: Iterable[int | None], keys: Iterable[tuple[str, int]]
) -> dict[tuple[int | None, str, int], Figures]:
    """Figures of the scopes (`kind`, each owner id) for each (period, year): two queries."""
    owners = list(owner_ids)
    wanted = list(keys)
    condition = Q(scope=kind)
    if kind == ScopeKind.HUB:
        condition &= Q(hub_id__in=owners)
    elif kind == ScopeKind.CONSORTIUM:
        condition &= Q(consortium_id__in=owners)
    periods = Q(pk__in=[])
    for period, year in wanted:
        periods |= Q(period=period, year=year)
    snapshots = {
        s.pk: s
        for s in Snapshot.objects.filter(condition & periods).only(
            "pk", "hub_id", "consortium_id", "period", "year", "computed_at"
        )
    }
    result: dict[tuple[int | None, str, int], Figures] = {
        (owner, period, year): Figures() for owner in owners for period, year in wanted
    }
    for snapshot in snapshots.values():
        owner = snapshot.hub_id or snapshot.consortium_id
        result[(owner, snapshot.period, snapshot.year)] = Figures(snapshot.computed_at)
    rows = RollupValue.objects.filter(snapshot_id__in=list(snapshots)).values_list(
        "snapshot_id", "kpi", "dimension", "bucket", "value", "numerator", "denominator"
    )
    for snapshot_id, kpi, dimension, bucket, value, numerator, denominator in rows:
        snapshot = snapshots[snapshot_id]
        owner = snapshot.hub_id or snapshot.consortium_id
        result[(owner, snapshot.period, snapshot.year)].values[(kpi, dimension, bucket)] = Value(
            value, numerator, denominator
        )
    return result


def one(kind: str, owner_id: int | None, period: str, year: int) -> Figures:
    return figures_of(kind, [owner_id], [(period, year)])[(owner_id, period, year)]


def default_year(kind: str, owner_id: int | None) -> int:
    """This year, or the last year before it that has participants (a new year starts empty)."""
    this_year = timezone.localdate().year
    condition = Q(scope=kind, period=PeriodKind.YEAR, year__lte=this_year)
    if kind == ScopeKind.HUB:
        condition &= Q(hub_id=owner_id)
    elif kind == ScopeKind.CONSORTIUM:
        condition &= Q(consortium_id=owner_id)
    last = Snapshot.objects.filter(
        condition, values__kpi="participants", values__dimension="", values__value__gt=0
    ).aggregate(last=Max("year"))["last"]
    return int(last) if last else this_year
