"""Refusals of the events services; the messages are shown to the person as they are."""

from __future__ import annotations

from talenthub.core.errors import DomainError


class EventNotOpenError(DomainError):
    """The event is a draft, closed, cancelled or already under way."""


class EventFullError(DomainError):
    """Every seat is taken (raised inside the services; the person is waitlisted instead)."""

    def __init__(self) -> None:
        super().__init__("full")
