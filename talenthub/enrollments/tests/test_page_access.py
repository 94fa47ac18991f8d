"""Who may open each page, as every persona: the applicant, the hub's operator, an invited
reviewer, another hub's operator, an outsider, the superuser and an anonymous visitor."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from talenthub.enrollments.tests.helpers import (
    apply,
    client_as,
    form_of,
    pdf_upload,
)

PERSONAS = [
    "anonymous",
    "applicant",
    "operator",
    "reviewer",
    "other_operator",
    "outsider",
    "superuser",
]


def _expect(
    anonymous=302,
    applicant=404,
    operator=200,
    reviewer=404,
    other_operator=404,
    outsider=404,
    superuser=200,
):
    return {
        "anonymous": anonymous,
        "applicant": applicant,
        "operator": operator,
        "reviewer": reviewer,
        "other_operator": other_operator,
        "outsider": outsider,
        "superuser": superuser,
    }


EVERYONE_SIGNED_IN = _expect(applicant=200, reviewer=200, other_operator=200, outsider=200)
OWNER_ONLY = _expect(applicant=200, operator=404, superuser=404)
STAFF_AND_REVIEWER = _expect(reviewer=200)
STAFF_ONLY = _expect()
ANY_OPERATOR = _expect(other_operator=200)

PAGES: list[tuple[str, str, Any, dict[str, int]]] = [
    # name, method, args(scene) -> list, expected per persona
    ("enrollments:apply", "get", lambda s: [s.cohort.pk], {**EVERYONE_SIGNED_IN, "applicant": 302}),
    ("enrollments:my_applications", "get", lambda s: [], EVERYONE_SIGNED_IN),
    ("enrollments:my_application", "get", lambda s: [s.application.pk], OWNER_ONLY),
    (
        "enrollments:resume_download",
        "get",
        lambda s: [s.application.pk],
        {**STAFF_AND_REVIEWER, "applicant": 200},
    ),
    ("enrollments:cohort_applications", "get", lambda s: [s.cohort.pk], STAFF_AND_REVIEWER),
    ("enrollments:application_review", "get", lambda s: [s.application.pk], STAFF_AND_REVIEWER),
    ("enrollments:cohort_reviewers", "get", lambda s: [s.cohort.pk], STAFF_ONLY),
    ("enrollments:notification_log", "get", lambda s: [], ANY_OPERATOR),
    ("enrollments:notification_detail", "get", lambda s: [s.notification.pk], STAFF_ONLY),
    ("enrollments:review_queue", "get", lambda s: [], EVERYONE_SIGNED_IN),
    ("enrollments:cohort_roster", "get", lambda s: [s.cohort.pk], STAFF_ONLY),
    ("portal:my_timeline", "get", lambda s: [], EVERYONE_SIGNED_IN),
    ("portal:manage_people", "get", lambda s: [], ANY_OPERATOR),
    ("portal:person_timeline", "get", lambda s: [s.application.user_id], STAFF_ONLY),
    # Writes: a refused persona gets 404 before anything happens; the allowed ones are redirected.
    (
        "enrollments:withdraw",
        "post",
        lambda s: [s.application.pk],
        {**OWNER_ONLY, "applicant": 302},
    ),
    (
        "enrollments:offer_respond",
        "post",
        lambda s: [s.application.pk],
        {**OWNER_ONLY, "applicant": 302},
    ),
    (
        "enrollments:applications_decide",
        "post",
        lambda s: [s.cohort.pk],
        _expect(operator=302, superuser=302),
    ),
    (
        "enrollments:waitlist_offer",
        "post",
        lambda s: [s.cohort.pk],
        _expect(operator=302, superuser=302),
    ),
    (
        "enrollments:reviewer_remove",
        "post",
        lambda s: [s.reviewer_row.pk],
        _expect(operator=302, superuser=302),
    ),
]


@pytest.mark.parametrize(
    ("name", "method", "args", "expected"), PAGES, ids=[page[0] for page in PAGES]
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_open_each_page(scene, name, method, args, expected, persona):
    url = reverse(name, args=args(scene))
    response = getattr(client_as(scene, persona), method)(url)
    assert response.status_code == expected[persona], f"{persona} {method.upper()} {url}"
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


def test_an_answer_file_is_served_to_the_applicant_staff_and_reviewers_only(scene):
    form = form_of(scene.cohort)
    question = form.questions.create(position=1, kind="file", label="증빙")
    other = apply(scene.cohort, answers={question.pk: pdf_upload()})
    answer = other.answers.get()
    url = reverse("enrollments:answer_download", args=[answer.pk])
    owner = Client()
    owner.force_login(other.user)
    assert owner.get(url).status_code == 200
    for persona, expected in {
        "operator": 200,
        "reviewer": 200,
        "applicant": 404,
        "other_operator": 404,
    }.items():
        assert client_as(scene, persona).get(url).status_code == expected, persona


def test_another_hubs_operator_sees_none_of_this_hubs_notifications(scene):
    response = client_as(scene, "other_operator").get(reverse("enrollments:notification_log"))
    assert scene.notification.subject not in response.content.decode()
    response = client_as(scene, "operator").get(reverse("enrollments:notification_log"))
    assert scene.notification.subject in response.content.decode()
