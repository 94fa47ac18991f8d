"""The annual report as XLSX: a definitions sheet, then one sheet per indicator; values only, never
formulas, and text that a spreadsheet could take for a formula is neutralised."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from talenthub.core import spreadsheets
from talenthub.reports.documents.annual import AnnualReport
from talenthub.reports.kpis.dimensions import DIMENSIONS
from talenthub.reports.selectors.rollups import Value


def neutralise(text: str) -> str:
    """OWASP CSV/formula injection: a leading apostrophe keeps `=HYPERLINK(…)` plain text (the
    project's one rule, talenthub.core.spreadsheets)."""
    return str(spreadsheets.neutralise(text))


def _put(sheet: Worksheet, row: list[Any]) -> None:
    cells = []
    for value in row:
        if isinstance(value, str):
            value = neutralise(value)
        elif isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else float(value)
        cells.append(value)
    sheet.append(cells)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # never a formula, whatever the text


def _number(value: Value | None) -> Any:
    if value is None or value.value is None:
        return None
    return value.value


def workbook(report: AnnualReport) -> bytes:
    book = Workbook()
    definitions = book.worksheets[0]
    definitions.title = _("Definitions")[:31]
    _put(definitions, [_("Annual report"), report.scope_name, report.year])
    _put(definitions, [])
    _put(definitions, [_("Indicator"), _("Name"), _("Definition"), _("Unit")])
    for cell in definitions[definitions.max_row]:
        cell.font = Font(bold=True)
    for sheet in report.sheets:
        _put(definitions, [sheet.name, sheet.title, sheet.summary, sheet.unit])
    for kpi in report.sheets:
        sheet = book.create_sheet(kpi.name[:31])
        _put(sheet, [kpi.title, report.scope_name])
        _put(sheet, [_("Year"), _("Value"), _("Numerator"), _("Denominator")])
        for year, value in kpi.years:
            _put(sheet, [str(year), _number(value), *_counts(value)])
        _put(
            sheet, [f"{report.first_year}~{report.year}", _number(kpi.window), *_counts(kpi.window)]
        )
        if kpi.breakdowns:
            _put(sheet, [])
            _put(sheet, [_("Breakdown"), _("Bucket"), _("Value"), _("Numerator"), _("Denominator")])
            for dimension, label, value in kpi.breakdowns:
                _put(
                    sheet,
                    [str(DIMENSIONS[dimension].label), label, _number(value), *_counts(value)],
                )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _counts(value: Value | None) -> list[Any]:
    if value is None:
        return [None, None]
    return [value.numerator, value.denominator]
