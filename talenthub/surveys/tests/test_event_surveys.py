"""Surveys of events: sent when the event ends to the people who attended, one satisfaction
survey per event, scored per event and never part of the hub's satisfaction."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from talenthub.core.errors import DomainError
from talenthub.events import services as events
from talenthub.events.models import Event
from talenthub.surveys import selectors, services
from talenthub.surveys.models import Invitation, Survey
from talenthub.surveys.tests.conftest import answers_for, make_survey

pytestmark = pytest.mark.django_db

START = datetime.datetime(2025, 4, 20, 5, 0, tzinfo=datetime.UTC)


def _event_with_people(world, *, title="바이브코딩 챌린지 데이") -> tuple[Event, list]:
    """A challenge day of hub alpha: the trainee and the instructor came, the mentor did not."""
    event = events.event_create(
        hub=world.hub,
        kind="challenge",
        title=title,
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=8),
        capacity=10,
    )
    events.event_publish(event=event)
    before = START - datetime.timedelta(days=3)
    regs = [
        events.registration_register(event=event, user=world[p], now=before)
        for p in ("trainee", "instructor", "mentor")
    ]
    during = START + datetime.timedelta(hours=1)
    events.registrations_mark(
        event=event, registration_ids=[r.pk for r in regs[:2]], status="attended", now=during
    )
    events.registrations_mark(
        event=event, registration_ids=[regs[2].pk], status="no_show", now=during
    )
    return event, regs


def test_an_ended_event_gets_the_standard_survey_sent_to_those_who_attended(
    world, satisfaction_version, django_capture_on_commit_callbacks
):
    event, _regs = _event_with_people(world)
    assert services.surveys_dispatch_due(now=START + datetime.timedelta(hours=2)) == 0
    after = START + datetime.timedelta(hours=9)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.surveys_dispatch_due(now=after) == 1
    survey = Survey.objects.get(event=event)
    assert survey.cohort_id is None
    assert survey.status == "open"
    invited = set(Invitation.objects.filter(survey=survey).values_list("user_id", flat=True))
    assert invited == {world["trainee"].pk, world["instructor"].pk}
    assert len(mail.outbox) == 2
    # Reminders and closing work as for a cohort's survey.
    assert services.surveys_remind_due(now=after + datetime.timedelta(days=8)) == 1
    assert services.surveys_dispatch_due(now=after + datetime.timedelta(days=1)) == 0


def test_a_cancelled_event_is_not_surveyed(world, satisfaction_version):
    event, _regs = _event_with_people(world)
    Event.objects.filter(pk=event.pk).update(status="cancelled")
    assert services.surveys_dispatch_due(now=START + datetime.timedelta(days=1)) == 0
    assert not Survey.objects.filter(event=event).exists()
    event.refresh_from_db()
    with pytest.raises(DomainError, match="cancelled event cannot be surveyed"):
        services.survey_create(event=event, version=satisfaction_version)


def test_one_satisfaction_survey_per_event(world, satisfaction_version):
    event, _regs = _event_with_people(world)
    services.survey_create(event=event, version=satisfaction_version)
    with pytest.raises(DomainError, match="This event already has a survey of this kind"):
        services.survey_create(event=event, version=satisfaction_version)
    with pytest.raises(IntegrityError), transaction.atomic():
        Survey.objects.create(
            event=event, version=satisfaction_version, purpose="satisfaction", title="둘째"
        )


def test_a_survey_belongs_to_exactly_one_of_a_cohort_and_an_event(world, satisfaction_version):
    event, _regs = _event_with_people(world)
    for cohort, on in ((world.cohort, event), (None, None)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Survey.objects.create(
                cohort=cohort, event=on, version=satisfaction_version, purpose="other", title="x"
            )


def test_event_scores_are_shown_apart_and_leave_the_hubs_satisfaction_alone(
    world, satisfaction_version
):
    cohort_survey = make_survey(world.cohort, satisfaction_version)
    services.response_submit(
        invitation=Invitation.objects.get(survey=cohort_survey, user=world["trainee"]),
        answers=answers_for(cohort_survey, 4),
    )
    before = selectors.hub_score(world.hub.pk, None, None)
    event, _regs = _event_with_people(world)
    survey = services.survey_create(event=event, version=satisfaction_version)
    services.survey_send(survey=survey, now=START + datetime.timedelta(hours=9))
    for person in ("trainee", "instructor"):
        services.response_submit(
            invitation=Invitation.objects.get(survey=survey, user=world[person]),
            answers=answers_for(survey, 5),
            now=START + datetime.timedelta(hours=10),
        )
    assert selectors.hub_score(world.hub.pk, None, None) == before  # 80: the cohort's only
    [row] = selectors.event_scores([world.hub.pk], None, None)
    assert row.event == event
    assert row.score == Decimal("100.0")
    assert (row.result.respondents, row.result.invited) == (2, 2)


def test_the_operator_sees_an_event_surveys_results_and_the_event_on_the_score_page(
    client, world, satisfaction_version
):
    event, _regs = _event_with_people(world)
    survey = services.survey_create(event=event, version=satisfaction_version)
    services.survey_send(survey=survey, now=START + datetime.timedelta(hours=9))
    client.force_login(world["operator"])
    page = client.get(reverse("surveys:results", args=[survey.pk]))
    assert page.status_code == 200
    assert event.title in page.content.decode()
    listing = client.get(reverse("surveys:survey_list")).content.decode()
    assert survey.title in listing
    scores = client.get(reverse("surveys:scores"), {"start": "2025-01-01", "end": "2025-12-31"})
    assert event.title in scores.content.decode()
    mine = client.get(reverse("surveys:event_survey_create", args=[event.pk]))
    assert mine.status_code == 200
    client.force_login(world["other_operator"])
    assert client.get(reverse("surveys:results", args=[survey.pk])).status_code == 404
    assert client.get(reverse("surveys:event_survey_create", args=[event.pk])).status_code == 404
    # The instructor who attended is no instructor of the event: no results page.
    client.force_login(world["instructor"])
    assert client.get(reverse("surveys:results", args=[survey.pk])).status_code == 404


def test_the_event_survey_appears_on_the_trainees_page_and_timeline(
    client, world, satisfaction_version
):
    event, _regs = _event_with_people(world)
    survey = services.survey_create(event=event, version=satisfaction_version, is_anonymous=False)
    services.survey_send(survey=survey, now=START + datetime.timedelta(hours=9))
    client.force_login(world["trainee"])
    assert survey.title in client.get(reverse("surveys:my_surveys")).content.decode()
    entries = selectors.timeline_entries(world["trainee"].pk)
    assert [e.hub_id for e in entries if e.kind == "survey_invited"] == [world.hub.pk]
