"""What an import says about a file: per row what would happen (or happened), and every problem
with its row and column. Stored as JSON on the ImportRun; rendered in the reader's language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from talenthub.exchange import messages
from talenthub.exchange.choices import IssueLevel, RowAction


@dataclass(frozen=True)
class Issue:
    row: int | None  # the spreadsheet's row number; None for the file as a whole
    column: str  # the column's header as the file names it ("" for the whole row)
    level: str
    code: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return messages.render(self.code, self.params)

    @property
    def is_error(self) -> bool:
        return self.level == IssueLevel.ERROR


@dataclass
class RowResult:
    row: int
    action: str
    label: str = ""
    changed: list[str] = field(default_factory=list)


@dataclass
class Report:
    kind: str
    rows_total: int = 0
    results: list[RowResult] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def add(self, level: str, row: int | None, column: str, code: str, **params: object) -> None:
        self.issues.append(Issue(row, column, level, code, {k: str(v) for k, v in params.items()}))

    def error(self, row: int | None, column: str, code: str, **params: object) -> None:
        self.add(IssueLevel.ERROR, row, column, code, **params)

    def warning(self, row: int | None, column: str, code: str, **params: object) -> None:
        self.add(IssueLevel.WARNING, row, column, code, **params)

    def result(
        self, row: int, action: str, label: str = "", changed: list[str] | None = None
    ) -> None:
        self.results.append(RowResult(row, action, label, list(changed or [])))

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)

    @property
    def created(self) -> int:
        return self.count(RowAction.CREATE)

    @property
    def updated(self) -> int:
        return self.count(RowAction.UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(RowAction.UNCHANGED)

    @property
    def error_rows(self) -> int:
        return self.count(RowAction.ERROR)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.is_error]

    def issues_by_row(self) -> dict[int | None, list[Issue]]:
        grouped: dict[int | None, list[Issue]] = defaultdict(list)
        for issue in self.issues:
            grouped[issue.row].append(issue)
        return dict(grouped)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rows_total": self.rows_total,
            "results": [asdict(r) for r in self.results],
            "issues": [asdict(i) for i in self.issues],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        return cls(
            kind=str(data.get("kind", "")),
            rows_total=int(data.get("rows_total", 0)),
            results=[RowResult(**r) for r in data.get("results", [])],
            issues=[Issue(**i) for i in data.get("issues", [])],
        )

    def lines(self) -> list[str]:
        """The report as plain text lines (the command line prints these)."""
        out = []
        for issue in sorted(self.issues, key=lambda i: (i.row or 0, not i.is_error)):
            where = _("row %(row)s") % {"row": issue.row} if issue.row else _("file")
            column = f" [{issue.column}]" if issue.column else ""
            out.append(f"{IssueLevel(issue.level).label} · {where}{column}: {issue.message}")
        return out
