"""Satisfaction KPIs. The arithmetic is the surveys app's (`talenthub.surveys.scoring`, over the
respondent sums of `talenthub.surveys.selectors.scores`); this module only groups cohorts by scope,
period and breakdown. Definition: docs/kpi.md, "Satisfaction"."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.courses.models import Cohort
from talenthub.reports.choices import RowKind, Unit
from talenthub.reports.kpis.base import Figure, KpiResult, Period, Scope, kpi
from talenthub.reports.kpis.dimensions import COHORT_DIMENSIONS, expression, key_of
from talenthub.surveys import scoring
from talenthub.surveys.selectors.scores import cohort_results, surveyed_cohorts


def surveyed(scope: Scope, period: Period) -> QuerySet[Cohort]:
    """Cohorts (not cancelled) with a satisfaction survey, that ended in the period."""
    return surveyed_cohorts(scope.hub_id_set(), period.start, period.end)


def _groups(scope: Scope, period: Period, by: str | None) -> tuple[Any, dict[str, Any]]:
    rows = surveyed(scope, period).order_by()
    if by is not None:
        rows = rows.annotate(_bucket=expression("cohort", by))
        pairs = [(r["id"], key_of(r["_bucket"])) for r in rows.values("id", "_bucket")]
    else:
        pairs = [(pk, "") for pk in rows.values_list("id", flat=True)]
    results = cohort_results(pk for pk, _ in pairs)
    grouped: dict[str, list[scoring.CohortResult]] = defaultdict(list)
    for pk, key in pairs:
        grouped[key].append(results[pk])
    by_bucket = {key: scoring.group_result(members) for key, members in grouped.items()}
    return scoring.group_result(results.values()), by_bucket


def _score(result: scoring.GroupResult) -> Figure:
    return Figure(scoring.round_half_up(result.score), None, None)


def _weighted(result: scoring.GroupResult) -> Figure:
    return Figure(scoring.round_half_up(result.weighted_score), result.respondents, None)


def _rate(result: scoring.GroupResult) -> Figure:
    value: Decimal | None = scoring.percent(result.response_rate)
    return Figure(value, result.respondents, result.invited)


def _result(scope: Scope, period: Period, by: str | None, pick: Any) -> KpiResult:
    total, by_bucket = _groups(scope, period, by)
    return KpiResult(pick(total), by, {k: pick(v) for k, v in by_bucket.items()})


@kpi(
    title=_("Satisfaction"),
    summary=_(
        "100-point satisfaction: each respondent's mean agreement x 20, averaged per cohort, "
        "then over the cohorts that ended in the period."
    ),
    unit=Unit.SCORE,
    dimensions=COHORT_DIMENSIONS,
    rows=surveyed,
    row_kind=RowKind.COHORT,
)
def satisfaction(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """The mean of the cohorts' 100-point scores (the funder's figure), over the cohorts not
    cancelled with a satisfaction survey that ended in the period; a cohort without respondents
    is left out, never counted as 0 (surveys.scoring.group_result)."""
    return _result(scope, period, by, _score)


@kpi(
    title=_("Satisfaction, response-weighted"),
    summary=_("The mean 100-point score over all respondents of the same cohorts."),
    unit=Unit.SCORE,
    dimensions=COHORT_DIMENSIONS,
    rows=surveyed,
    row_kind=RowKind.COHORT,
)
def satisfaction_weighted(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """The response-weighted score: every respondent of those cohorts counts once (numerator
    carries the number of respondents)."""
    return _result(scope, period, by, _weighted)


@kpi(
    title=_("Survey response rate"),
    summary=_("Respondents as a share of the people invited to the same cohorts' surveys."),
    unit=Unit.PERCENT,
    dimensions=COHORT_DIMENSIONS,
    rows=surveyed,
    row_kind=RowKind.COHORT,
)
def survey_response_rate(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Respondents / invited people of the satisfaction surveys of those cohorts, in percent."""
    return _result(scope, period, by, _rate)
