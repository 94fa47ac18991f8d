"""An anonymous response cannot be traced to its respondent: not through a page, the export, the
back office or the database. The REST API is walked operation by operation in
talenthub/api/tests/test_survey_anonymity.py."""

from __future__ import annotations

import io

import pytest
from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.surveys import services
from talenthub.surveys.models import Answer, CommentTerm, Invitation, Response
from talenthub.surveys.tests.conftest import answers_for, invitation_of

COMMENT = "강사님이 친절하셔서 정말 좋았습니다 익명확인용문장"


@pytest.fixture
def answered(world, survey, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = services.response_submit(
            invitation=invitation_of(survey, world["trainee"]),
            answers=answers_for(survey, 5, good=COMMENT),
        )
    return response


def identifiers(person) -> list[str]:
    return [person.name, person.email, person.mobile, str(person.pk)]


def assert_no_trace(text: str, person) -> None:
    for value in identifiers(person)[:3]:
        assert value not in text


@pytest.mark.parametrize("persona", ["operator", "superuser", "instructor"])
def test_pages_show_the_comment_but_not_who_wrote_it(client, world, survey, answered, persona):
    client.force_login(world[persona])
    urls = [
        reverse("surveys:results", args=[survey.pk]),
        reverse("surveys:results", args=[survey.pk]) + "?term=강사",
        reverse("surveys:survey_list"),
    ]
    if persona != "instructor":
        urls += [
            reverse("surveys:comment_search") + "?term=강사",
            reverse("surveys:scores") + "?by=cohort",
        ]
    seen_comment = False
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        seen_comment |= COMMENT in text
        assert_no_trace(text, world["trainee"])
    assert seen_comment


@pytest.mark.parametrize("persona", ["operator", "superuser"])
def test_the_back_office_shows_no_person_for_an_anonymous_response(
    client, world, survey, answered, persona
):
    client.force_login(world[persona])
    pages = [
        reverse("admin:surveys_response_changelist"),
        reverse("admin:surveys_response_change", args=[answered.pk]),
        reverse("admin:surveys_survey_change", args=[survey.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_trace(response.content.decode(), world["trainee"])
    assert COMMENT in client.get(pages[1]).content.decode()
    # Invitations (who was asked, who has answered) are not in the back office at all.
    with pytest.raises(NoReverseMatch):
        reverse("admin:surveys_invitation_changelist")


def test_the_export_has_no_name_email_or_time_of_day(client, world, survey, answered):
    client.force_login(world["operator"])
    response = client.get(reverse("surveys:export", args=[survey.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert COMMENT in cells
    header = next(sheet.iter_rows(values_only=True))
    assert "Name" not in header
    assert "E-mail" not in header
    for value in identifiers(world["trainee"])[:3]:
        assert not any(value in cell for cell in cells)
    submitted = sheet.cell(row=2, column=1).value
    assert (submitted.hour, submitted.minute, submitted.second) == (0, 0, 0)


def test_no_database_column_links_an_anonymous_response_to_a_person(world, survey, answered):
    row = Response.objects.values().get(pk=answered.pk)
    assert row["invitation_id"] is None
    assert row["respondent_id"] is None
    # The response keeps the day only and a random key (no sequence to line up with anything).
    assert {name for name in row if "time" in name or name.endswith("_at")} == set()
    user_model = apps.get_model("accounts", "User")
    # Answers and terms point only at the response, a question or an answer.
    for model in (Answer, CommentTerm):
        targets = {
            f.related_model for f in model._meta.get_fields() if f.is_relation and f.concrete
        }
        assert user_model not in targets
        assert Invitation not in targets
    # The invitation records no response, no time of answering and no update time.
    invitation_columns = {f.name for f in Invitation._meta.concrete_fields}
    assert invitation_columns == {"id", "survey", "user", "nonce", "sent_at", "is_used"}
    assert not any(
        isinstance(f, models.ForeignKey) and f.related_model is Response
        for f in Invitation._meta.concrete_fields
    )
    # No history table records the invitation's change at the moment of answering.
    assert not hasattr(Invitation, "history")


def test_the_analysis_task_is_given_the_response_only(
    world, survey, monkeypatch, django_capture_on_commit_callbacks
):
    """Task arguments are stored by the broker and the result backend: no invitation there."""
    from talenthub.surveys import tasks

    calls = []
    monkeypatch.setattr(tasks.analyse_response, "delay", lambda *args: calls.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        response = services.response_submit(
            invitation=invitation_of(survey, world["trainee"]),
            answers=answers_for(survey, good="좋았어요"),
        )
    assert calls == [(str(response.pk),)]
