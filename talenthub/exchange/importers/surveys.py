"""만족도: satisfaction answers collected outside TalentHub, one anonymous response per row.

The question columns (문항1 … 문항N) are the cohort survey's agreement items in their order; the
cohort's satisfaction survey is created from the standard template when it has none yet (never
sent automatically: the answers are already in). Responses have no natural key (two people may
answer alike on one day), so each row's content and its occurrence in the file key it in the
exchange app's ledger, and the same file imported again adds nothing."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext_lazy

from talenthub.courses.models import Cohort
from talenthub.exchange import values
from talenthub.exchange.choices import ImportKind, RowAction
from talenthub.exchange.importers.base import Column, Importer, Outcome, Row, RowError
from talenthub.exchange.importers.lookups import COHORT_NUMBER, COURSE_CODE, Cohorts
from talenthub.exchange.models import ImportedRecord
from talenthub.hubs.models import Hub
from talenthub.surveys.choices import TEXT_KINDS, Purpose, QuestionKind
from talenthub.surveys.models import Question, Survey
from talenthub.surveys.services import latest_version, response_import, survey_create

STANDARD_TEMPLATE = "satisfaction-standard"
ITEM = re.compile(r"^(?:문항|질문|q|question|item)(\d{1,3})$")
ITEM_PREFIX = "문항"


def _likert(raw: Any) -> int | None:
    return values.scale(raw, 1, 5)


class SurveysImporter(Importer):
    kind = ImportKind.SURVEYS
    columns = (
        COURSE_CODE,
        Column(
            "submitted_on",
            "응답일",
            values.date,
            aliases=("응답일자", "응답날짜", "제출일", "조사일", "response date", "submitted on"),
            required=True,
            mandatory=True,
            help=gettext_lazy("Day of the answer (the cohort is the one that ran up to then)."),
            example="2025-04-25",
        ),
        Column(
            "recommend",
            "추천",
            lambda raw: values.scale(raw, 0, 10),
            aliases=("추천의향", "추천 의향", "nps", "recommend"),
            help=gettext_lazy("Optional: willingness to recommend, 0 to 10."),
            example="9",
        ),
        Column(
            "comment",
            "의견",
            lambda raw: values.limited(raw, 2000),
            aliases=("기타의견", "건의사항", "자유의견", "comment", "comments"),
            help=gettext_lazy(
                "Optional: free comment (goes to the survey's first comment question)."
            ),
            example="실습이 많아서 좋았습니다.",
        ),
        COHORT_NUMBER,
    )

    def __init__(self, *, hub: Hub, **kwargs: Any) -> None:
        super().__init__(hub=hub, **kwargs)
        self.items: list[tuple[int, int]] = []  # (item number, position in the file)
        self.cohorts: Cohorts | None = None
        self.surveys: dict[int, Survey] = {}
        self.occurrences: Counter[str] = Counter()

    # The question columns are numbered: found by pattern, not by a fixed list.
    def match_header(self, header: str, lookup: dict[str, str]) -> str | None:
        key = super().match_header(header, lookup)
        if key is not None:
            return key
        match = ITEM.match(values.squeeze(header))
        if match:
            return f"item{int(match.group(1))}"
        return None

    def bind(self, headers: Sequence[str], header_row: int) -> bool:
        complete = super().bind(headers, header_row)
        self.items = sorted(
            (int(key[4:]), index) for key, index in self.positions.items() if key.startswith("item")
        )
        if not self.items:
            self.report.error(None, "", "no_items", example=f"{ITEM_PREFIX}1, {ITEM_PREFIX}2")
            return False
        return complete

    def parse(self, raw: Any) -> Row:
        row = super().parse(raw)
        for number, index in self.items:
            key = f"item{number}"
            try:
                row.values[key] = _likert(raw.cells[index] if index < len(raw.cells) else None)
            except values.BadValueError as problem:
                self.problem(row, key, problem.code, **problem.params)
        return row

    def check_rows(self, rows: Sequence[Row]) -> None:
        """Alike rows are different people who answered alike; no duplicate check."""

    def label(self, row: Row) -> str:
        day = f"{row['submitted_on']:%Y-%m-%d}" if row["submitted_on"] else ""
        return " · ".join(str(v) for v in (row["course_code"], day) if v)

    def prepare(self, rows: Sequence[Row]) -> None:
        self.cohorts = Cohorts(self.hub)

    def _survey(self, cohort: Cohort) -> Survey:
        survey = self.surveys.get(cohort.pk)
        if survey is None:
            survey = (
                Survey.objects.filter(cohort=cohort, purpose=Purpose.SATISFACTION)
                .select_related("version")
                .first()
            )
            if survey is None:
                survey = survey_create(
                    cohort=cohort,
                    version=latest_version(STANDARD_TEMPLATE),
                    is_anonymous=True,
                    send_at_cohort_end=False,
                )
            self.surveys[cohort.pk] = survey
        return survey

    def _questions(self, survey: Survey) -> tuple[list[Question], Question | None, Question | None]:
        questions = list(survey.version.questions.order_by("position"))
        likert = [q for q in questions if q.kind == QuestionKind.LIKERT5 and q.in_score]
        recommend = next((q for q in questions if q.kind == QuestionKind.RECOMMEND), None)
        comment = next((q for q in questions if q.kind in TEXT_KINDS), None)
        return likert, recommend, comment

    def _ledger_key(self, cohort: Cohort, row: Row) -> str:
        content = json.dumps(
            [
                cohort.pk,
                row["submitted_on"].isoformat(),
                [row[f"item{n}"] for n, _index in self.items],
                row["recommend"],
                row["comment"] or "",
            ],
            ensure_ascii=False,
        )
        self.occurrences[content] += 1
        return hashlib.sha256(f"{content}#{self.occurrences[content]}".encode()).hexdigest()

    def apply(self, row: Row) -> Outcome:
        assert self.cohorts is not None  # noqa: S101 - prepare() ran
        cohort = self.cohorts.resolve(
            row["course_code"], row["cohort_number"], row["submitted_on"], mode="survey"
        )
        key = self._ledger_key(cohort, row)
        if ImportedRecord.objects.filter(hub=self.hub, kind=self.kind, key=key).exists():
            return Outcome(RowAction.UNCHANGED, self.label(row))
        survey = self._survey(cohort)
        likert, recommend, comment = self._questions(survey)
        if len(likert) != len(self.items):
            raise RowError("survey_items_mismatch", "", expected=len(likert), found=len(self.items))
        answers: dict[int, Any] = {
            question.pk: row[f"item{number}"]
            for question, (number, _index) in zip(likert, self.items, strict=True)
        }
        if recommend is not None and row["recommend"] is not None:
            answers[recommend.pk] = row["recommend"]
        if comment is not None and row["comment"]:
            answers[comment.pk] = row["comment"]
        response = response_import(survey=survey, submitted_on=row["submitted_on"], answers=answers)
        ImportedRecord.objects.create(
            hub=self.hub,
            kind=self.kind,
            key=key,
            object_id=str(response.pk),
            import_run_id=self.run_id,
        )
        return Outcome(RowAction.CREATE, self.label(row))
