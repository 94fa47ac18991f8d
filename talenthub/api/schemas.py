"""The shapes of the API's requests and responses (they are also the OpenAPI schema)."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import create_model

from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus
from talenthub.outcomes.choices import OutcomeCategory, OutcomeSource, OutcomeStatus


class ErrorBody(Schema):
    code: str = Field(description="Stable, for programs: not_found, forbidden, invalid, …")
    message: str = Field(description="For people, in the request's language.")
    fields: dict[str, list[str]] = Field(description="Inputs at fault, each with its messages.")


class ErrorOut(Schema):
    error: ErrorBody


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """A page of a list: the items, with how many match in all and where this page starts."""
    model: type[Schema] = create_model(
        name,
        __base__=Schema,
        count=(int, Field(description="Items matching the filters, on all pages.")),
        limit=(int, ...),
        offset=(int, ...),
        items=(list[item], ...),  # type: ignore[valid-type]
    )
    return model


class PersonOut(Schema):
    id: int
    name: str
    email: str | None = Field(None, description="Only for the hub's operators and instructors.")
    mobile: str | None = Field(None, description="Only for the hub's operators and instructors.")


class CohortOut(Schema):
    id: int
    hub: str = Field(description="Code of the hub.")
    course_code: str
    course_title: str
    number: int
    track: str
    industry_domain: str
    level: str
    hours: int
    starts_on: datetime.date
    ends_on: datetime.date
    capacity: int
    seats_taken: int
    status: str
    site: str | None = None


class ApplicationOut(Schema):
    id: int
    cohort_id: int
    person: PersonOut
    status: Literal[tuple(ApplicationStatus.values)]  # type: ignore[valid-type]
    submitted_at: datetime.datetime
    waitlist_position: int | None = None
    is_job_seeker: bool
    is_neet: bool


NO_NUL = r"^[^\x00]*$"  # PostgreSQL refuses NUL characters: a 422, not a database error
EARLIEST = datetime.date(1950, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def day(default: Any = None, description: str = "") -> Any:
    return Field(default, ge=EARLIEST, le=LATEST, description=description)


class DecisionIn(Schema):
    decision: Literal["admit", "waitlist", "reject"]
    reason: str = Field(..., min_length=1, max_length=300, pattern=NO_NUL)


class EnrolmentOut(Schema):
    id: int
    cohort_id: int
    person: PersonOut
    status: Literal[tuple(EnrollmentStatus.values)]  # type: ignore[valid-type]
    enrolled_on: datetime.date
    finished_on: datetime.date | None = None
    is_job_seeker_at_entry: bool
    is_neet_at_entry: bool


class EnrolmentIn(Schema):
    cohort_id: int = Field(..., ge=1, le=2**62)
    email: str | None = Field(
        None, max_length=254, pattern=NO_NUL, description="The person, by e-mail …"
    )
    mobile: str | None = Field(
        None, max_length=20, pattern=NO_NUL, description="… or by mobile phone."
    )
    enrolled_on: datetime.date | None = day(description="Default: the cohort's start.")


class AttendanceOut(Schema):
    enrolment_id: int
    cohort_id: int
    person: PersonOut
    percent: float = Field(description="Attended days / training days so far, in per cent.")
    attended_days: int
    training_days: int
    absent_days: int
    late_early_or_outing: int
    excused_days: int


class SurveyResultOut(Schema):
    cohort_id: int
    course_code: str
    cohort_number: int
    ends_on: datetime.date
    respondents: int
    invited: int
    response_rate: float | None = Field(None, description="Per cent.")
    score: float | None = Field(None, description="The 100-point satisfaction score.")


class OutcomeOut(Schema):
    id: int
    person: PersonOut
    category: Literal[tuple(OutcomeCategory.values)]  # type: ignore[valid-type]
    organisation_name: str
    starts_on: datetime.date | None = None
    status: Literal[tuple(OutcomeStatus.values)]  # type: ignore[valid-type]
    source: Literal[tuple(OutcomeSource.values)]  # type: ignore[valid-type]
    duplicate_of_id: int | None = None


class OutcomeIn(Schema):
    email: str | None = Field(None, max_length=254, pattern=NO_NUL)
    mobile: str | None = Field(None, max_length=20, pattern=NO_NUL)
    category: Literal[tuple(OutcomeCategory.values)]  # type: ignore[valid-type]
    organisation_name: str = Field("", max_length=100, pattern=NO_NUL)
    starts_on: datetime.date | None = day()
    note: str = Field("", max_length=300, pattern=NO_NUL)


class PartnerOut(Schema):
    id: int
    name: str
    kind: str
    website: str
    agreements: int
    next_agreement_end: datetime.date | None = None


class KpiOut(Schema):
    name: str
    title: str
    unit: str
    value: float | None = None
    numerator: int | None = None
    denominator: int | None = None
    by: dict[str, float | None] = Field(default_factory=dict)


class KpisOut(Schema):
    hub: str
    period_start: datetime.date
    period_end: datetime.date
    kpis: list[KpiOut]


def person(user: Any, *, identified: bool) -> dict[str, Any]:
    return {
        "id": user.pk,
        "name": user.name,
        "email": user.email if identified else None,
        "mobile": (user.mobile or None) if identified else None,
    }
