"""Applications, enrolments and outcomes: operators see their hub's, instructors their cohorts'
enrolments, trainees their own. Writes are the operators' and go through the owning apps'
services (application_decide, enrollment_create, outcome_record)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Status

from talenthub.accounts.models import User
from talenthub.api import access
from talenthub.api.access import Principal
from talenthub.api.choices import Resource
from talenthub.api.routers.common import (
    ERRORS,
    MAX_ID,
    WRITE_ERRORS,
    Paging,
    PathId,
    envelope,
    page,
    principal,
)
from talenthub.api.schemas import (
    ApplicationOut,
    DecisionIn,
    EnrolmentIn,
    EnrolmentOut,
    OutcomeIn,
    OutcomeOut,
    page_of,
    person,
)
from talenthub.core.errors import DomainError
from talenthub.core.phones import InvalidPhoneError, normalize_mobile
from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus, OperatorDecision
from talenthub.enrollments.models import Application, Enrollment
from talenthub.enrollments.services import application_decide, enrollment_create
from talenthub.outcomes.choices import OutcomeCategory, OutcomeSource, OutcomeStatus
from talenthub.outcomes.models import Outcome
from talenthub.outcomes.services import outcome_record

router = Router(tags=["people"])
ApplicationPage = page_of(ApplicationOut, "ApplicationPage")
EnrolmentPage = page_of(EnrolmentOut, "EnrolmentPage")
OutcomePage = page_of(OutcomeOut, "OutcomePage")


def _identified(who: Principal, user_id: int) -> bool:
    return access.sees_people(who) or user_id == who.user.pk


def application_out(who: Principal, application: Application) -> dict[str, Any]:
    return {
        "id": application.pk,
        "cohort_id": application.cohort_id,
        "person": person(application.user, identified=_identified(who, application.user_id)),
        "status": application.status,
        "submitted_at": application.submitted_at,
        "waitlist_position": application.waitlist_position,
        "is_job_seeker": application.is_job_seeker,
        "is_neet": application.is_neet,
    }


class ApplicationFilters(Paging):
    cohort_id: int | None = Field(None, ge=1, le=MAX_ID)
    status: ApplicationStatus | None = None


@router.get(
    "/applications", response={200: ApplicationPage, **ERRORS}, operation_id="application_list"
)
def application_list(request: HttpRequest, filters: Query[ApplicationFilters]) -> dict[str, Any]:
    who = access.require(principal(request), Resource.APPLICATIONS)
    queryset = access.applications(who).select_related("user")
    if filters.cohort_id:
        queryset = queryset.filter(cohort_id=filters.cohort_id)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    count, rows = page(queryset.order_by("cohort_id", "submitted_at", "id"), filters)
    return envelope(count, filters, [application_out(who, a) for a in rows])


@router.get(
    "/applications/{application_id}",
    response={200: ApplicationOut, **ERRORS},
    operation_id="application_detail",
)
def application_detail(request: HttpRequest, application_id: PathId) -> dict[str, Any]:
    who = access.require(principal(request), Resource.APPLICATIONS)
    application = access.applications(who).select_related("user").filter(pk=application_id).first()
    if application is None:
        raise Http404
    return application_out(who, application)


@router.post(
    "/applications/{application_id}/decision",
    response={200: ApplicationOut, **WRITE_ERRORS},
    operation_id="application_decide",
)
def application_decision(
    request: HttpRequest, application_id: PathId, payload: DecisionIn
) -> dict[str, Any]:
    """Admit, waitlist or reject (operators). A full cohort or a wrong state is a 400."""
    who = access.require(principal(request), Resource.APPLICATIONS, write=True)
    application = access.applications(who).filter(pk=application_id).first()
    if application is None:
        raise Http404
    decided = application_decide(
        application=application,
        decision=OperatorDecision(payload.decision),
        actor=who.user,
        reason=payload.reason,
    )
    return application_out(who, decided)


def enrolment_out(who: Principal, enrolment: Enrollment) -> dict[str, Any]:
    return {
        "id": enrolment.pk,
        "cohort_id": enrolment.cohort_id,
        "person": person(enrolment.user, identified=_identified(who, enrolment.user_id)),
        "status": enrolment.status,
        "enrolled_on": enrolment.enrolled_on,
        "finished_on": enrolment.finished_on,
        "is_job_seeker_at_entry": enrolment.is_job_seeker_at_entry,
        "is_neet_at_entry": enrolment.is_neet_at_entry,
    }


class EnrolmentFilters(Paging):
    cohort_id: int | None = Field(None, ge=1, le=MAX_ID)
    status: EnrollmentStatus | None = None


@router.get("/enrolments", response={200: EnrolmentPage, **ERRORS}, operation_id="enrolment_list")
def enrolment_list(request: HttpRequest, filters: Query[EnrolmentFilters]) -> dict[str, Any]:
    who = access.require(principal(request), Resource.ENROLMENTS)
    queryset = access.enrolments(who).select_related("user")
    if filters.cohort_id:
        queryset = queryset.filter(cohort_id=filters.cohort_id)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    count, rows = page(queryset.distinct().order_by("cohort_id", "user__name", "id"), filters)
    return envelope(count, filters, [enrolment_out(who, e) for e in rows])


@router.get(
    "/enrolments/{enrolment_id}",
    response={200: EnrolmentOut, **ERRORS},
    operation_id="enrolment_detail",
)
def enrolment_detail(request: HttpRequest, enrolment_id: PathId) -> dict[str, Any]:
    who = access.require(principal(request), Resource.ENROLMENTS)
    enrolment = access.enrolments(who).select_related("user").filter(pk=enrolment_id).first()
    if enrolment is None:
        raise Http404
    return enrolment_out(who, enrolment)


def _person_by_contact(email: str | None, mobile: str | None) -> User:
    """The person an input names by e-mail or mobile phone (400 if none is registered)."""
    query = Q(pk__in=[])
    if email:
        query |= Q(email__iexact=email.strip())
    if mobile:
        try:
            query |= Q(mobile=normalize_mobile(mobile))
        except InvalidPhoneError as exc:
            raise DomainError(exc.message, field="mobile") from exc
    if not email and not mobile:
        raise DomainError(_("Give the person's e-mail or mobile phone."), field="email")
    found = list(User.objects.filter(query)[:2])
    if len(found) != 1:
        raise DomainError(_("No single registered person matches."), field="email")
    return found[0]


@router.post(
    "/enrolments",
    response={201: EnrolmentOut, **WRITE_ERRORS},
    operation_id="enrolment_create",
)
def enrolment_create(request: HttpRequest, payload: EnrolmentIn) -> Status[dict[str, Any]]:
    """Enrol a registered person in a cohort of the hub, taking a seat (operators)."""
    who = access.require(principal(request), Resource.ENROLMENTS, write=True)
    cohort = access.cohort(who, payload.cohort_id)
    user = _person_by_contact(payload.email, payload.mobile)
    enrolment = enrollment_create(
        cohort=cohort, user=user, enrolled_on=payload.enrolled_on or cohort.starts_on
    )
    return Status(201, enrolment_out(who, enrolment))


def outcome_out(who: Principal, outcome: Outcome) -> dict[str, Any]:
    return {
        "id": outcome.pk,
        "person": person(outcome.user, identified=_identified(who, outcome.user_id)),
        "category": outcome.category,
        "organisation_name": outcome.organisation_name,
        "starts_on": outcome.starts_on,
        "status": outcome.status,
        "source": outcome.source,
        "duplicate_of_id": outcome.duplicate_of_id,
    }


class OutcomeFilters(Paging):
    status: OutcomeStatus | None = None
    category: OutcomeCategory | None = None


@router.get("/outcomes", response={200: OutcomePage, **ERRORS}, operation_id="outcome_list")
def outcome_list(request: HttpRequest, filters: Query[OutcomeFilters]) -> dict[str, Any]:
    who = access.require(principal(request), Resource.OUTCOMES)
    queryset = access.outcomes(who).select_related("user")
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.category:
        queryset = queryset.filter(category=filters.category)
    count, rows = page(queryset.order_by("-starts_on", "-id"), filters)
    return envelope(count, filters, [outcome_out(who, o) for o in rows])


@router.get(
    "/outcomes/{outcome_id}", response={200: OutcomeOut, **ERRORS}, operation_id="outcome_detail"
)
def outcome_detail(request: HttpRequest, outcome_id: PathId) -> dict[str, Any]:
    who = access.require(principal(request), Resource.OUTCOMES)
    outcome = access.outcomes(who).select_related("user").filter(pk=outcome_id).first()
    if outcome is None:
        raise Http404
    return outcome_out(who, outcome)


@router.post("/outcomes", response={201: OutcomeOut, **WRITE_ERRORS}, operation_id="outcome_create")
def outcome_create(request: HttpRequest, payload: OutcomeIn) -> Status[dict[str, Any]]:
    """Record an outcome of one of the hub's people (operators); the outcomes app decides
    whether it duplicates one already on record."""
    who = access.require(principal(request), Resource.OUTCOMES, write=True)
    user = _person_by_contact(payload.email, payload.mobile)
    if (
        not access.enrolments(who).filter(user=user).exists()
        and not user.memberships.filter(hub=who.hub, is_active=True).exists()
    ):
        raise DomainError(_("No single registered person matches."), field="email")
    outcome = outcome_record(
        user=user,
        hub=who.hub,
        category=payload.category,
        source=OutcomeSource.OPERATOR,
        starts_on=payload.starts_on,
        organisation_name=payload.organisation_name,
        reported_by=who.user,
        note=payload.note,
    )
    return Status(201, outcome_out(who, outcome))
