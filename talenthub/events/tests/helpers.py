"""Events and people for the events tests (the app's own tests may not import the factories)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from talenthub.accounts.models import User
from talenthub.events import services
from talenthub.events.models import Event

NOW = datetime.datetime(2025, 6, 2, 9, 0, tzinfo=datetime.UTC)


def make_event(hub: Any, *, capacity: int | None = 2, days: int = 7, publish: bool = True) -> Event:
    starts = NOW + datetime.timedelta(days=days)
    event = services.event_create(
        hub=hub,
        kind="workshop",
        title="쉬었음 청년 디지털 워크숍",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        capacity=capacity,
        target_group="neet",
    )
    if publish:
        event = services.event_publish(event=event)
    return event


def people(prefix: str, count: int) -> list[User]:
    password = make_password("pw-Talent-2025!")
    User.objects.bulk_create(
        User(email=f"{prefix}-{n}@events.example.kr", name=f"참가자{n}", password=password)
        for n in range(count)
    )
    return list(User.objects.filter(email__startswith=f"{prefix}-").order_by("id"))


def at(event: Event, hours: float) -> datetime.datetime:
    """A moment relative to the event's start."""
    return event.starts_at + datetime.timedelta(hours=hours)


__all__ = ["NOW", "at", "make_event", "people", "timezone"]
