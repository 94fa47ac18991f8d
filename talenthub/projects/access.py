"""Permission-checked fetches for projects and job postings. Everything outside the user's hub or
organisation is a 404, the same as an id that does not exist."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.hubs.selectors import operated_hub_ids
from talenthub.partners.access import organisation_for_viewer
from talenthub.partners.models import Organisation
from talenthub.partners.selectors import partner_organisation_ids
from talenthub.projects.choices import RECRUITING, RUNNING, PostingStatus
from talenthub.projects.models import JobApplication, JobPosting, Project, ProjectApplication
from talenthub.projects.selectors import (
    graduate_hub_ids,
    has_consented,
    project_organisation_ids,
    projects_in_hubs,
    projects_of_organisations,
    trainee_hub_ids,
)


def company_organisation_ids(user: User | AnonymousUser) -> set[int]:
    """The organisations the user acts for; 404 for anyone who acts for none."""
    organisation_ids = partner_organisation_ids(user)
    if not organisation_ids:
        raise Http404
    return organisation_ids


def project_for_company(user: User | AnonymousUser, project_id: int) -> Project:
    try:
        return projects_of_organisations(company_organisation_ids(user)).get(id=project_id)
    except Project.DoesNotExist as exc:
        raise Http404 from exc


def acting_organisation_ids(user: User | AnonymousUser, project: Project) -> set[int]:
    """The project's organisations that the user acts for (at least one, or 404)."""
    acting = partner_organisation_ids(user) & project_organisation_ids(project)
    if not acting:
        raise Http404
    return acting


def project_for_operator(user: User | AnonymousUser, project_id: int) -> Project:
    try:
        return projects_in_hubs(operated_hub_ids(user)).get(id=project_id)
    except Project.DoesNotExist as exc:
        raise Http404 from exc


def project_for_trainee(user: User | AnonymousUser, project_id: int) -> Project:
    """An approved project of a hub where the user is a trainee or graduate."""
    if not user.is_authenticated:
        raise Http404
    try:
        return Project.objects.select_related("organisation", "organisation__hub").get(
            id=project_id,
            status__in=sorted(RUNNING),
            organisation__hub_id__in=trainee_hub_ids(user.pk),
        )
    except Project.DoesNotExist as exc:
        raise Http404 from exc


def is_recruiting(project: Project) -> bool:
    return project.status in RECRUITING


def application_for_company(
    user: User | AnonymousUser, project: Project, application_id: int
) -> ProjectApplication:
    """An application the company may act on: of this project, and its applicant has consented
    to provide their data to one of the organisations the user acts for."""

    acting = acting_organisation_ids(user, project)
    try:
        application = project.applications.select_related("user").get(id=application_id)
    except ProjectApplication.DoesNotExist as exc:
        raise Http404 from exc
    if not has_consented(user_id=application.user_id, organisation_ids=acting):
        raise Http404
    return application


def posting_for_company(user: User | AnonymousUser, posting_id: int) -> JobPosting:
    try:
        return JobPosting.objects.select_related("organisation", "organisation__hub").get(
            id=posting_id, organisation_id__in=company_organisation_ids(user)
        )
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc


def posting_for_graduate(user: User | AnonymousUser, posting_id: int) -> JobPosting:
    """An open posting of a hub where the user completed a course."""
    if not user.is_authenticated:
        raise Http404
    try:
        return JobPosting.objects.select_related("organisation", "organisation__hub").get(
            id=posting_id,
            status=PostingStatus.OPEN,
            organisation__hub_id__in=graduate_hub_ids(user.pk),
        )
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc


def job_application_for_company(
    user: User | AnonymousUser, posting: JobPosting, application_id: int
) -> JobApplication:

    if posting.organisation_id not in partner_organisation_ids(user):
        raise Http404
    try:
        application = posting.applications.select_related("user").get(id=application_id)
    except JobApplication.DoesNotExist as exc:
        raise Http404 from exc
    if not has_consented(user_id=application.user_id, organisation_ids=[posting.organisation_id]):
        raise Http404
    return application


def organisation_for_history(user: User | AnonymousUser, organisation_id: int) -> Organisation:
    """The partner history page: the hub's operators and the organisation's own people."""

    return organisation_for_viewer(user, organisation_id)
