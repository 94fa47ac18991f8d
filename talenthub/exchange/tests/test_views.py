from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.accounts.models import User
from talenthub.exchange import services
from talenthub.exchange.choices import ImportStatus
from talenthub.exchange.models import ImportRun
from talenthub.exchange.tests.files import csv_bytes

PERSONAS = [
    "operator",
    "instructor",
    "trainee",
    "company",
    "mentor",
    "judge",
    "consortium_lead",
    "funder",
    "other_operator",
    "outsider",
]
ROSTER = [["이름", "휴대전화", "이메일"], ["새교육생", "010 8000 0001", "new1@example.kr"]]


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _upload(client: Client, world, rows, kind="trainees"):
    upload = SimpleUploadedFile("명단.csv", csv_bytes(rows, "cp949"), content_type="text/csv")
    return client.post(
        reverse("exchange:import_list"), {"hub": world.hub.pk, "kind": kind, "file": upload}
    )


def test_an_operator_uploads_checks_and_imports(world):
    client = _client(world["operator"])
    response = _upload(client, world, ROSTER)
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange:import_detail", args=[run.pk])
    assert run.status == ImportStatus.READY
    assert not User.objects.filter(email="new1@example.kr").exists()

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "새교육생 · 010-8000-0001" in page.content.decode()

    client.post(reverse("exchange:import_commit", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportStatus.COMMITTED
    assert User.objects.filter(email="new1@example.kr").exists()

    # A second click finds the run already imported and imports nothing more.
    client.post(reverse("exchange:import_commit", args=[run.pk]))
    assert User.objects.filter(email="new1@example.kr").count() == 1


def test_a_file_with_errors_shows_each_problem_and_cannot_be_imported(world):
    client = _client(world["operator"])
    _upload(client, world, [*ROSTER, ["둘째", "010-12", "two@example.kr"]])
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.INVALID

    page = client.get(reverse("exchange:import_detail", args=[run.pk])).content.decode()
    assert "[휴대전화]" in page
    assert "010-12" in page
    client.post(reverse("exchange:import_commit", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportStatus.INVALID
    assert not User.objects.filter(email="new1@example.kr").exists()


def test_an_unreadable_file_is_refused_at_upload(world):
    client = _client(world["operator"])
    upload = SimpleUploadedFile("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    response = client.post(
        reverse("exchange:import_list"), {"hub": world.hub.pk, "kind": "trainees", "file": upload}
    )
    assert response.status_code == 200
    assert ".xlsx" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_large_file_is_checked_by_a_worker_with_a_progress_bar(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "INLINE_MAX_ROWS", 1)
    client = _client(world["operator"])
    rows = [["이름", "휴대전화", "이메일"]] + [
        [f"사람{n}", f"010-8100-{n:04d}", f"big{n}@example.kr"] for n in range(5)
    ]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _upload(client, world, rows)
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.CHECKING
    progress = client.get(reverse("exchange:import_progress", args=[run.pk]))
    assert 'hx-trigger="every 1s"' in progress.content.decode()
    assert "HX-Refresh" not in progress

    for callback in callbacks:
        callback()  # the Celery task (eager in tests)
    run.refresh_from_db()
    assert run.status == ImportStatus.READY
    done = client.get(reverse("exchange:import_progress", args=[run.pk]))
    assert done["HX-Refresh"] == "true"


def test_blank_files_have_the_format_headers_and_instructions(world):
    client = _client(world["operator"])
    for kind, first in [("trainees", "이름"), ("courses", "과정코드"), ("surveys", "과정코드")]:
        response = client.get(reverse("exchange:import_template", args=[kind]))
        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(response.content))
        assert len(workbook.worksheets) == 2
        assert workbook.worksheets[0]["A1"].value == first
    surveys = load_workbook(
        io.BytesIO(client.get(reverse("exchange:import_template", args=["surveys"])).content)
    )
    headers = [c.value for c in surveys.worksheets[0][1]]
    assert headers[:3] == ["과정코드", "응답일", "문항1"]
    assert "문항17" in headers


@pytest.mark.parametrize("persona", PERSONAS)
def test_import_pages_are_for_the_hubs_operators_only(world, persona):
    run, _ = services.import_run_create(
        hub=world.hub,
        kind="trainees",
        data=csv_bytes(ROSTER),
        file_name="a.csv",
        created_by=world["operator"],
    )
    client = _client(world[persona])
    pages = [
        reverse("exchange:import_list"),
        reverse("exchange:import_detail", args=[run.pk]),
        reverse("exchange:import_progress", args=[run.pk]),
        reverse("exchange:import_template", args=["trainees"]),
        reverse("exchange:export_index"),
    ]
    statuses = [client.get(page).status_code for page in pages]
    if persona == "operator":
        assert statuses == [200] * 5
    elif persona == "other_operator":
        # Beta's operator has the pages, but alpha's run is not theirs.
        assert statuses == [200, 404, 404, 200, 200]
    else:
        assert statuses == [404] * 5
    commit = client.post(reverse("exchange:import_commit", args=[run.pk]))
    assert commit.status_code == (302 if persona == "operator" else 404)


def test_anonymous_visitors_are_sent_to_sign_in(world):
    response = Client().get(reverse("exchange:import_list"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_an_operator_cannot_upload_into_another_hub(world):
    client = _client(world["operator"])
    upload = SimpleUploadedFile("a.csv", csv_bytes(ROSTER))
    response = client.post(
        reverse("exchange:import_list"),
        {"hub": world.other_hub.pk, "kind": "trainees", "file": upload},
    )
    assert response.status_code == 200
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize("page", ["exchange:import_list", "exchange:export_index"])
def test_list_pages_make_as_many_queries_for_50_rows_as_for_5(world, page):
    def count(n: int) -> int:
        ImportRun.objects.all().delete()
        for i in range(n):
            services.import_run_create(
                hub=world.hub,
                kind="trainees",
                data=csv_bytes(ROSTER),
                file_name=f"{i}.csv",
                created_by=world["operator"],
            )
            services.export_log_record(
                user=world["operator"],
                hub=world.hub,
                dataset="cohorts",
                file_format="csv",
                purpose="",
                has_personal_data=False,
                columns=[],
                filters={},
                row_count=i,
            )
        client = _client(world["operator"])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(page)).status_code == 200
        return len(queries)

    assert count(5) == count(50)
