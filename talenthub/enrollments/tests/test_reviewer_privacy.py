"""Invited reviewers score applicants; they see what scoring needs (name, answers, résumé) and
none of the contact details that the hub's operators use to reach the applicant."""

from __future__ import annotations

from django.urls import reverse

from talenthub.accounts.models import User
from talenthub.enrollments.tests.helpers import apply, client_as, make_user

CONTACT_DETAILS = ("applicant@example.kr", "2000-05-17", "전북특별자치도 전주시")


def _review_page(scene, persona: str, application=None) -> str:
    application = application or scene.application
    url = reverse("enrollments:application_review", args=[application.pk])
    return client_as(scene, persona).get(url).content.decode()


def _applications_page(scene, persona: str) -> str:
    url = reverse("enrollments:cohort_applications", args=[scene.cohort.pk])
    return client_as(scene, persona).get(url).content.decode()


def test_the_judge_sees_the_applicants_name_and_resume_but_not_their_contact_details(scene):
    page = _review_page(scene, "reviewer")

    assert "지원자" in page
    assert reverse("enrollments:resume_download", args=[scene.application.pk]) in page
    for detail in CONTACT_DETAILS:
        assert detail not in page


def test_the_operator_still_sees_the_contact_details(scene):
    page = _review_page(scene, "operator")

    for detail in CONTACT_DETAILS:
        assert detail in page


def test_an_applicant_without_a_name_is_a_number_to_the_judge_and_an_address_to_the_operator(
    scene,
):
    nameless = make_user(email="nameless@example.kr")
    User.objects.filter(pk=nameless.pk).update(name="")
    application = apply(scene.cohort, nameless)

    judge_pages = (
        _applications_page(scene, "reviewer"),
        _review_page(scene, "reviewer", application),
    )
    for page in judge_pages:
        assert "nameless@example.kr" not in page
        assert f"Applicant {application.pk}" in page
    assert "nameless@example.kr" in _applications_page(scene, "operator")
