"""The rollup check: every snapshot recomputed from raw rows and compared, figure by figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from talenthub.reports.models import RollupValue, Snapshot
from talenthub.reports.services import Target, all_targets, figures_of, stored


@dataclass(frozen=True)
class Difference:
    target: Target
    kpi: str
    dimension: str
    bucket: str
    in_rollup: Any
    from_rows: Any

    def __str__(self) -> str:
        kind, owner, period, year = self.target
        where = f"{kind}{'#' + str(owner) if owner else ''} {period} {year}"
        figure = (
            f"{self.kpi}{'[' + self.dimension + '=' + self.bucket + ']' if self.dimension else ''}"
        )
        return f"{where} {figure}: rollup {self.in_rollup} ≠ raw rows {self.from_rows}"


def _stored_values(snapshot: Snapshot | None) -> dict[tuple[str, str, str], Any]:
    if snapshot is None:
        return {}
    return {
        (row.kpi, row.dimension, row.bucket): (row.value, row.numerator, row.denominator)
        for row in RollupValue.objects.filter(snapshot=snapshot)
    }


def rollup_differences(hub_id: int | None = None) -> list[Difference]:
    """Each figure whose rollup differs from a fresh computation, and each missing snapshot's.

    `hub_id` limits the check to that hub's own snapshots."""
    snapshots = {
        (s.scope, s.hub_id or s.consortium_id, s.period, s.year): s for s in Snapshot.objects.all()
    }
    differences: list[Difference] = []
    for target in sorted(all_targets(), key=repr):
        if hub_id is not None and (target[0] != "hub" or target[1] != hub_id):
            continue
        kept = _stored_values(snapshots.get(target))
        fresh = {key: stored(figure) for key, figure in figures_of(*target).items()}
        if target not in snapshots:
            differences.append(Difference(target, "*", "", "", "missing", "computed"))
            continue
        for key in sorted(set(kept) | set(fresh)):
            if kept.get(key) != fresh.get(key):
                differences.append(Difference(target, *key, kept.get(key), fresh.get(key)))
    return differences
