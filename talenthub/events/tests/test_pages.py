"""The events pages: the public list and detail, registering and cancelling, the person's own
events, and the operators' list, form, roster and actions."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from talenthub.events import services
from talenthub.events.models import Event, Registration
from talenthub.events.tests.helpers import NOW, at, make_event, people

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_public_list_shows_published_events_of_every_hub_and_filters(client, world):
    mine = make_event(world.hub)
    theirs = make_event(world.other_hub)
    draft = make_event(world.hub, publish=False)
    page = client.get(reverse("events:list")).content.decode()
    assert mine.title in page
    assert f"/events/{theirs.pk}/" in page
    assert f"/events/{draft.pk}/" not in page
    filtered = client.get(reverse("events:list"), {"hub": "beta", "when": "upcoming"})
    assert f"/events/{mine.pk}/" not in filtered.content.decode()
    assert f"/events/{theirs.pk}/" in filtered.content.decode()
    past = client.get(reverse("events:list"), {"when": "past"}).content.decode()
    assert f"/events/{mine.pk}/" not in past
    htmx = client.get(reverse("events:list"), {"kind": "workshop"}, headers={"HX-Request": "true"})
    assert "<html" not in htmx.content.decode()


def test_a_draft_is_not_found_on_the_public_page(client, world):
    draft = make_event(world.hub, publish=False)
    assert client.get(reverse("events:detail", args=[draft.pk])).status_code == 404


def test_a_person_registers_and_is_told_when_the_event_is_full(client, world):
    event = make_event(world.hub, capacity=1)
    first, second = people("page", 2)
    client.force_login(first)
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert "You are registered." in response.content.decode()
    client.force_login(second)
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert "This event is full. You are on the waitlist as number 1" in response.content.decode()
    assert "You are on the waitlist as number 1." in response.content.decode()
    mine = client.get(reverse("events:my_events")).content.decode()
    assert event.title in mine
    assert "Waitlisted" in mine
    client.post(reverse("events:cancel", args=[event.pk]))
    assert Registration.objects.get(user=second).status == "cancelled"


def test_the_dashboard_lists_the_persons_coming_events(client, world):
    event = make_event(world.hub, capacity=None)
    services.registration_register(event=event, user=world["trainee"], now=NOW)
    client.force_login(world["trainee"])
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert reverse("events:detail", args=[event.pk]) in page
    assert reverse("events:my_events") in page


def test_the_operator_creates_publishes_and_marks_attendance(client, world):
    client.force_login(world["operator"])
    response = client.post(
        reverse("events:manage_create"),
        {
            "hub": world.hub.pk,
            "kind": "tour",
            "title": "스마트팜 기술 투어",
            "starts_at": "2025-06-10T10:00",
            "ends_at": "2025-06-10T16:00",
            "capacity": "20",
            "target_group": "all",
            "partners": [world.organisation.pk],
        },
    )
    event = Event.objects.get(title="스마트팜 기술 투어")
    assert response.status_code == 302
    assert event.status == "draft"
    assert list(event.partners.all()) == [world.organisation]
    assert event.starts_at == datetime.datetime(2025, 6, 10, 1, 0, tzinfo=datetime.UTC)
    client.post(reverse("events:manage_publish", args=[event.pk]))
    event.refresh_from_db()
    assert (event.status, event.is_published) == ("open", True)
    registration = services.registration_register(event=event, user=world["trainee"], now=NOW)
    with time_machine.travel(at(event, 1), tick=False):
        client.post(
            reverse("events:manage_mark", args=[event.pk]),
            {"status": "attended", "registrations": [registration.pk]},
        )
        client.post(reverse("events:manage_close", args=[event.pk]))
    registration.refresh_from_db()
    event.refresh_from_db()
    assert registration.status == "attended"
    assert event.status == "closed"
    roster = client.get(reverse("events:manage_roster", args=[event.pk])).content.decode()
    assert world["trainee"].name in roster


def test_the_form_refuses_an_event_that_ends_before_it_starts(client, world):
    client.force_login(world["operator"])
    response = client.post(
        reverse("events:manage_create"),
        {
            "hub": world.hub.pk,
            "kind": "seminar",
            "title": "세미나",
            "starts_at": "2025-06-10T10:00",
            "ends_at": "2025-06-10T09:00",
            "target_group": "all",
        },
    )
    assert response.status_code == 200
    assert "The event must end after it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_the_operator_edits_an_event_and_the_waitlist_moves_up(client, world):
    event = make_event(world.hub, capacity=1)
    a, b = people("edit", 2)
    services.registration_register(event=event, user=a, now=NOW)
    services.registration_register(event=event, user=b, now=NOW)
    client.force_login(world["operator"])
    data = {
        "kind": "workshop",
        "title": "워크숍 (증원)",
        "starts_at": "2025-06-09T18:00",
        "ends_at": "2025-06-09T21:00",
        "capacity": "2",
        "target_group": "neet",
    }
    assert client.post(reverse("events:manage_edit", args=[event.pk]), data).status_code == 302
    assert Registration.objects.get(user=b).status == "registered"


def test_another_hubs_operator_cannot_manage_the_event(client, world):
    event = make_event(world.hub)
    client.force_login(world["other_operator"])
    assert client.get(reverse("events:manage_roster", args=[event.pk])).status_code == 404
    assert client.post(reverse("events:manage_cancel", args=[event.pk])).status_code == 404
    event.refresh_from_db()
    assert event.status == "open"
