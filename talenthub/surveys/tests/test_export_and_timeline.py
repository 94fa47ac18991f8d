"""The XLSX export neutralises formula-like cells; the timeline shows identified surveys only."""

from __future__ import annotations

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.surveys import services
from talenthub.surveys.export import safe_cell
from talenthub.surveys.selectors import timeline_entries
from talenthub.surveys.tests.conftest import answers_for, invitation_of, make_survey


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+82 10", "'+82 10"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("좋았어요", "좋았어요"),
        (4, 4),
        (-3, -3),
        (None, None),
    ],
)
def test_formula_like_text_is_neutralised_and_numbers_are_kept(value, expected):
    assert safe_cell(value) == expected


def test_the_answers_workbook_names_no_one_even_for_an_identified_survey_and_neutralises_text(
    client, world, factories
):
    services.standard_templates_install()
    survey = make_survey(
        world.cohort, services.latest_version("satisfaction-standard"), anonymous=False
    )
    services.response_submit(
        invitation=invitation_of(survey, world["trainee"]),
        answers=answers_for(survey, 5, good="=cmd|' /C calc'!A0"),
    )
    client.force_login(world["operator"])
    response = client.get(reverse("surveys:export", args=[survey.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "Name" not in rows[0]
    assert "E-mail" not in rows[0]
    cells = [str(cell) for row in rows for cell in row if cell is not None]
    assert not any(
        world["trainee"].name in cell or world["trainee"].email in cell for cell in cells
    )
    assert "'=cmd|' /C calc'!A0" in rows[1]
    assert 5 in rows[1]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_timeline_has_identified_survey_events_and_nothing_of_anonymous_ones(world, factories):
    services.standard_templates_install()
    version = services.latest_version("satisfaction-standard")
    trainee = world["trainee"]
    anonymous = make_survey(world.cohort, version, anonymous=True)
    services.response_submit(
        invitation=invitation_of(anonymous, trainee), answers=answers_for(anonymous)
    )
    other_cohort = factories.CohortFactory(course=world.course, number=2)
    factories.EnrollmentFactory(cohort=other_cohort, user=trainee)
    identified = make_survey(other_cohort, version, anonymous=False)
    services.response_submit(
        invitation=invitation_of(identified, trainee), answers=answers_for(identified)
    )
    entries = timeline_entries(trainee.pk)
    assert [entry.kind for entry in entries] == ["survey_invited", "survey_answered"]
    assert all(identified.title in entry.title for entry in entries)
    assert all(entry.hub_id == world.hub.pk for entry in entries)
    assert all(anonymous.title not in entry.title for entry in entries)
    assert entries[0].staff_url == reverse("surveys:results", args=[identified.pk])


def test_an_answer_given_the_afternoon_the_survey_was_sent_comes_after_its_invitation(world):
    services.standard_templates_install()
    version = services.latest_version("satisfaction-standard")
    survey = services.survey_create(cohort=world.cohort, version=version, is_anonymous=False)
    afternoon = datetime.datetime(2025, 6, 2, 15, 30, tzinfo=ZoneInfo("Asia/Seoul"))
    services.survey_send(survey=survey, now=afternoon)
    services.response_submit(
        invitation=invitation_of(survey, world["trainee"]),
        answers=answers_for(survey),
        now=afternoon + datetime.timedelta(minutes=5),
    )
    entries = timeline_entries(world["trainee"].pk)
    assert [entry.kind for entry in entries] == ["survey_invited", "survey_answered"]
    assert entries[1].at.date() == afternoon.date()
