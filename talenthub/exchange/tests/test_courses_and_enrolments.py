from __future__ import annotations

import datetime

from talenthub.courses.models import Cohort, Course
from talenthub.enrollments.models import Enrollment
from talenthub.exchange.choices import ImportStatus
from talenthub.exchange.report import Report
from talenthub.exchange.tests.files import csv_bytes, xlsx_bytes

COURSE_HEADER = [
    "과정코드",
    "과정명",
    "분야",
    "산업연계",
    "시작일",
    "종료일",
    "총시간",
    "정원",
    "교육장",
    "협력기관",
]


def _issues(run) -> set[tuple]:
    return {(i.row, i.column, i.code) for i in Report.from_json(run.report).issues}


def test_courses_file_creates_a_course_with_two_cohorts_once(run_import, world):
    rows = [
        COURSE_HEADER,
        [
            "DA-200",
            "농생명 데이터 분석",
            "빅데이터",
            "농생명",
            "2025.03.04",
            "2025/4/25",
            "120시간",
            "25",
            "본관",
            "전주농생명데이터",
        ],
        [
            "DA-200",
            "농생명 데이터 분석",
            "빅데이터",
            "농생명",
            "20250901",
            "2025-10-24",
            120,
            20,
            "본관",
            "",
        ],
    ]
    run = run_import("courses", csv_bytes(rows))

    assert run.status == ImportStatus.COMMITTED, Report.from_json(run.report).lines()
    course = Course.objects.get(hub=world.hub, code="DA-200")
    assert (course.track, course.industry_domain, course.hours, course.level) == (
        "big_data",
        "agri_bio",
        120,
        "beginner",
    )
    assert list(course.partners.values_list("name", flat=True)) == ["전주농생명데이터"]
    cohorts = list(
        course.cohorts.order_by("number").values_list("number", "starts_on", "ends_on", "capacity")
    )
    assert cohorts == [
        (1, datetime.date(2025, 3, 4), datetime.date(2025, 4, 25), 25),
        (2, datetime.date(2025, 9, 1), datetime.date(2025, 10, 24), 20),
    ]

    again = run_import("courses", csv_bytes(rows))
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert Cohort.objects.filter(course=course).count() == 2


def test_a_changed_capacity_updates_the_cohort(run_import, world):
    row = ["AI-101", "생성형 AI 실무", "인공지능", "", "2025-03-03", "2025-04-25", 80, 30, "", ""]
    run = run_import("courses", csv_bytes([COURSE_HEADER, row]))

    world.cohort.refresh_from_db()
    assert run.status == ImportStatus.COMMITTED, Report.from_json(run.report).lines()
    assert world.cohort.capacity == 30
    assert [(r.action, r.changed) for r in Report.from_json(run.report).results] == [
        ("update", ["정원"])
    ]


def test_a_malformed_courses_file_lands_nothing(run_import, world):
    rows = [
        COURSE_HEADER,
        ["NEW-1", "새 과정", "인공지능", "", "2025-03-04", "2025-02-01", 40, 10, "", ""],
        ["NEW-2", "새 과정 2", "양자컴퓨팅", "", "2025-03-04", "2025-04-01", 40, 10, "", ""],
        [
            "NEW-3",
            "새 과정 3",
            "인공지능",
            "",
            "2025-03-04",
            "2025-04-01",
            40,
            10,
            "없는 교육장",
            "",
        ],
        ["NEW-4", "새 과정 4", "인공지능", "", "2025-03-04", "2025-04-01", 40, 0, "", ""],
        ["NEW-5", "새 과정 5", "인공지능", "", "2025-03-04", "2025-04-01", 40, 10, "", ""],
    ]
    run = run_import("courses", csv_bytes(rows))

    assert run.status == ImportStatus.FAILED
    assert not Course.objects.filter(code__startswith="NEW-").exists()
    assert _issues(run) == {
        (2, "종료일", "dates_reversed"),
        (3, "분야", "bad_choice"),
        (4, "교육장", "unknown_site"),
        (5, "정원", "bad_positive"),
    }
    assert [r.action for r in Report.from_json(run.report).results] == ["error"] * 4 + ["create"]


ENROL_HEADER = ["과정코드", "휴대전화 또는 이메일", "상태", "신청일"]


def test_enrolments_land_once_with_statuses(run_import, world, factories):
    hana = factories.UserFactory(email="hana@example.kr", mobile="010-5000-0001")
    duri = factories.UserFactory(email="duri@example.kr", mobile="010-5000-0002")
    sena = factories.UserFactory(email="sena@example.kr", mobile="010-5000-0003")
    rows = [
        ENROL_HEADER,
        ["AI-101", "01050000001", "수강중", "2025.02.20"],
        ["ai-101", "DURI@example.kr", "수료", "2025-02-21"],
        ["AI-101", "+82 10 5000 0003", "중도포기", "20250222"],
    ]
    run = run_import("enrolments", xlsx_bytes(rows))

    assert run.status == ImportStatus.COMMITTED, Report.from_json(run.report).lines()
    by_user = {e.user_id: e for e in Enrollment.objects.filter(cohort=world.cohort)}
    assert by_user[hana.pk].status == "enrolled"
    assert by_user[hana.pk].enrolled_on == world.cohort.starts_on
    assert (by_user[duri.pk].status, by_user[duri.pk].finished_on) == (
        "completed",
        world.cohort.ends_on,
    )
    assert by_user[sena.pk].status == "dropped_out"
    assert by_user[sena.pk].dropout_reason
    assert _issues(run) == {(4, "사유", "dropout_reason_missing")}

    again = run_import("enrolments", xlsx_bytes(rows))
    assert (again.status, again.created_count, again.updated_count, again.unchanged_count) == (
        ImportStatus.COMMITTED,
        0,
        0,
        3,
    )
    assert Enrollment.objects.filter(cohort=world.cohort).count() == 4


def test_a_malformed_enrolments_file_lands_nothing(run_import, world, factories):
    factories.UserFactory(email="hana@example.kr", mobile="010-5000-0001")
    rows = [
        ENROL_HEADER,
        ["AI-101", "010-5000-0001", "수강중", "2025-02-30"],
        ["XX-999", "010-5000-0001", "수강중", "2025-02-20"],
        ["AI-101", "010-5999-0009", "수강중", "2025-02-20"],
        ["AI-101", "hana@example.kr", "수강", "2025-02-20"],
        ["AI-101", "hana@example.kr", "수강", "2025-02-20"],
    ]
    run = run_import("enrolments", csv_bytes(rows, "cp949"))

    assert run.status == ImportStatus.FAILED
    assert Enrollment.objects.filter(cohort=world.cohort).count() == 1
    assert _issues(run) == {
        (2, "신청일", "bad_date"),
        (3, "과정코드", "unknown_course"),
        (4, "휴대전화 또는 이메일", "unknown_person"),
        (6, "", "duplicate_row"),
    }


def test_an_enrolment_in_a_full_cohort_is_refused_by_the_seat_ledger(run_import, world, factories):
    world.cohort.capacity = 1
    world.cohort.save()
    factories.UserFactory(email="late@example.kr")
    run = run_import(
        "enrolments", csv_bytes([ENROL_HEADER, ["AI-101", "late@example.kr", "수강중", ""]])
    )

    assert run.status == ImportStatus.FAILED
    assert _issues(run) == {(2, "과정코드", "refused")}
