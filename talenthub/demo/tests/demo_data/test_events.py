"""Every hub's events, and their surveys leaving the cohorts' satisfaction alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from talenthub.demo.data import DEMO_TODAY
from talenthub.demo.tests.demo_data.helpers import REPORTED
from talenthub.events.choices import EventStatus, RegistrationStatus
from talenthub.events.models import Event, EventSeats, Registration
from talenthub.hubs.models import Hub
from talenthub.surveys.choices import Purpose
from talenthub.surveys.models import Response, Survey
from talenthub.surveys.scoring import round_half_up
from talenthub.surveys.selectors.scores import hub_score


@pytest.mark.django_db
def test_every_hub_holds_events_each_year_and_some_are_still_open():
    for code in ("jeonju", "gwangju", "jeonnam"):
        held = Event.objects.filter(hub__code=code, status=EventStatus.CLOSED)
        years = {e.ends_at.year for e in held}
        assert years == set(range(2020, 2027)), code
        kinds = set(held.values_list("kind", flat=True))
        assert {"tour", "workshop", "challenge", "seminar"} <= kinds, code
        upcoming = Event.objects.filter(hub__code=code, status=EventStatus.OPEN)
        assert upcoming.count() == 3
        assert all(e.starts_at.date() > DEMO_TODAY for e in upcoming)
    assert not Registration.objects.filter(
        event__status=EventStatus.OPEN,
        status__in=[RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW],
    ).exists()
    # The ledgers agree with the rows; no event is over capacity; a full one has a waitlist.
    for seats in EventSeats.objects.select_related("event"):
        holders = seats.event.registrations.filter(
            status__in=["registered", "attended", "no_show"]
        ).count()
        assert seats.seats_taken == holders <= (seats.event.capacity or holders)
    assert Registration.objects.filter(status=RegistrationStatus.WAITLISTED).exists()
    assert Registration.objects.filter(
        user__email="trainee@jeonju.demo", event__status=EventStatus.OPEN
    ).exists()


@pytest.mark.django_db
def test_event_surveys_have_answers_but_leave_jeonju_satisfaction_at_92_4():
    surveyed = Survey.objects.filter(event__isnull=False, purpose=Purpose.SATISFACTION)
    assert surveyed.exists()
    assert Response.objects.filter(survey__in=surveyed).exists()
    jeonju = Hub.objects.get(code="jeonju")
    score = hub_score(jeonju.pk, *REPORTED).score
    assert round_half_up(score) == Decimal("92.4")
