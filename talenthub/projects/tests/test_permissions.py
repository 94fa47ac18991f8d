"""Every page of company projects and job postings, for every persona: allowed, refused (404:
another hub or organisation looks like nothing) or sent to sign in (anonymous)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PERSONAS = ["operator", "company", "other_company", "trainee", "other_operator", "outsider"]
OK, NO = 200, 404


def _urls(cast):
    p, j = cast.project.id, cast.posting.id
    return {
        "company_project_list": reverse("projects:company_project_list"),
        "company_project_propose": reverse("projects:company_project_propose"),
        "company_project_detail": reverse("projects:company_project_detail", args=[p]),
        "company_job_list": reverse("projects:company_job_list"),
        "company_job_create": reverse("projects:company_job_create"),
        "company_job_detail": reverse("projects:company_job_detail", args=[j]),
        "manage_project_list": reverse("projects:manage_project_list"),
        "manage_project_detail": reverse("projects:manage_project_detail", args=[p]),
        "trainee_project_list": reverse("projects:trainee_project_list"),
        "trainee_project_detail": reverse("projects:trainee_project_detail", args=[p]),
        "graduate_job_list": reverse("projects:graduate_job_list"),
        "graduate_job_detail": reverse("projects:graduate_job_detail", args=[j]),
        "partner_history": reverse("projects:partner_history", args=[cast.company_a.id]),
        "partner_detail": reverse("partners:organisation_detail", args=[cast.company_a.id]),
        "partner_mine": reverse("partners:my_organisations"),
        "partner_manage_list": reverse("partners:manage_list"),
    }


# Expected status per page, persona by persona (order of PERSONAS). The persona `trainee` has an
# enrolment in progress in hub alpha: a trainee sees projects; only graduates see job postings.
EXPECTED = {
    "company_project_list": [NO, OK, OK, NO, NO, NO],
    "company_project_propose": [NO, OK, OK, NO, NO, NO],
    "company_project_detail": [NO, OK, NO, NO, NO, NO],
    "company_job_list": [NO, OK, OK, NO, NO, NO],
    "company_job_create": [NO, OK, OK, NO, NO, NO],
    "company_job_detail": [NO, OK, NO, NO, NO, NO],
    "manage_project_list": [OK, NO, NO, NO, OK, NO],
    "manage_project_detail": [OK, NO, NO, NO, NO, NO],
    "trainee_project_list": [NO, NO, NO, OK, NO, NO],
    "trainee_project_detail": [NO, NO, NO, OK, NO, NO],
    "graduate_job_list": [NO, NO, NO, NO, NO, NO],
    "graduate_job_detail": [NO, NO, NO, NO, NO, NO],
    "partner_history": [OK, OK, NO, NO, NO, NO],
    "partner_detail": [OK, OK, NO, NO, NO, NO],
    "partner_mine": [NO, OK, OK, NO, NO, NO],
    "partner_manage_list": [OK, NO, NO, NO, OK, NO],
}


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_each_persona_gets_the_expected_status(client, cast, page):
    url = _urls(cast)[page]
    got = []
    for persona in PERSONAS:
        client.force_login(cast[persona])
        got.append(client.get(url).status_code)
        client.logout()
    assert got == EXPECTED[page], dict(zip(PERSONAS, got, strict=True))


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_anonymous_visitors_are_sent_to_sign_in(client, cast, page):
    response = client.get(_urls(cast)[page])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_graduate_sees_the_job_postings_of_their_hub(client, cast):
    client.force_login(cast.consenting)
    assert client.get(reverse("projects:graduate_job_list")).status_code == OK
    detail = reverse("projects:graduate_job_detail", args=[cast.posting.id])
    assert client.get(detail).status_code == OK


def test_a_graduate_of_another_hub_does_not(client, cast, world):
    from talenthub.enrollments.models import Enrollment

    client.force_login(world["outsider"])
    Enrollment.objects.create(
        cohort=world.other_cohort,
        user=world["outsider"],
        enrolled_on=world.other_cohort.starts_on,
        status="completed",
        finished_on=world.other_cohort.ends_on,
    )
    detail = reverse("projects:graduate_job_detail", args=[cast.posting.id])
    assert client.get(detail).status_code == NO


@pytest.mark.parametrize(
    ("name", "persona"),
    [
        ("projects:manage_project_decide", "other_operator"),
        ("projects:manage_project_decide", "company"),
        ("projects:company_project_log", "other_company"),
        ("projects:trainee_project_apply", "outsider"),
    ],
)
def test_posts_outside_ones_reach_are_404(client, cast, name, persona):
    args = [cast.project.id] + (["milestone"] if name.endswith("log") else [])
    client.force_login(cast[persona])
    response = client.post(reverse(name, args=args), {"decision": "approve", "title": "x"})
    assert response.status_code == NO


def test_a_company_proposal_is_approved_only_by_its_hubs_operator(client, cast):
    cast.other_project.refresh_from_db()
    assert cast.other_project.status == "proposed"
    client.force_login(cast.world["other_operator"])
    url = reverse("projects:manage_project_decide", args=[cast.other_project.id])
    assert client.post(url, {"decision": "approve"}).status_code == NO
    client.force_login(cast.world["operator"])
    assert client.post(url, {"decision": "approve"}).status_code == 302
    cast.other_project.refresh_from_db()
    assert cast.other_project.status == "approved"
