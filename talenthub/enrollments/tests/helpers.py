"""Builders for the enrolment tests. They use the services and models of this app and the layers
below only (the import contract covers tests too); the personas come from the `world` fixture."""

from __future__ import annotations

import datetime
import io
import itertools
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from talenthub.accounts.models import User
from talenthub.accounts.services import user_create
from talenthub.courses.models import Cohort
from talenthub.courses.services import cohort_create, course_create
from talenthub.enrollments.choices import SelectionMode
from talenthub.enrollments.eligibility import Declaration
from talenthub.enrollments.models import Application, ApplicationForm
from talenthub.enrollments.selectors import current_consents
from talenthub.enrollments.services import SubmitResult, application_form_ensure, application_submit
from talenthub.hubs.models import Hub

PASSWORD = "pw-Talent-2025!"
_numbers = itertools.count(1)


def make_user(email: str | None = None, **extra: Any) -> User:
    number = next(_numbers)
    return user_create(
        email=email or f"applicant{number}@example.kr",
        name=extra.pop("name", f"신청자{number}"),
        password=PASSWORD,
        **extra,
    )


def make_cohort(
    hub: Hub,
    *,
    capacity: int = 30,
    status: str = "recruiting",
    starts_on: datetime.date = datetime.date(2027, 3, 2),
    ends_on: datetime.date = datetime.date(2027, 5, 28),
    mode: str = SelectionMode.FIRST_COME,
    offer_hours: int = 72,
) -> Cohort:
    number = next(_numbers)
    course = course_create(
        hub=hub,
        code=f"T{number:04d}",
        title=f"데이터 분석 {number}",
        track="big_data",
        industry_domain="general",
        level="beginner",
        hours=120,
    )
    cohort = cohort_create(
        course=course,
        number=1,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        status=status,
    )
    form = application_form_ensure(cohort=cohort)
    form.selection_mode = mode
    form.offer_valid_hours = offer_hours
    form.save(update_fields=["selection_mode", "offer_valid_hours"])
    return cohort


def form_of(cohort: Cohort) -> ApplicationForm:
    return ApplicationForm.objects.get(cohort=cohort)


def declaration(**overrides: Any) -> Declaration:
    values: dict[str, Any] = {
        "birth_date": datetime.date(2000, 5, 17),
        "region": "전북특별자치도 전주시",
        "is_job_seeker": True,
        "is_neet": False,
        "university_id": None,
    }
    values.update(overrides)
    return Declaration(**values)


def all_consents(cohort: Cohort, granted: bool = True) -> dict[int, bool]:
    return {text.pk: granted or text.is_required for text in current_consents(form_of(cohort))}


def submit(cohort: Cohort, user: User, **overrides: Any) -> SubmitResult:
    options: dict[str, Any] = {
        "cohort": cohort,
        "user": user,
        "declaration": declaration(),
        "answers": {},
        "consents": all_consents(cohort),
    }
    options.update(overrides)
    return application_submit(**options)


def apply(cohort: Cohort, user: User | None = None, **overrides: Any) -> Application:
    return submit(cohort, user or make_user(), **overrides).application


def pdf_bytes(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name: str = "이력서.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


@dataclass
class Scene:
    """One screening cohort of hub alpha with an applicant (with a résumé), the judge invited as
    its reviewer and the e-mail that acknowledged the application."""

    world: Any
    cohort: Any
    application: Any
    reviewer_row: Any
    notification: Any
    people: dict[str, Any]


def client_as(scene: Scene, persona: str) -> Client:
    client = Client()
    if persona != "anonymous":
        client.force_login(scene.people[persona])
    return client
