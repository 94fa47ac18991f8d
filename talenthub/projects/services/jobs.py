"""Job postings, graduates' applications, and moving them through the stages."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.core.files import DOCX, PDF, validate_upload
from talenthub.outcomes.choices import OutcomeSource
from talenthub.outcomes.services import outcome_record
from talenthub.partners.models import Organisation
from talenthub.projects.choices import FINAL_STAGES, JobStage, PostingStatus
from talenthub.projects.models import JobApplication, JobPosting
from talenthub.projects.selectors import graduate_hub_ids
from talenthub.projects.services.consent import consent_give
from talenthub.projects.services.hiring import outcome_category_for

RESUME_TYPES = frozenset({PDF, DOCX})
RESUME_MAX_BYTES = 5 * 1024 * 1024


@transaction.atomic
def job_posting_create(
    *,
    organisation: Organisation,
    posted_by: User,
    title: str,
    description: str,
    employment_type: str,
    location: str = "",
    closes_on: datetime.date | None = None,
) -> JobPosting:
    posting = JobPosting(
        organisation=organisation,
        posted_by=posted_by,
        title=title.strip(),
        description=description.strip(),
        employment_type=employment_type,
        location=location.strip(),
        closes_on=closes_on,
    )
    posting.full_clean()
    posting.save()
    return posting


@transaction.atomic
def job_posting_close(*, posting: JobPosting) -> JobPosting:
    posting.status = PostingStatus.CLOSED
    posting.save(update_fields=["status", "updated_at"])
    return posting


@transaction.atomic
def job_apply(
    *,
    posting: JobPosting,
    user: User,
    cover_letter: str,
    consent: bool,
    share_contact: bool = True,
    share_training: bool = True,
    share_documents: bool = True,
    resume: UploadedFile[bytes] | None = None,
    today: datetime.date | None = None,
) -> JobApplication:
    """A graduate applies with their profile and résumé. Applying sends the application to the
    company, so it needs the third-party provision consent."""
    today = today or timezone.localdate()
    if posting.status != PostingStatus.OPEN or (posting.closes_on and posting.closes_on < today):
        raise DomainError(_("This posting is closed."))
    if posting.organisation.hub_id not in graduate_hub_ids(user.pk):
        raise DomainError(_("Only graduates of this hub can apply."))
    if not consent:
        raise DomainError(
            _("Applying sends your application to the company: consent is needed."),
            field="consent",
        )
    application = JobApplication(posting=posting, user=user, cover_letter=cover_letter.strip())
    if resume is not None:
        application.resume_content_type = validate_upload(
            resume, allowed=RESUME_TYPES, max_bytes=RESUME_MAX_BYTES
        )
        application.resume_name = (resume.name or "resume")[-200:]
    try:
        with transaction.atomic():
            if resume is not None:
                application.resume.save("upload", resume, save=False)
            application.save()
    except IntegrityError as exc:
        raise DomainError(_("You have already applied to this posting.")) from exc
    consent_give(
        user=user,
        organisation=posting.organisation,
        share_contact=share_contact,
        share_training=share_training,
        share_documents=share_documents,
    )
    return application


@transaction.atomic
def job_application_move(
    *,
    application: JobApplication,
    stage: str,
    by: User,
    hire_starts_on: datetime.date | None = None,
) -> JobApplication:
    """Move an application to another stage; hiring creates the person's outcome."""
    locked = (
        JobApplication.objects.select_for_update()
        .select_related("posting", "posting__organisation", "posting__organisation__hub", "user")
        .get(pk=application.pk)
    )
    if stage not in JobStage.values or stage == JobStage.WITHDRAWN:
        raise DomainError(_("Choose a stage."), field="stage")
    if locked.stage in FINAL_STAGES:
        raise DomainError(_("This application is closed."))
    if stage == JobStage.HIRED and hire_starts_on is None:
        raise DomainError(_("Give the start date of the job."), field="hire_starts_on")
    locked.stage = stage
    locked.stage_changed_at = timezone.now()
    locked.hire_starts_on = hire_starts_on if stage == JobStage.HIRED else None
    locked.save(update_fields=["stage", "stage_changed_at", "hire_starts_on", "updated_at"])
    if stage == JobStage.HIRED:
        assert hire_starts_on is not None  # noqa: S101 -- checked above
        organisation = locked.posting.organisation
        outcome_record(
            user=locked.user,
            hub=organisation.hub,
            category=outcome_category_for(locked.posting.employment_type),
            organisation=organisation,
            starts_on=hire_starts_on,
            source=OutcomeSource.JOB_HIRE,
            source_key=f"job-application:{locked.pk}",
            reported_by=by,
            note=_("Hired through the posting “%(title)s”") % {"title": locked.posting.title},
        )
    return locked


@transaction.atomic
def job_application_withdraw(*, application: JobApplication) -> JobApplication:
    if application.stage in FINAL_STAGES:
        raise DomainError(_("This application is closed."))
    application.stage = JobStage.WITHDRAWN
    application.stage_changed_at = timezone.now()
    application.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    return application


@transaction.atomic
def job_postings_close_expired(*, today: datetime.date) -> int:
    return JobPosting.objects.filter(status=PostingStatus.OPEN, closes_on__lt=today).update(
        status=PostingStatus.CLOSED, updated_at=timezone.now()
    )
