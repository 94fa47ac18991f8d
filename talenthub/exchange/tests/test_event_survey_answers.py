"""An event's survey answers leave through the hub's survey_answers export, like a cohort's."""

from __future__ import annotations

import datetime

import pytest

from talenthub.exchange.exports import DATASETS
from talenthub.surveys import services
from talenthub.surveys.models import Invitation, Survey
from talenthub.surveys.tests.conftest import answers_for
from talenthub.surveys.tests.test_event_surveys import START, _event_with_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def satisfaction_version(db: None):
    services.standard_templates_install()
    return services.latest_version("satisfaction-standard")


def test_an_event_surveys_answers_leave_through_the_hubs_survey_answers_export(
    world, satisfaction_version, django_capture_on_commit_callbacks
):
    event, _regs = _event_with_people(world, title="농생명 기술 투어 만족도")
    with django_capture_on_commit_callbacks(execute=True):
        services.surveys_dispatch_due(now=START + datetime.timedelta(hours=9))
    survey = Survey.objects.get(event=event)
    invitation = Invitation.objects.get(survey=survey, user=world["trainee"])
    services.response_submit(
        invitation=invitation,
        answers=answers_for(survey, 5),
        now=START + datetime.timedelta(hours=10),
    )
    rows = list(DATASETS["survey_answers"].records(world.hub, survey=survey.pk))
    assert rows
    assert {row["survey"] for row in rows} == {survey.title}
    assert {row["name"] for row in rows} == {""}  # anonymous: no one named
    assert not list(DATASETS["survey_answers"].records(world.other_hub, survey=survey.pk))
