"""Refusals of the survey services; the messages are shown to the person as they are."""

from __future__ import annotations

from talenthub.core.errors import DomainError


class SurveyClosedError(DomainError):
    """The survey's deadline has passed or an operator closed it."""


class AlreadyAnsweredError(DomainError):
    """The invitation has been used: one response per person."""


class InvalidAnswerError(DomainError):
    """A required question is unanswered or an answer is out of range."""
