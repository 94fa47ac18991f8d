"""Deciding completion at cohort end, operator overrides and drop-outs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.attendance import rules
from talenthub.attendance.choices import CompletionOutcome
from talenthub.attendance.models import (
    AssessmentRequirement,
    AssessmentResult,
    Certificate,
    CompletionDecision,
)
from talenthub.attendance.selectors.records import books_for, policy_for
from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.enrollments.services import enrollment_finish

# Far enough in the future that every session day counts as closed.
_END_OF_TIME = datetime.datetime.max.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class CompletionCase:
    enrollment: Enrollment
    summary: rules.RateSummary
    verdict: rules.CompletionVerdict


def completion_cases(cohort: Cohort, enrollments: list[Enrollment]) -> list[CompletionCase]:
    """The verdict the rules give for each enrolment over all of the cohort's days."""
    policy = policy_for(cohort)
    books = books_for(enrollments)
    requirements = list(AssessmentRequirement.objects.filter(cohort=cohort).order_by("title"))
    passed = {
        (r.requirement_id, r.enrollment_id): r.passed
        for r in AssessmentResult.objects.filter(
            requirement__in=requirements, enrollment__in=enrollments
        )
    }
    cases = []
    for enrollment in enrollments:
        summary = rules.summarise(books[enrollment.pk].closed_results(policy, _END_OF_TIME), policy)
        outcomes = [
            rules.AssessmentOutcome(r.title, passed.get((r.pk, enrollment.pk)))
            for r in requirements
        ]
        verdict = rules.decide_completion(summary, outcomes, policy)
        cases.append(CompletionCase(enrollment, summary, verdict))
    return cases


@transaction.atomic
def completion_decide_cohort(
    *, cohort: Cohort, decided_by: User | None, today: datetime.date
) -> list[CompletionDecision]:
    """Decide every still-enrolled trainee of a cohort that has ended; returns the decisions."""
    if today < cohort.ends_on:
        raise DomainError(_("Completion is decided once the cohort has ended."))
    enrollments = list(
        Enrollment.objects.select_for_update()
        .filter(cohort=cohort, status=EnrollmentStatus.ENROLLED)
        .order_by("pk")
    )
    decisions = []
    for case in completion_cases(cohort, enrollments):
        outcome = (
            CompletionOutcome.COMPLETED
            if case.verdict.completed
            else CompletionOutcome.NOT_COMPLETED
        )
        decision, _created = CompletionDecision.objects.update_or_create(
            enrollment=case.enrollment,
            defaults={
                "outcome": outcome,
                "attendance_percent": Decimal(str(case.summary.percent)),
                "reasons": [[code.value, subject] for code, subject in case.verdict.reasons],
                "decided_by": decided_by,
                "overridden": False,
                "override_reason": "",
            },
        )
        enrollment_finish(enrollment=case.enrollment, status=outcome, finished_on=cohort.ends_on)
        decisions.append(decision)
    return decisions


@transaction.atomic
def completion_override(
    *, enrollment: Enrollment, outcome: str, reason: str, decided_by: User
) -> CompletionDecision:
    """An operator's change of a decided outcome; the reason is kept with the decision's history."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for overriding the decision."), field="reason")
    if outcome not in CompletionOutcome.values:
        raise DomainError(_("Choose completed or not completed."), field="outcome")
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    decision = CompletionDecision.objects.filter(enrollment=locked).first()
    if decision is None or locked.status not in CompletionOutcome.values:
        raise DomainError(_("Completion has not been decided for this trainee yet."))
    decision.outcome = outcome
    decision.overridden = True
    decision.override_reason = reason
    decision.decided_by = decided_by
    decision.save(
        update_fields=["outcome", "overridden", "override_reason", "decided_by", "updated_at"]
    )
    enrollment_finish(
        enrollment=locked,
        status=outcome,
        finished_on=locked.finished_on or locked.cohort.ends_on,
    )
    certificate = Certificate.objects.filter(enrollment=locked, revoked_at__isnull=True).first()
    if certificate is not None and outcome == CompletionOutcome.NOT_COMPLETED:
        from talenthub.attendance.services.certificates import certificate_revoke

        certificate_revoke(certificate=certificate, reason=reason)
    return decision


@transaction.atomic
def enrollment_drop_out(*, enrollment: Enrollment, on: datetime.date, reason: str) -> Enrollment:
    """A trainee leaves the cohort (e.g. found a job); later days no longer count."""
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if locked.status != EnrollmentStatus.ENROLLED:
        raise DomainError(_("This enrolment has already ended."))
    if on < locked.enrolled_on:
        raise DomainError(_("The drop-out date comes before the enrolment."), field="on")
    return enrollment_finish(
        enrollment=locked,
        status=EnrollmentStatus.DROPPED_OUT,
        finished_on=on,
        dropout_reason=reason,
    )


@transaction.atomic
def assessment_result_record(
    *, requirement: AssessmentRequirement, enrollment: Enrollment, passed: bool, recorded_by: User
) -> AssessmentResult:
    if requirement.cohort_id != enrollment.cohort_id:
        raise DomainError(_("This trainee is not in this cohort."), field="enrollment")
    result, _created = AssessmentResult.objects.update_or_create(
        requirement=requirement,
        enrollment=enrollment,
        defaults={"passed": passed, "recorded_by": recorded_by},
    )
    return result
