"""Partner rules are reported as talenthub.core.errors.DomainError; nothing partner-specific yet
needs its own type, so this module re-exports it for callers that import errors by app."""

from __future__ import annotations

from talenthub.core.errors import DomainError

__all__ = ["DomainError"]
