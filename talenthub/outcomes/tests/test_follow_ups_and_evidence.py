from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from talenthub.core.errors import DomainError
from talenthub.enrollments.models import Enrollment
from talenthub.outcomes import services
from talenthub.outcomes.models import FollowUp, Outcome

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def graduate(world):
    enrollment = Enrollment.objects.get(user=world["trainee"], cohort=world.cohort)
    enrollment.status = "completed"
    enrollment.finished_on = datetime.date(2025, 4, 25)
    enrollment.is_job_seeker_at_entry = True
    enrollment.save()
    return enrollment


def test_checkpoints_open_at_three_and_six_months_once_and_mail_a_link(
    graduate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_ups_open_due(today=datetime.date(2025, 7, 24))
    assert FollowUp.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_ups_open_due(today=datetime.date(2025, 7, 25))
        services.follow_ups_open_due(today=datetime.date(2025, 7, 26))
    [follow_up] = FollowUp.objects.all()
    assert (follow_up.checkpoint, follow_up.due_on) == (3, datetime.date(2025, 7, 25))
    assert len(mail.outbox) == 1
    assert "/outcomes/report/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_ups_open_due(today=datetime.date(2025, 10, 25))
    assert sorted(FollowUp.objects.values_list("checkpoint", flat=True)) == [3, 6]


def test_the_personal_link_records_the_answer_with_evidence(client, graduate):
    services.follow_ups_open_due(today=datetime.date(2025, 7, 25))
    follow_up = FollowUp.objects.get()
    url = reverse("outcomes:follow_up_report", args=[services.follow_up_token(follow_up)])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "category": "full_time",
            "organisation_name": "전주소프트",
            "starts_on": "2025-07-01",
            "evidence_kind": "employment_insurance",
            "evidence_file": SimpleUploadedFile("보험.pdf", PDF),
        },
    )
    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert (outcome.user_id, outcome.category, outcome.source) == (
        graduate.user_id,
        "full_time",
        "follow_up",
    )
    assert outcome.evidence.get().content_type == "application/pdf"
    follow_up.refresh_from_db()
    assert follow_up.status == "responded"


def test_a_tampered_or_expired_link_is_404(client, graduate):
    services.follow_ups_open_due(today=datetime.date(2025, 7, 25))
    token = services.follow_up_token(FollowUp.objects.get())
    assert client.get(reverse("outcomes:follow_up_report", args=[token + "x"])).status_code == 404
    with time_machine.travel(datetime.datetime.now() + datetime.timedelta(days=91)):  # noqa: DTZ005
        assert client.get(reverse("outcomes:follow_up_report", args=[token])).status_code == 404


def test_evidence_is_typed_by_content_and_size(graduate, world):
    outcome = services.outcome_self_report(
        user=world["trainee"],
        category="startup",
        organisation_name="내회사",
        starts_on=datetime.date(2025, 6, 1),
    )
    fake = SimpleUploadedFile(
        "contract.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    with pytest.raises(DomainError):
        services.evidence_attach(outcome=outcome, kind="contract", file=fake, uploaded_by=None)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * services.EVIDENCE_MAX_BYTES)
    with pytest.raises(DomainError):
        services.evidence_attach(outcome=outcome, kind="contract", file=big, uploaded_by=None)
    png = SimpleUploadedFile("reg.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    assert (
        services.evidence_attach(
            outcome=outcome, kind="business_registration", file=png, uploaded_by=None
        ).content_type
        == "image/png"
    )


def test_a_job_is_verified_only_with_evidence(graduate, world):
    outcome = services.outcome_self_report(
        user=world["trainee"],
        category="full_time",
        organisation_name="전주소프트",
        starts_on=datetime.date(2025, 6, 1),
    )
    with pytest.raises(DomainError):
        services.outcome_verify(outcome=outcome, by=world["operator"])
    services.evidence_attach(
        outcome=outcome, kind="contract", file=SimpleUploadedFile("c.pdf", PDF), uploaded_by=None
    )
    assert services.outcome_verify(outcome=outcome, by=world["operator"]).status == "verified"


PAGES = ["manage_outcome_list", "manage_follow_up_list", "manage_outcome_detail", "my_outcomes"]
PERSONAS = ["operator", "company", "trainee", "other_operator", "outsider"]
EXPECTED = {
    "manage_outcome_list": [200, 404, 404, 200, 404],
    "manage_follow_up_list": [200, 404, 404, 200, 404],
    "manage_outcome_detail": [200, 404, 404, 404, 404],
    "my_outcomes": [200, 200, 200, 200, 200],
}


@pytest.mark.parametrize("page", PAGES)
def test_outcome_pages_by_persona(client, graduate, world, page):
    outcome = services.outcome_self_report(user=world["trainee"], category="still_seeking")
    url = reverse(f"outcomes:{page}", args=[outcome.id] if page.endswith("detail") else [])
    got = []
    for persona in PERSONAS:
        client.force_login(world[persona])
        got.append(client.get(url).status_code)
    assert got == EXPECTED[page]
    client.logout()
    assert client.get(url).status_code == 302


def test_evidence_downloads_only_for_the_person_and_their_hubs_operators(client, graduate, world):
    outcome = services.outcome_self_report(
        user=world["trainee"],
        category="startup",
        organisation_name="내회사",
        starts_on=datetime.date(2025, 6, 1),
    )
    evidence = services.evidence_attach(
        outcome=outcome,
        kind="business_registration",
        file=SimpleUploadedFile("r.pdf", PDF),
        uploaded_by=None,
    )
    url = reverse("outcomes:evidence_download", args=[evidence.id])
    for persona, status in [
        ("trainee", 200),
        ("operator", 200),
        ("other_operator", 404),
        ("company", 404),
    ]:
        client.force_login(world[persona])
        assert client.get(url).status_code == status, persona


def test_outcome_list_query_count_does_not_grow(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from talenthub.accounts.services import user_create

    def add(n, offset):
        for i in range(offset, offset + n):
            user = user_create(email=f"o{i}@example.kr", name=f"졸업생{i}")
            services.outcome_record(
                user=user, hub=world.hub, category="still_seeking", source="operator"
            )

    client.force_login(world["operator"])
    url = reverse("outcomes:manage_outcome_list") + "?status=all"
    add(5, 0)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(45, 5)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few.captured_queries) == len(many.captured_queries)
