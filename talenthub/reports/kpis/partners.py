"""KPIs of partner organisations. Definitions: docs/kpi.md."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from talenthub.reports.choices import RowKind, Unit
from talenthub.reports.kpis.base import KpiResult, Period, Scope, kpi
from talenthub.reports.kpis.engine import Counter, Measure, evaluate_one


def agreement_started(period: Period) -> Q:
    return Q(starts_on__range=period.bounds)


PARTNER_AGREEMENTS = Measure(Counter("agreement", agreement_started))


@kpi(
    title=_("Partner agreements"),
    summary=_("Agreements (MOUs) with partner organisations that started in the period."),
    unit=Unit.COUNT,
    dimensions=("hub",),
    measure=PARTNER_AGREEMENTS,
    row_kind=RowKind.AGREEMENT,
)
def partner_agreements(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Agreements with the hub's partner organisations (companies, public agencies, universities)
    whose start date is in the period: the agreements concluded in it."""
    return evaluate_one("partner_agreements", PARTNER_AGREEMENTS, scope, period, by)
