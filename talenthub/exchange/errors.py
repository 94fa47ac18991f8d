"""Refusals of the exchange app. Row-level problems of an import are not exceptions to the caller:
they are collected into the import's report (see talenthub.exchange.report)."""

from __future__ import annotations

from talenthub.core.errors import DomainError


class ImportFileError(DomainError):
    """The file cannot be read as a table at all (not a spreadsheet, empty, unknown encoding)."""


class ImportStateError(DomainError):
    """The import is not in a state that allows the action (e.g. committing twice)."""


__all__ = ["DomainError", "ImportFileError", "ImportStateError"]
