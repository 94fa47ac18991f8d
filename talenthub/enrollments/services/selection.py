"""Screening: reviewers' scores and the operator's decisions, one at a time or in bulk."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import (
    ApplicationStatus,
    EnrollmentStatus,
    NotificationKind,
    OperatorDecision,
)
from talenthub.enrollments.errors import TransitionError
from talenthub.enrollments.models import (
    Application,
    ApplicationForm,
    Enrollment,
    Reviewer,
    RubricCriterion,
    Score,
)
from talenthub.enrollments.selectors import ranked_applications
from talenthub.enrollments.services.notifications import notification_queue
from talenthub.enrollments.services.seats import lock_cohort, seat_take
from talenthub.enrollments.services.transitions import (
    enrol,
    next_waitlist_position,
    record_transition,
)
from talenthub.enrollments.services.waitlist import release_seat_and_pass_on

_FROM = {
    OperatorDecision.ADMIT: {ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED},
    OperatorDecision.WAITLIST: {ApplicationStatus.SUBMITTED},
    OperatorDecision.REJECT: {ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED},
}


@dataclass
class BulkOutcome:
    done: list[Application] = field(default_factory=list)
    refused: list[tuple[Application, str]] = field(default_factory=list)


def admit_locked(
    *,
    application: Application,
    cohort: Cohort,
    actor: User | None,
    reason: str,
    now: datetime.datetime,
) -> Application:
    """Admit with the cohort locked: take a seat, create the enrolment, log it, tell the person."""
    if Enrollment.objects.filter(cohort=cohort, user_id=application.user_id).exists():
        raise TransitionError(_("This person is already enrolled in this cohort."))
    seat_take(cohort=cohort)
    application.cohort = cohort
    application.waitlist_position = None
    enrol(application=application, cohort=cohort, today=timezone.localdate(now))
    record_transition(
        application=application,
        to_status=ApplicationStatus.ADMITTED,
        actor=actor,
        reason=reason,
        now=now,
        also_saved=["waitlist_position", "enrollment"],
    )
    notification_queue(kind=NotificationKind.ADMITTED, application=application)
    return application


def waitlist_locked(
    *,
    application: Application,
    cohort: Cohort,
    actor: User | None,
    reason: str,
    now: datetime.datetime,
) -> Application:
    application.cohort = cohort
    application.waitlist_position = next_waitlist_position(cohort)
    record_transition(
        application=application,
        to_status=ApplicationStatus.WAITLISTED,
        actor=actor,
        reason=reason,
        now=now,
        also_saved=["waitlist_position"],
    )
    notification_queue(kind=NotificationKind.WAITLISTED, application=application)
    return application


def _decide_locked(
    *,
    application: Application,
    cohort: Cohort,
    decision: OperatorDecision,
    actor: User,
    reason: str,
    now: datetime.datetime,
) -> Application:
    if application.status not in _FROM[decision]:
        raise TransitionError(
            _("An application that is “%(status)s” cannot be changed this way.")
            % {"status": application.get_status_display()}
        )
    if decision == OperatorDecision.ADMIT:
        return admit_locked(
            application=application, cohort=cohort, actor=actor, reason=reason, now=now
        )
    if decision == OperatorDecision.WAITLIST:
        return waitlist_locked(
            application=application, cohort=cohort, actor=actor, reason=reason, now=now
        )
    # Leaving the queue frees no seat (a queue place is not a seat), so nothing passes on.
    application.waitlist_position = None
    record_transition(
        application=application,
        to_status=ApplicationStatus.REJECTED,
        actor=actor,
        reason=reason,
        now=now,
        also_saved=["waitlist_position"],
    )
    notification_queue(kind=NotificationKind.REJECTED, application=application)
    return application


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise DomainError(_("Give a reason for the decision."), field="reason")
    return reason.strip()


@transaction.atomic
def applications_decide(
    *,
    cohort: Cohort,
    application_ids: Sequence[int],
    decision: OperatorDecision,
    actor: User,
    reason: str,
    now: datetime.datetime | None = None,
) -> BulkOutcome:
    """Admit, waitlist or reject several applications of one cohort, in ranking order.

    Each application succeeds or is refused on its own (a full cohort refuses the admissions that
    no longer fit); every change is logged with the actor and the reason."""
    reason = _require_reason(reason)
    now = now or timezone.now()
    locked_cohort = lock_cohort(cohort.pk)
    form = ApplicationForm.objects.filter(cohort=locked_cohort).first()
    wanted = set(application_ids)
    if form is not None:
        order = [
            ranked.application.pk
            for ranked in ranked_applications(locked_cohort, form)
            if ranked.application.pk in wanted
        ]
    else:
        order = sorted(wanted)
    rows = {
        application.pk: application
        for application in Application.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(cohort=locked_cohort, pk__in=wanted)
        .order_by()
    }
    outcome = BulkOutcome()
    for application_id in order:
        application = rows.get(application_id)
        if application is None:
            continue
        try:
            with transaction.atomic():
                _decide_locked(
                    application=application,
                    cohort=locked_cohort,
                    decision=decision,
                    actor=actor,
                    reason=reason,
                    now=now,
                )
            outcome.done.append(application)
        except DomainError as exc:
            application.refresh_from_db()
            outcome.refused.append((application, exc.message))
    return outcome


@transaction.atomic
def application_decide(
    *,
    application: Application,
    decision: OperatorDecision,
    actor: User,
    reason: str,
    now: datetime.datetime | None = None,
) -> Application:
    """One operator decision; a refusal (e.g. the cohort is full) raises its DomainError."""
    reason = _require_reason(reason)
    now = now or timezone.now()
    cohort = lock_cohort(application.cohort_id)
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=application.pk)
    )
    return _decide_locked(
        application=locked, cohort=cohort, decision=decision, actor=actor, reason=reason, now=now
    )


@transaction.atomic
def application_withdraw(
    *, application: Application, actor: User, now: datetime.datetime | None = None
) -> Application:
    """The applicant withdraws. An offered or admitted seat (before the course starts) is given
    back and passed on to the waitlist."""
    now = now or timezone.now()
    cohort = lock_cohort(application.cohort_id)
    locked = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    status = locked.status
    if status == ApplicationStatus.ADMITTED and timezone.localdate(now) >= cohort.starts_on:
        raise TransitionError(
            _("The course has started: ask the hub to record that you are leaving it.")
        )
    if status not in (
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.WAITLISTED,
        ApplicationStatus.OFFERED,
        ApplicationStatus.ADMITTED,
    ):
        raise TransitionError(_("This application can no longer be withdrawn."))
    enrolment = locked.enrollment if status == ApplicationStatus.ADMITTED else None
    if enrolment is not None and enrolment.status != EnrollmentStatus.ENROLLED:
        raise TransitionError(_("Your enrolment has already ended."))
    locked.waitlist_position = None
    locked.enrollment = None
    record_transition(
        application=locked,
        to_status=ApplicationStatus.WITHDRAWN,
        actor=actor,
        reason=_("Withdrawn by the applicant."),
        now=now,
        also_saved=["waitlist_position", "enrollment"],
    )
    if enrolment is not None:
        # The enrolment never started: it goes, as if never made; the decision log keeps the story.
        enrolment.delete()
    if status in (ApplicationStatus.OFFERED, ApplicationStatus.ADMITTED):
        release_seat_and_pass_on(cohort=cohort, now=now)
    return locked


@transaction.atomic
def scores_submit(
    *,
    application: Application,
    reviewer: User,
    values: Mapping[int, int],
    now: datetime.datetime | None = None,
) -> list[Score]:
    """A reviewer's scores of one application (one per criterion); scoring again replaces them."""
    now = now or timezone.now()
    criteria = {
        criterion.pk: criterion
        for criterion in RubricCriterion.objects.filter(form__cohort_id=application.cohort_id)
    }
    saved = []
    for criterion_id, value in values.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise DomainError(_("Unknown rubric criterion."), field="scores")
        if not 0 <= value <= criterion.max_score:
            raise DomainError(
                _("Score %(name)s from 0 to %(max)d.")
                % {"name": criterion.name, "max": criterion.max_score},
                field="scores",
            )
        score, _created = Score.objects.update_or_create(
            application=application,
            criterion=criterion,
            reviewer=reviewer,
            defaults={"value": value, "scored_at": now},
        )
        saved.append(score)
    return saved


@transaction.atomic
def reviewer_invite(*, form: ApplicationForm, user: User, invited_by: User) -> Reviewer:
    reviewer, _created = Reviewer.objects.get_or_create(
        form=form, user=user, defaults={"invited_by": invited_by}
    )
    return reviewer


@transaction.atomic
def reviewer_remove(*, reviewer: Reviewer) -> None:
    reviewer.delete()
