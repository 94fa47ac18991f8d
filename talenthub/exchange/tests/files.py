"""Building the files operators send: CSV in several encodings and XLSX with typed cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]


def fullwidth(text: str) -> str:
    """The text with full-width digits, as some Korean input methods type them."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def csv_bytes(rows: Sequence[Any], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: Sequence[Any], formats: dict[int, str] | None = None) -> bytes:
    """A workbook whose first sheet holds `rows`; `formats` sets a number format per column."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    for column, number_format in (formats or {}).items():
        for cells in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
            cells[0].number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
