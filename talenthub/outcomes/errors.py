"""Outcome rules are reported as talenthub.core.errors.DomainError (user-facing, translated)."""

from __future__ import annotations

from talenthub.core.errors import DomainError

__all__ = ["DomainError"]
