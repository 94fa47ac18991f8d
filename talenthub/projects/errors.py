"""Project and job-posting rules are reported as talenthub.core.errors.DomainError."""

from __future__ import annotations

from talenthub.core.errors import DomainError

__all__ = ["DomainError"]
