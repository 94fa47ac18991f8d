from __future__ import annotations

import datetime
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.core.files import JPEG, PDF, PNG, validate_upload
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub
from talenthub.outcomes import engine
from talenthub.outcomes.choices import (
    JOB_OR_STARTUP,
    Checkpoint,
    FollowUpStatus,
    OutcomeCategory,
    OutcomeSource,
    OutcomeStatus,
)
from talenthub.outcomes.models import FollowUp, Outcome, OutcomeEvidence
from talenthub.outcomes.selectors import (
    completions_due_for_follow_up,
    outcome_by_source,
    same_job_primary,
)
from talenthub.partners.models import Organisation

EVIDENCE_TYPES = frozenset({PDF, PNG, JPEG})
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
FOLLOW_UP_TOKEN_SALT = "talenthub.outcomes.follow-up"  # noqa: S105 -- a salt, not a secret
FOLLOW_UP_TOKEN_MAX_AGE = datetime.timedelta(days=90)
# Checkpoints older than this when first seen (e.g. right after an import of past cohorts) get a
# task for the operators but no e-mail: a link about a course of years ago helps no one.
FOLLOW_UP_MAIL_MAX_LATE = datetime.timedelta(days=30)


def latest_completion(*, user: User, hub: Hub) -> Enrollment | None:
    return (
        Enrollment.objects.filter(
            user=user, cohort__course__hub=hub, status=EnrollmentStatus.COMPLETED
        )
        .order_by("-finished_on", "-id")
        .first()
    )


@transaction.atomic
def outcome_record(
    *,
    user: User,
    hub: Hub,
    category: str,
    source: str,
    starts_on: datetime.date | None = None,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    enrollment: Enrollment | None = None,
    source_key: str = "",
    reported_by: User | None = None,
    note: str = "",
) -> Outcome:
    """Record what a person did after training.

    Idempotent per source record (`source_key`): recording the same hire again returns the first
    outcome. A report of a job that is already on record (same person and organisation, start
    within a month) is kept, as evidence, but marked a duplicate of the first."""
    if category not in OutcomeCategory.values:
        raise DomainError(_("Choose an outcome category."), field="category")
    if organisation is not None and not organisation_name:
        organisation_name = organisation.name
    organisation_name = organisation_name.strip()
    if category in JOB_OR_STARTUP:
        if starts_on is None:
            raise DomainError(_("Give the start date."), field="starts_on")
        if not organisation_name:
            raise DomainError(_("Give the organisation's name."), field="organisation_name")
    if source_key:
        existing = outcome_by_source(source=source, source_key=source_key)
        if existing is not None:
            return existing
    key = engine.organisation_key(organisation_name)
    if organisation is None and key:
        # A graduate types the name; link it to the partner it names, for the partner's history.
        organisation = next(
            (
                o
                for o in Organisation.objects.filter(hub=hub)
                if engine.organisation_key(o.name) == key
            ),
            None,
        )
    primary = same_job_primary(
        user_id=user.pk, organisation_key=key, starts_on=starts_on, category=category
    )
    outcome = Outcome(
        user=user,
        hub=hub,
        enrollment=enrollment if enrollment is not None else latest_completion(user=user, hub=hub),
        category=category,
        organisation=organisation,
        organisation_name=organisation_name,
        organisation_key=key,
        starts_on=starts_on,
        source=source,
        source_key=source_key,
        reported_by=reported_by,
        duplicate_of=primary,
        note=note.strip(),
    )
    try:
        with transaction.atomic():
            outcome.save()
    except IntegrityError as exc:
        # A concurrent record of the same source or job won the race between our read and write.
        existing = outcome_by_source(source=source, source_key=source_key) if source_key else None
        if existing is not None:
            return existing
        primary = same_job_primary(
            user_id=user.pk, organisation_key=key, starts_on=starts_on, category=category
        )
        if primary is None:
            raise DomainError(_("This outcome is already on record.")) from exc
        outcome.duplicate_of = primary
        outcome.save()
    return outcome


@transaction.atomic
def outcome_verify(*, outcome: Outcome, by: User, note: str = "") -> Outcome:
    locked = Outcome.objects.select_for_update().get(pk=outcome.pk)
    if locked.category in JOB_OR_STARTUP and not locked.evidence.exists():
        raise DomainError(_("Attach evidence before verifying a job or startup."), field="evidence")
    locked.status = OutcomeStatus.VERIFIED
    locked.verified_by = by
    locked.verified_at = timezone.now()
    locked.verification_note = note.strip()
    locked.save(
        update_fields=["status", "verified_by", "verified_at", "verification_note", "updated_at"]
    )
    return locked


@transaction.atomic
def outcome_reject(*, outcome: Outcome, by: User, note: str) -> Outcome:
    if not note.strip():
        raise DomainError(_("Give the reason for rejecting."), field="note")
    locked = Outcome.objects.select_for_update().get(pk=outcome.pk)
    locked.status = OutcomeStatus.REJECTED
    locked.verified_by = by
    locked.verified_at = None
    locked.verification_note = note.strip()
    locked.save(
        update_fields=["status", "verified_by", "verified_at", "verification_note", "updated_at"]
    )
    return locked


@transaction.atomic
def evidence_attach(
    *, outcome: Outcome, kind: str, file: UploadedFile[bytes], uploaded_by: User | None
) -> OutcomeEvidence:
    content_type = validate_upload(file, allowed=EVIDENCE_TYPES, max_bytes=EVIDENCE_MAX_BYTES)
    evidence = OutcomeEvidence(
        outcome=outcome,
        kind=kind,
        original_name=(file.name or "evidence")[-200:],
        content_type=content_type,
        size=file.size or 0,
        uploaded_by=uploaded_by,
    )
    evidence.full_clean(exclude=["file"])
    evidence.file.save("upload", file, save=False)
    evidence.save()
    return evidence


def follow_up_token(follow_up: FollowUp) -> str:
    return signing.dumps({"f": follow_up.pk}, salt=FOLLOW_UP_TOKEN_SALT, compress=True)


def follow_up_id_from_token(token: str) -> int | None:
    try:
        data = signing.loads(token, salt=FOLLOW_UP_TOKEN_SALT, max_age=FOLLOW_UP_TOKEN_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    value = data.get("f") if isinstance(data, dict) else None
    return value if isinstance(value, int) else None


def _send_follow_up_link(follow_up_id: int) -> None:
    follow_up = FollowUp.objects.select_related(
        "enrollment__user", "enrollment__cohort__course"
    ).get(id=follow_up_id)
    user = follow_up.enrollment.user
    base = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    link = base + reverse("outcomes:follow_up_report", args=[follow_up_token(follow_up)])
    subject = _("How are you doing since %(course)s?") % {
        "course": follow_up.enrollment.cohort.course.title
    }
    body = _(
        "Hello %(name)s,\n\nIt has been %(months)s months since you completed %(course)s. "
        "Tell us what you are doing now (a job, a startup, further study, …) through your "
        "personal link:\n\n%(link)s\n\nThe link works for 90 days. Thank you!"
    ) % {
        "name": user.name,
        "months": follow_up.checkpoint,
        "course": follow_up.enrollment.cohort.course.title,
        "link": link,
    }
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        message=body,
        from_email=None,
        recipient_list=[user.email],
    )


@transaction.atomic
def follow_ups_open_due(*, today: datetime.date) -> list[FollowUp]:
    """Open the follow-ups whose 3- or 6-month checkpoint has come (idempotent), and e-mail each
    graduate their personal link after the commit."""
    created: list[FollowUp] = []
    oldest_checkpoint = today - datetime.timedelta(days=366)
    for checkpoint in Checkpoint.values:
        due = completions_due_for_follow_up(
            checkpoint=checkpoint, due_from=oldest_checkpoint, due_to=today
        )
        rows = [
            FollowUp(enrollment=enrollment, checkpoint=checkpoint, due_on=due_on)
            for enrollment, due_on in due
        ]
        FollowUp.objects.bulk_create(rows, ignore_conflicts=True)
        created.extend(rows)
    fresh = list(
        FollowUp.objects.select_for_update()
        .filter(
            sent_at__isnull=True,
            status=FollowUpStatus.OPEN,
            due_on__gte=today - FOLLOW_UP_MAIL_MAX_LATE,
            due_on__lte=today,
        )
        .values_list("id", flat=True)
    )
    # Claimed in this transaction, so a second run before the mail goes out sends nothing again.
    FollowUp.objects.filter(id__in=fresh).update(sent_at=timezone.now())
    for follow_up_id in fresh:
        transaction.on_commit(partial(_send_follow_up_link, follow_up_id))
    return created


@transaction.atomic
def follow_up_respond(
    *,
    follow_up: FollowUp,
    category: str,
    starts_on: datetime.date | None = None,
    organisation_name: str = "",
    note: str = "",
    evidence_kind: str = "",
    evidence_file: UploadedFile[bytes] | None = None,
    reported_by: User | None = None,
) -> Outcome:
    """The graduate's answer through the personal link (or an operator's, after a call)."""
    locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if locked.status != FollowUpStatus.OPEN:
        raise DomainError(
            _("This follow-up has been answered already. Contact the hub to correct it.")
        )
    enrollment = Enrollment.objects.select_related("user", "cohort__course__hub").get(
        pk=locked.enrollment_id
    )
    outcome = outcome_record(
        user=enrollment.user,
        hub=enrollment.cohort.course.hub,
        enrollment=enrollment,
        category=category,
        starts_on=starts_on,
        organisation_name=organisation_name,
        source=OutcomeSource.FOLLOW_UP if reported_by is None else OutcomeSource.OPERATOR,
        source_key=f"follow-up:{locked.pk}",
        reported_by=reported_by or enrollment.user,
        note=note,
    )
    if evidence_file is not None:
        evidence_attach(
            outcome=outcome,
            kind=evidence_kind or "other",
            file=evidence_file,
            uploaded_by=reported_by or enrollment.user,
        )
    locked.status = FollowUpStatus.RESPONDED
    locked.responded_at = timezone.now()
    locked.outcome = outcome
    locked.save(update_fields=["status", "responded_at", "outcome", "updated_at"])
    return outcome


@transaction.atomic
def follow_up_close(*, follow_up: FollowUp, by: User) -> FollowUp:
    """Close a follow-up nobody answered; the person then counts as no response unless another
    record says otherwise."""
    locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if locked.status != FollowUpStatus.OPEN:
        raise DomainError(_("This follow-up is no longer open."))
    locked.status = FollowUpStatus.CLOSED
    locked.closed_at = timezone.now()
    locked.assigned_to = by
    locked.save(update_fields=["status", "closed_at", "assigned_to", "updated_at"])
    return locked


@transaction.atomic
def outcome_self_report(
    *,
    user: User,
    category: str,
    starts_on: datetime.date | None = None,
    organisation_name: str = "",
    note: str = "",
    evidence_kind: str = "",
    evidence_file: UploadedFile[bytes] | None = None,
) -> Outcome:
    """A signed-in graduate reports an outcome; it belongs to the hub of their latest completion."""
    enrollment = (
        Enrollment.objects.filter(user=user, status=EnrollmentStatus.COMPLETED)
        .select_related("cohort__course__hub")
        .order_by("-finished_on", "-id")
        .first()
    )
    if enrollment is None:
        raise DomainError(_("Outcomes are reported after completing a course."))
    outcome = outcome_record(
        user=user,
        hub=enrollment.cohort.course.hub,
        enrollment=enrollment,
        category=category,
        starts_on=starts_on,
        organisation_name=organisation_name,
        source=OutcomeSource.SELF_REPORT,
        reported_by=user,
        note=note,
    )
    if evidence_file is not None:
        evidence_attach(
            outcome=outcome, kind=evidence_kind or "other", file=evidence_file, uploaded_by=user
        )
    return outcome
