"""What an export is: a named list of one hub with its columns, some of them personal data, and
for each purpose the only personal columns that purpose needs (data minimisation).

Column headers that name a column of an import format are that format's Korean header (data: an
exported roster imports again unchanged, and HRD-Net-style sheets keep their names); the others
are interface text."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.functional import Promise

from talenthub.hubs.models import Hub

Record = Mapping[str, Any]
# The narrowings a dataset may offer, each an id of a record of the hub: the dataset's records
# function takes it as a keyword argument and returns only that record's rows.
FILTERS = ("cohort", "survey", "organisation")


@dataclass(frozen=True)
class ExportColumn:
    key: str
    title: str | Promise
    personal: bool = False


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str | Promise
    columns: tuple[ExportColumn, ...]
    records: Callable[..., Iterable[Record]]  # (hub, **filters) → rows
    # Purpose → keys of the columns it needs. A dataset with personal columns is exported only
    # for one of these purposes, with those columns; one without is exported whole.
    purposes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Narrowings `records` takes as keyword arguments besides the hub (FILTERS), e.g. a list
    # page of one cohort exports that cohort's rows only.
    filters: tuple[str, ...] = ()

    @property
    def purpose_labels(self) -> list[str]:
        from talenthub.exchange.choices import ExportPurpose

        return [str(ExportPurpose(p).label) for p in self.purposes]

    @property
    def personal(self) -> bool:
        return any(column.personal for column in self.columns)

    def columns_for(self, purpose: str) -> list[ExportColumn] | None:
        """The columns for `purpose`, in the dataset's order: all of them for a dataset without
        personal data; else only those the purpose lists (None: not exported for it)."""
        if not self.personal:
            return list(self.columns)
        allowed = self.purposes.get(purpose)
        if allowed is None:
            return None
        return [column for column in self.columns if column.key in allowed]

    def table(
        self,
        hub: Hub,
        columns: Sequence[ExportColumn],
        filters: Mapping[str, int] | None = None,
    ) -> tuple[list[str], list[list[Any]]]:
        headers = [str(column.title) for column in columns]
        records = self.records(hub, **filters) if filters else self.records(hub)
        rows = [[record.get(column.key) for column in columns] for record in records]
        return headers, rows


def every_key(columns: Iterable[ExportColumn], *, but: Sequence[str] = ()) -> tuple[str, ...]:
    """The keys of `columns` (save those in `but`), for a purpose that needs all of them."""
    return tuple(column.key for column in columns if column.key not in but)


def pseudonym(person_id: int) -> str:
    """A stable key for a person in exports without identities: the same person gets the same
    key in every export (so rows can be linked), and it cannot be turned back into an id
    without the secret key."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"person:{person_id}".encode(), hashlib.sha256
    ).hexdigest()
    return f"P{digest[:12].upper()}"
