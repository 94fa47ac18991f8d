"""The XLSX export of a survey's responses (openpyxl).

Text cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
return) are prefixed with an apostrophe, as OWASP advises against formula injection; numbers stay
numbers. The workbook names no one, whether the survey was anonymous or not, and gives only the
day of each response: an identified survey's respondents leave only through the exchange app's
survey_answers export, which asks for a purpose and logs it."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

from talenthub.core.spreadsheets import neutralise
from talenthub.surveys.choices import TEXT_KINDS, QuestionKind
from talenthub.surveys.models import Answer, Question, Response, Survey
from talenthub.surveys.selectors.results import choice_label


def safe_cell(value: Any) -> Any:
    return neutralise(value)  # the project's one formula-injection rule (core.spreadsheets)


def _answer_cell(question: Question, answer: Answer | None) -> Any:
    if answer is None:
        return None
    if question.kind in TEXT_KINDS:
        return answer.text
    if question.kind == QuestionKind.SINGLE:
        return choice_label(question, answer.value)
    if question.kind == QuestionKind.MULTIPLE:
        return ", ".join(choice_label(question, int(i)) for i in answer.selected)
    return answer.value


def survey_workbook(
    survey: Survey, questions: list[Question], responses: Iterable[Response]
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = _("Responses")[:31]
    header: list[Any] = [_("Submitted on")]
    header += [f"{q.position}. {q.text}" for q in questions]
    sheet.append([safe_cell(h) for h in header])
    for response in responses:
        by_question = {a.question_id: a for a in response.answers.all()}
        row: list[Any] = [response.submitted_on]
        row += [_answer_cell(q, by_question.get(q.pk)) for q in questions]
        sheet.append([safe_cell(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_cells in sheet.iter_rows(min_row=2, max_col=1):
        row_cells[0].number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
