"""수강: who is (or was) in which cohort and how it ended. Keyed by the cohort and the person.

New enrolments take a seat through the enrolments app (a full cohort refuses the row); a final
status is recorded through its `enrollment_finish`, which gives a dropped-out seat back. The
job-seeker and NEET flags at entry come from the person's profile (the trainees file)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talenthub.accounts.models import Profile
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.enrollments.services import enrollment_create, enrollment_finish
from talenthub.exchange import values
from talenthub.exchange.choices import ImportKind, RowAction
from talenthub.exchange.importers.base import Column, Importer, Outcome, Row, RowError
from talenthub.exchange.importers.lookups import (
    COHORT_NUMBER,
    CONTACT_COLUMNS,
    CONTACT_KEYS,
    COURSE_CODE,
    Cohorts,
    People,
    contact_of,
)
from talenthub.exchange.importers.vocabulary import ENROLMENT_STATUS
from talenthub.hubs.models import Hub


class EnrolmentsImporter(Importer):
    kind = ImportKind.ENROLMENTS
    columns = (
        COURSE_CODE,
        *CONTACT_COLUMNS,
        Column(
            "status",
            "상태",
            ENROLMENT_STATUS.parser,
            aliases=("수강상태", "훈련상태", "status"),
            required=True,
            mandatory=True,
            help=gettext_lazy("수강중, 수료, 미수료 or 중도포기."),
            example="수강중",
        ),
        Column(
            "applied_on",
            "신청일",
            values.date,
            aliases=("신청일자", "등록일", "application date", "applied on"),
            help=gettext_lazy(
                "Date of application; a person who joined after the start counts from this day."
            ),
            example="2025-02-20",
        ),
        COHORT_NUMBER,
        Column(
            "finished_on",
            "종료일",
            values.date,
            aliases=("수료일", "중도포기일", "finished on", "end date"),
            help=gettext_lazy("Optional: the day the enrolment ended (blank: the cohort's end)."),
            example="2025-04-25",
        ),
        Column(
            "reason",
            "사유",
            lambda raw: values.limited(raw, 200),
            aliases=("중도포기사유", "포기사유", "reason", "drop-out reason"),
            help=gettext_lazy("Optional: the reason for dropping out."),
            example="조기 취업",
        ),
    )
    contact_keys = CONTACT_KEYS
    field_columns = {
        "user": "contact",
        "cohort": "course_code",
        "status": "status",
        "dropout_reason": "reason",
    }

    def __init__(self, *, hub: Hub, **kwargs: Any) -> None:
        super().__init__(hub=hub, **kwargs)
        self.people = People()
        self.cohorts: Cohorts | None = None

    def natural_key(self, row: Row) -> Sequence[tuple[str, Any]]:
        mobile, email = contact_of(row)
        code = (row["course_code"] or "").upper()
        what = f"{self.header_of('course_code')}+{self.header_of('contact')}"
        number = row["cohort_number"]
        return [
            (what, (code, number, mobile) if mobile else None),
            (what, (code, number, email) if email else None),
        ]

    def label(self, row: Row) -> str:
        mobile, email = contact_of(row)
        return " · ".join(str(v) for v in (row["course_code"], mobile or email) if v)

    def prepare(self, rows: Sequence[Row]) -> None:
        self.people.load(rows)
        self.cohorts = Cohorts(self.hub)

    def _finished_on(self, row: Row, cohort: Cohort, enrolled_on: datetime.date) -> datetime.date:
        day = row["finished_on"] or min(cohort.ends_on, timezone.localdate())
        return max(day, enrolled_on)

    def apply(self, row: Row) -> Outcome:
        assert self.cohorts is not None  # noqa: S101 - prepare() ran
        person = self.people.get(row)
        cohort = self.cohorts.resolve(
            row["course_code"], row["cohort_number"], row["applied_on"], mode="application"
        )
        status = row["status"]
        enrolment = Enrollment.objects.filter(cohort=cohort, user=person).first()
        created = enrolment is None
        if enrolment is None:
            profile = Profile.objects.filter(user=person).first()
            enrolled_on = max(row["applied_on"] or cohort.starts_on, cohort.starts_on)
            enrolment = enrollment_create(
                cohort=cohort,
                user=person,
                enrolled_on=enrolled_on,
                is_job_seeker_at_entry=bool(profile and profile.is_job_seeker),
                is_neet_at_entry=bool(profile and profile.is_neet),
            )
        if status == EnrollmentStatus.ENROLLED:
            if enrolment.status != EnrollmentStatus.ENROLLED:
                raise RowError("cannot_reopen", "status")
            return Outcome(RowAction.CREATE if created else RowAction.UNCHANGED, self.label(row))
        finished_on = self._finished_on(row, cohort, enrolment.enrolled_on)
        same = enrolment.status == status and (
            row["finished_on"] is None or enrolment.finished_on == finished_on
        )
        if same:
            return Outcome(RowAction.UNCHANGED, self.label(row))
        reason = row["reason"] or ""
        if status == EnrollmentStatus.DROPPED_OUT and not reason:
            reason = enrolment.dropout_reason or _("Not stated in the imported roster.")
            if not enrolment.dropout_reason:
                self.report.warning(row.number, self.header_of("reason"), "dropout_reason_missing")
        enrollment_finish(
            enrollment=enrolment, status=status, finished_on=finished_on, dropout_reason=reason
        )
        if created:
            return Outcome(RowAction.CREATE, self.label(row))
        return Outcome(RowAction.UPDATE, self.label(row), [self.header_of("status")])
