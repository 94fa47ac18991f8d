"""The demo generator: one satisfaction survey per finished cohort, 70-90 % answered, and the
Jeonju hub's 2020-2025 score of 92.4 computed back from the stored answers."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from talenthub.surveys import scoring, selectors
from talenthub.surveys.demo import generate_survey_responses
from talenthub.surveys.models import Answer, Invitation, Response, Survey


def build_cohorts(factories, hub, rng, count: int, year_from: int = 2020):
    course = factories.CourseFactory(hub=hub)
    cohorts = []
    for index in range(count):
        year = year_from + index % 6
        ends = datetime.date(year, rng.randint(3, 11), rng.randint(1, 28))
        cohort = factories.CohortFactory(
            course=course,
            starts_on=ends - datetime.timedelta(days=60),
            ends_on=ends,
            status="finished",
        )
        for _ in range(rng.randint(1, 9)):
            factories.EnrollmentFactory(
                cohort=cohort, status="completed", enrolled_on=cohort.starts_on, finished_on=ends
            )
        factories.EnrollmentFactory(
            cohort=cohort,
            status="dropped_out",
            enrolled_on=cohort.starts_on,
            finished_on=ends,
            dropout_reason="취업",
        )
        cohorts.append(cohort)
    return cohorts


def likert_values() -> list[int | None]:
    ordered = Answer.objects.order_by("response__survey__cohort_id", "question__position", "value")
    return list(ordered.values_list("value", flat=True))


def test_jeonju_scores_92_4_over_2020_to_2025_from_its_responses(factories):
    rng = random.Random(20251203)
    jeonju = factories.HubFactory(code="jeonju", name="전주ICT이노베이션스퀘어")
    other = factories.HubFactory(code="gwangju", name="광주ICT이노베이션스퀘어")
    cohorts = build_cohorts(factories, jeonju, rng, 14) + build_cohorts(factories, other, rng, 4)
    running = factories.CohortFactory(
        course=cohorts[0].course,
        starts_on=datetime.date(2025, 11, 3),
        ends_on=datetime.date(2026, 1, 30),
        status="in_progress",
    )
    result = generate_survey_responses(
        rng=rng, cohorts=[*cohorts, running], today=datetime.date(2025, 12, 3)
    )

    jeonju_score = selectors.hub_score(
        jeonju.pk, datetime.date(2020, 1, 1), datetime.date(2025, 12, 31)
    )
    assert scoring.round_half_up(jeonju_score.score) == Decimal("92.4")
    assert result.hub_scores[jeonju.pk] == Decimal("92.4")
    assert jeonju_score.cohorts_scored == 14
    # One survey per finished cohort, none for the running one; only completers are invited.
    assert result.surveys == 18
    assert not Survey.objects.filter(cohort=running).exists()
    completers = sum(c.enrollments.filter(status="completed").count() for c in cohorts)
    assert Invitation.objects.count() == completers
    assert 0.65 <= Response.objects.count() / completers <= 0.92
    # Anonymous, analysed, and the invitations of respondents are used.
    assert not Response.objects.filter(is_anonymous=False).exists()
    assert Invitation.objects.filter(is_used=True).count() == Response.objects.count()
    assert Answer.objects.exclude(text="").exclude(polarity="").exists()
    assert not Answer.objects.exclude(text="").filter(polarity="").exists()
    assert selectors.top_terms(Survey.objects.values_list("id", flat=True), 5)


def test_the_generator_is_repeatable_with_the_same_seed(factories):
    hub = factories.HubFactory(code="jeonju", name="전주ICT이노베이션스퀘어")
    cohorts = build_cohorts(factories, hub, random.Random(1), 6)
    first = generate_survey_responses(
        rng=random.Random(7), cohorts=cohorts, today=datetime.date(2026, 1, 5), analyse=False
    )
    values = likert_values()
    Survey.objects.all().delete()
    second = generate_survey_responses(
        rng=random.Random(7), cohorts=cohorts, today=datetime.date(2026, 1, 5), analyse=False
    )
    assert first == second
    assert values == likert_values()
