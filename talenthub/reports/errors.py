from __future__ import annotations

from talenthub.core.errors import DomainError


class UnknownKpiError(DomainError):
    pass


class UnsupportedBreakdownError(DomainError):
    """The KPI cannot be broken down by that dimension (e.g. agreements by gender)."""
