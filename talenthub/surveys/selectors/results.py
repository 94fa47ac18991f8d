"""Reads behind the survey pages: lists with live response rates, per-question distributions,
comments with their terms and polarity, and the rows of the XLSX export."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate

from talenthub.surveys import scoring
from talenthub.surveys.choices import LIKERT_LABELS, TEXT_KINDS, Polarity, QuestionKind
from talenthub.surveys.models import Answer, CommentTerm, Invitation, Question, Response, Survey

CHART_WIDTH = 240  # px of the longest bar in the inline SVG charts


def in_hubs(hub_ids: Iterable[int], prefix: str = "") -> Q:
    """Surveys (or rows reached through `prefix`) of the hubs: by the cohort's course or by the
    event, whichever the survey belongs to."""
    ids = list(hub_ids)
    return Q(**{f"{prefix}cohort__course__hub_id__in": ids}) | Q(
        **{f"{prefix}event__hub_id__in": ids}
    )


SURVEY_RELATED = (
    "cohort",
    "cohort__course",
    "cohort__course__hub",
    "event",
    "event__hub",
    "version__template",
)


def surveys_in_hubs(hub_ids: Iterable[int], instructor_id: int | None = None) -> QuerySet[Survey]:
    """Surveys of the hubs (and of the cohorts the instructor teaches) with their live invitation
    and response counts (one query). Cohort and event surveys, by the day they ended."""
    scope = in_hubs(hub_ids)
    if instructor_id is not None:
        scope |= Q(cohort__instructors__id=instructor_id)
    return (
        Survey.objects.filter(scope)
        .distinct()
        .select_related(*SURVEY_RELATED)
        .annotate(
            n_invited=Count("invitations", distinct=True),
            n_answered=Count("invitations", filter=Q(invitations__is_used=True), distinct=True),
            ended_on=Coalesce("cohort__ends_on", TruncDate("event__ends_at")),
        )
        .order_by(F("ended_on").desc(nulls_last=True), "-id")
    )


def survey_ids_in_hubs(hub_ids: Iterable[int]) -> QuerySet[Survey, int]:
    return Survey.objects.filter(in_hubs(hub_ids)).values_list("id", flat=True)


def rate(answered: int, invited: int) -> Decimal | None:
    return scoring.percent(scoring.response_rate(answered, invited))


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: Decimal
    width: int


@dataclass
class QuestionStats:
    question: Question
    answered: int = 0
    bars: list[Bar] = field(default_factory=list)
    mean: Decimal | None = None
    nps: int | None = None  # recommendation: % promoters (9-10) - % detractors (0-6)

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS


def _bars(labels: list[str], counts: list[int], base: int) -> list[Bar]:
    """One bar per option; the share is of the people who answered, the width of the top bar."""
    top = max(counts, default=0)
    bars = []
    for label, count in zip(labels, counts, strict=True):
        share = scoring.percent(Fraction(count, base)) if base else None
        width = round(CHART_WIDTH * count / top) if top else 0
        bars.append(Bar(label=label, count=count, percent=share or Decimal(0), width=width))
    return bars


def question_stats(survey: Survey) -> list[QuestionStats]:
    """Distribution of answers per question, in three queries whatever the number of answers
    (questions; value counts; the selections of multiple-choice questions)."""
    questions = list(survey.version.questions.select_related("section").order_by("position"))
    values: dict[int, Counter[int]] = defaultdict(Counter)
    texts: Counter[int] = Counter()
    for row in (
        Answer.objects.filter(response__survey=survey)
        .values("question_id", "value", "question__kind")
        .annotate(n=Count("id"))
        .order_by()
    ):
        if row["question__kind"] in TEXT_KINDS:
            texts[row["question_id"]] += row["n"]
        elif row["value"] is not None:
            values[row["question_id"]][row["value"]] += row["n"]
    multiple_ids = [q.id for q in questions if q.kind == QuestionKind.MULTIPLE]
    picks: dict[int, Counter[int]] = defaultdict(Counter)
    answered_multiple: Counter[int] = Counter()
    if multiple_ids:
        for question_id, selected in Answer.objects.filter(
            response__survey=survey, question_id__in=multiple_ids
        ).values_list("question_id", "selected"):
            answered_multiple[question_id] += 1
            picks[question_id].update(int(i) for i in selected)
    return [
        _stats(q, values[q.id], texts[q.id], picks[q.id], answered_multiple[q.id])
        for q in questions
    ]


def _stats(
    question: Question,
    values: Counter[int],
    n_texts: int,
    picks: Counter[int],
    n_multiple: int,
) -> QuestionStats:
    stats = QuestionStats(question)
    kind = question.kind
    if kind in TEXT_KINDS:
        stats.answered = n_texts
        return stats
    if kind == QuestionKind.MULTIPLE:
        stats.answered = n_multiple
        counts = [picks[i] for i in range(len(question.choices))]
        stats.bars = _bars([str(c) for c in question.choices], counts, n_multiple)
        return stats
    scale = {
        QuestionKind.LIKERT5: list(range(1, 6)),
        QuestionKind.RECOMMEND: list(range(0, 11)),
        QuestionKind.SINGLE: list(range(len(question.choices))),
    }[QuestionKind(kind)]
    stats.answered = sum(values.values())
    if kind == QuestionKind.LIKERT5:
        labels = [f"{v} · {LIKERT_LABELS[v]}" for v in scale]
    elif kind == QuestionKind.SINGLE:
        labels = [str(c) for c in question.choices]
    else:
        labels = [str(v) for v in scale]
    stats.bars = _bars(labels, [values[v] for v in scale], stats.answered)
    if kind in (QuestionKind.LIKERT5, QuestionKind.RECOMMEND) and stats.answered:
        mean = Fraction(sum(v * n for v, n in values.items()), stats.answered)
        stats.mean = scoring.round_half_up(mean, 2)
    if kind == QuestionKind.RECOMMEND and stats.answered:
        promoters = sum(n for v, n in values.items() if v >= 9)
        detractors = sum(n for v, n in values.items() if v <= 6)
        stats.nps = round(100 * (promoters - detractors) / stats.answered)
    return stats


def comments(
    survey_ids: Iterable[int],
    *,
    term: str = "",
    polarity: str = "",
    with_identity: bool = False,
) -> QuerySet[Answer]:
    """Free-text answers, newest day first. `with_identity` joins the respondent, which exists
    only for identified surveys (anonymous responses have none to join)."""
    qs = (
        Answer.objects.filter(
            response__survey_id__in=list(survey_ids), question__kind__in=TEXT_KINDS
        )
        .exclude(text="")
        .select_related("question", "response__survey__cohort__course", "response__survey__event")
    )
    if term:
        qs = qs.filter(terms__term=term)
    if polarity in Polarity.values:
        qs = qs.filter(polarity=polarity)
    if with_identity:
        qs = qs.select_related("response__respondent")
    return qs.order_by("-response__submitted_on", "response_id", "question__position")


def top_terms(survey_ids: Iterable[int], limit: int = 20) -> list[tuple[str, int]]:
    """The terms found in most comments (a term counts once per comment)."""
    rows = (
        CommentTerm.objects.filter(answer__response__survey_id__in=list(survey_ids))
        .values("term")
        .annotate(n=Count("answer_id", distinct=True))
        .order_by("-n", "term")[:limit]
    )
    return [(row["term"], row["n"]) for row in rows]


def polarity_counts(survey_ids: Iterable[int]) -> dict[str, int]:
    rows = (
        Answer.objects.filter(
            response__survey_id__in=list(survey_ids), question__kind__in=TEXT_KINDS
        )
        .exclude(text="")
        .values("polarity")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["polarity"] or "pending": row["n"] for row in rows}


def respondents_of(survey: Survey) -> QuerySet[Invitation]:
    """Who has answered: for identified surveys only (an anonymous survey does not say)."""
    if survey.is_anonymous:
        return Invitation.objects.none()
    return survey.invitations.select_related("user").order_by("user__name", "id")


def export_responses(survey: Survey) -> QuerySet[Response]:
    """Responses with their answers, for the XLSX export. Anonymous ones are ordered by their
    random key within a day, so the row order does not follow the order of submission."""
    qs = Response.objects.filter(survey=survey).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.order_by("question__position"))
    )
    if not survey.is_anonymous:
        qs = qs.select_related("respondent")
    return qs.order_by("submitted_on", "id")


def invitations_of_person(user_id: int) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(user_id=user_id)
        .select_related("survey", "survey__cohort", "survey__cohort__course", "survey__event")
        .order_by("-survey__sent_at")
    )


def choice_label(question: Question, index: int | None) -> str:
    if index is None or not 0 <= index < len(question.choices):
        return ""
    return str(question.choices[index])


@dataclass(frozen=True)
class Progress:
    invited: int
    answered: int
    respondents_scored: int
    rate: Decimal | None
    score: Decimal | None


def survey_progress(survey: Survey) -> Progress:
    """Live response rate and 100-point score of one survey (two aggregate queries)."""
    from talenthub.surveys.selectors.scores import survey_result

    counts = survey.invitations.aggregate(
        invited=Count("id"), answered=Count("id", filter=Q(is_used=True))
    )
    result = survey_result(survey.pk, survey.cohort_id or 0, counts["invited"])
    return Progress(
        invited=counts["invited"],
        answered=counts["answered"],
        respondents_scored=result.respondents,
        rate=rate(counts["answered"], counts["invited"]),
        score=scoring.round_half_up(result.score),
    )
