"""Writes of the surveys app: creating and sending surveys, reminders, closing, responses and the
analysis of their comments."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.core import signing
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from talenthub.core.errors import DomainError
from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.events.choices import EventStatus
from talenthub.events.models import Event
from talenthub.events.selectors import attended_user_ids, ended_events_to_survey
from talenthub.surveys import standard
from talenthub.surveys.choices import TEXT_KINDS, Purpose, QuestionKind, SurveyStatus
from talenthub.surveys.errors import AlreadyAnsweredError, InvalidAnswerError, SurveyClosedError
from talenthub.surveys.models import (
    Answer,
    CommentTerm,
    Invitation,
    Question,
    Response,
    Section,
    Survey,
    SurveyTemplate,
    TemplateVersion,
)

TOKEN_SALT = "talenthub.surveys.invitation"  # noqa: S105 - a signing namespace, not a secret
AUTO_DISPATCH_WINDOW_DAYS = 7  # cohorts that ended longer ago than this are not surveyed by beat
REMINDER_INTERVAL = datetime.timedelta(days=7)
MAX_REMINDERS = 2
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 2000
# Who is asked: everyone who stayed to the end, whatever the completion decision.
INVITED_STATUSES = (
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.COMPLETED,
    EnrollmentStatus.NOT_COMPLETED,
)

AnswerValue = int | list[int] | str | None


def standard_templates_install() -> int:
    with transaction.atomic():
        return standard.install_standard_templates(
            SurveyTemplate, TemplateVersion, Section, Question
        )


def latest_version(template_code: str) -> TemplateVersion:
    return TemplateVersion.objects.filter(template__code=template_code).latest("number")


def invitation_token(invitation: Invitation) -> str:
    """A signed, unguessable personal link token; the nonce lets an invitation be revoked."""
    return signing.Signer(salt=TOKEN_SALT).sign_object([invitation.pk, invitation.nonce])


@transaction.atomic
def survey_create(
    *,
    version: TemplateVersion,
    cohort: Cohort | None = None,
    event: Event | None = None,
    title: str = "",
    is_anonymous: bool = True,
    deadline_days: int = 30,
    send_at_cohort_end: bool = True,
) -> Survey:
    """A draft survey of a cohort or of an event (exactly one). It is sent at the cohort's or
    event's end when `send_at_cohort_end` is set, or by hand."""
    if (cohort is None) == (event is None):
        raise TypeError("a survey belongs to a cohort or to an event")
    purpose = version.template.purpose
    if purpose != Purpose.OTHER:
        existing = Survey.objects.filter(purpose=purpose)
        if cohort is not None and existing.filter(cohort=cohort).exists():
            raise DomainError(_("This cohort already has a survey of this kind."), field="version")
        if event is not None and existing.filter(event=event).exists():
            raise DomainError(_("This event already has a survey of this kind."), field="version")
    if event is not None and event.status == EventStatus.CANCELLED:
        raise DomainError(_("A cancelled event cannot be surveyed."))
    subject = cohort if cohort is not None else event
    survey = Survey(
        cohort=cohort,
        event=event,
        version=version,
        purpose=purpose,
        title=(title.strip() or f"{subject} · {version.template.name}")[:200],
        is_anonymous=is_anonymous,
        deadline_days=deadline_days,
        send_at_cohort_end=send_at_cohort_end,
    )
    survey.full_clean()
    survey.save()
    return survey


def invitee_ids(survey: Survey) -> QuerySet[Any, int]:
    """Who is asked: a cohort's people who stayed to the end, or those who attended the event."""
    if survey.event_id is not None:
        return attended_user_ids(survey.event_id)
    return Enrollment.objects.filter(cohort=survey.cohort, status__in=INVITED_STATUSES).values_list(
        "user_id", flat=True
    )


@transaction.atomic
def survey_send(*, survey: Survey, now: datetime.datetime | None = None) -> int:
    """Open the survey (if not yet) and invite everyone of the cohort (or everyone who attended
    the event) not yet invited.

    Returns how many people were newly invited; their links go out by mail after commit."""
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status == SurveyStatus.CLOSED:
        raise SurveyClosedError(_("This survey is closed."))
    if survey.status == SurveyStatus.DRAFT:
        survey.status = SurveyStatus.OPEN
        survey.sent_at = now
        survey.deadline = now + datetime.timedelta(days=survey.deadline_days)
        survey.save(update_fields=["status", "sent_at", "deadline", "updated_at"])
    invited = set(survey.invitations.values_list("user_id", flat=True))
    user_ids = invitee_ids(survey).exclude(user_id__in=invited).order_by("user_id")
    created = Invitation.objects.bulk_create(
        [Invitation(survey=survey, user_id=user_id, sent_at=now) for user_id in user_ids]
    )
    ids = [invitation.pk for invitation in created]  # PostgreSQL and SQLite ≥ 3.35 return keys
    if ids:
        from talenthub.surveys.tasks import send_survey_mail

        transaction.on_commit(lambda: send_survey_mail.delay(ids, False))
    return len(ids)


@transaction.atomic
def survey_remind(*, survey: Survey, now: datetime.datetime | None = None) -> int:
    """Mail the link again to everyone who has not answered. Only the survey records that a
    reminder went out: a per-person time would date the answers of anonymous surveys."""
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN or (survey.deadline and survey.deadline < now):
        raise SurveyClosedError(_("Only an open survey can be reminded."))
    ids = list(survey.invitations.filter(is_used=False).values_list("id", flat=True))
    survey.reminders_sent += 1
    survey.last_reminded_at = now
    survey.save(update_fields=["reminders_sent", "last_reminded_at", "updated_at"])
    if ids:
        from talenthub.surveys.tasks import send_survey_mail

        transaction.on_commit(lambda: send_survey_mail.delay(ids, True))
    return len(ids)


@transaction.atomic
def survey_close(*, survey: Survey, now: datetime.datetime | None = None) -> Survey:
    if survey.status == SurveyStatus.DRAFT:
        raise DomainError(_("A survey that was never sent cannot be closed."))
    if survey.status == SurveyStatus.CLOSED:
        return survey
    survey.status = SurveyStatus.CLOSED
    survey.closed_at = now or timezone.now()
    survey.save(update_fields=["status", "closed_at", "updated_at"])
    return survey


def _ensure_accepting(survey: Survey, now: datetime.datetime) -> None:
    if survey.status == SurveyStatus.DRAFT:
        raise SurveyClosedError(_("This survey has not been opened yet."))
    if survey.status == SurveyStatus.CLOSED or (survey.deadline and now > survey.deadline):
        closed = survey.closed_at or survey.deadline or now
        raise SurveyClosedError(
            _("This survey closed on %(date)s; answers are no longer accepted.")
            % {"date": date_format(timezone.localtime(closed), "DATE_FORMAT")}
        )


def response_refusal(*, invitation: Invitation, now: datetime.datetime) -> str | None:
    """Why this link cannot take an answer now (shown before the form), or None."""
    if invitation.is_used:
        return _("You have already answered this survey. Thank you.")
    try:
        _ensure_accepting(invitation.survey, now)
    except SurveyClosedError as exc:
        return exc.message
    return None


def _clean_answer(question: Question, raw: AnswerValue) -> dict[str, Any] | None:
    """The answer's stored fields, or None when it is blank; raises on a wrong value."""
    wrong = InvalidAnswerError(
        _("The answer to question %(code)s is not valid.") % {"code": question.position},
        field=f"q{question.pk}",
    )
    if raw is None or raw == "" or raw == []:
        return None
    if question.kind in TEXT_KINDS:
        if not isinstance(raw, str):
            raise wrong
        limit = SHORT_TEXT_MAX if question.kind == QuestionKind.SHORT_TEXT else LONG_TEXT_MAX
        text = raw.strip()[:limit]
        return {"text": text} if text else None
    if question.kind == QuestionKind.MULTIPLE:
        if not isinstance(raw, list) or not all(isinstance(i, int) for i in raw):
            raise wrong
        picked = sorted(set(raw))
        if any(not 0 <= i < len(question.choices) for i in picked):
            raise wrong
        return {"selected": picked}
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise wrong
    low, high = {
        QuestionKind.LIKERT5: (1, 5),
        QuestionKind.RECOMMEND: (0, 10),
        QuestionKind.SINGLE: (0, len(question.choices) - 1),
    }[QuestionKind(question.kind)]
    if not low <= raw <= high:
        raise wrong
    return {"value": raw}


@transaction.atomic
def response_submit(
    *,
    invitation: Invitation,
    answers: Mapping[int, AnswerValue],
    now: datetime.datetime | None = None,
) -> Response:
    """Store one person's answers. A second or late answer is refused.

    For an anonymous survey the stored response names neither the person nor the invitation, and
    keeps only the day; the invitation is marked used in the same transaction, with no time."""
    now = now or timezone.now()
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("survey", "survey__version")
        .get(pk=invitation.pk)
    )
    survey = invitation.survey
    if invitation.is_used:
        raise AlreadyAnsweredError(_("You have already answered this survey. Thank you."))
    _ensure_accepting(survey, now)
    rows: list[tuple[Question, dict[str, Any]]] = []
    for question in survey.version.questions.order_by("position"):
        cleaned = _clean_answer(question, answers.get(question.pk))
        if cleaned is None:
            if question.required:
                raise InvalidAnswerError(
                    _("Please answer question %(number)s.") % {"number": question.position},
                    field=f"q{question.pk}",
                )
            continue
        rows.append((question, cleaned))
    # The conditional update is the guard where row locks do not exist (SQLite).
    if Invitation.objects.filter(pk=invitation.pk, is_used=False).update(is_used=True) != 1:
        raise AlreadyAnsweredError(_("You have already answered this survey. Thank you."))
    response = Response.objects.create(
        survey=survey,
        is_anonymous=survey.is_anonymous,
        invitation=None if survey.is_anonymous else invitation,
        respondent_id=None if survey.is_anonymous else invitation.user_id,
        submitted_on=timezone.localdate(now),
    )
    Answer.objects.bulk_create(
        [Answer(response=response, question=question, **fields) for question, fields in rows]
    )
    if any("text" in fields for _question, fields in rows):
        from talenthub.surveys.tasks import analyse_response

        response_id = str(response.pk)
        transaction.on_commit(lambda: analyse_response.delay(response_id))
    return response


def _store_analysis(answers: Sequence[Answer]) -> None:
    from talenthub.surveys.text import analyse_comments

    analyses = analyse_comments([answer.text for answer in answers])
    terms: list[CommentTerm] = []
    for answer, analysis in zip(answers, analyses, strict=True):
        answer.polarity = analysis.polarity
        terms.extend(
            CommentTerm(answer=answer, term=term, occurrences=min(count, 32767))
            for term, count in analysis.terms.items()
        )
    Answer.objects.bulk_update(answers, ["polarity"])
    CommentTerm.objects.filter(answer__in=answers).delete()
    CommentTerm.objects.bulk_create(terms)


@transaction.atomic
def response_analyse(*, response_id: str) -> int:
    """Extract terms and polarity of the response's comments (loads Kiwi: call from a task)."""
    response = Response.objects.select_for_update().get(pk=response_id)
    answers = list(
        response.answers.filter(question__kind__in=TEXT_KINDS).exclude(text="").order_by("id")
    )
    if answers:
        _store_analysis(answers)
    response.analysed = True
    response.save(update_fields=["analysed"])
    return len(answers)


@transaction.atomic
def surveys_analyse_pending(*, limit: int = 500) -> int:
    """Analyse responses whose task was lost (worker down); run by the daily schedule."""
    pending = Response.objects.filter(analysed=False).values_list("id", flat=True)[:limit]
    return sum(response_analyse(response_id=str(pk)) for pk in pending)


def surveys_dispatch_due(*, now: datetime.datetime | None = None) -> int:
    """Send surveys whose cohort or event has ended; give recently ended cohorts and events
    without a satisfaction survey the standard one. Returns how many surveys were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    recent = Cohort.objects.filter(
        ends_on__lte=today, ends_on__gte=today - datetime.timedelta(days=AUTO_DISPATCH_WINDOW_DAYS)
    ).exclude(status=CohortStatus.CANCELLED)
    missing = recent.exclude(surveys__purpose=Purpose.SATISFACTION)
    events = ended_events_to_survey(
        now, now - datetime.timedelta(days=AUTO_DISPATCH_WINDOW_DAYS)
    ).exclude(surveys__purpose=Purpose.SATISFACTION)
    if missing.exists() or events.exists():
        version = latest_version(standard.SATISFACTION_CODE)
        for cohort in missing.select_related("course").order_by("pk"):
            survey_create(cohort=cohort, version=version)
        for event in events:
            survey_create(event=event, version=version)
    due = (
        Survey.objects.filter(status=SurveyStatus.DRAFT, send_at_cohort_end=True)
        .filter(
            (Q(cohort__ends_on__lte=today) & ~Q(cohort__status=CohortStatus.CANCELLED))
            | (Q(event__ends_at__lte=now) & ~Q(event__status=EventStatus.CANCELLED))
        )
        .order_by("pk")
    )
    for survey in due:
        survey_send(survey=survey, now=now)
        sent += 1
    return sent


def surveys_remind_due(*, now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    due = Survey.objects.filter(
        status=SurveyStatus.OPEN, deadline__gt=now, reminders_sent__lt=MAX_REMINDERS
    ).filter(
        Q(last_reminded_at__lte=now - REMINDER_INTERVAL)
        | Q(last_reminded_at__isnull=True, sent_at__lte=now - REMINDER_INTERVAL)
    )
    reminded = 0
    for survey in due:
        survey_remind(survey=survey, now=now)
        reminded += 1
    return reminded


def surveys_close_expired(*, now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    expired = Survey.objects.filter(status=SurveyStatus.OPEN, deadline__lt=now)
    return expired.update(status=SurveyStatus.CLOSED, closed_at=now, updated_at=now)


@transaction.atomic
def response_import(
    *,
    survey: Survey,
    submitted_on: datetime.date,
    answers: Mapping[int, AnswerValue],
) -> Response:
    """Store a response collected outside TalentHub (a paper form, another system's export).

    It is anonymous (no person, no invitation: whoever sent the file knows whose it was, we do
    not) and may leave questions unanswered; each given answer is checked like an online one.
    The caller keeps the same response from being imported twice (the exchange app's ledger)."""
    questions = {q.pk: q for q in survey.version.questions.all()}
    rows: list[tuple[Question, dict[str, Any]]] = []
    for question_id, raw in answers.items():
        question = questions.get(question_id)
        if question is None:
            raise InvalidAnswerError(_("This question is not part of the survey."))
        cleaned = _clean_answer(question, raw)
        if cleaned is not None:
            rows.append((question, cleaned))
    response = Response.objects.create(
        survey=survey,
        is_anonymous=True,
        invitation=None,
        respondent=None,
        submitted_on=submitted_on,
    )
    Answer.objects.bulk_create(
        [Answer(response=response, question=question, **fields) for question, fields in rows]
    )
    if any("text" in fields for _question, fields in rows):
        from talenthub.surveys.tasks import analyse_response

        response_id = str(response.pk)
        transaction.on_commit(lambda: analyse_response.delay(response_id))
    return response
