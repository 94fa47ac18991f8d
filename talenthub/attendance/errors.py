"""Refusals of the attendance services. Messages are user-facing and translated."""

from __future__ import annotations

from talenthub.core.errors import DomainError


class QrTokenError(DomainError):
    """The scanned code is forged, expired, for another day or outside the day's hours."""


class ReplayError(DomainError):
    """The same code was already used by this trainee for this action."""


class SequenceError(DomainError):
    """The action does not follow from the trainee's scans so far (e.g. check-out before in)."""


class NotEnrolledError(DomainError):
    """The signed-in person is not an enrolled trainee of the code's cohort."""
