"""Screening arithmetic, pure: the mean of the reviewers' scores per criterion, the weighted sum of
those means, plus the bonus of every priority group the applicant belongs to. Ranking puts complete
scores before incomplete ones, then the higher total, then the earlier application."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from talenthub.enrollments.choices import PriorityGroup

CENT = Decimal("0.01")


@dataclass(frozen=True)
class CriterionSpec:
    id: int
    weight: Decimal
    max_score: int


@dataclass(frozen=True)
class ScoreSummary:
    means: Mapping[int, Decimal | None]
    weighted: Decimal
    bonus: Decimal
    complete: bool

    @property
    def total(self) -> Decimal:
        return self.weighted + self.bonus

    @property
    def display_total(self) -> Decimal:
        return self.total.quantize(CENT)


def summarise(
    criteria: Sequence[CriterionSpec],
    values: Mapping[int, Sequence[int]],
    bonus: Decimal = Decimal(0),
) -> ScoreSummary:
    means: dict[int, Decimal | None] = {}
    weighted = Decimal(0)
    for criterion in criteria:
        scored = values.get(criterion.id, ())
        if not scored:
            means[criterion.id] = None
            continue
        mean = Decimal(sum(scored)) / Decimal(len(scored))
        means[criterion.id] = mean
        weighted += criterion.weight * mean
    complete = bool(criteria) and all(mean is not None for mean in means.values())
    return ScoreSummary(means=means, weighted=weighted, bonus=bonus, complete=complete)


def groups_of(*, is_neet: bool, is_job_seeker: bool, is_partner_student: bool) -> set[str]:
    groups = set()
    if is_neet:
        groups.add(PriorityGroup.NEET.value)
    if is_job_seeker:
        groups.add(PriorityGroup.JOB_SEEKER.value)
    if is_partner_student:
        groups.add(PriorityGroup.PARTNER_STUDENT.value)
    return groups


def bonus_for(groups: Iterable[str], bonuses: Mapping[str, Decimal]) -> Decimal:
    """Bonuses add up: a NEET job-seeker gets both groups' points."""
    return sum((bonuses.get(group, Decimal(0)) for group in set(groups)), Decimal(0))


def rank_key(
    summary: ScoreSummary, submitted_at: datetime.datetime, application_id: int
) -> tuple[bool, Decimal, datetime.datetime, int]:
    return (not summary.complete, -summary.total, submitted_at, application_id)
