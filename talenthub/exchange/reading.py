"""Reading an uploaded spreadsheet into plain rows: .xlsx (Excel, LibreOffice) or .csv in UTF-8
(with or without a byte-order mark) or CP949 (older Korean Excel).

The type of a file is told by its content, never by its name: an .xlsx is a zip container, an old
binary .xls is refused with a hint to save it as .xlsx, and anything else must decode as text."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.exchange.errors import ImportFileError

MAX_ROWS = 50_000
MAX_COLUMNS = 200
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and .hwp, .doc)


@dataclass(frozen=True)
class RawRow:
    number: int  # the row's number as the spreadsheet shows it (the header is usually row 1)
    cells: tuple[Any, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[RawRow, ...]
    encoding: str  # "xlsx", "utf-8", "utf-8-sig" or "cp949"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(rows: list[tuple[int, tuple[Any, ...]]], encoding: str) -> Table:
    """The first non-blank row is the header; blank rows after it are skipped."""
    rows = [(number, cells) for number, cells in rows if not all(_blank(c) for c in cells)]
    if not rows:
        raise ImportFileError(_("The file has no rows."), field="file")
    header_number, header_cells = rows[0]
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s rows; split it into smaller files.")
            % {"max": f"{MAX_ROWS:,}"},
            field="file",
        )
    width = len(header_cells)
    while width and _blank(header_cells[width - 1]):
        width -= 1
    if width > MAX_COLUMNS:
        raise ImportFileError(_("The file has too many columns."), field="file")
    headers = tuple("" if c is None else str(c) for c in header_cells[:width])
    body = tuple(
        RawRow(number, tuple(cells[:width]) + (None,) * (width - len(cells[:width])))
        for number, cells in rows[1:]
    )
    return Table(headers=headers, header_row=header_number, rows=body, encoding=encoding)


def _read_xlsx(data: bytes) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(
            _("This file could not be read as an Excel workbook (.xlsx)."), field="file"
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [
            (number, tuple(row))
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
    return _table(rows, "xlsx")


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (BOM or not), else CP949."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("The file's text encoding is not recognised. Save it as UTF-8 CSV or as .xlsx."),
            field="file",
        ) from exc


def _read_csv(data: bytes) -> Table:
    text, encoding = decode_text(data)
    if "\x00" in text:
        raise ImportFileError(_("This is not a spreadsheet file (.xlsx or .csv)."), field="file")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    # The header line decides the delimiter: Excel writes commas (tabs for "Unicode text"),
    # some European-locale tools semicolons.
    delimiter = next((d for d in (",", "\t", ";") if d in first_line), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [(number, tuple(row)) for number, row in enumerate(reader, start=1)]
    return _table(rows, encoding)


def read_table(data: bytes) -> Table:
    if not data:
        raise ImportFileError(_("The file is empty."), field="file")
    if data.startswith(_OLE2):
        raise ImportFileError(
            _("Old Excel files (.xls) are not accepted. Save the file as .xlsx and upload again."),
            field="file",
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    return _read_csv(data)
