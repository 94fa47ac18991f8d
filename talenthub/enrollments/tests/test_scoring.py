from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from talenthub.enrollments.scoring import (
    CriterionSpec,
    bonus_for,
    groups_of,
    rank_key,
    summarise,
)

CRITERIA = [
    CriterionSpec(id=1, weight=Decimal(2), max_score=5),
    CriterionSpec(id=2, weight=Decimal("0.5"), max_score=5),
]
T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def test_the_total_is_the_weighted_sum_of_the_means_plus_the_bonus():
    summary = summarise(CRITERIA, {1: [4, 5], 2: [2]}, bonus=Decimal(1))
    assert summary.means == {1: Decimal("4.5"), 2: Decimal(2)}
    assert summary.weighted == Decimal(10)
    assert summary.total == Decimal(11)
    assert summary.complete is True


def test_a_criterion_nobody_scored_makes_the_summary_incomplete():
    summary = summarise(CRITERIA, {1: [3]})
    assert summary.means[2] is None
    assert summary.complete is False
    assert summary.total == Decimal(6)


def test_bonuses_of_several_groups_add_up():
    bonuses = {"neet": Decimal(3), "job_seeker": Decimal(1)}
    groups = groups_of(is_neet=True, is_job_seeker=True, is_partner_student=False)
    assert bonus_for(groups, bonuses) == Decimal(4)
    assert bonus_for(set(), bonuses) == Decimal(0)


@given(
    st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=6),
    st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=6),
)
def test_the_total_stays_within_the_weighted_maximum(first, second):
    summary = summarise(CRITERIA, {1: first, 2: second})
    assert Decimal(0) <= summary.total <= Decimal(2) * 5 + Decimal("0.5") * 5


def test_ranking_puts_complete_scores_first_then_higher_totals_then_earlier_applications():
    complete_low = summarise(CRITERIA, {1: [1], 2: [1]})
    complete_high = summarise(CRITERIA, {1: [5], 2: [5]})
    incomplete_high = summarise(CRITERIA, {1: [5]})
    rows = [
        ("incomplete", rank_key(incomplete_high, T0, 1)),
        ("low", rank_key(complete_low, T0, 2)),
        ("high-late", rank_key(complete_high, T0 + datetime.timedelta(hours=1), 3)),
        ("high-early", rank_key(complete_high, T0, 4)),
    ]
    assert [name for name, _ in sorted(rows, key=lambda row: row[1])] == [
        "high-early",
        "high-late",
        "low",
        "incomplete",
    ]
