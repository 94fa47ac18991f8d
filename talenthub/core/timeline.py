"""A person's timeline is assembled from entries that each app contributes.

Every app that has something to say about a person exposes `timeline_entries(user_id)` in its
selectors, returning a list of `TimelineEntry`; the portal merges the providers it lists in
`talenthub.portal.timeline.PROVIDERS` and sorts them by time."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TimelineEntry:
    """One event in a person's history.

    `hub_id` scopes the entry: an operator sees only the entries of hubs they operate, and an entry
    without a hub is shown to the person alone. `url` is the person's own page for the event;
    `staff_url` the operators' page (blank: no link for operators)."""

    at: datetime.datetime
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    hub_id: int | None = None
    staff_url: str = ""

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("TimelineEntry.at must be an aware datetime")


TimelineProvider = Callable[[int], list[TimelineEntry]]


def merge(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Oldest first, as a history reads; entries at the same instant keep a stable order."""
    return sorted(entries, key=lambda entry: (entry.at, entry.kind, entry.title))
