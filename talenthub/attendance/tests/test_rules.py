"""The rules engine alone: every rule with its boundary, then properties with hypothesis."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talenthub.attendance import rules
from talenthub.attendance.rules import DayStatus, Outing, Policy

DAY = datetime.date(2025, 3, 4)
UTC = datetime.UTC
POLICY = Policy()


def at(hour: int, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(2025, 3, 4, hour, minute, second, tzinfo=UTC)


def record(check_in=None, check_out=None, outings=(), excused=False) -> rules.DayRecord:
    return rules.DayRecord(DAY, at(9), at(18), check_in, check_out, tuple(outings), excused)


def status(*args, **kwargs) -> DayStatus:
    return rules.day_status(record(*args, **kwargs), POLICY).status


def test_on_time_full_day_is_present():
    assert status(at(8, 55), at(18, 0)) == DayStatus.PRESENT


def test_check_in_exactly_at_grace_is_on_time():
    assert status(at(9, 10), at(18)) == DayStatus.PRESENT


def test_late_check_in_counts_as_late_one_second_after_grace():
    assert status(at(9, 10, 1), at(18)) == DayStatus.LATE


def test_check_out_exactly_at_end_minus_grace_is_not_early():
    assert status(at(9), at(17, 50)) == DayStatus.PRESENT


def test_check_out_before_end_minus_grace_is_early_leave():
    assert status(at(9), at(17, 49, 59)) == DayStatus.EARLY_LEAVE


def test_exactly_half_the_day_attends():
    assert status(at(9), at(13, 30)) == DayStatus.EARLY_LEAVE


def test_under_half_the_day_is_absent():
    assert status(at(9), at(13, 29, 59)) == DayStatus.ABSENT


def test_late_and_under_half_is_absent_not_late():
    assert status(at(13, 31), at(18)) == DayStatus.ABSENT


def test_no_check_in_is_absent():
    assert status(None, None) == DayStatus.ABSENT


def test_missing_check_out_after_the_day_is_absent():
    assert status(at(9), None) == DayStatus.ABSENT


def test_closed_outing_is_an_outing_and_its_time_is_not_attended():
    result = rules.day_status(record(at(9), at(18), [Outing(at(11), at(12))]), POLICY)
    assert result.status == DayStatus.OUTING
    assert result.attended_seconds == 8 * 3600
    assert result.infractions == 1


def test_long_outing_that_takes_the_day_under_half_is_absent():
    assert status(at(9), at(18), [Outing(at(10), at(15))]) == DayStatus.ABSENT


def test_outing_without_return_ends_the_day_at_its_start():
    result = rules.day_status(record(at(9), at(18), [Outing(at(16), None)]), POLICY)
    assert result.status == DayStatus.EARLY_LEAVE
    assert result.attended_seconds == 7 * 3600


def test_overlapping_outings_are_not_subtracted_twice():
    outings = [Outing(at(11), at(12)), Outing(at(11, 30), at(12, 30))]
    result = rules.day_status(record(at(9), at(18), outings), POLICY)
    assert result.attended_seconds == int(7.5 * 3600)
    assert result.outings == 2


def test_excused_day_is_excused_whatever_the_scans():
    assert status(None, None, excused=True) == DayStatus.EXCUSED


def test_late_and_early_on_one_day_are_two_infractions():
    result = rules.day_status(record(at(9, 30), at(17)), POLICY)
    assert result.status == DayStatus.LATE
    assert result.infractions == 2


def test_grace_is_a_policy_setting():
    strict = Policy(grace_minutes=0)
    assert rules.day_status(record(at(9, 0, 1), at(18)), strict).status == DayStatus.LATE


def result_of(status: DayStatus, day: int = 4, infractions: int = 0) -> rules.DayResult:
    late = infractions >= 1
    early = infractions >= 2
    return rules.DayResult(
        datetime.date(2025, 3, day), status, 0, 32400, late, early, max(0, infractions - 2)
    )


def test_third_late_converts_to_one_absence():
    days = [result_of(DayStatus.LATE, d, 1) for d in (3, 4, 5)] + [result_of(DayStatus.PRESENT, 6)]
    summary = rules.summarise(days, POLICY)
    assert summary.converted_absences == 1
    assert summary.attended_days == 3
    assert summary.percent == 75.0


def test_second_late_does_not_convert():
    days = [result_of(DayStatus.LATE, d, 1) for d in (3, 4)]
    assert rules.summarise(days, POLICY).converted_absences == 0


def test_excused_days_leave_the_denominator():
    days = [result_of(DayStatus.PRESENT, d) for d in range(3, 7)] + [
        result_of(DayStatus.EXCUSED, 7)
    ]
    summary = rules.summarise(days, POLICY)
    assert (summary.training_days, summary.attended_days, summary.percent) == (4, 4, 100.0)


def test_rate_with_no_training_day_is_full():
    assert rules.summarise([], POLICY).percent == 100.0


def test_monthly_rates_count_lates_within_each_month():
    march = [result_of(DayStatus.LATE, d, 1) for d in (3, 4)]
    april = [rules.DayResult(datetime.date(2025, 4, 1), DayStatus.LATE, 0, 1, True, False, 0)]
    months = rules.monthly_rates([*march, *april], POLICY)
    assert list(months) == [(2025, 3), (2025, 4)]
    assert months[(2025, 3)].converted_absences == 0
    assert months[(2025, 4)].converted_absences == 0
    assert rules.summarise([*march, *april], POLICY).converted_absences == 1


def test_exactly_eighty_percent_completes():
    summary = rules.summarise(
        [result_of(DayStatus.PRESENT, d) for d in range(1, 9)]
        + [result_of(DayStatus.ABSENT, d) for d in (9, 10)],
        POLICY,
    )
    assert summary.ratio == Fraction(4, 5)
    assert rules.decide_completion(summary, [], POLICY).completed is True


def test_below_threshold_and_failed_assessment_give_each_reason():
    summary = rules.summarise(
        [result_of(DayStatus.PRESENT, 1), result_of(DayStatus.ABSENT, 2)], POLICY
    )
    verdict = rules.decide_completion(
        summary,
        [rules.AssessmentOutcome("최종 프로젝트", False), rules.AssessmentOutcome("필기", None)],
        POLICY,
    )
    assert verdict.completed is False
    assert verdict.reasons == (
        (rules.CompletionReason.ATTENDANCE_BELOW_THRESHOLD, "50.0"),
        (rules.CompletionReason.ASSESSMENT_FAILED, "최종 프로젝트"),
        (rules.CompletionReason.ASSESSMENT_NOT_TAKEN, "필기"),
    )


def test_outlook_flags_a_trainee_who_can_no_longer_complete():
    summary = rules.summarise([result_of(DayStatus.ABSENT, d) for d in range(1, 6)], POLICY)
    outlook = rules.outlook(summary, remaining_days=15, policy=POLICY)
    assert outlook.best_ratio == Fraction(15, 20)
    assert outlook.cannot_complete is True


def test_outlook_flags_below_pace_while_still_reachable():
    summary = rules.summarise(
        [result_of(DayStatus.PRESENT, 1), result_of(DayStatus.ABSENT, 2)], POLICY
    )
    outlook = rules.outlook(summary, remaining_days=18, policy=POLICY)
    assert (outlook.cannot_complete, outlook.below_pace) == (False, True)


def test_record_from_scans_pairs_outings_and_keeps_first_in_and_last_out():
    scans = [
        ("check_out", at(18)),
        ("check_in", at(9, 5)),
        ("outing_start", at(12)),
        ("outing_end", at(12, 40)),
        ("outing_start", at(15)),
        ("check_in", at(9, 30)),
    ]
    result = rules.record_from_scans(DAY, at(9), at(18), scans)
    assert result.check_in == at(9, 5)
    assert result.check_out == at(18)
    assert result.outings == (Outing(at(12), at(12, 40)), Outing(at(15), None))


def test_live_state_follows_the_scans():
    day = record(at(9), None, [Outing(at(12), None)])
    assert rules.live_state(day, at(8)) == rules.LiveState.NOT_ARRIVED
    assert rules.live_state(day, at(10)) == rules.LiveState.IN
    assert rules.live_state(day, at(12, 30)) == rules.LiveState.ON_OUTING


@pytest.mark.parametrize("kwargs", [{"grace_minutes": -1}, {"lates_per_absence": 0}])
def test_policy_refuses_nonsense(kwargs):
    with pytest.raises(ValueError, match="must"):
        Policy(**kwargs)


# --- properties -----------------------------------------------------------------------------

minutes = st.integers(min_value=-120, max_value=660)  # relative to 09:00
statuses = st.sampled_from(list(DayStatus))


def at_minute(offset: int) -> datetime.datetime:
    return at(9) + datetime.timedelta(minutes=offset)


@given(check_in=minutes, check_out=minutes, earlier=st.integers(min_value=0, max_value=600))
def test_earlier_check_in_never_lowers_the_status(check_in, check_out, earlier):
    later = rules.day_status(record(at_minute(check_in), at_minute(check_out)), POLICY)
    sooner = rules.day_status(record(at_minute(check_in - earlier), at_minute(check_out)), POLICY)
    assert rules.STATUS_RANK[sooner.status] >= rules.STATUS_RANK[later.status]
    assert sooner.attended_seconds >= later.attended_seconds


@given(check_in=minutes, check_out=minutes, extra=st.integers(min_value=0, max_value=600))
def test_later_check_out_never_lowers_the_status(check_in, check_out, extra):
    early = rules.day_status(record(at_minute(check_in), at_minute(check_out)), POLICY)
    late = rules.day_status(record(at_minute(check_in), at_minute(check_out + extra)), POLICY)
    assert rules.STATUS_RANK[late.status] >= rules.STATUS_RANK[early.status]


@given(
    check_in=minutes,
    check_out=minutes,
    out=minutes,
    length=st.integers(min_value=1, max_value=300),
    shorter=st.integers(min_value=0, max_value=300),
)
def test_a_shorter_outing_never_lowers_the_status(check_in, check_out, out, length, shorter):
    def with_outing(minutes_out: int) -> rules.DayResult:
        outing = Outing(at_minute(out), at_minute(out + minutes_out))
        return rules.day_status(record(at_minute(check_in), at_minute(check_out), [outing]), POLICY)

    assert (
        with_outing(max(1, length - shorter)).attended_seconds
        >= with_outing(length).attended_seconds
    )


@given(st.lists(st.tuples(statuses, st.integers(0, 3)), max_size=60))
def test_rate_is_always_between_0_and_100(days):
    results = [
        result_of(status, 1 + (i % 28), infractions) for i, (status, infractions) in enumerate(days)
    ]
    summary = rules.summarise(results, POLICY)
    assert 0 <= summary.percent <= 100
    assert 0 <= summary.attended_days <= max(0, summary.training_days)


@given(st.lists(statuses, max_size=40), st.integers(0, 40))
def test_best_case_is_never_below_the_rate_so_far_when_days_remain(days, remaining):
    summary = rules.summarise([result_of(s, 1 + i % 28) for i, s in enumerate(days)], POLICY)
    outlook = rules.outlook(summary, remaining, POLICY)
    assert outlook.best_ratio >= summary.ratio or summary.training_days == 0
    assert not (outlook.cannot_complete and outlook.below_pace)


@given(st.lists(statuses, min_size=1, max_size=40))
def test_replacing_an_absence_with_presence_never_lowers_the_rate(days):
    before = rules.summarise([result_of(s, 1 + i % 28) for i, s in enumerate(days)], POLICY)
    improved = [DayStatus.PRESENT if s == DayStatus.ABSENT else s for s in days]
    after = rules.summarise([result_of(s, 1 + i % 28) for i, s in enumerate(improved)], POLICY)
    assert after.ratio >= before.ratio
