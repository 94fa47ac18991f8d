from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from talenthub.surveys import services
from talenthub.surveys.models import Invitation, Question, Survey, TemplateVersion
from talenthub.surveys.standard import SATISFACTION_CODE

SENT_AT = datetime.datetime(2025, 4, 25, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def satisfaction_version(db: None) -> TemplateVersion:
    services.standard_templates_install()
    return services.latest_version(SATISFACTION_CODE)


def make_survey(cohort: Any, version: TemplateVersion, *, anonymous: bool = True) -> Survey:
    survey = services.survey_create(cohort=cohort, version=version, is_anonymous=anonymous)
    services.survey_send(survey=survey, now=timezone.now())
    survey.refresh_from_db()
    return survey


@pytest.fixture
def survey(world: Any, satisfaction_version: TemplateVersion) -> Survey:
    """Alpha cohort's anonymous satisfaction survey, sent now; the trainee is invited."""
    return make_survey(world.cohort, satisfaction_version)


def answers_for(
    survey: Survey, likert: int | list[int] = 4, *, good: str = "", improve: str = ""
) -> dict[int, Any]:
    """A complete set of answers: every Likert item `likert` (or the values in turn)."""
    answers: dict[int, Any] = {}
    values = likert if isinstance(likert, list) else None
    index = 0
    for question in survey.version.questions.order_by("position"):
        if question.kind == "likert5":
            answers[question.pk] = values[index % len(values)] if values else likert
            index += 1
        elif question.kind == "recommend":
            answers[question.pk] = 9
        elif question.kind == "single":
            answers[question.pk] = 0
        elif question.kind == "multiple":
            answers[question.pk] = [0, 2]
        elif question.code == "good":
            answers[question.pk] = good
        elif question.code == "improve":
            answers[question.pk] = improve
    return answers


def invitation_of(survey: Survey, user: Any) -> Invitation:
    return Invitation.objects.get(survey=survey, user=user)


def likert_questions(survey: Survey) -> list[Question]:
    return list(survey.version.questions.filter(kind="likert5").order_by("position"))
