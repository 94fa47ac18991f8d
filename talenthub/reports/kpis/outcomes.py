"""Jobs and startups. The counting (one person, one outcome; the 6-month window; evidence; the
exclusions) is the outcomes app's (`talenthub.outcomes.selectors.jobs_kpi` over its pure engine);
this module gives it a scope, a period and a breakdown by hub. Definition: docs/kpi.md."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.models import User
from talenthub.outcomes.engine import JobsKpi
from talenthub.outcomes.selectors import jobs_kpi
from talenthub.reports.arithmetic import percent
from talenthub.reports.choices import RowKind, Unit
from talenthub.reports.kpis.base import Figure, KpiResult, Period, Scope, kpi


def _jobs(hub_ids: set[int], period: Period) -> JobsKpi:
    return jobs_kpi(hub_ids=hub_ids, cohorts_ending_from=period.start, cohorts_ending_to=period.end)


def employed_people(scope: Scope, period: Period) -> QuerySet[User]:
    """The people counted: job-seekers at entry with a job or startup within the window."""
    return User.objects.filter(pk__in=_jobs(scope.hub_id_set(), period).person_ids)


def _result(
    scope: Scope, period: Period, by: str | None, pick: Callable[[JobsKpi], Figure]
) -> KpiResult:
    hub_ids = scope.hub_id_set()
    total = pick(_jobs(hub_ids, period))
    if by is None:
        return KpiResult(total)
    # One pair of queries per hub: the outcomes app counts per set of hubs.
    by_hub = {str(hub_id): pick(_jobs({hub_id}, period)) for hub_id in sorted(hub_ids)}
    return KpiResult(total, by, {k: f for k, f in by_hub.items() if f.denominator or f.value})


def _count(result: JobsKpi) -> Figure:
    return Figure(result.count)


def _rate(result: JobsKpi) -> Figure:
    return Figure(percent(result.count, result.denominator), result.count, result.denominator)


@kpi(
    title=_("Jobs and startups"),
    summary=_(
        "Different people, job-seekers at entry, who completed a cohort that ended in the period "
        "and within 6 months started a job or founded a company, with evidence."
    ),
    unit=Unit.COUNT,
    dimensions=("hub",),
    rows=employed_people,
    row_kind=RowKind.PERSON,
)
def jobs_and_startups(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Unique people who were job-seekers at entry, completed a cohort ending in the period and,
    within 6 months of completing, started a job (any contract) or founded a company, with
    verified evidence (outcomes.selectors.jobs_kpi)."""
    return _result(scope, period, by, _count)


@kpi(
    title=_("Jobs and startups rate"),
    summary=_(
        "Jobs and startups as a share of job-seeking completers, less those in further study, "
        "military service or unable to work."
    ),
    unit=Unit.PERCENT,
    dimensions=("hub",),
    rows=employed_people,
    row_kind=RowKind.PERSON,
)
def jobs_and_startups_rate(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """`jobs_and_startups` / (job-seeking completers minus exclusions: further study, military
    service, unable to work), in percent; numerator and denominator are kept."""
    return _result(scope, period, by, _rate)
