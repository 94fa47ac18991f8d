"""Applying: the cohort's form, submission (idempotent), and first-come-first-served admission."""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import (
    ApplicationStatus,
    NotificationKind,
    QuestionKind,
    SelectionMode,
)
from talenthub.enrollments.eligibility import Declaration
from talenthub.enrollments.errors import ApplicationsClosedError, IneligibleError
from talenthub.enrollments.models import (
    Answer,
    Application,
    ApplicationForm,
    ConsentRecord,
    ConsentText,
    Enrollment,
    Question,
    SelectionDecision,
)
from talenthub.enrollments.selectors import (
    accepting_applications,
    current_consents,
    eligibility_failures,
    partner_universities,
    questions_of,
)
from talenthub.enrollments.services.notifications import notification_queue
from talenthub.enrollments.services.seats import free_seats, lock_cohort
from talenthub.enrollments.services.selection import admit_locked, waitlist_locked
from talenthub.enrollments.services.waitlist import waitlist_offer_free_seats
from talenthub.enrollments.uploads import check_attachment, check_pdf

DEFAULT_CONSENTS = Path(__file__).resolve().parent.parent / "data" / "default_consents.json"
MAX_TEXT_ANSWER = 5000

AnswerValue: TypeAlias = "str | UploadedFile[bytes]"


@dataclass(frozen=True)
class SubmitResult:
    application: Application
    created: bool


@transaction.atomic
def application_form_ensure(*, cohort: Cohort) -> ApplicationForm:
    """The cohort's form; the first call makes one (first come, first served) with the standard
    consent items, which operators then adjust in the back office."""
    form, created = ApplicationForm.objects.get_or_create(cohort=cohort)
    if created:
        items = json.loads(DEFAULT_CONSENTS.read_text(encoding="utf-8"))
        ConsentText.objects.bulk_create(
            ConsentText(form=form, position=index, version=1, **item)
            for index, item in enumerate(items)
        )
    return form


def _clean_answers(
    questions: list[Question], answers: Mapping[int, AnswerValue]
) -> dict[int, AnswerValue]:
    cleaned: dict[int, AnswerValue] = {}
    for question in questions:
        value = answers.get(question.pk)
        field = f"q_{question.pk}"
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if question.is_required:
                raise DomainError(_("Answer this question."), field=field)
            continue
        if question.kind == QuestionKind.FILE:
            if not isinstance(value, UploadedFile):
                raise DomainError(_("Upload a file."), field=field)
            check_attachment(value)
        elif not isinstance(value, str):
            raise DomainError(_("Answer in text."), field=field)
        elif question.kind == QuestionKind.CHOICE and value not in question.choice_list:
            raise DomainError(_("Pick one of the choices."), field=field)
        elif len(value) > MAX_TEXT_ANSWER:
            raise DomainError(
                _("Keep the answer under %(n)d characters.") % {"n": MAX_TEXT_ANSWER}, field=field
            )
        cleaned[question.pk] = value
    return cleaned


def _clean_consents(texts: list[ConsentText], consents: Mapping[int, bool]) -> dict[int, bool]:
    cleaned = {}
    for text in texts:
        field = f"consent_{text.pk}"
        if text.pk not in consents:
            raise DomainError(_("Answer every consent item."), field=field)
        if text.is_required and not consents[text.pk]:
            raise DomainError(
                _("You must agree to “%(title)s” to apply.") % {"title": text.title}, field=field
            )
        cleaned[text.pk] = bool(consents[text.pk])
    return cleaned


def _first_come(*, application: Application, cohort: Cohort, now: datetime.datetime) -> None:
    """Admit while seats are free and nobody is waiting; otherwise join the end of the queue."""
    queue = Application.objects.filter(cohort=cohort, status=ApplicationStatus.WAITLISTED)
    if not queue.exists() and free_seats(cohort) > 0:
        admit_locked(
            application=application,
            cohort=cohort,
            actor=None,
            reason=_("First come, first served: a seat was free."),
            now=now,
        )
        return
    waitlist_locked(
        application=application,
        cohort=cohort,
        actor=None,
        reason=_("First come, first served: no seat was free."),
        now=now,
    )
    waitlist_offer_free_seats(cohort=cohort, now=now)


def _existing(application: Application) -> SubmitResult:
    if application.status == ApplicationStatus.WITHDRAWN:
        raise DomainError(
            _("You withdrew your application to this cohort. Ask the hub to apply again.")
        )
    return SubmitResult(application=application, created=False)


@transaction.atomic
def application_submit(
    *,
    cohort: Cohort,
    user: User,
    declaration: Declaration,
    answers: Mapping[int, AnswerValue],
    consents: Mapping[int, bool],
    resume: UploadedFile[bytes] | None = None,
    now: datetime.datetime | None = None,
) -> SubmitResult:
    """Submit an application. Submitting twice (a double click, two tabs) returns the first one:
    the cohort lock orders the two, and the unique key (cohort, person) stops a second row."""
    now = now or timezone.now()
    locked = lock_cohort(cohort.pk)
    existing = Application.objects.filter(cohort=locked, user=user).first()
    if existing is not None:
        return _existing(existing)
    if not accepting_applications(locked, timezone.localdate(now)):
        raise ApplicationsClosedError
    if Enrollment.objects.filter(cohort=locked, user=user).exists():
        raise DomainError(_("You are already enrolled in this cohort."))
    form = application_form_ensure(cohort=locked)
    failures = eligibility_failures(
        cohort=locked, form=form, user_id=user.pk, declaration=declaration
    )
    if failures:
        raise IneligibleError([failure.message for failure in failures])
    if (
        declaration.university_id is not None
        and not partner_universities(locked.course.hub_id)
        .filter(pk=declaration.university_id)
        .exists()
    ):
        raise DomainError(_("Pick one of the listed universities."), field="university")
    cleaned_answers = _clean_answers(questions_of(form), answers)
    texts = current_consents(form)
    cleaned_consents = _clean_consents(texts, consents)
    if resume is not None:
        check_pdf(resume)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                cohort=locked,
                user=user,
                status=ApplicationStatus.SUBMITTED,
                submitted_at=now,
                status_changed_at=now,
                birth_date=declaration.birth_date,
                region=declaration.region.strip(),
                is_job_seeker=declaration.is_job_seeker,
                is_neet=declaration.is_neet,
                university_id=declaration.university_id,
            )
    except IntegrityError:
        return _existing(Application.objects.get(cohort=locked, user=user))
    if resume is not None:
        application.resume.save(resume.name or "resume.pdf", resume, save=False)
        application.save(update_fields=["resume"])
    for question_id, value in cleaned_answers.items():
        answer = Answer(application=application, question_id=question_id)
        if isinstance(value, str):
            answer.text = value
            answer.save()
        else:
            answer.file.save(value.name or "answer", value, save=True)
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            application=application,
            consent=text,
            granted=cleaned_consents[text.pk],
            version=text.version,
            title=text.title,
            body=text.body,
            recorded_at=now,
        )
        for text in texts
    )
    SelectionDecision.objects.create(
        application=application,
        from_status="",
        to_status=ApplicationStatus.SUBMITTED,
        actor=user,
        reason=_("Application submitted."),
        decided_at=now,
    )
    notification_queue(kind=NotificationKind.RECEIVED, application=application)
    if form.selection_mode == SelectionMode.FIRST_COME:
        _first_come(application=application, cohort=locked, now=now)
    return SubmitResult(application=application, created=True)
