from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.core.files import DOCX, PDF, validate_upload
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Membership
from talenthub.outcomes.choices import OutcomeCategory, OutcomeSource
from talenthub.outcomes.models import Outcome
from talenthub.outcomes.services import outcome_record
from talenthub.partners.models import Organisation
from talenthub.projects.choices import (
    FINAL_STAGES,
    RECRUITING,
    RUNNING,
    ApplicationStatus,
    EmploymentType,
    HireDecision,
    JobStage,
    PostingStatus,
    ProjectStatus,
)
from talenthub.projects.models import (
    CONSENT_TEXT_VERSION,
    JobApplication,
    JobPosting,
    MentorMeeting,
    Milestone,
    PracticumLog,
    Project,
    ProjectApplication,
    ProjectEvaluation,
    ThirdPartyConsent,
)
from talenthub.projects.selectors import (
    graduate_hub_ids,
    has_consented,
    project_organisation_ids,
    trainee_hub_ids,
)

RESUME_TYPES = frozenset({PDF, DOCX})
RESUME_MAX_BYTES = 5 * 1024 * 1024


def _mail_hub_operators(hub_id: int, subject: str, body: str) -> None:
    recipients = sorted(
        Membership.objects.filter(hub_id=hub_id, role=Role.OPERATOR, is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if recipients:
        send_mail(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            message=body,
            from_email=None,
            recipient_list=recipients,
        )


# --- Consent -------------------------------------------------------------------------------------


def consent_text(organisation: Organisation) -> str:
    """The wording the person agrees to; stored with every consent."""
    return _(
        "I agree that %(hub)s provides my personal data to %(organisation)s for selecting and "
        "working with trainees in company projects and for recruitment: my name, and the items "
        "I tick (e-mail and mobile phone; courses taken and completion; motivation and résumé). "
        "%(organisation)s keeps them until the selection or recruitment ends. I may refuse; "
        "then the company cannot see my application."
    ) % {"hub": organisation.hub.name, "organisation": organisation.name}


@transaction.atomic
def consent_give(
    *,
    user: User,
    organisation: Organisation,
    share_contact: bool,
    share_training: bool,
    share_documents: bool,
) -> ThirdPartyConsent:
    """Record a third-party provision consent; it replaces the person's earlier one for the same
    organisation (the old one is kept, marked withdrawn, as the record of what was agreed)."""
    now = timezone.now()
    ThirdPartyConsent.objects.filter(
        user=user, organisation=organisation, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    return ThirdPartyConsent.objects.create(
        user=user,
        organisation=organisation,
        share_contact=share_contact,
        share_training=share_training,
        share_documents=share_documents,
        text_version=CONSENT_TEXT_VERSION,
        text=consent_text(organisation),
        consented_at=now,
    )


@transaction.atomic
def consent_withdraw(*, user: User, organisation: Organisation) -> int:
    return ThirdPartyConsent.objects.filter(
        user=user, organisation=organisation, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())


# --- Projects ------------------------------------------------------------------------------------


@transaction.atomic
def project_propose(
    *,
    organisation: Organisation,
    proposed_by: User,
    title: str,
    problem: str,
    skills: str,
    seats: int,
    hours: int,
    mentor_name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    mentor_email: str = "",
    demo_day_on: datetime.date | None = None,
    partner_organisations: Iterable[Organisation] = (),
) -> Project:
    partners = [o for o in partner_organisations if o.id != organisation.id]
    if any(o.hub_id != organisation.hub_id for o in partners):
        raise DomainError(_("Partner companies must belong to the same hub."))
    project = Project(
        organisation=organisation,
        proposed_by=proposed_by,
        title=title.strip(),
        problem=problem.strip(),
        skills=skills.strip(),
        seats=seats,
        hours=hours,
        mentor_name=mentor_name.strip(),
        mentor_email=mentor_email.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        demo_day_on=demo_day_on,
    )
    if ends_on < starts_on:
        raise DomainError(_("The end date is before the start date."), field="ends_on")
    project.full_clean()
    project.save()
    if partners:
        project.partner_organisations.set(partners)
    transaction.on_commit(
        partial(
            _mail_hub_operators,
            organisation.hub_id,
            _("New company project to review: %(title)s") % {"title": project.title},
            _("%(organisation)s proposed the project “%(title)s”. Review it in TalentHub.")
            % {"organisation": organisation.name, "title": project.title},
        )
    )
    return project


def _locked_project(project: Project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


@transaction.atomic
def project_approve(*, project: Project, by: User, note: str = "") -> Project:
    locked = _locked_project(project)
    if locked.status != ProjectStatus.PROPOSED:
        raise DomainError(_("Only a proposed project can be approved."))
    locked.status = ProjectStatus.APPROVED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.decision_note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    return locked


@transaction.atomic
def project_reject(*, project: Project, by: User, note: str) -> Project:
    if not note.strip():
        raise DomainError(_("Give the reason for rejecting."), field="note")
    locked = _locked_project(project)
    if locked.status != ProjectStatus.PROPOSED:
        raise DomainError(_("Only a proposed project can be rejected."))
    locked.status = ProjectStatus.REJECTED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.decision_note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    return locked


@transaction.atomic
def project_start(*, project: Project) -> Project:
    """Close recruitment: the team is set and the work begins."""
    locked = _locked_project(project)
    if locked.status != ProjectStatus.APPROVED:
        raise DomainError(_("Only an approved project can start."))
    locked.status = ProjectStatus.IN_PROGRESS
    locked.save(update_fields=["status", "updated_at"])
    return locked


@transaction.atomic
def project_demo_day_record(
    *, project: Project, held_on: datetime.date, notes: str, complete: bool = True
) -> Project:
    """Record the demo day; by default it also completes the project."""
    locked = _locked_project(project)
    if locked.status not in RUNNING:
        raise DomainError(_("The project is not running."))
    if held_on < locked.starts_on:
        raise DomainError(_("The demo day is before the project starts."), field="held_on")
    locked.demo_day_on = held_on
    locked.demo_day_notes = notes.strip()
    if complete:
        locked.status = ProjectStatus.COMPLETED
    locked.save(update_fields=["demo_day_on", "demo_day_notes", "status", "updated_at"])
    return locked


@transaction.atomic
def project_apply(
    *,
    project: Project,
    user: User,
    motivation: str,
    consent: bool,
    share_contact: bool = False,
    share_training: bool = False,
    share_documents: bool = False,
) -> ProjectApplication:
    """A trainee applies. With `consent`, the project's companies may see the application (and
    the ticked items); without it only the hub's operators see it."""
    if project.status not in RECRUITING:
        raise DomainError(_("This project is not taking applications."))
    if project.organisation.hub_id not in trainee_hub_ids(user.pk):
        raise DomainError(_("Only trainees of this hub can apply."))
    try:
        with transaction.atomic():
            application = ProjectApplication.objects.create(
                project=project, user=user, motivation=motivation.strip()
            )
    except IntegrityError as exc:
        raise DomainError(_("You have already applied to this project.")) from exc
    if consent:
        organisations = Organisation.objects.select_related("hub").filter(
            id__in=project_organisation_ids(project)
        )
        for organisation in organisations:
            consent_give(
                user=user,
                organisation=organisation,
                share_contact=share_contact,
                share_training=share_training,
                share_documents=share_documents,
            )
    return application


@transaction.atomic
def project_application_withdraw(*, application: ProjectApplication) -> ProjectApplication:
    if application.status != ApplicationStatus.APPLIED:
        raise DomainError(_("Only a pending application can be withdrawn."))
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    return application


@transaction.atomic
def project_application_decide(
    *, application: ProjectApplication, select: bool, acting_organisation_ids: set[int]
) -> ProjectApplication:
    """The company selects a trainee for the team, or not. Seats are counted under a lock on the
    project row, so two concurrent selections cannot overfill it."""
    project = _locked_project(application.project)
    if project.status not in RECRUITING:
        raise DomainError(_("This project is not selecting trainees."))
    if not has_consented(user_id=application.user_id, organisation_ids=acting_organisation_ids):
        raise DomainError(_("This trainee has not consented to share their data with you."))
    locked = ProjectApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status == ApplicationStatus.WITHDRAWN:
        raise DomainError(_("The trainee withdrew this application."))
    if select and locked.status != ApplicationStatus.SELECTED:
        taken = project.applications.filter(status=ApplicationStatus.SELECTED).count()
        if taken >= project.seats:
            raise DomainError(_("All seats of this project are taken."))
    locked.status = ApplicationStatus.SELECTED if select else ApplicationStatus.NOT_SELECTED
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_at", "updated_at"])
    return locked


def _require_member(project: Project, user_id: int) -> None:
    if not project.applications.filter(user_id=user_id, status=ApplicationStatus.SELECTED).exists():
        raise DomainError(_("Only members of the project team can do this."))


@transaction.atomic
def milestone_add(*, project: Project, title: str, due_on: datetime.date) -> Milestone:
    if project.status not in RUNNING:
        raise DomainError(_("The project is not running."))
    try:
        with transaction.atomic():
            return Milestone.objects.create(project=project, title=title.strip(), due_on=due_on)
    except IntegrityError as exc:
        raise DomainError(_("This project already has a milestone of that name.")) from exc


@transaction.atomic
def milestone_complete(*, milestone: Milestone, completed_on: datetime.date) -> Milestone:
    milestone.completed_on = completed_on
    milestone.save(update_fields=["completed_on", "updated_at"])
    return milestone


@transaction.atomic
def practicum_log_add(
    *,
    project: Project,
    user: User,
    date: datetime.date,
    hours: Decimal,
    activity: str,
    milestone: Milestone | None = None,
) -> PracticumLog:
    if project.status not in RUNNING:
        raise DomainError(_("The project is not running."))
    _require_member(project, user.pk)
    if not project.starts_on <= date <= project.ends_on:
        raise DomainError(_("The date is outside the project's period."), field="date")
    if not Decimal("0") < hours <= Decimal("12"):
        raise DomainError(_("Log between 0.5 and 12 hours a day."), field="hours")
    if milestone is not None and milestone.project_id != project.id:
        raise DomainError(_("That milestone belongs to another project."), field="milestone")
    try:
        with transaction.atomic():
            return PracticumLog.objects.create(
                project=project,
                user=user,
                date=date,
                hours=hours,
                activity=activity.strip(),
                milestone=milestone,
            )
    except IntegrityError as exc:
        raise DomainError(_("You have already logged hours for that day."), field="date") from exc


@transaction.atomic
def mentor_meeting_add(
    *,
    project: Project,
    met_on: datetime.date,
    minutes: int,
    topic: str,
    notes: str = "",
    recorded_by: User | None = None,
) -> MentorMeeting:
    if project.status not in RUNNING:
        raise DomainError(_("The project is not running."))
    meeting = MentorMeeting(
        project=project,
        met_on=met_on,
        minutes=minutes,
        topic=topic.strip(),
        notes=notes.strip(),
        recorded_by=recorded_by,
    )
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def evaluation_record(
    *,
    application: ProjectApplication,
    by: User,
    skill: int,
    collaboration: int,
    problem_solving: int,
    comment: str = "",
) -> ProjectEvaluation:
    if application.status != ApplicationStatus.SELECTED:
        raise DomainError(_("Only team members are evaluated."))
    for score in (skill, collaboration, problem_solving):
        if not 1 <= score <= 5:
            raise DomainError(_("Scores run from 1 to 5."))
    evaluation, _created = ProjectEvaluation.objects.update_or_create(
        application=application,
        defaults={
            "skill": skill,
            "collaboration": collaboration,
            "problem_solving": problem_solving,
            "comment": comment.strip(),
            "evaluated_by": by,
        },
    )
    return evaluation


def _category_for(employment_type: str) -> str:
    return (
        OutcomeCategory.FULL_TIME
        if employment_type == EmploymentType.FULL_TIME
        else OutcomeCategory.CONTRACT
    )


@transaction.atomic
def project_hire_record(
    *,
    application: ProjectApplication,
    organisation: Organisation,
    by: User,
    employment_type: str,
    starts_on: datetime.date,
) -> Outcome:
    """The company hires a team member: the decision is stored on the application and an
    outcome is created for the person (once, however often the hire is recorded)."""
    locked = (
        ProjectApplication.objects.select_for_update()
        .select_related("project")
        .get(pk=application.pk)
    )
    if locked.status != ApplicationStatus.SELECTED:
        raise DomainError(_("Only team members can be hired through the project."))
    if organisation.id not in project_organisation_ids(locked.project):
        raise DomainError(_("The hiring company is not part of this project."))
    if employment_type not in EmploymentType.values:
        raise DomainError(_("Choose the employment type."), field="employment_type")
    locked.hire_decision = HireDecision.HIRED
    locked.hired_by = organisation
    locked.employment_type = employment_type
    locked.hire_starts_on = starts_on
    locked.hire_recorded_at = timezone.now()
    locked.save(
        update_fields=[
            "hire_decision",
            "hired_by",
            "employment_type",
            "hire_starts_on",
            "hire_recorded_at",
            "updated_at",
        ]
    )
    return outcome_record(
        user=locked.user,
        hub=organisation.hub,
        category=_category_for(employment_type),
        organisation=organisation,
        starts_on=starts_on,
        source=OutcomeSource.PROJECT_HIRE,
        source_key=f"project-application:{locked.pk}",
        reported_by=by,
        note=_("Hired after the company project “%(title)s”") % {"title": locked.project.title},
    )


@transaction.atomic
def project_hire_decline(*, application: ProjectApplication) -> ProjectApplication:
    if application.hire_decision == HireDecision.HIRED:
        raise DomainError(_("This trainee is already recorded as hired."))
    application.hire_decision = HireDecision.NOT_HIRED
    application.save(update_fields=["hire_decision", "updated_at"])
    return application


# --- Job postings --------------------------------------------------------------------------------


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
            category=_category_for(locked.posting.employment_type),
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
