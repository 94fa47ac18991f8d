"""Issue 5: an anonymous response cannot be traced to its respondent through the REST API either.

Every GET operation the OpenAPI schema lists is called with the most powerful tokens of the hub
(operator and superuser, every scope) and with the respondent's own token; no answer may carry
the anonymous comment, the response's key or anything that says the trainee answered."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from talenthub.api.main import api as ninja_api
from talenthub.enrollments.models import Application, Enrollment
from talenthub.outcomes.models import Outcome
from talenthub.surveys import services
from talenthub.surveys.models import Response
from talenthub.surveys.standard import SATISFACTION_CODE
from talenthub.surveys.tests.conftest import answers_for, invitation_of, make_survey

COMMENT = "실습 장비가 조금 부족했어요 익명API확인문장"


def _get_paths() -> list[str]:
    schema = ninja_api.get_openapi_schema()
    return sorted(path for path, operations in schema["paths"].items() if "get" in operations)


def _filled(path: str, world: Any) -> str:
    ids = {
        "application_id": Application.objects.filter(user=world["trainee"]).values_list(
            "pk", flat=True
        ),
        "enrolment_id": Enrollment.objects.filter(user=world["trainee"]).values_list(
            "pk", flat=True
        ),
        "outcome_id": Outcome.objects.filter(user=world["trainee"]).values_list("pk", flat=True),
    }

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        first = ids[name].first() if name in ids else None
        return str(first if first is not None else 1)

    return re.sub(r"\{(\w+)\}", one, path)


@pytest.fixture
def answered(world, django_capture_on_commit_callbacks) -> Response:
    services.standard_templates_install()
    survey = make_survey(world.cohort, services.latest_version(SATISFACTION_CODE))
    with django_capture_on_commit_callbacks(execute=True):
        return services.response_submit(
            invitation=invitation_of(survey, world["trainee"]),
            answers=answers_for(survey, 5, good=COMMENT),
        )


def test_the_schema_still_has_the_operations_this_test_walks():
    paths = _get_paths()
    assert "/api/survey-results" in paths
    assert len(paths) >= 10


@pytest.mark.parametrize("persona", ["operator", "superuser", "trainee"])
def test_no_api_answer_carries_the_comment_or_the_response(world, token, api, answered, persona):
    client: Client = api(token(persona))
    survey_seen = False
    for path in _get_paths():
        url = _filled(path, world)
        response = client.get(url)
        assert response.status_code < 500, url
        text = response.content.decode()
        assert COMMENT not in text, url
        assert str(answered.pk) not in text, url
        if path == "/api/survey-results" and response.status_code == 200:
            rows = json.loads(text)["items"]
            mine = [row for row in rows if row["cohort_id"] == world.cohort.pk]
            # The cohort's aggregate counts the answer, and names no one.
            assert len(mine) == 1
            assert mine[0]["respondents"] == 1
            assert set(mine[0]) == {
                "cohort_id",
                "course_code",
                "cohort_number",
                "ends_on",
                "respondents",
                "invited",
                "response_rate",
                "score",
            }
            survey_seen = True
    assert survey_seen == (persona != "trainee")
