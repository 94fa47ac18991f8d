"""The 100-point arithmetic on hand-computed examples, and its properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talenthub.surveys import scoring


def test_respondent_score_is_the_likert_mean_times_twenty():
    # (5 + 4 + 4 + 5) / 4 = 4.5 → 90
    assert scoring.respondent_score([5, 4, 4, 5]) == Fraction(90)
    # (5 + 5 + 4) / 3 = 14/3 → 93.333…
    assert scoring.respondent_score([5, 5, 4]) == Fraction(280, 3)


def test_respondent_without_likert_answers_has_no_score():
    assert scoring.respondent_score([]) is None
    assert scoring.respondent_score_from_totals(0, 0) is None


def test_respondent_score_refuses_values_off_the_scale():
    with pytest.raises(ValueError, match="out of range"):
        scoring.respondent_score([5, 6])
    with pytest.raises(ValueError, match="impossible"):
        scoring.respondent_score_from_totals(26, 5)


def test_cohort_score_is_the_mean_of_respondent_scores_not_of_answers():
    # Respondent A answered 2 items (5, 5) → 100; B answered 4 items (3, 3, 3, 3) → 60.
    # Mean of respondents: 80. (A mean of all six answers would give 3.67 x 20 = 73.3.)
    a = scoring.respondent_score([5, 5])
    b = scoring.respondent_score([3, 3, 3, 3])
    assert scoring.cohort_score([a, b]) == Fraction(80)


def test_cohort_with_one_respondent_scores_that_respondent():
    result = scoring.cohort_result(7, [scoring.respondent_score([4, 5, 5])], invited=20)
    assert result.score == Fraction(280, 3)
    assert scoring.round_half_up(result.score) == Decimal("93.3")
    assert result.respondents == 1
    assert result.response_rate == Fraction(1, 20)


def test_cohort_with_no_respondent_has_no_score_and_a_zero_rate():
    result = scoring.cohort_result(8, [], invited=12)
    assert result.score is None
    assert result.respondents == 0
    assert result.response_rate == Fraction(0)
    assert scoring.round_half_up(result.score) is None


def test_cohort_with_nobody_invited_has_no_rate():
    assert scoring.cohort_result(9, [], invited=0).response_rate is None


def test_hub_score_is_the_mean_of_cohort_scores_and_skips_unscored_cohorts():
    # Cohort 1: one respondent at 100. Cohort 2: respondents at 80, 80, 86.666… (mean 82.222…).
    # Cohort 3: nobody answered. Hub = (100 + 82.222…) / 2 = 91.111… → 91.1.
    # Weighted: (100 + 80 + 80 + 260/3) / 4 = 86.666… → 86.7. Rate: 4 / (2 + 5 + 3) = 40 %.
    c1 = scoring.cohort_result(1, [Fraction(100)], invited=2)
    c2 = scoring.cohort_result(2, [Fraction(80), Fraction(80), Fraction(260, 3)], invited=5)
    c3 = scoring.cohort_result(3, [], invited=3)
    hub = scoring.group_result([c1, c2, c3])
    assert hub.score == Fraction(820, 9)
    assert scoring.round_half_up(hub.score) == Decimal("91.1")
    assert hub.weighted_score == Fraction(260, 3)
    assert scoring.round_half_up(hub.weighted_score) == Decimal("86.7")
    assert hub.cohorts_scored == 2
    assert hub.respondents == 4
    assert hub.invited == 10
    assert scoring.percent(hub.response_rate) == Decimal("40.0")


def test_group_without_any_respondent_has_no_score():
    result = scoring.group_result([scoring.cohort_result(1, [], invited=4)])
    assert result.score is None
    assert result.weighted_score is None
    assert result.response_rate == Fraction(0)


def test_display_rounding_is_half_up_on_the_exact_value():
    assert scoring.round_half_up(Fraction(18470, 200)) == Decimal("92.4")  # 92.35 → 92.4
    assert scoring.round_half_up(Fraction(9245, 100)) == Decimal("92.5")  # 92.45 → 92.5
    # 92.3499999… must not round up although float arithmetic could make it 92.35.
    assert scoring.round_half_up(Fraction(9235, 100) - Fraction(1, 10**30)) == Decimal("92.3")
    assert scoring.round_half_up(Fraction(92)) == Decimal("92.0")
    assert scoring.percent(Fraction(5, 6)) == Decimal("83.3")
    assert scoring.round_half_up(Fraction(-1, 20)) == Decimal("-0.1")


likert_answers = st.lists(st.integers(1, 5), min_size=1, max_size=25)


@given(likert_answers)
def test_respondent_scores_stay_between_20_and_100(values):
    score = scoring.respondent_score(values)
    assert score is not None
    assert 20 <= score <= 100


@given(st.lists(st.lists(likert_answers, min_size=1, max_size=8), min_size=1, max_size=8))
def test_hub_score_lies_between_its_lowest_and_highest_cohort(cohorts):
    results = [
        scoring.cohort_result(i, [scoring.respondent_score(r) for r in rs], invited=len(rs))
        for i, rs in enumerate(cohorts)
    ]
    hub = scoring.group_result(results)
    scores = [r.score for r in results if r.score is not None]
    assert hub.score is not None
    assert hub.weighted_score is not None
    assert min(scores) <= hub.score <= max(scores)
    assert min(scores) <= hub.weighted_score <= max(scores)
    assert hub.response_rate == 1


@given(st.fractions(min_value=0, max_value=100))
def test_rounding_is_within_half_a_step(value):
    rounded = scoring.round_half_up(value)
    assert rounded is not None
    assert abs(Fraction(rounded) - value) <= Fraction(1, 20)
