"""The 100-point satisfaction score: plain arithmetic over plain numbers, no ORM.

Definition (docs/kpi.md, "Satisfaction"):
- a respondent's score is the mean of their answered 5-point agreement items x 20;
- a cohort's score is the mean of its respondents' scores;
- a group of cohorts (course, instructor, track, hub, consortium) scores the mean of its cohorts'
  scores; beside it the response-weighted mean (every respondent of the group counts once) and the
  response rate (respondents / invited people).

Everything is computed exactly with `Fraction`; only display rounds, half-up to one decimal place
(92.35 → 92.4, 92.349… → 92.3). Cohorts without a respondent have no score and are left out of
means, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

LIKERT_MIN = 1
LIKERT_MAX = 5
POINTS_PER_STEP = 20  # 5 → 100, 1 → 20


def _mean(values: Sequence[Fraction]) -> Fraction | None:
    if not values:
        return None
    return sum(values, Fraction(0)) / len(values)


def respondent_score(likert_values: Iterable[int]) -> Fraction | None:
    """Mean of one person's agreement answers x 20; None when they answered none."""
    values = list(likert_values)
    for value in values:
        if not LIKERT_MIN <= value <= LIKERT_MAX:
            raise ValueError(f"Likert value out of range: {value}")
    if not values:
        return None
    return Fraction(sum(values) * POINTS_PER_STEP, len(values))


def respondent_score_from_totals(total: int, count: int) -> Fraction | None:
    """The same from a SQL aggregate: the sum and the number of a respondent's Likert answers."""
    if count == 0:
        return None
    if not count * LIKERT_MIN <= total <= count * LIKERT_MAX:
        raise ValueError(f"Likert total {total} impossible for {count} answers")
    return Fraction(total * POINTS_PER_STEP, count)


def cohort_score(respondent_scores: Iterable[Fraction | None]) -> Fraction | None:
    return _mean([s for s in respondent_scores if s is not None])


@dataclass(frozen=True)
class CohortResult:
    """A cohort's exact score with the counts behind it."""

    cohort_id: int
    score: Fraction | None
    respondents: int
    invited: int

    @property
    def response_rate(self) -> Fraction | None:
        return response_rate(self.respondents, self.invited)


def cohort_result(
    cohort_id: int, respondent_scores: Iterable[Fraction | None], invited: int
) -> CohortResult:
    scores = [s for s in respondent_scores if s is not None]
    return CohortResult(cohort_id, _mean(scores), len(scores), invited)


@dataclass(frozen=True)
class GroupResult:
    """A group of cohorts: the mean of cohort scores, the response-weighted mean, the rate."""

    score: Fraction | None
    weighted_score: Fraction | None
    cohorts_scored: int
    respondents: int
    invited: int

    @property
    def response_rate(self) -> Fraction | None:
        return response_rate(self.respondents, self.invited)


def group_result(cohorts: Iterable[CohortResult]) -> GroupResult:
    rows = list(cohorts)
    scored = [c for c in rows if c.score is not None]
    respondents = sum(c.respondents for c in scored)
    weighted = (
        sum((c.score * c.respondents for c in scored if c.score is not None), Fraction(0))
        / respondents
        if respondents
        else None
    )
    return GroupResult(
        score=_mean([c.score for c in scored if c.score is not None]),
        weighted_score=weighted,
        cohorts_scored=len(scored),
        respondents=respondents,
        invited=sum(c.invited for c in rows),
    )


def response_rate(respondents: int, invited: int) -> Fraction | None:
    if invited <= 0:
        return None
    return Fraction(respondents, invited)


def round_half_up(value: Fraction | None, places: int = 1) -> Decimal | None:
    """Round an exact value half-up (ties away from zero) for display, without float steps."""
    if value is None:
        return None
    scaled = abs(value) * 10**places
    whole, remainder = divmod(scaled.numerator, scaled.denominator)
    if Fraction(remainder, scaled.denominator) >= Fraction(1, 2):
        whole += 1
    sign = -1 if value < 0 else 1
    return Decimal(sign * whole).scaleb(-places)


def percent(value: Fraction | None, places: int = 1) -> Decimal | None:
    """A ratio as a percentage, rounded half-up for display (0.8333… → 83.3)."""
    return round_half_up(value * 100, places) if value is not None else None
