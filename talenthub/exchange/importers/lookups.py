"""Finding what a row refers to: a person by mobile phone or e-mail, a cohort by course code (and
cohort number or date), with the columns that name them; loaded in bulk before the row loop."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.models import User
from talenthub.courses.models import Cohort, Course
from talenthub.exchange import values
from talenthub.exchange.importers.base import Column, Row, RowError
from talenthub.hubs.models import Hub

_CHUNK = 400  # SQLite allows at most 999 parameters per query

MOBILE = Column(
    "mobile",
    "휴대전화",
    values.mobile,
    aliases=(
        "휴대폰",
        "핸드폰",
        "휴대전화번호",
        "휴대폰번호",
        "핸드폰번호",
        "전화번호",
        "연락처",
        "mobile",
        "mobile phone",
        "phone",
    ),
    help=_("Mobile phone: 010-1234-5678, 01012345678, 010 1234 5678 or +82 10-1234-5678."),
    example="010-1234-5678",
)
EMAIL = Column(
    "email",
    "이메일",
    values.email,
    aliases=("이메일주소", "전자우편", "e-mail", "email", "e-mail address"),
    help=_("E-mail address."),
    example="hong@example.kr",
)
CONTACT = Column(
    "contact",
    "휴대전화 또는 이메일",
    values.contact,
    aliases=(
        "휴대전화/이메일",
        "휴대폰 또는 이메일",
        "연락처 또는 이메일",
        "phone or e-mail",
        "contact",
    ),
    help=_("The person's mobile phone or e-mail, as registered with the trainees file."),
    example="010-1234-5678",
)
CONTACT_COLUMNS = (CONTACT, MOBILE, EMAIL)
CONTACT_KEYS = ("contact", "mobile", "email")

COURSE_CODE = Column(
    "course_code",
    "과정코드",
    lambda raw: values.limited(raw, 30),
    aliases=("과정 코드", "course code", "course", "code"),
    required=True,
    mandatory=True,
    help=_("The course code as registered in TalentHub (the courses file)."),
    example="AI-101",
)
COHORT_NUMBER = Column(
    "cohort_number",
    "차수",
    values.positive,
    aliases=("기수", "회차", "cohort", "cohort number"),
    help=_("Optional: the cohort number, needed when the course has several cohorts."),
    example="1",
)


def contact_of(row: Row) -> tuple[str | None, str | None]:
    """(mobile, e-mail) of a row, from whichever contact columns the file has."""
    mobile, email = row["mobile"], row["email"]
    found = row["contact"]
    if found is not None:
        kind, value = found
        if kind == "mobile" and mobile is None:
            mobile = value
        elif kind == "email" and email is None:
            email = value
    return mobile, email


def contact_column(row: Row) -> str:
    for key in CONTACT_KEYS:
        if row[key] is not None:
            return key
    return "contact"


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


class People:
    """People by mobile phone and by e-mail, loaded once; rows that create people add them."""

    def __init__(self) -> None:
        self.by_mobile: dict[str, User] = {}
        self.by_email: dict[str, User] = {}

    def load(self, rows: Iterable[Row]) -> None:
        mobiles: set[str] = set()
        emails: set[str] = set()
        for row in rows:
            mobile, email = contact_of(row)
            if mobile:
                mobiles.add(mobile)
            if email:
                emails.add(email)
        for chunk in _chunks(sorted(mobiles)):
            for user in User.objects.filter(mobile__in=chunk):
                self.add(user)
        for chunk in _chunks(sorted(emails)):
            for user in User.objects.annotate(email_lower=Lower("email")).filter(
                email_lower__in=chunk
            ):
                self.add(user)

    def add(self, user: User) -> None:
        if user.mobile:
            self.by_mobile[user.mobile] = user
        self.by_email[user.email.lower()] = user

    def find(self, row: Row) -> User | None:
        mobile, email = contact_of(row)
        by_mobile = self.by_mobile.get(mobile) if mobile else None
        by_email = self.by_email.get(email) if email else None
        if by_mobile and by_email and by_mobile.pk != by_email.pk:
            raise RowError("person_conflict", contact_column(row))
        return by_mobile or by_email

    def get(self, row: Row) -> User:
        person = self.find(row)
        if person is None:
            mobile, email = contact_of(row)
            raise RowError("unknown_person", contact_column(row), value=mobile or email or "")
        return person


class Cohorts:
    """The hub's courses and their cohorts, loaded once."""

    def __init__(self, hub: Hub) -> None:
        self.courses: dict[str, Course] = {}
        self.cohorts: dict[int, list[Cohort]] = {}
        for course in Course.objects.filter(hub=hub).prefetch_related("cohorts"):
            self.courses[course.code.upper()] = course
            self.cohorts[course.pk] = sorted(course.cohorts.all(), key=lambda c: c.starts_on)

    def course(self, code: str) -> Course:
        course = self.courses.get(code.upper())
        if course is None:
            raise RowError("unknown_course", "course_code", value=code)
        return course

    def resolve(
        self, code: str, number: int | None, on: datetime.date | None, *, mode: str = "during"
    ) -> Cohort:
        """The cohort a row means: by number if given; else the only cohort; else by the date.
        mode "during": the cohort running on `on` (attendance); "application": running then,
        else the next to start after it (one applies before the start); "survey": running then,
        else the latest that started before it (answers come after the end)."""
        course = self.course(code)
        cohorts = self.cohorts.get(course.pk, [])
        if number is not None:
            for cohort in cohorts:
                if cohort.number == number:
                    return cohort
            raise RowError("unknown_cohort_number", "cohort_number", course=code, number=number)
        if len(cohorts) == 1:
            return cohorts[0]
        if not cohorts:
            raise RowError("no_cohort_on_date", "course_code", course=code, date=on or "-")
        if on is not None:
            running = [c for c in cohorts if c.starts_on <= on <= c.ends_on]
            if len(running) == 1:
                return running[0]
            if not running:
                if mode == "application":
                    upcoming = [c for c in cohorts if c.starts_on > on]
                    if upcoming:
                        return upcoming[0]
                elif mode == "survey":
                    started = [c for c in cohorts if c.starts_on <= on]
                    if started:
                        return started[-1]
                raise RowError(
                    "no_cohort_on_date", "course_code", course=code, date=f"{on:%Y-%m-%d}"
                )
        raise RowError(
            "ambiguous_cohort",
            "cohort_number",
            course=code,
            count=len(cohorts),
            header=COHORT_NUMBER.header,
        )
