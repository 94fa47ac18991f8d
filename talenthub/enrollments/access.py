"""Permission-checked fetches for applications. A refusal is a 404, like a miss, so ids of other
people and other hubs reveal nothing.

Who may do what:
- the applicant: their own applications (read, withdraw, answer an offer, download own files);
- the hub's operators: every application of their hubs' cohorts, decisions, reviewers, the log;
- invited reviewers: read and score the applications of the cohorts they were invited to."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.courses.access import cohort_for_operator
from talenthub.courses.models import Cohort
from talenthub.enrollments.models import Answer, Application, ApplicationForm, Reviewer
from talenthub.enrollments.selectors import (
    application_details,
    application_form_of,
    is_invited_reviewer,
    person_is_in_hubs,
)
from talenthub.hubs.selectors import operated_hub_ids


@dataclass(frozen=True)
class ReviewAccess:
    cohort: Cohort
    form: ApplicationForm
    may_decide: bool  # operators decide; invited reviewers only score

    @property
    def sees_contact_details(self) -> bool:
        """Operators contact applicants; invited reviewers only score them, so they see what the
        scoring needs (name, answers, résumé) but no e-mail address, date of birth or region."""
        return self.may_decide


def _signed_in(user: User | AnonymousUser) -> User:
    if not isinstance(user, User) or not user.is_authenticated:
        raise Http404
    return user


def application_for_applicant(user: User | AnonymousUser, application_id: int) -> Application:
    person = _signed_in(user)
    try:
        application = application_details(application_id)
    except Application.DoesNotExist as exc:
        raise Http404 from exc
    if application.user_id != person.pk:
        raise Http404
    return application


def _operates(user: User, cohort: Cohort) -> bool:
    return cohort.course.hub_id in operated_hub_ids(user)


def cohort_for_review(user: User | AnonymousUser, cohort_id: int) -> ReviewAccess:
    """The cohort's screening pages: its hub's operators, and the reviewers invited to it."""
    person = _signed_in(user)
    try:
        cohort = Cohort.objects.select_related("course", "course__hub").get(pk=cohort_id)
    except Cohort.DoesNotExist as exc:
        raise Http404 from exc
    operates = _operates(person, cohort)
    if not operates and not is_invited_reviewer(person.pk, cohort.pk):
        raise Http404
    form = application_form_of(cohort)
    if form is None:
        if not operates:
            raise Http404
        from talenthub.enrollments.services import application_form_ensure

        form = application_form_ensure(cohort=cohort)
    return ReviewAccess(cohort=cohort, form=form, may_decide=operates)


def cohort_for_deciding(user: User | AnonymousUser, cohort_id: int) -> Cohort:
    """Operators of the cohort's hub only."""
    return cohort_for_operator(_signed_in(user), cohort_id)


def application_for_review(
    user: User | AnonymousUser, application_id: int
) -> tuple[Application, ReviewAccess]:
    person = _signed_in(user)
    cohort_id = (
        Application.objects.filter(pk=application_id).values_list("cohort_id", flat=True).first()
    )
    if cohort_id is None:
        raise Http404
    access = cohort_for_review(person, cohort_id)
    return application_details(application_id), access


def answer_file_for(user: User | AnonymousUser, answer_id: int) -> Answer:
    """An uploaded answer file: for the applicant, the hub's operators and invited reviewers."""
    person = _signed_in(user)
    try:
        answer = Answer.objects.select_related("application").get(pk=answer_id)
    except Answer.DoesNotExist as exc:
        raise Http404 from exc
    if answer.application.user_id != person.pk:
        application_for_review(person, answer.application_id)
    if not answer.file:
        raise Http404
    return answer


def resume_for(user: User | AnonymousUser, application_id: int) -> Application:
    person = _signed_in(user)
    application = (
        Application.objects.filter(pk=application_id).only("id", "user_id", "resume").first()
    )
    if application is None:
        raise Http404
    if application.user_id != person.pk:
        application_for_review(person, application_id)
    if not application.resume:
        raise Http404
    return application


def reviewer_for_operator(user: User | AnonymousUser, reviewer_id: int) -> Reviewer:
    person = _signed_in(user)
    try:
        reviewer = Reviewer.objects.select_related("form__cohort__course").get(pk=reviewer_id)
    except Reviewer.DoesNotExist as exc:
        raise Http404 from exc
    if not _operates(person, reviewer.form.cohort):
        raise Http404
    return reviewer


def person_for_operator(user: User | AnonymousUser, person_id: int) -> tuple[User, set[int]]:
    """A person with an application, enrolment or role in a hub the user operates, and the ids of
    those hubs (the only hubs whose records the operator may see of them)."""
    operator = _signed_in(user)
    hub_ids = operated_hub_ids(operator)
    if not hub_ids or not person_is_in_hubs(person_id, hub_ids):
        raise Http404
    return User.objects.get(pk=person_id), hub_ids


def operator_hub_ids(user: User | AnonymousUser) -> set[int]:
    """Hubs the user operates; 404 for anyone who operates none."""
    hub_ids = operated_hub_ids(_signed_in(user))
    if not hub_ids:
        raise Http404
    return hub_ids
