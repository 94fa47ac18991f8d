"""Demo satisfaction surveys: one per finished cohort, answered by 70-90 % of its completers, with
Korean comments built from phrases.

By construction the Jeonju hub's 2020-2025 score (mean of cohort scores, as `selectors.hub_score`
computes it from the stored answers) rounds to 92.4, the figure of the press release: every cohort
gets a target near the hub's, the answers are laid out to hit each cohort's target exactly, and the
last cohort of the period is tuned so the mean of all cohort scores lands on the hub's target.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db import transaction
from django.utils import timezone

from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.surveys import scoring, services, standard
from talenthub.surveys.choices import Purpose, QuestionKind, SurveyStatus
from talenthub.surveys.models import Answer, CommentTerm, Invitation, Question, Response, Survey

PERIOD = (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31))
JEONJU_TARGET = Decimal("92.4")

GOOD_TOPICS = [
    "강사님의 설명",
    "실습 위주의 수업",
    "프로젝트 기반 학습",
    "현업 사례 강의",
    "교육 자료",
    "팀 프로젝트",
    "멘토링",
    "AI 모델 실습",
    "데이터 분석 실습",
    "운영진의 안내",
]
GOOD_ENDINGS = [
    "이 친절해서 좋았습니다.",
    "이 정말 유익했어요.",
    "이 취업 준비에 도움이 되었습니다.",
    "이 체계적이어서 만족합니다.",
    "이 최고였습니다.",
    "이 알차서 주변에 추천하고 싶어요.",
]
IMPROVE_TOPICS = [
    "실습 시간",
    "주차 공간",
    "교육장 냉난방",
    "실습 장비",
    "교육 기간",
    "쉬는 시간",
    "과제 안내",
    "자료 공유 방식",
]
IMPROVE_ENDINGS = [
    "이 부족했습니다.",
    "이 조금 아쉬웠어요.",
    "이 불편했어요.",
    "이 좋지 않았어요.",
    "이 개선되면 좋겠습니다.",
]


@dataclass(frozen=True)
class DemoSurveys:
    surveys: int
    invitations: int
    responses: int
    hub_scores: dict[int, Decimal | None]


def _target_for_hub(hub: Any, rng: random.Random) -> Decimal:
    if hub.code == "jeonju" or "전주" in hub.name:
        return JEONJU_TARGET
    return Decimal(rng.randint(895, 945)) / 10


def _spread(total: int, n_cells: int, rng: random.Random) -> list[int]:
    """n_cells Likert values in 1..5 that add up to `total` (which must be reachable)."""
    base, extra = divmod(total, n_cells)
    cells = [base] * n_cells
    for index in rng.sample(range(n_cells), extra):
        cells[index] += 1
    # Some spread around the mean, keeping the sum: move a point from one cell to another.
    for _ in range(n_cells // 2):
        a, b = rng.randrange(n_cells), rng.randrange(n_cells)
        if cells[a] < 5 and cells[b] > 1 and a != b and cells[b] - cells[a] <= 1:
            cells[a] += 1
            cells[b] -= 1
    return cells


def _likert_total(target: Fraction, n_items: int, n_people: int) -> int:
    """The answer total whose cohort score (20 x total / (items x people)) is nearest `target`."""
    cells = n_items * n_people
    wanted = round(target * cells / 20)
    return max(cells, min(5 * cells, wanted))


@dataclass
class _Plan:
    cohort: Cohort
    respondents: list[int]
    invited: list[int]
    total: int = 0


def _plan_cohorts(
    cohorts: list[Cohort], completers: Mapping[int, list[int]], rng: random.Random
) -> list[_Plan]:
    plans = []
    for cohort in cohorts:
        invited = completers.get(cohort.pk, [])
        share = rng.uniform(0.7, 0.9)
        count = max(1, round(len(invited) * share)) if invited else 0
        plans.append(_Plan(cohort, sorted(rng.sample(invited, count)), invited))
    return plans


def _set_totals(plans: list[_Plan], target: Decimal, n_items: int, rng: random.Random) -> None:
    """Give each answered cohort a total near the target; tune the last cohort of the period so
    the mean of cohort scores rounds to the target."""
    answered = [p for p in plans if p.respondents]
    for plan in answered:
        wish = Fraction(target) + Fraction(rng.randint(-30, 30), 10)
        plan.total = _likert_total(min(wish, Fraction(99)), n_items, len(plan.respondents))
    in_period = sorted(
        (p for p in answered if PERIOD[0] <= p.cohort.ends_on <= PERIOD[1]),
        key=lambda p: (len(p.respondents), p.cohort.ends_on),
    )

    def score(plan: _Plan) -> Fraction:
        return Fraction(20 * plan.total, n_items * len(plan.respondents))

    # Largest cohorts first: they have the finest step. Usually the first one is enough.
    for tuned in reversed(in_period):
        others = sum((score(p) for p in in_period if p is not tuned), Fraction(0))
        needed = Fraction(target) * len(in_period) - others
        tuned.total = _likert_total(needed, n_items, len(tuned.respondents))
        mean = sum((score(p) for p in in_period), Fraction(0)) / len(in_period)
        if scoring.round_half_up(mean) == target:
            return


def _other_answers(
    questions: list[Question], respondent_score: Fraction, rng: random.Random
) -> list[tuple[Question, dict[str, Any]]]:
    rows: list[tuple[Question, dict[str, Any]]] = []
    for question in questions:
        if question.kind == QuestionKind.RECOMMEND:
            value = int(respondent_score / 10) + rng.choice([-1, 0, 0, 1])
            rows.append((question, {"value": max(0, min(10, value))}))
        elif question.kind == QuestionKind.SINGLE:
            rows.append((question, {"value": rng.choice([0, 0, 0, 1, 2, 3, 4])}))
        elif question.kind == QuestionKind.MULTIPLE:
            picks = sorted(rng.sample(range(len(question.choices)), rng.choice([1, 1, 2])))
            rows.append((question, {"selected": picks}))
        elif question.code == "good" and rng.random() < 0.45:
            text = rng.choice(GOOD_TOPICS) + rng.choice(GOOD_ENDINGS)
            rows.append((question, {"text": text}))
        elif question.code == "improve" and rng.random() < 0.3:
            text = rng.choice(IMPROVE_TOPICS) + rng.choice(IMPROVE_ENDINGS)
            rows.append((question, {"text": text}))
    return rows


def _aware(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


@transaction.atomic
def generate_survey_responses(
    *,
    rng: random.Random,
    cohorts: Iterable[Cohort],
    today: datetime.date,
    hub_targets: Mapping[int, Decimal] | None = None,
    analyse: bool = True,
) -> DemoSurveys:
    """A satisfaction survey per finished cohort (ended before `today`, not cancelled, without
    one yet), answered anonymously by 70-90 % of its completers. `hub_targets` overrides the
    2020-2025 target per hub id (default: 92.4 for Jeonju, 89.5-94.5 for the others)."""
    services.standard_templates_install()
    version = services.latest_version(standard.SATISFACTION_CODE)
    questions = list(version.questions.order_by("position"))
    likert = [q for q in questions if q.in_score]
    finished = [c for c in cohorts if c.ends_on < today and c.status != CohortStatus.CANCELLED]
    surveyed = set(
        Survey.objects.filter(cohort__in=finished, purpose=Purpose.SATISFACTION).values_list(
            "cohort_id", flat=True
        )
    )
    finished = sorted(
        (c for c in finished if c.pk not in surveyed), key=lambda c: (c.ends_on, c.pk)
    )
    completers: dict[int, list[int]] = defaultdict(list)
    for cohort_id, user_id in (
        Enrollment.objects.filter(cohort__in=finished, status=EnrollmentStatus.COMPLETED)
        .values_list("cohort_id", "user_id")
        .order_by("cohort_id", "user_id")
    ):
        completers[cohort_id].append(user_id)
    by_hub: dict[int, list[Cohort]] = defaultdict(list)
    hubs: dict[int, Any] = {}
    for cohort in finished:
        by_hub[cohort.course.hub_id].append(cohort)
        hubs[cohort.course.hub_id] = cohort.course.hub
    plans: list[_Plan] = []
    for hub_id in sorted(by_hub):
        target = (hub_targets or {}).get(hub_id) or _target_for_hub(hubs[hub_id], rng)
        hub_plans = _plan_cohorts(by_hub[hub_id], completers, rng)
        _set_totals(hub_plans, target, len(likert), rng)
        plans.extend(hub_plans)
    counts = _write(plans, version, questions, likert, today, rng, analysed=analyse)
    if analyse:
        _analyse_all(Answer.objects.filter(response__survey__cohort__in=finished))
    scores = {hub_id: scoring.round_half_up(_hub_score(hub_id)) for hub_id in sorted(by_hub)}
    return DemoSurveys(*counts, hub_scores=scores)


def _hub_score(hub_id: int) -> Fraction | None:
    from talenthub.surveys.selectors.scores import hub_score

    return hub_score(hub_id, *PERIOD).score


def _write(
    plans: list[_Plan],
    version: Any,
    questions: list[Question],
    likert: list[Question],
    today: datetime.date,
    rng: random.Random,
    *,
    analysed: bool,
) -> tuple[int, int, int]:
    now = timezone.now()
    surveys = []
    for plan in plans:
        sent_at = _aware(plan.cohort.ends_on, 18)
        deadline = sent_at + datetime.timedelta(days=30)
        closed = deadline < now
        surveys.append(
            Survey(
                cohort=plan.cohort,
                version=version,
                purpose=Purpose.SATISFACTION,
                title=f"{plan.cohort} · {version.template.name}"[:200],
                is_anonymous=True,
                status=SurveyStatus.CLOSED if closed else SurveyStatus.OPEN,
                sent_at=sent_at,
                deadline=deadline,
                closed_at=deadline if closed else None,
            )
        )
    Survey.objects.bulk_create(surveys, batch_size=500)
    invitations: list[Invitation] = []
    responses: list[Response] = []
    answers: list[Answer] = []
    for plan, survey in zip(plans, surveys, strict=True):
        answered = set(plan.respondents)
        invitations.extend(
            Invitation(
                survey=survey, user_id=user_id, sent_at=survey.sent_at, is_used=user_id in answered
            )
            for user_id in plan.invited
        )
        if not plan.respondents:
            continue
        cells = _spread(plan.total, len(likert) * len(plan.respondents), rng)
        latest = min(today, plan.cohort.ends_on + datetime.timedelta(days=29))
        for index, _user in enumerate(plan.respondents):
            days = rng.randint(0, max(0, (latest - plan.cohort.ends_on).days))
            response = Response(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                survey=survey,
                is_anonymous=True,
                submitted_on=plan.cohort.ends_on + datetime.timedelta(days=days),
                analysed=analysed,
            )
            responses.append(response)
            values = cells[index * len(likert) : (index + 1) * len(likert)]
            answers.extend(
                Answer(response=response, question=q, value=v)
                for q, v in zip(likert, values, strict=True)
            )
            personal = scoring.respondent_score(values) or Fraction(80)
            answers.extend(
                Answer(response=response, question=q, **fields)
                for q, fields in _other_answers(questions, personal, rng)
            )
    Invitation.objects.bulk_create(invitations, batch_size=2000)
    Response.objects.bulk_create(responses, batch_size=2000)
    Answer.objects.bulk_create(answers, batch_size=2000)
    return len(surveys), len(invitations), len(responses)


def _analyse_all(answers_qs: Any) -> None:
    """Analyse each distinct comment once (the phrases repeat) and store terms and polarity."""
    from talenthub.surveys.choices import TEXT_KINDS
    from talenthub.surveys.text import analyse_comments

    answers = list(answers_qs.filter(question__kind__in=TEXT_KINDS).exclude(text=""))
    texts = sorted({a.text for a in answers})
    results = dict(zip(texts, analyse_comments(texts), strict=True))
    terms: list[CommentTerm] = []
    for answer in answers:
        analysis = results[answer.text]
        answer.polarity = analysis.polarity
        terms.extend(
            CommentTerm(answer=answer, term=term, occurrences=count)
            for term, count in analysis.terms.items()
        )
    Answer.objects.bulk_update(answers, ["polarity"], batch_size=2000)
    CommentTerm.objects.bulk_create(terms, batch_size=2000)


# Events whose people are asked for their satisfaction in the demo (workshops and challenge days).
SURVEYED_EVENT_KINDS = ("workshop", "challenge")


@transaction.atomic
def generate_event_surveys(
    *, rng: random.Random, hub_ids: Iterable[int], today: datetime.date
) -> DemoSurveys:
    """An anonymous satisfaction survey for each workshop and challenge day that ended before
    `today`, sent to the people who attended and answered by 60-85 % of them. These scores are the
    events' own: the hub's satisfaction counts cohorts only, so the 92.4 does not move."""
    from talenthub.events.choices import EventStatus, RegistrationStatus
    from talenthub.events.models import Event, Registration

    version = services.latest_version(standard.SATISFACTION_CODE)
    likert = [q for q in version.questions.order_by("position") if q.in_score]
    events = list(
        Event.objects.filter(
            hub_id__in=list(hub_ids),
            kind__in=SURVEYED_EVENT_KINDS,
            status=EventStatus.CLOSED,
            ends_at__lt=_aware(today, 0),
        )
        .exclude(surveys__purpose=Purpose.SATISFACTION)
        .order_by("pk")
    )
    attended: dict[int, list[int]] = defaultdict(list)
    for event_id, user_id in (
        Registration.objects.filter(event__in=events, status=RegistrationStatus.ATTENDED)
        .values_list("event_id", "user_id")
        .order_by("event_id", "user_id")
    ):
        attended[event_id].append(user_id)
    now = timezone.now()
    surveys = []
    for event in events:
        sent_at = event.ends_at + datetime.timedelta(hours=1)
        deadline = sent_at + datetime.timedelta(days=14)
        closed = deadline < now
        surveys.append(
            Survey(
                event=event,
                version=version,
                purpose=Purpose.SATISFACTION,
                title=f"{event} · {version.template.name}"[:200],
                is_anonymous=True,
                status=SurveyStatus.CLOSED if closed else SurveyStatus.OPEN,
                sent_at=sent_at,
                deadline=deadline,
                deadline_days=14,
                closed_at=deadline if closed else None,
            )
        )
    Survey.objects.bulk_create(surveys, batch_size=500)
    invitations: list[Invitation] = []
    responses: list[Response] = []
    answers: list[Answer] = []
    for event, survey in zip(events, surveys, strict=True):
        people = attended.get(event.pk, [])
        respondents = set(rng.sample(people, round(len(people) * rng.uniform(0.6, 0.85))))
        invitations.extend(
            Invitation(survey=survey, user_id=u, sent_at=survey.sent_at, is_used=u in respondents)
            for u in people
        )
        ended = timezone.localdate(event.ends_at)
        for _user in sorted(respondents):
            response = Response(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                survey=survey,
                is_anonymous=True,
                submitted_on=min(today, ended + datetime.timedelta(days=rng.randint(0, 6))),
                analysed=True,
            )
            responses.append(response)
            answers.extend(
                Answer(response=response, question=q, value=rng.choice((3, 4, 4, 5, 5, 5)))
                for q in likert
            )
    Invitation.objects.bulk_create(invitations, batch_size=2000)
    Response.objects.bulk_create(responses, batch_size=2000)
    Answer.objects.bulk_create(answers, batch_size=2000)
    return DemoSurveys(len(surveys), len(invitations), len(responses), hub_scores={})
