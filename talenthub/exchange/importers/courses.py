"""과정: one row per run of a course. The course is keyed by the hub and its code; the cohort by
its number (column 차수) or, without one, by its start date. Rows of one course must agree on the
course's own fields (title, field, hours, …)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talenthub.courses.choices import CohortStatus, IndustryDomain, Level
from talenthub.courses.models import Cohort, Course
from talenthub.courses.services import cohort_create, cohort_update, course_create, course_update
from talenthub.enrollments.selectors import seat_holders
from talenthub.exchange import values
from talenthub.exchange.choices import ImportKind, RowAction
from talenthub.exchange.importers.base import Column, Importer, Outcome, Row, RowError
from talenthub.exchange.importers.lookups import COHORT_NUMBER, COURSE_CODE
from talenthub.exchange.importers.vocabulary import INDUSTRY, LEVEL, TRACK
from talenthub.hubs.models import Hub, Site
from talenthub.partners.models import Organisation

COURSE_KEYS = ("title", "track", "industry", "level", "hours", "partners")


def _names(raw: Any) -> tuple[str, ...] | None:
    value = values.text(raw)
    if value is None:
        return None
    parts = [part.strip() for part in re.split(r"[,;/、\n]", value)]
    return tuple(sorted({part for part in parts if part}))


def _status_for(starts_on: datetime.date, ends_on: datetime.date) -> str:
    today = timezone.localdate()
    if ends_on < today:
        return CohortStatus.FINISHED
    if starts_on <= today:
        return CohortStatus.IN_PROGRESS
    return CohortStatus.PLANNED


class CoursesImporter(Importer):
    kind = ImportKind.COURSES
    columns = (
        COURSE_CODE,
        Column(
            "title",
            "과정명",
            lambda raw: values.limited(raw, 150),
            aliases=("과정 명", "교육과정명", "훈련과정명", "title", "course title"),
            required=True,
            mandatory=True,
            help=_("Title of the course."),
            example="생성형 AI 실무",
        ),
        Column(
            "track",
            "분야",
            TRACK.parser,
            aliases=("기술분야", "교육분야", "track", "field"),
            required=True,
            mandatory=True,
            help=_("인공지능, 빅데이터, 블록체인, IoT, 클라우드, 메타버스 or SW."),
            example="인공지능",
        ),
        Column(
            "industry",
            "산업연계",
            INDUSTRY.parser,
            aliases=("연계산업", "산업분야", "industry", "industry domain"),
            help=_("일반, 농생명, 금융, 제조, 문화콘텐츠 or 공공 (blank: 일반)."),
            example="농생명",
        ),
        Column(
            "starts_on",
            "시작일",
            values.date,
            aliases=("개강일", "훈련시작일", "교육시작일", "start date", "starts on"),
            required=True,
            mandatory=True,
            help=_("First day of the cohort."),
            example="2025-03-04",
        ),
        Column(
            "ends_on",
            "종료일",
            values.date,
            aliases=("종강일", "훈련종료일", "교육종료일", "end date", "ends on"),
            required=True,
            mandatory=True,
            help=_("Last day of the cohort."),
            example="2025-04-25",
        ),
        Column(
            "hours",
            "총시간",
            values.positive,
            aliases=("총 시간", "훈련시간", "교육시간", "시간", "hours"),
            required=True,
            mandatory=True,
            help=_("Training hours of the course (a whole number)."),
            example="120",
        ),
        Column(
            "capacity",
            "정원",
            values.positive,
            aliases=("모집인원", "capacity", "seats"),
            required=True,
            mandatory=True,
            help=_("Seats in the cohort."),
            example="25",
        ),
        Column(
            "site",
            "교육장",
            lambda raw: values.limited(raw, 100),
            aliases=("훈련장소", "교육장소", "site", "venue"),
            help=_("Name of one of the hub's sites (blank: none)."),
            example="본관",
        ),
        Column(
            "partners",
            "협력기관",
            _names,
            aliases=("협력 기관", "공동운영기관", "partners", "partner"),
            help=_("Names of the hub's partner organisations, separated by commas."),
            example="전주농생명데이터",
        ),
        COHORT_NUMBER,
        Column(
            "level",
            "수준",
            LEVEL.parser,
            aliases=("난이도", "level"),
            help=_("Optional: 초급, 중급 or 고급 (a new course without it: 초급)."),
            example="초급",
        ),
    )
    field_columns = {
        "title": "title",
        "code": "course_code",
        "hours": "hours",
        "capacity": "capacity",
        "starts_on": "starts_on",
        "ends_on": "ends_on",
    }

    def __init__(self, *, hub: Hub, **kwargs: Any) -> None:
        super().__init__(hub=hub, **kwargs)
        self.sites: dict[str, Site] = {}
        self.partners: dict[str, Organisation] = {}

    def natural_key(self, row: Row) -> Sequence[tuple[str, Any]]:
        code = (row["course_code"] or "").upper()
        if row["cohort_number"] is not None:
            return [
                (
                    f"{self.header_of('course_code')}+{self.header_of('cohort_number')}",
                    (code, row["cohort_number"]),
                )
            ]
        return [
            (
                f"{self.header_of('course_code')}+{self.header_of('starts_on')}",
                (code, row["starts_on"]),
            )
        ]

    def check_row(self, row: Row) -> None:
        if row["starts_on"] and row["ends_on"] and row["ends_on"] < row["starts_on"]:
            self.problem(row, "ends_on", "dates_reversed")

    def check_rows(self, rows: Sequence[Row]) -> None:
        super().check_rows(rows)
        first: dict[str, Row] = {}
        for row in rows:
            if not row.ok:
                continue
            code = (row["course_code"] or "").upper()
            earlier = first.setdefault(code, row)
            if earlier is row:
                continue
            for key in COURSE_KEYS:
                mine, theirs = row[key], earlier[key]
                if (
                    key in self.positions
                    and mine is not None
                    and theirs is not None
                    and mine != theirs
                ):
                    self.problem(
                        row, key, "course_conflict", course=row["course_code"], first=earlier.number
                    )
                    break

    def label(self, row: Row) -> str:
        start = f"{row['starts_on']:%Y-%m-%d}" if row["starts_on"] else ""
        return " · ".join(str(v) for v in (row["course_code"], row["title"], start) if v)

    def prepare(self, rows: Sequence[Row]) -> None:
        self.sites = {values.squeeze(s.name): s for s in Site.objects.filter(hub=self.hub)}
        self.partners = {
            values.squeeze(o.name): o for o in Organisation.objects.filter(hub=self.hub)
        }

    def _site(self, row: Row) -> Site | None:
        name = row["site"]
        if name is None:
            return None
        site = self.sites.get(values.squeeze(name))
        if site is None:
            known = ", ".join(sorted(s.name for s in self.sites.values())) or "-"
            raise RowError("unknown_site", "site", value=name, choices=known)
        return site

    def _partners(self, row: Row) -> list[Organisation] | None:
        names = row["partners"]
        if names is None:
            return None
        found = []
        for name in names:
            organisation = self.partners.get(values.squeeze(name))
            if organisation is None:
                raise RowError("unknown_partner", "partners", value=name)
            found.append(organisation)
        return found

    def _course(
        self, row: Row, partners: list[Organisation] | None
    ) -> tuple[Course, list[str], bool]:
        course = Course.objects.filter(hub=self.hub, code__iexact=row["course_code"]).first()
        if course is None:
            course = course_create(
                hub=self.hub,
                code=row["course_code"],
                title=row["title"],
                track=row["track"],
                industry_domain=row["industry"] or IndustryDomain.GENERAL,
                level=row["level"] or Level.BEGINNER,
                hours=row["hours"],
            )
            if partners:
                course_update(course=course, partners=partners)
            return course, [], True
        changes: dict[str, Any] = {
            "title": row["title"],
            "track": row["track"],
            "hours": row["hours"],
        }
        if row["industry"]:
            changes["industry_domain"] = row["industry"]
        if row["level"]:
            changes["level"] = row["level"]
        changed = course_update(course=course, partners=partners, **changes)
        return course, changed, False

    def apply(self, row: Row) -> Outcome:
        site = self._site(row)
        partners = self._partners(row)
        course, course_changed, course_created = self._course(row, partners)
        number = row["cohort_number"]
        cohorts = Cohort.objects.filter(course=course)
        cohort = (
            cohorts.filter(number=number).first()
            if number is not None
            else cohorts.filter(starts_on=row["starts_on"]).first()
        )
        if cohort is None:
            if number is None:
                number = (cohorts.aggregate(last=Max("number"))["last"] or 0) + 1
            cohort_create(
                course=course,
                number=number,
                starts_on=row["starts_on"],
                ends_on=row["ends_on"],
                capacity=row["capacity"],
                site=site,
                status=_status_for(row["starts_on"], row["ends_on"]),
            )
            return Outcome(RowAction.CREATE, self.label(row))
        changes: dict[str, Any] = {
            "starts_on": row["starts_on"],
            "ends_on": row["ends_on"],
            "capacity": row["capacity"],
        }
        if site is not None:
            changes["site"] = site
        cohort_changed = cohort_update(cohort=cohort, **changes)
        if "capacity" in cohort_changed:
            taken = seat_holders(cohort.pk)
            if taken > row["capacity"]:
                self.report.warning(
                    row.number, self.header_of("capacity"), "capacity_below_seats", seats=taken
                )
        changed = _labels(self, course_changed + cohort_changed)
        action = RowAction.UPDATE if changed or course_created else RowAction.UNCHANGED
        return Outcome(action, self.label(row), changed)


_FIELD_KEYS = {
    "title": "title",
    "track": "track",
    "industry_domain": "industry",
    "level": "level",
    "hours": "hours",
    "partners": "partners",
    "starts_on": "starts_on",
    "ends_on": "ends_on",
    "capacity": "capacity",
    "site": "site",
}


def _labels(importer: Importer, fields: Sequence[str]) -> list[str]:
    return [importer.header_of(_FIELD_KEYS.get(f, f)) for f in fields]
