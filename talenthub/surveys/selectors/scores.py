"""Satisfaction scores from the database: SQL sums each respondent's agreement answers, and the
exact arithmetic of `talenthub.surveys.scoring` turns them into cohort and group scores."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, QuerySet, Sum

from talenthub.courses.choices import CohortStatus, Track
from talenthub.courses.models import Cohort
from talenthub.events.choices import EventStatus
from talenthub.events.models import Event
from talenthub.surveys import scoring
from talenthub.surveys.choices import Purpose
from talenthub.surveys.models import Answer, Invitation, Response

GROUPINGS = ("hub", "course", "track", "instructor", "cohort")


def respondent_scores(cohort_ids: Iterable[int]) -> dict[int, list[Fraction]]:
    """Each respondent's exact score, by cohort, from the cohorts' satisfaction surveys."""
    rows = (
        Answer.objects.filter(
            response__survey__cohort_id__in=list(cohort_ids),
            response__survey__purpose=Purpose.SATISFACTION,
            question__in_score=True,
            value__isnull=False,
        )
        .values("response__survey__cohort_id", "response_id")
        .annotate(total=Sum("value"), n=Count("id"))
        .order_by()
    )
    scores: dict[int, list[Fraction]] = defaultdict(list)
    for row in rows:
        score = scoring.respondent_score_from_totals(row["total"], row["n"])
        if score is not None:
            scores[row["response__survey__cohort_id"]].append(score)
    return scores


def invited_counts(cohort_ids: Iterable[int]) -> dict[int, int]:
    rows = (
        Invitation.objects.filter(
            survey__cohort_id__in=list(cohort_ids), survey__purpose=Purpose.SATISFACTION
        )
        .values("survey__cohort_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["survey__cohort_id"]: row["n"] for row in rows}


def cohort_results(cohort_ids: Iterable[int]) -> dict[int, scoring.CohortResult]:
    ids = list(cohort_ids)
    scores = respondent_scores(ids)
    invited = invited_counts(ids)
    return {
        cohort_id: scoring.cohort_result(
            cohort_id, scores.get(cohort_id, []), invited.get(cohort_id, 0)
        )
        for cohort_id in ids
    }


def surveyed_cohorts(
    hub_ids: Iterable[int], start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Cohort]:
    """Cohorts with a satisfaction survey, by end date within [start, end] (the period rule of
    docs/kpi.md: a cohort belongs to the period in which it ended)."""
    qs = Cohort.objects.filter(
        course__hub_id__in=list(hub_ids), surveys__purpose=Purpose.SATISFACTION
    ).exclude(status=CohortStatus.CANCELLED)
    if start:
        qs = qs.filter(ends_on__gte=start)
    if end:
        qs = qs.filter(ends_on__lte=end)
    return qs.select_related("course", "course__hub").distinct().order_by("ends_on", "id")


@dataclass(frozen=True)
class ScoreRow:
    key: str
    label: str
    result: scoring.GroupResult

    @property
    def score(self) -> Decimal | None:
        return scoring.round_half_up(self.result.score)

    @property
    def weighted_score(self) -> Decimal | None:
        return scoring.round_half_up(self.result.weighted_score)

    @property
    def response_rate(self) -> Decimal | None:
        return scoring.percent(self.result.response_rate)


def satisfaction_table(
    *,
    hub_ids: Iterable[int],
    start: datetime.date | None,
    end: datetime.date | None,
    group_by: str,
) -> tuple[list[ScoreRow], ScoreRow]:
    """Rows of the satisfaction report for one grouping, and the total over all cohorts.

    A constant number of queries: the cohorts, the respondent sums, the invitation counts, and for
    the instructor grouping the cohort-instructor pairs."""
    if group_by not in GROUPINGS:
        raise ValueError(group_by)
    cohorts = list(surveyed_cohorts(hub_ids, start, end))
    results = cohort_results(c.id for c in cohorts)
    groups: dict[str, list[scoring.CohortResult]] = defaultdict(list)
    labels: dict[str, str] = {}
    if group_by == "instructor":
        pairs = Cohort.instructors.through.objects.filter(
            cohort_id__in=[c.id for c in cohorts]
        ).values_list("cohort_id", "user_id", "user__name")
        for cohort_id, user_id, name in pairs:
            groups[str(user_id)].append(results[cohort_id])
            labels[str(user_id)] = name
    else:
        for cohort in cohorts:
            key, label = _group_of(cohort, group_by)
            groups[key].append(results[cohort.id])
            labels[key] = label
    rows = [
        ScoreRow(key, labels[key], scoring.group_result(members)) for key, members in groups.items()
    ]
    rows.sort(key=lambda row: row.label)
    total = ScoreRow("total", "", scoring.group_result(results.values()))
    return rows, total


def _group_of(cohort: Cohort, group_by: str) -> tuple[str, str]:
    course = cohort.course
    if group_by == "hub":
        return str(course.hub_id), course.hub.name
    if group_by == "course":
        return str(course.id), f"[{course.code}] {course.title}"
    if group_by == "track":
        return course.track, str(Track(course.track).label)
    return str(cohort.id), f"[{course.code}] {course.title} · {cohort.number}"


def hub_score(
    hub_id: int, start: datetime.date | None, end: datetime.date | None
) -> scoring.GroupResult:
    """One hub's score for a period: the mean of its cohorts' scores (with the weighted mean and
    the response rate)."""
    cohorts = surveyed_cohorts([hub_id], start, end).values_list("id", flat=True)
    return scoring.group_result(cohort_results(list(cohorts)).values())


def survey_result(survey_id: int, cohort_id: int, invited: int) -> scoring.CohortResult:
    rows = (
        Answer.objects.filter(
            response__survey_id=survey_id, question__in_score=True, value__isnull=False
        )
        .values("response_id")
        .annotate(total=Sum("value"), n=Count("id"))
        .order_by()
    )
    scores = [scoring.respondent_score_from_totals(r["total"], r["n"]) for r in rows]
    return scoring.cohort_result(cohort_id, scores, invited)


def responses_count(survey_id: int) -> int:
    return Response.objects.filter(survey_id=survey_id).count()


@dataclass(frozen=True)
class EventScore:
    """An event's satisfaction score: shown beside the hub's, never part of it (docs/kpi.md)."""

    event: Event
    result: scoring.CohortResult

    @property
    def score(self) -> Decimal | None:
        return scoring.round_half_up(self.result.score)

    @property
    def response_rate(self) -> Decimal | None:
        return scoring.percent(self.result.response_rate)


def event_scores(
    hub_ids: Iterable[int], start: datetime.date | None, end: datetime.date | None
) -> list[EventScore]:
    """Each surveyed event's 100-point score (same arithmetic as a cohort's), by the day the
    event ended; three queries whatever the number of events."""
    events = Event.objects.filter(
        hub_id__in=list(hub_ids), surveys__purpose=Purpose.SATISFACTION
    ).exclude(status=EventStatus.CANCELLED)
    if start:
        events = events.filter(ends_at__date__gte=start)
    if end:
        events = events.filter(ends_at__date__lte=end)
    chosen = list(events.select_related("hub").distinct().order_by("ends_at", "id"))
    ids = [event.pk for event in chosen]
    scores: dict[int, list[Fraction]] = defaultdict(list)
    for row in (
        Answer.objects.filter(
            response__survey__event_id__in=ids,
            response__survey__purpose=Purpose.SATISFACTION,
            question__in_score=True,
            value__isnull=False,
        )
        .values("response__survey__event_id", "response_id")
        .annotate(total=Sum("value"), n=Count("id"))
        .order_by()
    ):
        score = scoring.respondent_score_from_totals(row["total"], row["n"])
        if score is not None:
            scores[row["response__survey__event_id"]].append(score)
    invited = {
        row["survey__event_id"]: row["n"]
        for row in Invitation.objects.filter(
            survey__event_id__in=ids, survey__purpose=Purpose.SATISFACTION
        )
        .values("survey__event_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    return [
        EventScore(
            event, scoring.cohort_result(event.pk, scores[event.pk], invited.get(event.pk, 0))
        )
        for event in chosen
    ]
