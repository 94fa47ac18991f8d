"""Errors raised by services; views turn them into messages, the API into one JSON shape."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused the operation; the message is user-facing (translated)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
