"""Issue 6, "Done when", through the pages AND the REST API:

- a company user cannot see another company's projects or job postings, nor any trainee who did
  not consent to third-party provision to that company; of a job applicant it sees only its own
  postings' applicants and only the items the applicant consented to;
- a hire recorded in a project and again by the graduate counts once.

The cast (talenthub/projects/tests/cast.py): company A (the `company` persona), company B (its own
partner user), a trainee who consented to company A (`consenting`) and one who did not
(`silent`). The API has no project or job-posting endpoints; a company token, whatever its
scopes, reads nothing of the people: every endpoint is refused, or shows nobody."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from talenthub.api.choices import ALL_SCOPES
from talenthub.api.services import token_create
from talenthub.enrollments.models import Enrollment
from talenthub.outcomes import services as outcome_services
from talenthub.outcomes.models import Outcome
from talenthub.projects import services
from talenthub.projects.tests.cast import Cast, build_cast, graduate_of, person

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PUBLIC = ("/api/catalogue/", "/api/schema", "/api/docs")


@pytest.fixture
def cast(world: Any) -> Cast:
    return build_cast(world)


@pytest.fixture
def b_posting(cast: Cast) -> Any:
    """Company B's posting, applied to by a graduate who consented to company B only."""
    posting = services.job_posting_create(
        organisation=cast.company_b,
        posted_by=cast.other_company,
        title="핀테크 백엔드 개발자",
        description="결제 API 개발",
        employment_type="contract",
    )
    b_applicant = person("b-applicant@example.kr", "B지원자", "010-5555-0009")
    graduate_of(cast.world, b_applicant)
    services.job_apply(
        posting=posting, user=b_applicant, cover_letter="B사 지원 동기", consent=True
    )
    return posting


def _api(user: Any, hub: Any) -> Client:
    _row, secret = token_create(
        user=user, hub=hub, name="isolation test", scopes=ALL_SCOPES, days=30
    )
    return Client(headers={"Authorization": f"Bearer {secret}"})


def _api_get_paths(cast: Cast) -> list[str]:
    """Every GET path of the API, its ids filled with records of the trainees in the cast."""
    schema = Client().get("/api/schema/").json()
    silent_enrolment = Enrollment.objects.filter(user=cast.silent).first()
    assert silent_enrolment is not None
    outcome = Outcome.objects.filter(user=cast.silent).first()
    ids = {
        "cohort_id": cast.world.cohort.pk,
        "enrolment_id": silent_enrolment.pk,
        "application_id": silent_enrolment.pk,
        "outcome_id": outcome.pk if outcome else 1,
    }
    paths = []
    for path, operations in schema["paths"].items():
        if "get" not in operations or path.startswith(PUBLIC):
            continue
        paths.append(re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), path))
    assert "/api/outcomes" in paths
    assert "/api/enrolments" in paths
    return paths


def _names_of_people(cast: Cast) -> list[str]:
    return [cast.silent.name, cast.silent.email, cast.consenting.name, cast.consenting.email]


# --- Another company's projects and postings ----------------------------------------------------


def test_pages_company_b_sees_none_of_company_as_projects_postings_or_history(
    client, cast, b_posting
):
    client.force_login(cast.other_company)
    project_list = client.get(reverse("projects:company_project_list"))
    assert [p.id for p in project_list.context["page"]] == [cast.other_project.id]
    job_list = client.get(reverse("projects:company_job_list")).content.decode()
    assert b_posting.title in job_list
    assert cast.posting.title not in job_list
    for name, args in [
        ("projects:company_project_detail", [cast.project.id]),
        ("projects:company_job_detail", [cast.posting.id]),
        ("projects:partner_history", [cast.company_a.id]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
    select = reverse(
        "projects:company_application_select",
        args=[cast.project.id, cast.consenting_application.id],
    )
    assert client.post(select, {"decision": "select"}).status_code == 404


def test_api_a_company_token_reads_no_people_and_no_projects(cast, b_posting):
    outcome_services.outcome_self_report(
        user=cast.silent,
        category="full_time",
        organisation_name="호남핀테크",
        starts_on=datetime.date(2025, 7, 1),
    )
    for user in (cast.world["company"], cast.other_company):
        client = _api(user, cast.world.hub)
        for path in _api_get_paths(cast):
            response = client.get(path)
            body = response.content.decode()
            assert response.status_code in (403, 404) or response.status_code == 200, path
            if response.status_code == 200:  # figures only: no person, no project
                for text in [*_names_of_people(cast), cast.project.title, b_posting.title]:
                    assert text not in body, (path, text)
            else:
                assert response.status_code == 403, (path, response.status_code)


# --- Trainees who did not consent -------------------------------------------------------------


def test_pages_the_silent_trainee_is_nowhere_on_the_companys_pages(client, cast):
    client.force_login(cast.world["company"])
    pages = [
        reverse("projects:company_project_list"),
        reverse("projects:company_project_detail", args=[cast.project.id]),
        reverse("projects:company_job_list"),
        reverse("projects:company_job_detail", args=[cast.posting.id]),
        reverse("projects:partner_history", args=[cast.company_a.id]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for text in (cast.silent.name, cast.silent.email, "비밀 동기"):
            assert text not in body, (url, text)


def test_api_the_silent_trainee_is_not_reachable_with_a_company_token(cast):
    client = _api(cast.world["company"], cast.world.hub)
    silent_enrolment = Enrollment.objects.get(user=cast.silent)
    assert client.get("/api/enrolments").status_code == 403
    assert client.get(f"/api/enrolments/{silent_enrolment.pk}").status_code == 403
    assert client.get("/api/outcomes").status_code == 403
    # ... and the operator, who may see the hub's people, does see them.
    operator = _api(cast.world["operator"], cast.world.hub)
    emails = [e["person"]["email"] for e in operator.get("/api/enrolments").json()["items"]]
    assert cast.silent.email in emails


# --- Job applicants: own postings only, consented items only ----------------------------------


def test_pages_a_company_sees_only_its_own_postings_applicants_and_their_consented_items(
    client, cast, b_posting
):
    application = services.job_apply(
        posting=cast.posting,
        user=cast.consenting,
        cover_letter="데이터 엔지니어 지원 동기",
        consent=True,
        share_contact=False,
        share_training=False,
        share_documents=False,
        resume=SimpleUploadedFile("이력서.pdf", PDF, content_type="application/pdf"),
    )
    client.force_login(cast.world["company"])
    response = client.get(reverse("projects:company_job_detail", args=[cast.posting.id]))
    [applicant] = response.context["applicants"]
    assert applicant.name == cast.consenting.name
    assert (applicant.email, applicant.mobile, applicant.training, applicant.motivation) == (
        None,
        None,
        None,
        None,
    )
    body = response.content.decode()
    for text in (cast.consenting.email, cast.consenting.mobile, "데이터 엔지니어 지원 동기"):
        assert text not in body
    assert "B지원자" not in body
    resume = reverse("projects:company_job_resume", args=[cast.posting.id, application.id])
    assert client.get(resume).status_code == 404

    # Company B's applicant is not reachable from company A, even by id.
    b_application = b_posting.applications.get()
    for url in (
        reverse("projects:company_job_detail", args=[b_posting.id]),
        reverse("projects:company_job_resume", args=[b_posting.id, b_application.id]),
        reverse("projects:company_job_resume", args=[cast.posting.id, b_application.id]),
    ):
        assert client.get(url).status_code == 404, url
    move = reverse("projects:company_job_stage", args=[cast.posting.id, b_application.id])
    assert client.post(move, {"stage": "interview"}).status_code == 404
    b_application.refresh_from_db()
    assert b_application.stage == "applied"


def test_pages_a_withdrawn_consent_takes_the_job_applicant_off_the_companys_page(client, cast):
    application = services.job_apply(
        posting=cast.posting, user=cast.consenting, cover_letter="", consent=True
    )
    services.consent_withdraw(user=cast.consenting, organisation=cast.company_a)
    client.force_login(cast.world["company"])
    response = client.get(reverse("projects:company_job_detail", args=[cast.posting.id]))
    assert response.context["applicants"] == []
    assert cast.consenting.name not in response.content.decode()
    move = reverse("projects:company_job_stage", args=[cast.posting.id, application.id])
    assert client.post(move, {"stage": "interview"}).status_code == 404


# --- A hire recorded twice counts once ---------------------------------------------------------


def _hire_through_the_pages(client: Client, cast: Cast) -> None:
    """The company selects and hires through its project page; the graduate then reports the
    same job (under another spelling, a week later) on their outcomes page."""
    client.force_login(cast.world["company"])
    application = cast.consenting_application
    select = reverse("projects:company_application_select", args=[cast.project.id, application.id])
    assert client.post(select, {"decision": "select"}).status_code == 302
    hire = reverse("projects:company_application_hire", args=[cast.project.id, application.id])
    response = client.post(
        hire,
        {
            "decision": "hire",
            "organisation": cast.company_a.id,
            "employment_type": "full_time",
            "starts_on": "2025-07-01",
        },
    )
    assert response.status_code == 302
    client.force_login(cast.consenting)
    response = client.post(
        reverse("outcomes:my_outcomes"),
        {
            "category": "contract",
            "organisation_name": "(주) 전주농생명데이터",
            "starts_on": "2025-07-08",
        },
    )
    assert response.status_code == 302


def _verify_all(cast: Cast) -> None:
    operator = cast.world["operator"]
    for outcome in Outcome.objects.filter(user=cast.consenting).order_by("id"):
        outcome_services.evidence_attach(
            outcome=outcome,
            kind="employment_insurance",
            file=SimpleUploadedFile("보험.pdf", PDF, content_type="application/pdf"),
            uploaded_by=operator,
        )
        outcome_services.outcome_verify(outcome=outcome, by=operator)


def test_pages_a_hire_recorded_by_the_company_and_by_the_graduate_counts_once(client, cast):
    assert cast.company_a.name == "전주농생명데이터"
    _hire_through_the_pages(client, cast)
    records = list(Outcome.objects.filter(user=cast.consenting).order_by("id"))
    assert len(records) == 2
    assert records[1].duplicate_of_id == records[0].id
    _verify_all(cast)

    for persona in ("company", "operator"):
        client.force_login(cast.world[persona])
        history = client.get(reverse("projects:partner_history", args=[cast.company_a.id]))
        assert [h.name for h in history.context["history"].hires] == [cast.consenting.name]

    # The hub's KPI drill-down lists the person once.
    cohort_year = cast.world.cohort.ends_on.year
    client.force_login(cast.world["operator"])
    drill = client.get(
        reverse("reports:hub_drill", args=[cast.world.hub.code, "jobs_and_startups"]),
        {"year": cohort_year},
    )
    assert drill.status_code == 200
    assert drill.content.decode().count(cast.consenting.name) == 1


def test_api_a_hire_recorded_by_the_company_and_by_the_graduate_counts_once(client, cast):
    _hire_through_the_pages(client, cast)
    _verify_all(cast)
    operator = _api(cast.world["operator"], cast.world.hub)
    items = [
        o
        for o in operator.get("/api/outcomes").json()["items"]
        if o["person"]["id"] == cast.consenting.id
    ]
    assert len(items) == 2
    primary = [o for o in items if o["duplicate_of_id"] is None]
    duplicates = [o for o in items if o["duplicate_of_id"] is not None]
    assert len(primary) == 1
    assert [d["duplicate_of_id"] for d in duplicates] == [primary[0]["id"]]
    assert primary[0]["source"] == "project_hire"

    year = cast.world.cohort.ends_on.year
    kpis = {k["name"]: k for k in operator.get(f"/api/kpis?year={year}").json()["kpis"]}
    assert kpis["jobs_and_startups"]["value"] == 1
    assert kpis["project_hires"]["value"] == 1
    # The graduate's own token: the two records, one marked a duplicate of the other.
    own = _api(cast.consenting, cast.world.hub)
    mine = own.get("/api/outcomes").json()["items"]
    assert sorted(o["duplicate_of_id"] is None for o in mine) == [False, True]
