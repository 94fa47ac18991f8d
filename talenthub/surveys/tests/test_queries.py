"""List pages keep a constant number of queries as their rows grow (5 rows vs 50)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talenthub.surveys import services
from talenthub.surveys.tests.conftest import answers_for, make_survey


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_surveys(world, factories, version, n: int) -> None:
    for _ in range(n):
        cohort = factories.CohortFactory(course=world.course, status="finished")
        factories.EnrollmentFactory(cohort=cohort, status="completed", finished_on=cohort.ends_on)
        make_survey(cohort, version)


def add_responses(survey, factories, n: int) -> None:
    for i in range(n):
        user = factories.EnrollmentFactory(cohort=survey.cohort).user
        services.survey_send(survey=survey)
        invitation = survey.invitations.get(user=user)
        response = services.response_submit(
            invitation=invitation,
            answers=answers_for(survey, [5, 4], good=f"실습이 좋았어요 {i}"),
        )
        services.response_analyse(response_id=str(response.pk))


@pytest.mark.parametrize("page", ["surveys:survey_list", "surveys:scores"])
def test_survey_lists_do_not_grow_with_surveys(
    client, world, factories, satisfaction_version, page
):
    client.force_login(world["operator"])
    add_surveys(world, factories, satisfaction_version, 5)
    url = reverse(page) + ("?by=cohort" if page == "surveys:scores" else "")
    few = count_queries(client, url)
    add_surveys(world, factories, satisfaction_version, 45)
    assert count_queries(client, url) == few


def test_results_and_comments_do_not_grow_with_responses(client, world, factories, survey):
    client.force_login(world["operator"])
    urls = [
        reverse("surveys:results", args=[survey.pk]),
        reverse("surveys:comment_search") + "?term=실습",
    ]
    add_responses(survey, factories, 5)
    few = [count_queries(client, url) for url in urls]
    add_responses(survey, factories, 45)
    assert [count_queries(client, url) for url in urls] == few


def test_my_surveys_does_not_grow_with_invitations(client, world, factories, satisfaction_version):
    trainee = world["trainee"]
    client.force_login(trainee)

    def invite(n: int) -> None:
        for _ in range(n):
            cohort = factories.CohortFactory(course=world.course)
            factories.EnrollmentFactory(cohort=cohort, user=trainee)
            make_survey(cohort, satisfaction_version)

    invite(5)
    few = count_queries(client, reverse("surveys:my_surveys"))
    invite(45)
    assert count_queries(client, reverse("surveys:my_surveys")) == few
