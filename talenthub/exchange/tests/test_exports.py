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
from talenthub.surveys.choices import TEXT_KINDS

# What spreadsheets run: a leading =, +, -, @, tab or carriage return (OWASP CSV injection).
PAYLOADS = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def poisoned(world, factories, settings, tmp_path):
    """Every text a hub's lists show, from names to excuse reasons, starts like a formula."""
    settings.MEDIA_ROOT = tmp_path  # the import run's file
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
    applicant = factories.UserFactory(
        name=PAYLOADS[5], email="apply@example.kr", region=PAYLOADS[2]
    )
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
    survey.title = PAYLOADS[2]
    survey.save()
    answers: dict[int, int | str] = {q.pk: 4 for q in likert}
    comment = survey.version.questions.filter(kind__in=TEXT_KINDS).first()
    if comment is not None:
        answers[comment.pk] = PAYLOADS[5]
    surveys.response_import(survey=survey, submitted_on=datetime.date(2025, 4, 25), answers=answers)
    # An identified response too (its respondent's name is exported for a follow-up).
    from talenthub.surveys.models import Answer, Invitation, Response

    invitation = Invitation.objects.create(survey=survey, user=trainee, is_used=True)
    identified = Response.objects.create(
        survey=survey,
        is_anonymous=False,
        invitation=invitation,
        respondent=trainee,
        submitted_on=datetime.date(2025, 4, 26),
    )
    Answer.objects.create(response=identified, question=likert[0], value=5)
    dropout = factories.UserFactory(name="중도", email="dropout@example.kr")
    factories.EnrollmentFactory(
        cohort=world.cohort,
        user=dropout,
        status="dropped_out",
        finished_on=datetime.date(2025, 4, 1),
        dropout_reason=PAYLOADS[0],
    )
    _poison_the_rest(world, factories, trainee, enrolment)
    return world


def _poison_the_rest(world, factories, trainee, enrolment) -> None:
    """The records of the later lists: mails, completion and certificates, agreements and
    contacts, events and registrations, job postings and applications, imports and the export
    log."""
    from talenthub.attendance.models import Certificate, CompletionDecision
    from talenthub.enrollments.models import Notification
    from talenthub.exchange import services as exchange
    from talenthub.partners.models import Contact
    from talenthub.projects.models import JobApplication, JobPosting

    Notification.objects.create(
        kind="received",
        cohort=world.cohort,
        recipient=trainee,
        to_email=trainee.email,
        subject=PAYLOADS[2],
        body_text="본문",
        body_html="<p>본문</p>",
        status="failed",
        error=PAYLOADS[3],
    )
    enrolment.status = "completed"
    enrolment.finished_on = datetime.date(2025, 6, 30)
    enrolment.save()
    CompletionDecision.objects.create(
        enrollment=enrolment,
        outcome="completed",
        attendance_percent=Decimal("92.5"),
        overridden=True,
        override_reason=PAYLOADS[4],
    )
    Certificate.objects.create(
        enrollment=enrolment,
        number="ALPHA-2025-0001",
        verification_code="poisoned-code",
        issued_at=datetime.datetime(2025, 7, 1, tzinfo=datetime.UTC),
        revoked_at=datetime.datetime(2025, 7, 2, tzinfo=datetime.UTC),
        revoke_reason=PAYLOADS[5],
    )
    factories.AgreementFactory(
        organisation=world.organisation,
        scope=PAYLOADS[0],
        contact_name=PAYLOADS[1],
        contact_phone="+82 63-123-4567",
    )
    Contact.objects.create(
        organisation=world.organisation,
        name=PAYLOADS[2],
        position=PAYLOADS[3],
        phone="-1",
        notes=PAYLOADS[4],
    )
    posting = JobPosting.objects.create(
        organisation=world.organisation,
        title=PAYLOADS[0],
        description="설명",
        employment_type="full_time",
        location=PAYLOADS[1],
        posted_by=world["company"],
    )
    JobApplication.objects.create(posting=posting, user=trainee, cover_letter=PAYLOADS[2])
    from talenthub.events.models import Registration
    from talenthub.events.services import event_create

    event = event_create(
        hub=world.hub,
        kind="workshop",
        title=PAYLOADS[1],
        starts_at=datetime.datetime(2025, 5, 10, 1, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2025, 5, 10, 4, tzinfo=datetime.UTC),
        place=PAYLOADS[2],
        site=world.cohort.site,
    )
    at = datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC)
    Registration.objects.create(
        event=event, user=trainee, status="registered", queued_at=at, status_changed_at=at
    )
    operator = world["operator"]
    operator.name = PAYLOADS[3]
    operator.save()
    exchange.import_run_create(
        hub=world.hub,
        kind="trainees",
        data="이름,이메일\r\n새사람,new@example.kr\r\n".encode(),
        file_name=PAYLOADS[4] + ".csv",
        created_by=operator,
    )
    exchange.export_log_record(
        user=operator,
        hub=world.hub,
        dataset="trainees",
        file_format="csv",
        purpose="contact",
        has_personal_data=True,
        columns=["name"],
        filters={"cohort": world.cohort.pk},
        row_count=1,
    )


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


# Columns of the datasets whose values no one types as free text: numbers, dates, fixed
# vocabularies (statuses, kinds, Y/N), validated codes and pseudonyms. Every other column must
# carry a poisoned value in the `poisoned` world, so that a new free-text column is tested too.
NOT_FREE_TEXT = {
    # numbers and dates
    "starts_at",
    "ends_at",
    "registered",
    "waitlisted",
    "registered_at",
    "target_group",  # a fixed vocabulary
    "birth_date",
    "birth_year",
    "cohort",
    "enrolled_on",
    "finished_on",
    "submitted_at",
    "waitlist",
    "enrolments",
    "applications",
    "starts_on",
    "ends_on",
    "hours",
    "capacity",
    "seats",
    "seats_taken",
    "selected",
    "respondents",
    "invited",
    "rate",
    "score",
    "percent",
    "attended",
    "training_days",
    "absent",
    "infractions",
    "excused",
    "date",
    "check_in",
    "check_out",
    "outing_start",
    "outing_end",
    "due_on",
    "agreements",
    "next_end",
    "queued_at",
    "sent_at",
    "decided_percent",
    "issued_at",
    "revoked_at",
    "notice_days",
    "posted_on",
    "closes_on",
    "hired",
    "applied_on",
    "stage_changed_at",
    "hire_starts_on",
    "uploaded_at",
    "rows",
    "created",
    "updated",
    "unchanged",
    "errors",
    "warnings",
    "imported_at",
    "exported_at",
    "response",
    "question_no",
    "submitted_on",
    # fixed vocabularies and generated values
    "person",
    "gender",
    "education",
    "job_seeker",
    "neet",
    "status",
    "kind",
    "source",
    "category",
    "duplicate",
    "track",
    "industry",
    "level",
    "checkpoint",
    "decision",
    "overridden",
    "primary",
    "employment_type",
    "stage",
    "format",
    "personal",
    "columns",
    "filters",
    "dataset",
    "purpose",
    "file_sha256",
    "certificate",
    # validated: a course code is a slug, an e-mail an address, a phone number digits
    "course_code",
    "email",
    "mobile",
    "contact",
    "contact_email",
    "phone",
    "contact_phone",
    "website",
    # the standard template's question text (shipped with TalentHub, not typed by a hub)
    "question",
}


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_the_poisoned_world_poisons_every_free_text_column(poisoned, dataset):
    chosen = DATASETS[dataset]
    records = list(chosen.records(poisoned.hub))
    assert records, f"{dataset}: the poisoned world has no rows of it"
    poisoned_columns = {
        key
        for record in records
        for key, value in record.items()
        if isinstance(value, str) and value.startswith(DANGEROUS)
    }
    unpoisoned = {c.key for c in chosen.columns} - poisoned_columns - NOT_FREE_TEXT
    assert unpoisoned == set(), "poison these in the `poisoned` fixture (or list them as fixed)"


def test_a_list_page_of_one_cohort_exports_that_cohorts_rows_only(world, factories):
    other_cohort = factories.CohortFactory(course=world.course, number=2)
    factories.EnrollmentFactory(
        cohort=other_cohort, user=factories.UserFactory(email="second@example.kr")
    )
    client = Client()
    client.force_login(world["operator"])
    page = client.get(
        reverse("exchange:export_index"), {"dataset": "enrolments", "cohort": world.cohort.pk}
    )
    assert page.status_code == 200
    assert 'id="export-narrowed"' in page.content.decode()
    response = client.post(
        reverse("exchange:export_index"),
        {
            "hub": world.hub.pk,
            "dataset": "enrolments",
            "purpose": "contact",
            "file_format": "csv",
            "cohort": world.cohort.pk,
        },
    )
    rows = _cells(response.content, "csv")
    assert [row[2] for row in rows[1:]] == [str(world.cohort.number)]
    assert ExportLog.objects.get().filters == {"cohort": world.cohort.pk}


def test_another_hubs_cohort_is_a_404_to_the_export(world):
    client = Client()
    client.force_login(world["other_operator"])
    assert (
        client.get(
            reverse("exchange:export_index"), {"dataset": "enrolments", "cohort": world.cohort.pk}
        ).status_code
        == 404
    )
    download = reverse("exchange:export_download", args=["cohorts", "csv"])
    assert client.get(download, {"hub": world.hub.pk}).status_code == 404
    # A list with personal data sends them to the purpose dialog (of their own hubs).
    assert client.get(download.replace("cohorts", "attendance"), {}).status_code == 302
    posted = client.post(
        reverse("exchange:export_index"),
        {
            "hub": world.other_hub.pk,
            "dataset": "enrolments",
            "purpose": "contact",
            "file_format": "csv",
            "cohort": world.cohort.pk,
        },
    )
    assert posted.status_code == 404
    assert not ExportLog.objects.exists()


def test_a_list_without_personal_data_downloads_from_its_link_and_is_logged(world):
    client = Client()
    client.force_login(world["operator"])
    response = client.get(reverse("exchange:export_download", args=["cohorts", "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    log = ExportLog.objects.get()
    assert (log.dataset, log.file_format, log.purpose, log.has_personal_data) == (
        "cohorts",
        "xlsx",
        "",
        False,
    )


def test_a_list_with_personal_data_sends_its_link_to_the_purpose_dialog(world):
    client = Client()
    client.force_login(world["operator"])
    response = client.get(
        reverse("exchange:export_download", args=["enrolments", "csv"]),
        {"cohort": world.cohort.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("exchange:export_index") + f"?dataset=enrolments&cohort={world.cohort.pk}"
    )
    assert not ExportLog.objects.exists()


def test_a_narrowing_a_list_does_not_offer_is_refused(world):
    from talenthub.core.errors import DomainError
    from talenthub.exchange import services

    with pytest.raises(DomainError):
        services.export_build(
            user=world["operator"],
            hub=world.hub,
            dataset="trainees",
            purpose="contact",
            file_format="csv",
            filters={"cohort": world.cohort.pk},
        )


def test_export_links_show_to_operators_only(world):
    from django.template import Context, Template

    template = Template('{% load export_links %}{% export_links "enrolments" cohort=c %}')
    shown = template.render(Context({"nav_is_operator": True, "c": world.cohort.pk}))
    assert 'data-export="enrolments"' in shown
    assert f"dataset=enrolments&amp;cohort={world.cohort.pk}" in shown
    assert template.render(Context({"nav_is_operator": False, "c": 1})) == ""
    plain = Template('{% load export_links %}{% export_links "cohorts" %}').render(
        Context({"nav_is_operator": True})
    )
    assert reverse("exchange:export_download", args=["cohorts", "csv"]) in plain
