"""The company's evaluation of team members and its hiring decision (which creates an outcome)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.outcomes.choices import OutcomeCategory, OutcomeSource
from talenthub.outcomes.models import Outcome
from talenthub.outcomes.services import outcome_record
from talenthub.partners.models import Organisation
from talenthub.projects.choices import ApplicationStatus, EmploymentType, HireDecision
from talenthub.projects.models import ProjectApplication, ProjectEvaluation
from talenthub.projects.selectors import project_organisation_ids


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
    scores = {"skill": skill, "collaboration": collaboration, "problem_solving": problem_solving}
    for field, score in scores.items():
        if not 1 <= score <= 5:
            raise DomainError(_("Scores run from 1 to 5."), field=field)
    # One evaluation per team member (the one-to-one key): a second one updates the first.
    evaluation, _created = ProjectEvaluation.objects.update_or_create(
        application=application,
        defaults={
            **scores,
            "comment": comment.strip(),
            "evaluated_by": by,
        },
    )
    return evaluation


def outcome_category_for(employment_type: str) -> str:
    """The outcome category of a hire with this employment type."""
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
        category=outcome_category_for(employment_type),
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
