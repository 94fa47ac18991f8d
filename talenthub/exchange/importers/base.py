"""What every importer shares: the columns of its format, reading a row's cells into values with
per-cell problems, duplicate detection, and the row loop that writes through the owning apps'
services inside one transaction.

A dry run is the real import rolled back: every row goes through the same services, so it reports
exactly what committing would do (a full cohort, an unknown course, a sequence the rules refuse),
and the import itself is the same run, committed only when no row has an error."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.functional import Promise

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.exchange import values
from talenthub.exchange.choices import RowAction
from talenthub.exchange.reading import RawRow, Table
from talenthub.exchange.report import Report
from talenthub.hubs.models import Hub

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the format's Korean header (data: the files operators exchange use it)
    parse: Callable[[Any], Any]
    aliases: tuple[str, ...] = ()
    required: bool = False  # the file must have this column
    mandatory: bool = False  # every row must have a value in it
    help: str | Promise = ""
    example: str = ""

    def names(self) -> set[str]:
        return {form for name in (self.header, *self.aliases) for form in header_forms(name)}


def header_forms(name: str) -> list[str]:
    """A header as compared: squeezed, with and without a parenthesised note or a trailing "*"
    ("거주지(시군구)" also matches "거주지"; "이름*" matches "이름")."""
    base = values.squeeze(name.replace("*", ""))
    forms = [base]
    bare = re.sub(r"\(.*?\)|\[.*?\]", "", base)
    if bare and bare != base:
        forms.append(bare)
    return forms


class RowError(Exception):
    """A row cannot be imported; `column` is a column key of the importer ("" for the row)."""

    def __init__(self, code: str, column: str = "", **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.column = column
        self.params = params


@dataclass
class Row:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    ok: bool = True

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)


@dataclass(frozen=True)
class Outcome:
    action: str
    label: str
    changed: Sequence[str] = ()


def changed_labels(importer: Importer, keys: Iterable[str]) -> list[str]:
    return [importer.header_of(key) for key in keys]


class Importer:
    kind: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    # Formats keyed by a person need at least one of these columns (and a value per row).
    contact_keys: ClassVar[tuple[str, ...]] = ()
    # A service's DomainError names a field; this maps it to the column the operator should fix.
    field_columns: ClassVar[dict[str, str]] = {}

    def __init__(
        self,
        *,
        hub: Hub,
        actor: User | None,
        report: Report,
        run_id: int | None = None,
        run_label: str = "",
    ) -> None:
        self.hub = hub
        self.actor = actor
        self.report = report
        self.run_id = run_id
        self.run_label = run_label
        self.positions: dict[str, int] = {}
        self.headers: dict[str, str] = {}

    # --- Header ----------------------------------------------------------------------------------

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def header_of(self, key: str) -> str:
        """The column as the file names it (the format's header if the file lacks it)."""
        if key in self.headers:
            return self.headers[key]
        found = [c.header for c in self.columns if c.key == key]
        return found[0] if found else key

    def bind(self, headers: Sequence[str], header_row: int) -> bool:
        """Find each column of the format in the file's header row; report missing, duplicated
        and unknown columns. False when a required column is missing (no row can be read)."""
        lookup: dict[str, str] = {}
        for column in self.columns:
            for name in column.names():
                lookup.setdefault(name, column.key)
        for index, header in enumerate(headers):
            if not header.strip():
                continue
            key = self.match_header(header, lookup)
            if key is None:
                self.report.warning(header_row, header, "unknown_column", header=header)
            elif key in self.positions:
                self.report.warning(header_row, header, "duplicate_column", header=header)
            else:
                self.positions[key] = index
                self.headers[key] = header.strip()
        complete = True
        for column in self.columns:
            if column.required and column.key not in self.positions:
                self.report.error(None, column.header, "missing_column", header=column.header)
                complete = False
        if self.contact_keys and not any(k in self.positions for k in self.contact_keys):
            names = ", ".join(self.column(k).header for k in self.contact_keys)
            self.report.error(None, "", "missing_contact_column", columns=names)
            complete = False
        return complete

    def match_header(self, header: str, lookup: dict[str, str]) -> str | None:
        for form in header_forms(header):
            if form in lookup:
                return lookup[form]
        return None

    # --- Rows ------------------------------------------------------------------------------------

    def parse(self, raw: RawRow) -> Row:
        row = Row(raw.number)
        unreadable: set[str] = set()
        for column in self.columns:
            index = self.positions.get(column.key)
            cell = raw.cells[index] if index is not None and index < len(raw.cells) else None
            try:
                value = column.parse(cell)
            except values.BadValueError as problem:
                self.problem(row, column.key, problem.code, **problem.params)
                unreadable.add(column.key)
                continue
            if value is None and column.mandatory and index is not None:
                self.problem(row, column.key, "required_value")
            row.values[column.key] = value
        contact_given = any(row[k] is not None or k in unreadable for k in self.contact_keys)
        if self.contact_keys and not contact_given:
            present = [k for k in self.contact_keys if k in self.positions]
            self.problem(row, present[0] if present else "", "need_contact")
        if row.ok:
            self.check_row(row)
        return row

    def check_row(self, row: Row) -> None:
        """Checks across a row's own values (dates in order, …); override."""

    def problem(self, row: Row, key: str, code: str, **params: object) -> None:
        row.ok = False
        self.report.error(row.number, self.header_of(key) if key else "", code, **params)

    def natural_key(self, row: Row) -> Sequence[tuple[str, Any]]:
        """Identities of a row: any two rows sharing one are duplicates ([(what, value), …])."""
        return ()

    def check_duplicates(self, rows: Sequence[Row]) -> None:
        seen: dict[tuple[str, Any], int] = {}
        for row in rows:
            if not row.ok:
                continue
            for what, value in self.natural_key(row):
                if value is None:
                    continue
                first = seen.get((what, value))
                if first is not None:
                    self.problem(row, "", "duplicate_row", what=what, first=first)
                    break
            else:
                for what, value in self.natural_key(row):
                    seen.setdefault((what, value), row.number)

    def check_rows(self, rows: Sequence[Row]) -> None:
        """Checks across rows; by default, duplicates of the natural key."""
        self.check_duplicates(rows)

    def prepare(self, rows: Sequence[Row]) -> None:
        """Load what the rows refer to, in a few queries; override."""

    def label(self, row: Row) -> str:
        return ""

    def apply(self, row: Row) -> Outcome:
        raise NotImplementedError

    # --- The run ---------------------------------------------------------------------------------

    def apply_safely(self, row: Row) -> None:
        try:
            with transaction.atomic():
                outcome = self.apply(row)
        except RowError as problem:
            self.problem(row, problem.column, problem.code, **problem.params)
        except DomainError as error:
            column = self.field_columns.get(error.field or "", "")
            self.problem(row, column, "refused", message=error.message)
        except ValidationError as error:
            self.problem(row, "", "refused", message=" ".join(error.messages))
        except IntegrityError:
            from django.utils.translation import gettext as _

            self.problem(
                row, "", "refused", message=_("This row conflicts with a record already stored.")
            )
        else:
            self.report.result(row.number, outcome.action, outcome.label, list(outcome.changed))
            return
        self.report.result(row.number, RowAction.ERROR, self.label(row))


def execute(
    importer: Importer,
    table: Table,
    *,
    commit: bool,
    progress: Progress | None = None,
    on_success: Callable[[Report], None] | None = None,
) -> Report:
    """Read, check and write the table in one transaction. The writes stay only when `commit` is
    set and no row has an error; `on_success` runs inside that transaction (to record the run as
    imported together with its rows, or not at all)."""
    report = importer.report
    report.rows_total = len(table.rows)
    if not importer.bind(table.headers, table.header_row):
        return report
    if not table.rows:
        report.error(None, "", "no_rows")
        return report
    rows = [importer.parse(raw) for raw in table.rows]
    importer.check_rows(rows)
    if commit and report.has_errors:
        # Nothing can land; still report every row as the dry run would.
        commit = False
    with transaction.atomic():
        importer.prepare(rows)
        total = len(rows)
        for done, row in enumerate(rows, start=1):
            if row.ok:
                importer.apply_safely(row)
            else:
                report.result(row.number, RowAction.ERROR, importer.label(row))
            if progress is not None:
                progress(done, total)
        if commit and not report.has_errors:
            if on_success is not None:
                on_success(report)
        else:
            transaction.set_rollback(True)
    return report
