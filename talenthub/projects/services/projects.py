"""Company projects: proposal, approval, the trainees' applications and selection."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Membership
from talenthub.partners.models import Organisation
from talenthub.projects.choices import RECRUITING, RUNNING, ApplicationStatus, ProjectStatus
from talenthub.projects.models import Project, ProjectApplication
from talenthub.projects.selectors import has_consented, project_organisation_ids, trainee_hub_ids
from talenthub.projects.services.consent import consent_give


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
