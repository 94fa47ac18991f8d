"""Storing the planned applications with bulk_create, and the seat ledgers that follow."""

from __future__ import annotations

import datetime
from collections import defaultdict

from talenthub.courses.choices import CohortStatus
from talenthub.enrollments.choices import (
    ApplicationStatus,
    EnrollmentStatus,
    NotificationKind,
    NotificationStatus,
)
from talenthub.enrollments.demo.plan import BATCH, Planner
from talenthub.enrollments.models import (
    Application,
    CohortSeats,
    ConsentRecord,
    Enrollment,
    Notification,
    RubricCriterion,
    Score,
    SelectionDecision,
)
from talenthub.enrollments.services.notifications import render_notification


def write(planner: Planner) -> None:
    rows = [draft.row for draft in planner.drafts]
    Application.objects.bulk_create(rows, batch_size=BATCH)
    decisions = []
    for draft in planner.drafts:
        previous = ""
        for at, status, actor, reason in draft.chain:
            decisions.append(
                SelectionDecision(
                    application=draft.row,
                    from_status=previous,
                    to_status=status,
                    actor=actor,
                    reason=reason,
                    decided_at=at,
                )
            )
            previous = status
    SelectionDecision.objects.bulk_create(decisions, batch_size=BATCH)
    _consent_records(planner)
    _scores(planner)
    _ledgers(planner)
    _notifications(planner)
    planner.summary.applications = len(rows)
    for row in rows:
        planner.summary.by_status[row.status] += 1


def _consent_records(planner: Planner) -> None:
    records = []
    for draft in planner.drafts:
        form = planner.forms[draft.row.cohort_id]
        for text in planner.consents[form.pk]:
            records.append(
                ConsentRecord(
                    application=draft.row,
                    consent=text,
                    granted=text.is_required or planner.rng.random() < 0.7,
                    version=text.version,
                    title=text.title,
                    body=text.body,
                    recorded_at=draft.row.submitted_at,
                )
            )
    ConsentRecord.objects.bulk_create(records, batch_size=BATCH)


def _scores(planner: Planner) -> None:
    criteria: dict[int, list[RubricCriterion]] = defaultdict(list)
    for criterion in RubricCriterion.objects.filter(form__cohort__in=planner.cohorts):
        criteria[criterion.form_id].append(criterion)
    operators = planner.operators()
    scores = []
    for draft in planner.drafts:
        operator = operators.get(draft.row.cohort.course.hub_id)
        if not draft.scored or operator is None:
            continue
        high = draft.row.status == ApplicationStatus.ADMITTED
        for criterion in criteria[planner.forms[draft.row.cohort_id].pk]:
            low_end = 3 if high else 1
            scores.append(
                Score(
                    application=draft.row,
                    criterion=criterion,
                    reviewer=operator,
                    value=planner.rng.randint(low_end, low_end + 2),
                    scored_at=draft.row.submitted_at + datetime.timedelta(days=1),
                )
            )
    Score.objects.bulk_create(scores, batch_size=BATCH)


def _ledgers(planner: Planner) -> None:
    held: dict[int, int] = defaultdict(int)
    for cohort_id in (
        Enrollment.objects.filter(cohort__in=planner.cohorts)
        .exclude(status=EnrollmentStatus.DROPPED_OUT)
        .values_list("cohort_id", flat=True)
    ):
        held[cohort_id] += 1
    for draft in planner.drafts:
        if draft.row.status == ApplicationStatus.OFFERED:
            held[draft.row.cohort_id] += 1
    CohortSeats.objects.filter(cohort__in=planner.cohorts).delete()
    CohortSeats.objects.bulk_create(
        CohortSeats(cohort=c, capacity=max(c.capacity, held[c.pk]), seats_taken=held[c.pk])
        for c in planner.cohorts
    )


def _notifications(planner: Planner) -> None:
    """What was e-mailed about the cohorts still recruiting (rendering all history would be
    slow and tells an operator nothing new)."""
    kinds = {
        ApplicationStatus.SUBMITTED: NotificationKind.RECEIVED,
        ApplicationStatus.ADMITTED: NotificationKind.ADMITTED,
        ApplicationStatus.WAITLISTED: NotificationKind.WAITLISTED,
        ApplicationStatus.OFFERED: NotificationKind.OFFERED,
    }
    rows = []
    for draft in planner.drafts:
        if draft.row.cohort.status != CohortStatus.RECRUITING:
            continue
        for at, status, _actor, _reason in draft.chain:
            kind = kinds.get(ApplicationStatus(status))
            if kind is None:
                continue
            subject, text, html = render_notification(kind=kind, application=draft.row)
            rows.append(
                Notification(
                    kind=kind,
                    cohort=draft.row.cohort,
                    application=draft.row,
                    recipient=draft.row.user,
                    to_email=draft.row.user.email,
                    subject=subject,
                    body_text=text,
                    body_html=html,
                    status=NotificationStatus.SENT,
                    created_at=at,
                    sent_at=at + datetime.timedelta(seconds=5),
                )
            )
    Notification.objects.bulk_create(rows, batch_size=BATCH)
