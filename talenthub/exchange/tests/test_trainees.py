from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import pytest

from talenthub.accounts.models import Profile, User
from talenthub.exchange.choices import ImportStatus
from talenthub.exchange.report import Report
from talenthub.exchange.tests.files import csv_bytes, fullwidth, xlsx_bytes
from talenthub.hubs.models import Membership

HEADER = [
    "이름",
    "휴대전화",
    "이메일",
    "생년월일",
    "성별",
    "거주지(시군구)",
    "최종학력",
    "구직희망(Y/N)",
    "쉬었음청년(Y/N)",
]
# Every listed phone and date form, full-width digits and stray spaces.
MESSY = [
    HEADER,
    [
        "  김하나 ",
        "010-2000-0001",
        "hana@example.kr",
        "1999-03-04",
        "여",
        "전주시 덕진구",
        "대졸",
        "Y",
        "N",
    ],
    [
        "이두리",
        "01020000002",
        "duri@example.kr",
        "1998.05.06",
        "남",
        "전주시 완산구",
        "전문대졸",
        "y",
        "n",
    ],
    [
        "박세나",
        "010 2000 0003",
        "sena@example.kr",
        "1997/7/8",
        "F",
        "군산시",
        "대학 재학",
        "N",
        "Y",
    ],
    [
        "최네오",
        "+82 10-2000-0004",
        "neo@example.kr",
        "19960910",
        "M",
        "익산시",
        "고졸",
        "예",
        "아니오",
    ],
    [
        "정다섯",
        fullwidth("010-2000-0005"),
        " Daseot@Example.kr ",
        fullwidth("2000-01-02"),
        "여",
        "  완주군  ",
        "대학원",
        "Y",
        "N",
    ],
]


def _report(run) -> Report:
    return Report.from_json(run.report)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_a_messy_csv_lands_once_in_any_encoding(run_import, world, encoding):
    run = run_import("trainees", csv_bytes(MESSY, encoding))

    assert run.status == ImportStatus.COMMITTED, _report(run).lines()
    assert (run.created_count, run.updated_count, run.unchanged_count) == (5, 0, 0)
    people = User.objects.filter(
        email__in=[
            "hana@example.kr",
            "duri@example.kr",
            "sena@example.kr",
            "neo@example.kr",
            "daseot@example.kr",
        ]
    )
    assert sorted(people.values_list("mobile", flat=True)) == [
        "010-2000-0001",
        "010-2000-0002",
        "010-2000-0003",
        "010-2000-0004",
        "010-2000-0005",
    ]
    hana = people.get(email="hana@example.kr")
    assert (hana.name, hana.birth_date, hana.gender, hana.region) == (
        "김하나",
        datetime.date(1999, 3, 4),
        "F",
        "전주시 덕진구",
    )
    assert people.get(email="daseot@example.kr").birth_date == datetime.date(2000, 1, 2)
    assert people.get(email="neo@example.kr").birth_date == datetime.date(1996, 9, 10)
    sena = Profile.objects.get(user__email="sena@example.kr")
    assert (sena.education, sena.is_job_seeker, sena.is_neet) == ("university_student", False, True)
    assert Membership.objects.filter(hub=world.hub, role="trainee", user__in=people).count() == 5

    before = User.objects.count()
    again = run_import("trainees", csv_bytes(MESSY, encoding))
    assert (again.status, again.created_count, again.updated_count, again.unchanged_count) == (
        ImportStatus.COMMITTED,
        0,
        0,
        5,
    )
    assert User.objects.count() == before


def test_an_xlsx_with_date_cells_and_a_phone_stored_as_a_number(run_import):
    rows: list[Sequence[object]] = [
        HEADER,
        [
            "한여름",
            1020000011,
            "summer@example.kr",
            datetime.datetime(2001, 8, 15),  # noqa: DTZ001 - a naive Excel cell
            "여",
            "전주시",
            "대졸",
            "Y",
            "N",
        ],
        ["한겨울", "010-2000-0012", "winter@example.kr", 36892, "남", "전주시", "대졸", "N", "N"],
    ]
    run = run_import("trainees", xlsx_bytes(rows), name="명단.xlsx")

    assert run.status == ImportStatus.COMMITTED, _report(run).lines()
    assert User.objects.get(email="summer@example.kr").mobile == "010-2000-0011"
    assert User.objects.get(email="summer@example.kr").birth_date == datetime.date(2001, 8, 15)
    assert User.objects.get(email="winter@example.kr").birth_date == datetime.date(2001, 1, 1)


def test_a_malformed_file_lands_nothing_and_names_each_row_and_column(run_import):
    rows = [
        ["이름", "휴대전화", "이메일", "생년월일", "비고"],
        ["가나다", "010-3000-0001", "ga@example.kr", "1999-13-01", ""],
        ["라마바", "010-3000-0002", "ra@example.kr", "1999-01-01", ""],
        ["라마바", "010-3000-0002", "ra2@example.kr", "1999-01-01", ""],
        ["사아자", "02-123-4567", "sa@example.kr", "1999-01-01", ""],
        ["", "010-3000-0004", "", "1999-01-01", ""],
    ]
    run = run_import("trainees", csv_bytes(rows))

    assert run.status == ImportStatus.FAILED
    assert (
        User.objects.filter(email__in=["ga@example.kr", "ra@example.kr", "sa@example.kr"]).count()
        == 0
    )
    problems = {(i.row, i.column, i.code) for i in _report(run).issues}
    assert problems == {
        (1, "비고", "unknown_column"),
        (2, "생년월일", "bad_date"),
        (4, "", "duplicate_row"),
        (5, "휴대전화", "bad_phone"),
        (6, "이름", "required_value"),
    }


def test_a_file_without_a_required_column_is_refused_as_a_whole(run_import):
    run = run_import(
        "trainees", csv_bytes([["휴대전화", "이메일"], ["010-3000-0009", "x@example.kr"]])
    )

    assert run.status == ImportStatus.FAILED
    assert [(i.row, i.column, i.code) for i in _report(run).issues] == [
        (None, "이름", "missing_column")
    ]
    assert not User.objects.filter(email="x@example.kr").exists()


def test_english_headers_are_accepted(run_import):
    rows = [
        ["Name", "Mobile", "E-mail", "Date of birth"],
        ["Kim Test", "010-3100-0001", "kt@example.kr", "2000-01-01"],
    ]
    run = run_import("trainees", csv_bytes(rows))
    assert run.status == ImportStatus.COMMITTED, _report(run).lines()


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(run_import, world):
    world["trainee"].mobile = "010-9999-0001"
    world["trainee"].save()
    rows = [
        HEADER[:3],
        ["새사람", "010-3200-0001", "new@example.kr"],
        ["바뀐이름", "010-9999-0001", ""],
    ]
    run = run_import("trainees", csv_bytes(rows), commit=False)

    assert run.status == ImportStatus.READY
    assert [(r.row, r.action) for r in _report(run).results] == [(2, "create"), (3, "update")]
    assert not User.objects.filter(email="new@example.kr").exists()
    world["trainee"].refresh_from_db()
    assert world["trainee"].name == "trainee 담당"


def test_a_person_known_to_another_hub_is_completed_not_overwritten(run_import, world):
    beta_person = world["other_operator"]
    rows = [HEADER[:4], ["다른 이름", "010-3300-0001", beta_person.email, "1990-01-01"]]
    run = run_import("trainees", csv_bytes(rows))

    beta_person.refresh_from_db()
    assert run.status == ImportStatus.COMMITTED
    assert beta_person.name == "베타 운영자"
    assert beta_person.birth_date == datetime.date(1990, 1, 1)
    assert [(i.code, i.level) for i in _report(run).issues] == [("kept_other_hub", "warning")]


def test_a_new_person_needs_an_email(run_import):
    run = run_import("trainees", csv_bytes([HEADER[:3], ["전화만", "010-3400-0001", ""]]))
    assert [(i.row, i.column, i.code) for i in _report(run).issues] == [
        (2, "이메일", "email_needed")
    ]


def test_a_roster_saved_by_libreoffice_lands(run_import):
    """fixtures/trainees-libreoffice.xlsx: LibreOffice Calc converted a CSV, turning two birth
    dates into date cells and the first mobile into the number 1061000001."""
    data = (Path(__file__).parent / "fixtures" / "trainees-libreoffice.xlsx").read_bytes()
    run = run_import("trainees", data, name="trainees-libreoffice.xlsx")

    assert run.status == ImportStatus.COMMITTED, _report(run).lines()
    people = {
        u.email: u
        for u in User.objects.filter(
            email__in=["garam@example.kr", "narae@example.kr", "bada@example.kr"]
        )
    }
    assert {e: (u.mobile, u.birth_date) for e, u in people.items()} == {
        "garam@example.kr": ("010-6100-0001", datetime.date(1999, 3, 4)),
        "narae@example.kr": ("010-6100-0002", datetime.date(1998, 5, 6)),
        "bada@example.kr": ("010-6100-0003", datetime.date(2000, 12, 31)),
    }
