"""Event lists make the same number of queries for 5 rows as for 50."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talenthub.events import services
from talenthub.events.tests.helpers import NOW, make_event, people

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _events(world, n):
    return [make_event(world.hub, capacity=None) for _ in range(n)]


def _registered(world, n, prefix):
    made = _events(world, n)
    for event in made:
        services.registration_register(event=event, user=world["trainee"], now=NOW)
    for event, person in zip(made, people(prefix, n), strict=True):
        services.registration_register(event=event, user=person, now=NOW)


@pytest.mark.parametrize(
    ("persona", "url_name"),
    [
        (None, "events:list"),
        ("operator", "events:manage_list"),
        ("trainee", "events:my_events"),
        ("trainee", "portal:dashboard"),
    ],
)
def test_event_lists_do_not_grow_with_rows(client, world, persona, url_name):
    if persona:
        client.force_login(world[persona])
    url = reverse(url_name)
    _registered(world, 5, "few")
    client.get(url)  # warm per-process caches
    few = _queries(client, url)
    _registered(world, 45, "many")
    many = _queries(client, url)
    assert few == many


def test_the_roster_does_not_grow_with_rows(client, world):
    event = make_event(world.hub, capacity=None)
    for person in people("r5", 5):
        services.registration_register(event=event, user=person, now=NOW)
    client.force_login(world["operator"])
    url = reverse("events:manage_roster", args=[event.pk])
    client.get(url)
    few = _queries(client, url)
    for person in people("r45", 45):
        services.registration_register(event=event, user=person, now=NOW)
    assert _queries(client, url) == few
