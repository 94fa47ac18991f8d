from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from talenthub.attendance.models import AttendanceCorrection, AttendanceEvent, ExcusedAbsence
from talenthub.exchange.choices import ImportStatus
from talenthub.exchange.report import Report
from talenthub.exchange.tests.files import csv_bytes, xlsx_bytes
from talenthub.outcomes.models import Outcome
from talenthub.surveys.models import Response, Survey
from talenthub.surveys.selectors.scores import cohort_results

ATTENDANCE_HEADER = [
    "과정코드",
    "휴대전화 또는 이메일",
    "일자",
    "입실",
    "퇴실",
    "외출시작",
    "외출종료",
    "공가사유",
]


def _issues(run) -> set[tuple]:
    return {(i.row, i.column, i.code) for i in Report.from_json(run.report).issues}


@pytest.fixture
def days(world, factories):
    return [
        factories.SessionDayFactory(cohort=world.cohort, date=datetime.date(2025, 3, d))
        for d in (3, 4, 5)
    ]


def _clock(event):
    return timezone.localtime(event.at).strftime("%H:%M")


def test_attendance_lands_as_corrections_once(run_import, world, days):
    trainee = world["trainee"]
    rows = [
        ATTENDANCE_HEADER,
        ["AI-101", trainee.email, "2025-03-03", "09:05", "18:00", "", "", ""],
        ["AI-101", trainee.email, "2025.03.04", "9:20:00", "17:00:00", "13:00", "14:00", ""],
        ["AI-101", trainee.email, "20250305", "", "", "", "", "예비군 훈련"],
    ]
    run = run_import("attendance", csv_bytes(rows))

    assert run.status == ImportStatus.COMMITTED, Report.from_json(run.report).lines()
    events = AttendanceEvent.objects.filter(voided_by__isnull=True).order_by("at")
    assert [(e.kind, e.session_day.date.day, _clock(e)) for e in events] == [
        ("check_in", 3, "09:05"),
        ("check_out", 3, "18:00"),
        ("check_in", 4, "09:20"),
        ("outing_start", 4, "13:00"),
        ("outing_end", 4, "14:00"),
        ("check_out", 4, "17:00"),
    ]
    excused = ExcusedAbsence.objects.get()
    assert (excused.session_day.date.day, excused.category, excused.reason) == (
        5,
        "reserve_forces",
        "예비군 훈련",
    )
    assert AttendanceCorrection.objects.count() == 3
    assert all(c.corrected_by == world["operator"] for c in AttendanceCorrection.objects.all())

    again = run_import("attendance", csv_bytes(rows))
    assert (again.status, again.unchanged_count) == (ImportStatus.COMMITTED, 3)
    assert AttendanceCorrection.objects.count() == 3


def test_a_changed_day_is_corrected_and_the_old_scans_voided(run_import, world, days):
    trainee = world["trainee"]
    run_import(
        "attendance",
        csv_bytes([ATTENDANCE_HEADER, ["AI-101", trainee.email, "2025-03-03", "09:05", "18:00"]]),
    )
    run = run_import(
        "attendance",
        csv_bytes([ATTENDANCE_HEADER, ["AI-101", trainee.email, "2025-03-03", "09:30", "18:00"]]),
    )

    assert [(r.action, r.changed) for r in Report.from_json(run.report).results] == [
        ("update", ["입실"])
    ]
    live = AttendanceEvent.objects.filter(voided_by__isnull=True, kind="check_in").get()
    assert _clock(live) == "09:30"


def test_a_malformed_attendance_file_lands_nothing(run_import, world, days, factories):
    stranger = factories.UserFactory(email="stranger@example.kr")
    trainee = world["trainee"]
    rows = [
        ATTENDANCE_HEADER,
        ["AI-101", trainee.email, "2025-03-03", "09:05", "18:00", "", "", ""],
        ["AI-101", trainee.email, "2025-03-04", "25:00", "18:00", "", "", ""],
        ["AI-101", trainee.email, "2025-03-09", "09:00", "18:00", "", "", ""],
        ["AI-101", stranger.email, "2025-03-05", "09:00", "18:00", "", "", ""],
        ["AI-101", trainee.email, "2025-03-05", "18:00", "09:00", "", "", ""],
    ]
    run = run_import("attendance", csv_bytes(rows))

    assert run.status == ImportStatus.FAILED
    assert not AttendanceEvent.objects.exists()
    assert _issues(run) == {
        (3, "입실", "bad_time"),
        (4, "일자", "not_session_day"),
        (5, "휴대전화 또는 이메일", "not_enrolled"),
        (6, "퇴실", "times_reversed"),
    }


SURVEY_HEADER = ["과정코드", "응답일", *[f"문항{n}" for n in range(1, 18)], "의견"]


def test_survey_answers_land_once_and_score(run_import, world):
    rows = [
        SURVEY_HEADER,
        ["AI-101", "2025-04-25", *[5] * 17, ""],
        ["AI-101", "2025.04.26", *[4] * 17, ""],
        ["AI-101", "2025.04.26", *[4] * 17, ""],
    ]
    run = run_import("surveys", xlsx_bytes(rows))

    assert run.status == ImportStatus.COMMITTED, Report.from_json(run.report).lines()
    survey = Survey.objects.get(cohort=world.cohort, purpose="satisfaction")
    assert Response.objects.filter(survey=survey, is_anonymous=True).count() == 3
    assert cohort_results([world.cohort.pk])[world.cohort.pk].respondents == 3

    again = run_import("surveys", xlsx_bytes(rows))
    assert (again.created_count, again.unchanged_count) == (0, 3)
    assert Response.objects.filter(survey=survey).count() == 3


def test_survey_answers_out_of_range_or_too_few_items_land_nothing(run_import, world):
    rows = [SURVEY_HEADER, ["AI-101", "2025-04-25", 6, *[5] * 16, ""]]
    run = run_import("surveys", csv_bytes(rows))
    assert _issues(run) == {(2, "문항1", "bad_scale")}

    short = [["과정코드", "응답일", "문항1", "문항2"], ["AI-101", "2025-04-25", 5, 5]]
    run = run_import("surveys", csv_bytes(short))
    assert _issues(run) == {(2, "", "survey_items_mismatch")}
    assert not Response.objects.exists()


OUTCOME_HEADER = ["휴대전화 또는 이메일", "구분", "기관명", "시작일", "증빙"]


def test_outcomes_land_once(run_import, world):
    trainee = world["trainee"]
    rows = [
        OUTCOME_HEADER,
        [trainee.email, "정규직", "(주)전주 데이터", "2025-06-02", "고용보험 가입이력"],
        [trainee.email, "진학", "전북대학교 대학원", "2025.09.01", ""],
    ]
    run = run_import("outcomes", csv_bytes(rows))

    assert run.status == ImportStatus.COMMITTED, Report.from_json(run.report).lines()
    outcomes = Outcome.objects.filter(user=trainee).order_by("starts_on")
    assert [(o.category, o.organisation_name, o.source, o.hub_id) for o in outcomes] == [
        ("full_time", "(주)전주 데이터", "operator", world.hub.pk),
        ("further_study", "전북대학교 대학원", "operator", world.hub.pk),
    ]
    assert outcomes[0].reported_by == world["operator"]

    again = run_import("outcomes", csv_bytes(rows))
    assert (again.created_count, again.unchanged_count) == (0, 2)
    assert Outcome.objects.filter(user=trainee).count() == 2


def test_outcomes_of_another_hubs_person_are_refused_as_unknown(run_import, world):
    rows = [OUTCOME_HEADER, [world["other_operator"].email, "창업", "베타랩", "2025-06-02", ""]]
    run = run_import("outcomes", csv_bytes(rows))

    assert _issues(run) == {(2, "휴대전화 또는 이메일", "unknown_person")}
    assert not Outcome.objects.exists()


def test_a_job_needs_its_start_date(run_import, world):
    rows = [OUTCOME_HEADER, [world["trainee"].email, "정규직", "전주데이터", "", ""]]
    run = run_import("outcomes", csv_bytes(rows))
    assert _issues(run) == {(2, "시작일", "refused")}
