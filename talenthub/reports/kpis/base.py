"""What every KPI function takes and returns: a scope (which hubs), a period (which dates), an
optional breakdown dimension; a total figure and, when asked, one figure per bucket."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from django.db.models import Model, QuerySet
from django.utils.functional import Promise

from talenthub.hubs.models import Consortium, Hub
from talenthub.reports.choices import RowKind, ScopeKind, Unit
from talenthub.reports.errors import UnknownKpiError, UnsupportedBreakdownError

if TYPE_CHECKING:
    from talenthub.reports.kpis.engine import Measure

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends before it starts: {self.start} to {self.end}")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def years(cls, first: int, last: int) -> Period:
        return cls(datetime.date(first, 1, 1), datetime.date(last, 12, 31))

    @property
    def bounds(self) -> tuple[datetime.date, datetime.date]:
        return (self.start, self.end)

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d} ~ {self.end:%Y-%m-%d}"


@dataclass(frozen=True)
class Scope:
    """The hubs a figure covers. `hub_ids` None means every hub (the nation)."""

    kind: ScopeKind
    hub_ids: frozenset[int] | None
    code: str = ""
    name: str = ""

    @classmethod
    def for_hub(cls, hub: Hub) -> Scope:
        return cls(ScopeKind.HUB, frozenset({hub.pk}), hub.code, hub.name)

    @classmethod
    def for_consortium(cls, consortium: Consortium) -> Scope:
        hub_ids = frozenset(consortium.hubs.values_list("id", flat=True))
        return cls(ScopeKind.CONSORTIUM, hub_ids, consortium.code, consortium.name)

    @classmethod
    def nation(cls) -> Scope:
        return cls(ScopeKind.NATION, None)

    def hub_id_set(self) -> set[int]:
        """The scope's hub ids, every hub's for the nation (for selectors that need a list)."""
        if self.hub_ids is not None:
            return set(self.hub_ids)
        return set(Hub.objects.values_list("id", flat=True))

    def filter(self, queryset: QuerySet[M], hub_path: str) -> QuerySet[M]:
        """Rows of `queryset` whose hub (reached through `hub_path`) is in the scope."""
        if self.hub_ids is None:
            return queryset
        return queryset.filter(**{f"{hub_path}_id__in": self.hub_ids})


@dataclass(frozen=True)
class Figure:
    """One number. Rates and scores carry the counts they come from where there are any."""

    value: int | Decimal | None
    numerator: int | None = None
    denominator: int | None = None


@dataclass(frozen=True)
class KpiResult:
    total: Figure
    dimension: str | None = None
    by: dict[str, Figure] = field(default_factory=dict)


KpiFunction = Callable[[Scope, Period, str | None], KpiResult]
RowsFunction = Callable[[Scope, Period], QuerySet[Any]]


@dataclass(frozen=True)
class KpiDefinition:
    # Templates must read a definition's attributes, not call it.
    do_not_call_in_templates: ClassVar[bool] = True

    name: str
    title: str | Promise
    summary: str | Promise
    unit: Unit
    dimensions: tuple[str, ...]
    compute: KpiFunction
    # Counting KPIs declare a measure (the engine batches them); the others (scores computed by
    # another app's arithmetic) name the rows behind them instead.
    measure: Measure | None
    row_kind: RowKind
    # A KPI reported as a breakdown (people trained: by level) names it here.
    default_dimension: str | None = None
    row_source: RowsFunction | None = None

    @property
    def base(self) -> str:
        """The kind of row the dimensions are read from (dimensions.PATHS)."""
        if self.measure is not None:
            return self.measure.base
        return "cohort" if self.row_kind == RowKind.COHORT else "person"

    @property
    def doc(self) -> str:
        return (self.compute.__doc__ or "").strip()

    def rows(self, scope: Scope, period: Period) -> QuerySet[Any]:
        """The raw rows that make the figure (the denominator's, for a rate)."""
        if self.measure is not None:
            return self.measure.rows(scope, period)
        if self.row_source is None:
            raise LookupError(f"{self.name} names no rows")
        return self.row_source(scope, period)

    def __call__(self, scope: Scope, period: Period, by: str | None = None) -> KpiResult:
        if by is not None and by not in self.dimensions:
            raise UnsupportedBreakdownError(f"{self.name} has no breakdown by {by}", field="by")
        return self.compute(scope, period, by)


# In the order the KPIs are listed in docs/kpi.md, the CLI's JSON and every report.
REGISTRY: dict[str, KpiDefinition] = {}


def kpi(
    *,
    title: str | Promise,
    summary: str | Promise,
    unit: Unit,
    dimensions: Iterable[str],
    row_kind: RowKind,
    measure: Measure | None = None,
    rows: RowsFunction | None = None,
    default_dimension: str | None = None,
) -> Callable[[KpiFunction], KpiFunction]:
    """Register the decorated function as the KPI of its own name."""

    def register(function: KpiFunction) -> KpiFunction:
        name = function.__name__
        if name in REGISTRY:
            raise ValueError(f"KPI {name} registered twice")
        REGISTRY[name] = KpiDefinition(
            name=name,
            title=title,
            summary=summary,
            unit=unit,
            dimensions=tuple(dimensions),
            compute=function,
            measure=measure,
            row_kind=row_kind,
            default_dimension=default_dimension,
            row_source=rows,
        )
        return function

    return register


def get_kpi(name: str) -> KpiDefinition:
    try:
        return REGISTRY[name]
    except KeyError as exc:
        raise UnknownKpiError(f"no KPI named {name}", field="kpi") from exc
