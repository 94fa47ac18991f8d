"""A person's timeline, merged from every app that contributes entries.

To add an app, append its `selectors.timeline_entries` to PROVIDERS; nothing else changes. Entries
carry the hub they belong to: an operator sees only the entries of hubs they operate, and an entry
without a hub (a provider that does not say) is shown to the person alone."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Protocol

from talenthub.attendance.selectors import timeline_entries as attendance_entries
from talenthub.core.timeline import TimelineEntry, merge
from talenthub.enrollments.selectors import timeline_entries as enrolment_entries
from talenthub.events.selectors import timeline_entries as event_entries
from talenthub.outcomes.selectors import timeline_entries as outcome_entries
from talenthub.projects.selectors import timeline_entries as project_entries
from talenthub.surveys.selectors import timeline_entries as survey_entries


class EntryLike(Protocol):
    @property
    def at(self) -> datetime.datetime: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def detail(self) -> str: ...
    @property
    def url(self) -> str: ...


Provider = Callable[[int], Sequence[EntryLike]]

PROVIDERS: tuple[Provider, ...] = (
    enrolment_entries,
    attendance_entries,
    survey_entries,
    project_entries,
    event_entries,
    outcome_entries,
)


def _as_entry(entry: EntryLike) -> TimelineEntry:
    if isinstance(entry, TimelineEntry):
        return entry
    return TimelineEntry(
        at=entry.at,
        kind=entry.kind,
        title=entry.title,
        detail=entry.detail,
        url=entry.url,
        hub_id=getattr(entry, "hub_id", None),
        staff_url=getattr(entry, "staff_url", ""),
    )


def _collect(user_id: int, providers: Sequence[Provider]) -> list[TimelineEntry]:
    return [_as_entry(entry) for provider in providers for entry in provider(user_id)]


def timeline_for_person(
    user_id: int, providers: Sequence[Provider] = PROVIDERS
) -> list[TimelineEntry]:
    """Everything, for the person themselves."""
    return merge(_collect(user_id, providers))


def timeline_for_operator(
    user_id: int, hub_ids: set[int], providers: Sequence[Provider] = PROVIDERS
) -> list[TimelineEntry]:
    """Only the entries of the operator's hubs (never another hub's, never hub-less ones)."""
    entries = _collect(user_id, providers)
    return merge(entry for entry in entries if entry.hub_id is not None and entry.hub_id in hub_ids)
