"""Template files operators download and fill: the format's header row, and a sheet that says
what each column takes (required or not, accepted forms, an example, other accepted names)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from talenthub.core.spreadsheets import Sheet, write_xlsx
from talenthub.exchange.choices import ImportKind
from talenthub.exchange.importers import importer_class
from talenthub.exchange.importers.base import Column
from talenthub.exchange.importers.surveys import ITEM_PREFIX

_CONTACT_PARTS = ("mobile", "email")


def template_columns(kind: str) -> list[Column]:
    """The columns a blank file shows: every column of the format; a format keyed by a person
    shows the single "mobile phone or e-mail" column rather than two."""
    columns = list(importer_class(kind).columns)
    keys = {c.key for c in columns}
    if "contact" in keys:
        columns = [c for c in columns if c.key not in _CONTACT_PARTS]
    return columns


def _survey_items() -> int:
    """Agreement items of the newest standard satisfaction template (0 if not installed)."""
    from talenthub.exchange.importers.surveys import STANDARD_TEMPLATE
    from talenthub.surveys.choices import QuestionKind
    from talenthub.surveys.models import TemplateVersion

    version = (
        TemplateVersion.objects.filter(template__code=STANDARD_TEMPLATE).order_by("-number").first()
    )
    if version is None:
        return 0
    return version.questions.filter(kind=QuestionKind.LIKERT5, in_score=True).count()


def template_workbook(kind: str) -> bytes:
    columns = template_columns(kind)
    headers = [c.header for c in columns]
    notes: list[list[object]] = []
    if kind == ImportKind.SURVEYS:
        items = _survey_items() or 17
        headers[2:2] = [f"{ITEM_PREFIX}{n}" for n in range(1, items + 1)]
        notes.append(
            [
                f"{ITEM_PREFIX}1 … {ITEM_PREFIX}{items}",
                _("yes"),
                _("Answers to the agreement items of the standard survey, in order, 1 to 5."),
                "5",
                "Q1, question 1",
            ]
        )
    rows: list[list[object]] = [
        [
            c.header,
            _("yes") if c.required else "",
            str(c.help),
            c.example,
            ", ".join(c.aliases),
        ]
        for c in columns
    ]
    general = [
        [
            _("File"),
            "",
            _(
                "Save as .xlsx, or as .csv in UTF-8 or CP949. One header row, then one row "
                "per record."
            ),
            "",
            "",
        ],
        [_("Dates"), "", _("2025-03-04, 2025.03.04, 2025/3/4, 20250304 or a date cell."), "", ""],
        [_("Times"), "", _("09:05 or 9:05:00."), "", ""],
        [
            _("Mobile phones"),
            "",
            _("010-1234-5678, 01012345678, 010 1234 5678 or +82 10-1234-5678."),
            "",
            "",
        ],
        [
            _("Other columns"),
            "",
            _("Columns not listed here are ignored (the check says so)."),
            "",
            "",
        ],
    ]
    instructions = Sheet(
        title=_("Instructions"),
        headers=[
            _("Column"),
            _("Required"),
            _("What it takes"),
            _("Example"),
            _("Also accepted as"),
        ],
        rows=[*rows, *notes, ["", "", "", "", ""], *general],
    )
    data = Sheet(title=str(ImportKind(kind).label), headers=headers, rows=[])
    return write_xlsx([data, instructions])
