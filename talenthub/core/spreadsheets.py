"""Writing tables as XLSX or CSV that a spreadsheet opens safely, and the download response.

Any text cell that a spreadsheet would run as a formula (one starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe, as OWASP advises against CSV/formula injection
(tendenci #919, ChurchCRM #5465). Numbers, dates and booleans stay typed: only text is touched.
openpyxl itself stores any string starting with "=" as a formula, so the XLSX writer needs this as
much as the CSV one.

Every export of the project goes through `write_table` (or `spreadsheet_response`), so there is one
place to get this right."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.http import HttpResponse
from django.utils.functional import Promise
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "xlsx"
CSV = "csv"
FORMATS = (XLSX, CSV)
CONTENT_TYPES = {
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    CSV: "text/csv; charset=utf-8",
}
# Sheet titles: at most 31 characters and none of these (Excel's rules).
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))

Cell = str | int | float | Decimal | bool | datetime.date | datetime.datetime | datetime.time | None


def neutralise(value: Any) -> Any:
    """The value as a cell: text that a spreadsheet would evaluate gets a leading apostrophe;
    lazy translations become text; everything else is returned unchanged."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]


def _plain(value: Any) -> Any:
    """A cell value openpyxl and csv understand: aware datetimes in local wall time, no tzinfo."""
    value = neutralise(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        from django.utils import timezone

        value = timezone.localtime(value).replace(tzinfo=None)
    return value


def _number_format(value: Any) -> str | None:
    if isinstance(value, datetime.datetime):
        return "yyyy-mm-dd hh:mm"
    if isinstance(value, datetime.date):
        return "yyyy-mm-dd"
    if isinstance(value, datetime.time):
        return "hh:mm"
    return None


def write_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """One workbook with a sheet per table, header row in bold. Streams rows (write-only mode),
    so a large export does not hold every cell object in memory."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet_title(sheet.title))
        header_cells = []
        for header in sheet.headers:
            cell = WriteOnlyCell(worksheet, value=_plain(header))
            cell.font = bold
            header_cells.append(cell)
        worksheet.append(header_cells)
        for row in sheet.rows:
            cells = []
            for value in row:
                plain = _plain(value)
                cell = WriteOnlyCell(worksheet, value=plain)
                number_format = _number_format(plain)
                if number_format:
                    cell.number_format = number_format
                elif isinstance(plain, str):
                    cell.data_type = "s"  # never a formula, whatever openpyxl would guess
                cells.append(cell)
            worksheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_text(value: Any) -> str:
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, bool):
        return "Y" if plain else "N"
    if isinstance(plain, datetime.datetime):
        return plain.strftime("%Y-%m-%d %H:%M")
    if isinstance(plain, datetime.date):
        return plain.strftime("%Y-%m-%d")
    if isinstance(plain, datetime.time):
        return plain.strftime("%H:%M")
    return str(plain)


def write_csv(sheet: Sheet) -> bytes:
    """UTF-8 with a byte-order mark: Korean Excel opens it as UTF-8 only with the mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in sheet.headers])
    for row in sheet.rows:
        writer.writerow([_csv_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_table(sheet: Sheet, fmt: str) -> bytes:
    if fmt == XLSX:
        return write_xlsx([sheet])
    if fmt == CSV:
        return write_csv(sheet)
    raise ValueError(f"unknown spreadsheet format: {fmt}")


def sheet_title(title: str) -> str:
    return (str(title).translate(_SHEET_FORBIDDEN).strip() or "Sheet")[:31]


def download_response(content: bytes, *, filename: str, fmt: str) -> HttpResponse:
    """An attachment response; the Korean file name travels RFC 5987-encoded."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    ascii_name = filename.encode("ascii", "ignore").decode() or f"export.{fmt}"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def spreadsheet_response(sheet: Sheet, *, fmt: str, filename_stem: str) -> HttpResponse:
    """The table as a download in `fmt` ("xlsx" or "csv"), formula-safe."""
    return download_response(write_table(sheet, fmt), filename=f"{filename_stem}.{fmt}", fmt=fmt)
