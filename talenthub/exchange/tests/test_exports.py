from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.exchange.choices import ExportPurpose
from talenthub.exchange.exports import DATASETS
from talenthub.exchange.models import ExportLog
from talenthub.exchange.tests.files import csv_bytes

# What spreadsheets run: a leading =, +, -, @, tab or carriage return (OWASP CSV injection).
PAYLOADS = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def poisoned(world, factories):
    """Every text a hub's lists show, from names to excuse reasons, starts like a formula."""
    from talenthub.accounts.services import profile_set
    from talenthub.attendance.services import DayFix, Excuse, day_correct
    from talenthub.enrollments.models import Application
    from talenthub.outcomes.services import outcome_record
    from talenthub.surveys import services as surveys

    trainee = world["trainee"]
    trainee.name, trainee.region = PAYLOADS[0], PAYLOADS[1]
    trainee.save()
    profile_set(user=trainee, education="bachelor", is_job_seeker=True)
    world.course.title = PAYLOADS[2]
    world.course.save()
    world.course.partners.add(world.organisation)
    world.organisation.name = PAYLOADS[3]
    world.organisation.website = "http://example.kr"
    world.organisation.save()
    world.cohort.site.name = PAYLOADS[4]
    world.cohort.site.save()
    applicant = factories.UserFactory(name=PAYLOADS[5], email="apply@example.kr")
    Application.objects.create(cohort=world.cohort, user=applicant)
    enrolment = trainee.enrollments.get(cohort=world.cohort)
    day = factories.SessionDayFactory(
        cohort=world.cohort, date=datetime.date(2025, 3, 3), hours=Decimal("8.0")
    )
    day_correct(
        enrollment=enrolment,
        session_day=day,
        fix=DayFix(
            excuse=Excuse(category="other", reason=PAYLOADS[1], evidence_elsewhere="HRD-Net")
        ),
        reason="test",
        corrected_by=world["operator"],
    )
    outcome_record(
        user=trainee,
        hub=world.hub,
        category="full_time",
        source="operator",
        starts_on=datetime.date(2025, 6, 2),
        organisation_name=PAYLOADS[0],
        note=PAYLOADS[3],
    )
    from talenthub.projects.services import project_propose

    project_propose(
        organisation=world.organisation,
        proposed_by=world["company"],
        title=PAYLOADS[4],
        problem="데이터",
        skills=PAYLOADS[5],
        seats=2,
        hours=120,
        mentor_name="멘토",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 6, 30),
    )
    # A follow-up due (3 months after a completion) for the trainee.
    from talenthub.outcomes.models import FollowUp

    FollowUp.objects.create(enrollment=enrolment, checkpoint=3, due_on=datetime.date(2025, 1, 1))
    surveys.standard_templates_install()
    survey = surveys.survey_create(
        cohort=world.cohort, version=surveys.latest_version("satisfaction-standard")
    )
    likert = survey.version.questions.filter(kind="likert5")
    surveys.response_import(
        survey=survey, submitted_on=datetime.date(2025, 4, 25), answers={q.pk: 4 for q in likert}
    )
    return world


def _cells(content: bytes, fmt: str) -> list[list[Any]]:
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    workbook = load_workbook(io.BytesIO(content))  # formulas stay formulas: not data_only
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value!r}"
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _exports():
    for key, dataset in DATASETS.items():
        for purpose in dataset.purposes if dataset.personal else [""]:
            for fmt in ("xlsx", "csv"):
                yield key, purpose, fmt


@pytest.mark.parametrize(("dataset", "purpose", "fmt"), list(_exports()))
def test_no_export_carries_a_cell_a_spreadsheet_would_run(poisoned, dataset, purpose, fmt):
    client = Client()
    client.force_login(poisoned["operator"])
    response = client.post(
        reverse("exchange:export_index"),
        {"hub": poisoned.hub.pk, "dataset": dataset, "purpose": purpose, "file_format": fmt},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _cells(response.content, fmt)
    assert len(rows) >= 2, f"{dataset} exported no rows: the test would prove nothing"
    risky = [v for row in rows for v in row if isinstance(v, str) and v.startswith(DANGEROUS)]
    assert risky == []


def test_every_payload_comes_out_as_text_behind_an_apostrophe(poisoned):
    client = Client()
    client.force_login(poisoned["operator"])
    response = client.post(
        reverse("exchange:export_index"),
        {
            "hub": poisoned.hub.pk,
            "dataset": "trainees",
            "purpose": "hrd_net",
            "file_format": "xlsx",
        },
    )
    rows = _cells(response.content, "xlsx")
    flat = [v for row in rows for v in row]
    assert "'" + PAYLOADS[0] in flat
    assert "'" + PAYLOADS[1] in flat


def test_personal_data_needs_a_purpose_and_gets_only_its_columns(world):
    client = Client()
    client.force_login(world["operator"])
    refused = client.post(
        reverse("exchange:export_index"),
        {"hub": world.hub.pk, "dataset": "trainees", "purpose": "", "file_format": "csv"},
    )
    assert refused.status_code == 200
    assert refused["Content-Type"].startswith("text/html")
    assert not ExportLog.objects.exists()

    response = client.post(
        reverse("exchange:export_index"),
        {"hub": world.hub.pk, "dataset": "trainees", "purpose": "contact", "file_format": "csv"},
    )
    rows = _cells(response.content, "csv")
    assert rows[0] == ["이름", "휴대전화", "이메일"]
    trainee = world["trainee"]
    assert [trainee.name, trainee.mobile, trainee.email] in rows
    log = ExportLog.objects.get()
    assert (log.user, log.hub, log.dataset, log.purpose, log.has_personal_data, log.columns) == (
        world["operator"],
        world.hub,
        "trainees",
        ExportPurpose.CONTACT,
        True,
        ["name", "mobile", "email"],
    )
    assert log.row_count == len(rows) - 1


def test_statistics_exports_carry_no_identity(world):
    client = Client()
    client.force_login(world["operator"])
    content = client.post(
        reverse("exchange:export_index"),
        {
            "hub": world.hub.pk,
            "dataset": "enrolments",
            "purpose": "statistics",
            "file_format": "csv",
        },
    ).content.decode("utf-8-sig")
    trainee = world["trainee"]
    for value in (trainee.name, trainee.email, trainee.mobile):
        assert value not in content


def test_a_purpose_a_list_does_not_serve_is_refused(world):
    client = Client()
    client.force_login(world["operator"])
    response = client.post(
        reverse("exchange:export_index"),
        {
            "hub": world.hub.pk,
            "dataset": "attendance_days",
            "purpose": "contact",
            "file_format": "csv",
        },
    )
    assert response["Content-Type"].startswith("text/html")
    assert not ExportLog.objects.exists()


def test_an_exported_roster_imports_again_unchanged(world, run_import):
    client = Client()
    client.force_login(world["operator"])
    content = client.post(
        reverse("exchange:export_index"),
        {"hub": world.hub.pk, "dataset": "enrolments", "purpose": "hrd_net", "file_format": "xlsx"},
    ).content
    run = run_import("enrolments", content, name="roster.xlsx")
    assert (run.status, run.created_count, run.updated_count, run.unchanged_count) == (
        "committed",
        0,
        0,
        1,
    )


def test_another_hubs_operator_cannot_export_this_hub(world):
    client = Client()
    client.force_login(world["other_operator"])
    response = client.post(
        reverse("exchange:export_index"),
        {"hub": world.hub.pk, "dataset": "cohorts", "purpose": "", "file_format": "csv"},
    )
    assert response["Content-Type"].startswith("text/html")
    assert not ExportLog.objects.exists()


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_exports_make_as_many_queries_for_50_trainees_as_for_5(world, factories, dataset):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from talenthub.exchange import services

    def queries(n: int) -> int:
        for i in range(n):
            person = factories.UserFactory(email=f"q{n}-{i}@example.kr")
            factories.EnrollmentFactory(cohort=world.cohort, user=person)
        purpose = next(iter(DATASETS[dataset].purposes), "")
        with CaptureQueriesContext(connection) as captured:
            services.export_build(
                user=world["operator"],
                hub=world.hub,
                dataset=dataset,
                purpose=purpose,
                file_format="csv",
            )
        return len(captured)

    assert queries(5) == queries(45)


def test_an_exported_attendance_sheet_imports_again_unchanged(world, run_import, factories):
    factories.SessionDayFactory(cohort=world.cohort, date=datetime.date(2025, 3, 3))
    rows = [
        ["과정코드", "휴대전화 또는 이메일", "일자", "입실", "퇴실", "외출시작", "외출종료"],
        ["AI-101", world["trainee"].email, "2025-03-03", "09:05", "17:30", "12:10", "12:40"],
    ]
    assert run_import("attendance", csv_bytes(rows)).status == "committed"
    client = Client()
    client.force_login(world["operator"])
    content = client.post(
        reverse("exchange:export_index"),
        {
            "hub": world.hub.pk,
            "dataset": "attendance_days",
            "purpose": "hrd_net",
            "file_format": "csv",
        },
    ).content
    again = run_import("attendance", content, name="days.csv")
    assert (again.status, again.created_count, again.updated_count, again.unchanged_count) == (
        "committed",
        0,
        0,
        1,
    )
