"""출결: one trainee's session day per row: check-in, check-out, one outing, an excused absence.

Each day is written as an operator correction (직권 입력) through the attendance app's
`day_correct`, so it is kept in the audit trail with the import as its reason, and the daily
status comes from the same rules engine as scanned days. A day already as the file says is left
alone, so importing the same file twice records one correction per changed day, not two."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talenthub.attendance.models import ExcusedAbsence
from talenthub.attendance.selectors import trainee_day_record
from talenthub.attendance.services import DayFix, Excuse, day_correct
from talenthub.courses.models import SessionDay
from talenthub.enrollments.models import Enrollment
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
    contact_column,
    contact_of,
)
from talenthub.exchange.importers.vocabulary import EXCUSE_CATEGORY, excuse_category_from_reason
from talenthub.hubs.models import Hub

Times = tuple[
    datetime.time | None,
    datetime.time | None,
    tuple[tuple[datetime.time, datetime.time | None], ...],
    tuple[str, str] | None,
]


def _clock(value: datetime.datetime | None) -> datetime.time | None:
    return timezone.localtime(value).time().replace(second=0, microsecond=0) if value else None


def _minute(value: datetime.time | None) -> datetime.time | None:
    return value.replace(second=0, microsecond=0) if value else None


class AttendanceImporter(Importer):
    kind = ImportKind.ATTENDANCE
    columns = (
        COURSE_CODE,
        *CONTACT_COLUMNS,
        Column(
            "date",
            "일자",
            values.date,
            aliases=("날짜", "출결일", "출결일자", "훈련일", "훈련일자", "date", "day"),
            required=True,
            mandatory=True,
            help=gettext_lazy("The session day."),
            example="2025-03-04",
        ),
        Column(
            "check_in",
            "입실",
            values.time,
            aliases=("입실시간", "입실시각", "check-in", "check in"),
            help=gettext_lazy("Check-in time: 09:05 or 9:05:00 (blank: did not come)."),
            example="09:05",
        ),
        Column(
            "check_out",
            "퇴실",
            values.time,
            aliases=("퇴실시간", "퇴실시각", "check-out", "check out"),
            help=gettext_lazy("Check-out time."),
            example="18:00",
        ),
        Column(
            "outing_start",
            "외출시작",
            values.time,
            aliases=("외출", "외출시간", "외출 시작", "outing start"),
            help=gettext_lazy("Start of an outing (외출)."),
            example="13:00",
        ),
        Column(
            "outing_end",
            "외출종료",
            values.time,
            aliases=("복귀", "복귀시간", "외출 종료", "outing end"),
            help=gettext_lazy("Return from the outing."),
            example="14:00",
        ),
        Column(
            "excuse",
            "공가사유",
            lambda raw: values.limited(raw, 200),
            aliases=("공가", "공가 사유", "공결사유", "excused reason", "excuse"),
            help=gettext_lazy(
                "Reason of an excused absence (공가), e.g. 예비군 훈련; blank if none. The "
                "evidence stays where it is kept (e.g. HRD-Net)."
            ),
            example="예비군 훈련",
        ),
        Column(
            "excuse_category",
            "공가구분",
            EXCUSE_CATEGORY.parser,
            aliases=("공가 구분", "excuse category"),
            help=gettext_lazy(
                "Optional: 질병, 예비군, 경조사, 면접 or 기타 (blank: from the reason)."
            ),
            example="예비군",
        ),
        COHORT_NUMBER,
    )
    contact_keys = CONTACT_KEYS
    field_columns = {
        "enrollment": "contact",
        "check_out": "check_out",
        "reason": "excuse",
        "excuse_reason": "excuse",
        "excuse_category": "excuse_category",
    }

    def __init__(self, *, hub: Hub, **kwargs: Any) -> None:
        super().__init__(hub=hub, **kwargs)
        self.people = People()
        self.cohorts: Cohorts | None = None

    def natural_key(self, row: Row) -> Sequence[tuple[str, Any]]:
        mobile, email = contact_of(row)
        code = (row["course_code"] or "").upper()
        what = "+".join(self.header_of(k) for k in ("course_code", "contact", "date"))
        number, day = row["cohort_number"], row["date"]
        return [
            (what, (code, number, mobile, day) if mobile else None),
            (what, (code, number, email, day) if email else None),
        ]

    def check_row(self, row: Row) -> None:
        check_in, check_out = row["check_in"], row["check_out"]
        start, end = row["outing_start"], row["outing_end"]
        if check_in and check_out and check_out <= check_in:
            self.problem(row, "check_out", "times_reversed")
        if end and not start:
            self.problem(row, "outing_end", "outing_without_start")
        if start and end and end <= start:
            self.problem(row, "outing_end", "times_reversed")
        if not check_in and (check_out or start):
            self.problem(row, "check_in", "day_without_check_in")

    def label(self, row: Row) -> str:
        mobile, email = contact_of(row)
        day = f"{row['date']:%Y-%m-%d}" if row["date"] else ""
        return " · ".join(str(v) for v in (row["course_code"], mobile or email, day) if v)

    def prepare(self, rows: Sequence[Row]) -> None:
        self.people.load(rows)
        self.cohorts = Cohorts(self.hub)

    def _wanted(self, row: Row) -> Times:
        outings: tuple[tuple[datetime.time, datetime.time | None], ...] = ()
        if row["outing_start"]:
            outings = ((_minute(row["outing_start"]), _minute(row["outing_end"])),)  # type: ignore[assignment]
        excuse = None
        if row["excuse"]:
            category = row["excuse_category"] or excuse_category_from_reason(row["excuse"])
            excuse = (category, row["excuse"])
        return _minute(row["check_in"]), _minute(row["check_out"]), outings, excuse

    def _current(self, enrolment: Enrollment, day: SessionDay) -> Times:
        record = trainee_day_record(enrolment, day)
        excused = ExcusedAbsence.objects.filter(enrollment=enrolment, session_day=day).first()
        outings = tuple((_clock(o.start), _clock(o.end)) for o in record.outings)
        return (
            _clock(record.check_in),
            _clock(record.check_out),
            outings,  # type: ignore[return-value]
            (excused.category, excused.reason) if excused else None,
        )

    def apply(self, row: Row) -> Outcome:
        assert self.cohorts is not None  # noqa: S101 - prepare() ran
        person = self.people.get(row)
        cohort = self.cohorts.resolve(row["course_code"], row["cohort_number"], row["date"])
        enrolment = Enrollment.objects.filter(cohort=cohort, user=person).first()
        if enrolment is None:
            raise RowError("not_enrolled", contact_column(row), cohort=cohort)
        day = SessionDay.objects.filter(cohort=cohort, date=row["date"]).first()
        if day is None:
            raise RowError("not_session_day", "date", date=f"{row['date']:%Y-%m-%d}", cohort=cohort)
        wanted = self._wanted(row)
        current = self._current(enrolment, day)
        if wanted == current:
            return Outcome(RowAction.UNCHANGED, self.label(row))
        check_in, check_out, outings, excuse = wanted
        fix = DayFix(
            check_in=check_in,
            check_out=check_out,
            outings=outings,
            excuse=Excuse(
                category=excuse[0],
                reason=excuse[1],
                evidence_elsewhere=_("kept by the sender of the imported file"),
            )
            if excuse
            else None,
        )
        if self.actor is None:
            raise RowError("refused", "", message=_("Attendance is corrected in someone's name."))
        day_correct(
            enrollment=enrolment,
            session_day=day,
            fix=fix,
            reason=_("Imported: %(run)s") % {"run": self.run_label},
            corrected_by=self.actor,
        )
        changed = [
            self.header_of(key)
            for key, before, after in zip(
                ("check_in", "check_out", "outing_start", "excuse"), current, wanted, strict=True
            )
            if before != after
        ]
        if current == (None, None, (), None):
            return Outcome(RowAction.CREATE, self.label(row))
        return Outcome(RowAction.UPDATE, self.label(row), changed)
