"""성과: what trainees did after the course (a job, a startup, further study, …), recorded through
the outcomes app's `outcome_record` as an operator's record. Each row is keyed by the person, the
category, the organisation and the start date (the record's source key), so the same file twice
records each outcome once; the outcomes app links a report of a job already on record to it as
a duplicate. Evidence documents are attached and verified on the outcome's page."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talenthub.enrollments.selectors import person_is_in_hubs
from talenthub.exchange import values
from talenthub.exchange.choices import ImportKind, RowAction
from talenthub.exchange.importers.base import Column, Importer, Outcome, Row, RowError
from talenthub.exchange.importers.lookups import (
    CONTACT_COLUMNS,
    CONTACT_KEYS,
    People,
    contact_column,
    contact_of,
)
from talenthub.exchange.importers.vocabulary import OUTCOME_CATEGORY
from talenthub.hubs.models import Hub
from talenthub.outcomes.choices import OutcomeSource
from talenthub.outcomes.engine import organisation_key
from talenthub.outcomes.selectors import outcome_by_source
from talenthub.outcomes.services import outcome_record


class OutcomesImporter(Importer):
    kind = ImportKind.OUTCOMES
    columns = (
        *CONTACT_COLUMNS,
        Column(
            "category",
            "구분",
            OUTCOME_CATEGORY.parser,
            aliases=("성과구분", "취업구분", "성과", "category", "outcome"),
            required=True,
            mandatory=True,
            help=gettext_lazy("정규직, 계약직, 창업, 진학, 군입대, 구직중 or 비구직."),
            example="정규직",
        ),
        Column(
            "organisation",
            "기관명",
            lambda raw: values.limited(raw, 100),
            aliases=(
                "회사명",
                "기업명",
                "취업처",
                "학교명",
                "organisation",
                "organization",
                "company",
            ),
            help=gettext_lazy("Employer, the company founded or the school (needed for jobs)."),
            example="전주농생명데이터",
        ),
        Column(
            "starts_on",
            "시작일",
            values.date,
            aliases=("취업일", "입사일", "창업일", "입학일", "start date", "starts on"),
            help=gettext_lazy("Start of the job, the company or the studies (needed for jobs)."),
            example="2025-06-02",
        ),
        Column(
            "evidence",
            "증빙",
            lambda raw: values.limited(raw, 200),
            aliases=("증빙자료", "증빙서류", "evidence"),
            help=gettext_lazy(
                "What proves it, e.g. 고용보험 가입이력 (the document is attached later, on the "
                "outcome's page)."
            ),
            example="고용보험 가입이력",
        ),
    )
    contact_keys = CONTACT_KEYS
    field_columns = {
        "category": "category",
        "starts_on": "starts_on",
        "organisation_name": "organisation",
    }

    def __init__(self, *, hub: Hub, **kwargs: Any) -> None:
        super().__init__(hub=hub, **kwargs)
        self.people = People()

    def natural_key(self, row: Row) -> Sequence[tuple[str, Any]]:
        mobile, email = contact_of(row)
        what = "+".join(
            self.header_of(k) for k in ("contact", "category", "organisation", "starts_on")
        )
        rest = (row["category"], organisation_key(row["organisation"] or ""), row["starts_on"])
        return [
            (what, (mobile, *rest) if mobile else None),
            (what, (email, *rest) if email else None),
        ]

    def label(self, row: Row) -> str:
        mobile, email = contact_of(row)
        return " · ".join(str(v) for v in (mobile or email, row["organisation"]) if v)

    def prepare(self, rows: Sequence[Row]) -> None:
        self.people.load(rows)

    def apply(self, row: Row) -> Outcome:
        person = self.people.get(row)
        if not person_is_in_hubs(person.pk, {self.hub.pk}):
            # Another hub's person: said as if unknown, so a file reveals nothing of them.
            mobile, email = contact_of(row)
            raise RowError("unknown_person", contact_column(row), value=mobile or email or "")
        day = row["starts_on"].isoformat() if row["starts_on"] else ""
        identity = "|".join(
            [
                str(self.hub.pk),
                str(person.pk),
                row["category"],
                organisation_key(row["organisation"] or ""),
                day,
            ]
        )
        source_key = "import:" + hashlib.sha256(identity.encode()).hexdigest()[:40]
        if outcome_by_source(source=OutcomeSource.OPERATOR, source_key=source_key):
            return Outcome(RowAction.UNCHANGED, self.label(row))
        note = (
            _("Evidence: %(evidence)s") % {"evidence": row["evidence"]} if row["evidence"] else ""
        )
        outcome_record(
            user=person,
            hub=self.hub,
            category=row["category"],
            source=OutcomeSource.OPERATOR,
            starts_on=row["starts_on"],
            organisation_name=row["organisation"] or "",
            source_key=source_key,
            reported_by=self.actor,
            note=note,
        )
        return Outcome(RowAction.CREATE, self.label(row))
