"""Who may open which survey page. Another hub's ids answer 404, like a miss."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talenthub.surveys import services
from talenthub.surveys.tests.conftest import invitation_of

PERSONAS = [
    "anonymous",
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
    "superuser",
]
STAFF = {"operator": 200, "superuser": 200}

# page → expected status per persona (others: 404; anonymous visitors go to sign-in: 302)
EXPECTED_GET: dict[str, dict[str, int]] = {
    "results": {**STAFF, "instructor": 200},
    "export": STAFF,
    "survey_create": STAFF,
    "comment_search": {**STAFF, "other_operator": 200},
    "scores": {**STAFF, "other_operator": 200, "consortium_lead": 200, "funder": 200},
    "survey_list": dict.fromkeys(PERSONAS[1:], 200),
    "my_surveys": dict.fromkeys(PERSONAS[1:], 200),
}


def url_for(name: str, world, survey) -> str:
    if name in {"results", "export", "send", "remind", "close"}:
        return reverse(f"surveys:{name}", args=[survey.pk])
    if name == "survey_create":
        return reverse("surveys:survey_create", args=[world.cohort.pk])
    return reverse(f"surveys:{name}")


def login(client, world, persona: str) -> None:
    if persona != "anonymous":
        client.force_login(world[persona])


@pytest.mark.parametrize("page", sorted(EXPECTED_GET))
@pytest.mark.parametrize("persona", PERSONAS)
def test_get_pages_answer_each_persona(client, world, survey, page, persona):
    login(client, world, persona)
    response = client.get(url_for(page, world, survey))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == EXPECTED_GET[page].get(persona, 404)


@pytest.mark.parametrize("action", ["send", "remind", "close"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_management_actions_are_for_the_hubs_operators(client, world, survey, action, persona):
    login(client, world, persona)
    response = client.post(url_for(action, world, survey))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif persona in STAFF:
        assert response.status_code == 302
        assert response["Location"] == reverse("surveys:results", args=[survey.pk])
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("action", ["send", "remind", "close", "export"])
def test_management_actions_refuse_get_or_answer_for_the_right_method(
    client, world, survey, action
):
    client.force_login(world["operator"])
    expected = 200 if action == "export" else 405
    assert client.get(url_for(action, world, survey)).status_code == expected


def test_other_hubs_survey_is_404_for_an_operator(client, world, satisfaction_version):
    other = services.survey_create(cohort=world.other_cohort, version=satisfaction_version)
    client.force_login(world["operator"])
    for name in ("results", "export"):
        assert client.get(reverse(f"surveys:{name}", args=[other.pk])).status_code == 404
    assert client.post(reverse("surveys:send", args=[other.pk])).status_code == 404
    create = reverse("surveys:survey_create", args=[world.other_cohort.pk])
    assert client.get(create).status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_personal_link_works_for_anyone_holding_it(client, world, survey, persona):
    login(client, world, persona)
    token = services.invitation_token(invitation_of(survey, world["trainee"]))
    assert client.get(reverse("surveys:respond", args=[token])).status_code == 200


def test_an_altered_link_is_404(client, world, survey):
    token = services.invitation_token(invitation_of(survey, world["trainee"]))
    assert client.get(reverse("surveys:respond", args=[token[:-2] + "xx"])).status_code == 404
    invitation = invitation_of(survey, world["trainee"])
    forged = services.invitation_token(type(invitation)(pk=invitation.pk, nonce="guess"))
    assert client.get(reverse("surveys:respond", args=[forged])).status_code == 404


def test_instructor_sees_results_without_identities_or_management(client, world, factories):
    version = services.latest_version("satisfaction-standard")
    survey = services.survey_create(cohort=world.cohort, version=version, is_anonymous=False)
    services.survey_send(survey=survey)
    client.force_login(world["instructor"])
    text = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert world["trainee"].name not in text
    assert reverse("surveys:export", args=[survey.pk]) not in text
    assert reverse("surveys:send", args=[survey.pk]) not in text
    client.force_login(world["operator"])
    text = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert world["trainee"].name in text  # identified survey: the operator sees who answered


def test_funders_see_scores_but_not_instructor_names(client, world, survey):
    client.force_login(world["funder"])
    response = client.get(reverse("surveys:scores") + "?by=instructor")
    assert response.status_code == 200
    assert response.context["group_by"] == "hub"
    assert world["instructor"].name not in response.content.decode()


def test_operator_creates_a_survey_from_the_form_and_a_second_is_refused(
    client, world, satisfaction_version, factories
):
    cohort = factories.CohortFactory(course=world.course)
    client.force_login(world["operator"])
    url = reverse("surveys:survey_create", args=[cohort.pk])
    data = {
        "version": satisfaction_version.pk,
        "title": "",
        "is_anonymous": "on",
        "deadline_days": 21,
        "send_at_cohort_end": "on",
    }
    response = client.post(url, data)
    survey = cohort.surveys.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:results", args=[survey.pk])
    assert (survey.is_anonymous, survey.deadline_days, survey.status) == (True, 21, "draft")
    again = client.post(url, data)
    assert again.status_code == 200
    assert "already has a survey" in again.content.decode()


def test_answering_through_the_form_twice_is_refused_with_409(client, world, survey):
    from talenthub.surveys.tests.conftest import answers_for

    token = services.invitation_token(invitation_of(survey, world["trainee"]))
    url = reverse("surveys:respond", args=[token])
    data: dict[str, str | list[str]] = {}
    for question_id, value in answers_for(survey, 5).items():
        if isinstance(value, list):
            data[f"q{question_id}"] = [str(v) for v in value]
        elif value not in ("", None):
            data[f"q{question_id}"] = str(value)
    first = client.post(url, data)
    assert first.status_code == 200
    assert "have been received" in first.content.decode()
    second = client.post(url, data)
    assert second.status_code == 409
    assert "already answered" in second.content.decode()
