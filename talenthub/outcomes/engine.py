"""Counting outcomes: plain functions over plain data, no ORM (property-tested with hypothesis).

The rule that matters: one person, one counted outcome, whatever the number of records. A hire
recorded by the company in a project and reported again by the graduate is two records and one
person, so it counts once."""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from talenthub.outcomes.choices import DENOMINATOR_EXCLUSIONS, JOB_OR_STARTUP, OutcomeCategory

WINDOW_MONTHS = 6
# Which category represents a person who has several: a job beats a startup beats further study …
PRIORITY: tuple[str, ...] = (
    OutcomeCategory.FULL_TIME,
    OutcomeCategory.CONTRACT,
    OutcomeCategory.STARTUP,
    OutcomeCategory.FURTHER_STUDY,
    OutcomeCategory.MILITARY,
    OutcomeCategory.EXCLUDED,
    OutcomeCategory.NOT_SEEKING,
    OutcomeCategory.STILL_SEEKING,
    OutcomeCategory.NO_RESPONSE,
)
_RANK = {category: rank for rank, category in enumerate(PRIORITY)}


@dataclass(frozen=True)
class Completion:
    """A completed enrolment: who, when the course started and when it was completed."""

    person_id: int
    started_on: datetime.date
    completed_on: datetime.date
    job_seeker: bool


@dataclass(frozen=True)
class OutcomeFact:
    outcome_id: int
    person_id: int
    category: str
    starts_on: datetime.date | None
    verified: bool
    rejected: bool = False


@dataclass(frozen=True)
class CountedOutcome:
    person_id: int
    category: str
    outcome_id: int | None  # None: the person has no usable record, i.e. no response


@dataclass(frozen=True)
class JobsKpi:
    """Jobs and startups among job-seeking completers (DOMAIN.md)."""

    count: int
    completers: int
    excluded: int
    person_ids: frozenset[int]

    @property
    def denominator(self) -> int:
        return self.completers - self.excluded

    @property
    def rate(self) -> float | None:
        return self.count / self.denominator if self.denominator else None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months later, clamped to the month's end.

    31 Aug + 6 months → 28 Feb (29 in a leap year)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def in_window(
    starts_on: datetime.date | None, completion: Completion, months: int = WINDOW_MONTHS
) -> bool:
    """A job or startup counts for a completion if it started between the course's start and
    `months` after completion (a trainee hired by the project company before the last day
    counts too)."""
    if starts_on is None:
        return False
    return completion.started_on <= starts_on <= add_months(completion.completed_on, months)


def _usable(fact: OutcomeFact, completions: list[Completion], months: int) -> bool:
    if fact.rejected:
        return False
    if fact.category in JOB_OR_STARTUP:
        # Jobs and startups count only with evidence checked by an operator, inside the window.
        return fact.verified and any(in_window(fact.starts_on, c, months) for c in completions)
    return True


def counted_outcomes(
    completions: Iterable[Completion],
    facts: Iterable[OutcomeFact],
    *,
    months: int = WINDOW_MONTHS,
) -> dict[int, CountedOutcome]:
    """Exactly one counted outcome for every person who has a completion."""
    completions_by_person: dict[int, list[Completion]] = defaultdict(list)
    for completion in completions:
        completions_by_person[completion.person_id].append(completion)
    facts_by_person: dict[int, list[OutcomeFact]] = defaultdict(list)
    for fact in facts:
        if fact.person_id in completions_by_person:
            facts_by_person[fact.person_id].append(fact)
    result: dict[int, CountedOutcome] = {}
    for person_id, person_completions in completions_by_person.items():
        usable = [
            fact
            for fact in facts_by_person.get(person_id, [])
            if fact.category in _RANK and _usable(fact, person_completions, months)
        ]
        if not usable:
            result[person_id] = CountedOutcome(person_id, OutcomeCategory.NO_RESPONSE, None)
            continue
        best = min(
            usable,
            key=lambda f: (_RANK[f.category], f.starts_on or datetime.date.max, f.outcome_id),
        )
        result[person_id] = CountedOutcome(person_id, best.category, best.outcome_id)
    return result


def jobs_kpi(
    completions: Iterable[Completion],
    facts: Iterable[OutcomeFact],
    *,
    months: int = WINDOW_MONTHS,
) -> JobsKpi:
    """Unique job-seekers at entry who, within `months` of completing, started a job (any
    contract) or founded a company, with verified evidence. Denominator: job-seeking completers
    minus those in further study, military service or unable to work."""
    seeking = [c for c in completions if c.job_seeker]
    counted = counted_outcomes(seeking, facts, months=months)
    employed = frozenset(p for p, o in counted.items() if o.category in JOB_OR_STARTUP)
    excluded = sum(1 for o in counted.values() if o.category in DENOMINATOR_EXCLUSIONS)
    return JobsKpi(
        count=len(employed), completers=len(counted), excluded=excluded, person_ids=employed
    )


_LEGAL_FORMS = re.compile(
    r"\(주\)|㈜|주식회사|\(유\)|유한회사|\(사\)|사단법인|co\.?,?\s*ltd\.?|inc\.?|corp\.?"
)


def organisation_key(name: str) -> str:
    """A comparable form of an organisation's name: "(주) 전주 데이터" and "전주데이터㈜" match."""
    text = unicodedata.normalize("NFKC", name).lower()
    text = _LEGAL_FORMS.sub("", text)
    return re.sub(r"[\W_]+", "", text)[:100]
