"""Reads of outcomes and follow-ups, and the counting of outcomes per person."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from talenthub.core.timeline import TimelineEntry
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.outcomes import engine
from talenthub.outcomes.choices import JOB_OR_STARTUP, FollowUpStatus, OutcomeStatus
from talenthub.outcomes.models import FollowUp, Outcome, OutcomeEvidence

# A self-report of the same job may carry a start date a few weeks off the company's record.
SAME_JOB_TOLERANCE = datetime.timedelta(days=31)


def completions(
    *, hub_ids: set[int], cohorts_ending_from: datetime.date, cohorts_ending_to: datetime.date
) -> list[engine.Completion]:
    """Completed enrolments in the hubs' cohorts that ended within the period (one query)."""
    rows = Enrollment.objects.filter(
        status=EnrollmentStatus.COMPLETED,
        cohort__course__hub_id__in=hub_ids,
        cohort__ends_on__gte=cohorts_ending_from,
        cohort__ends_on__lte=cohorts_ending_to,
    ).values_list(
        "user_id", "cohort__starts_on", "finished_on", "cohort__ends_on", "is_job_seeker_at_entry"
    )
    return [
        engine.Completion(
            person_id=user_id,
            started_on=started_on,
            completed_on=finished_on or cohort_ends_on,
            job_seeker=job_seeker,
        )
        for user_id, started_on, finished_on, cohort_ends_on, job_seeker in rows
    ]


def outcome_facts(person_ids: set[int]) -> list[engine.OutcomeFact]:
    """Every outcome record of the people, duplicates included (counting is per person)."""
    if not person_ids:
        return []
    rows = Outcome.objects.filter(user_id__in=person_ids).values_list(
        "id", "user_id", "category", "starts_on", "status"
    )
    return [
        engine.OutcomeFact(
            outcome_id=outcome_id,
            person_id=user_id,
            category=category,
            starts_on=starts_on,
            verified=status == OutcomeStatus.VERIFIED,
            rejected=status == OutcomeStatus.REJECTED,
        )
        for outcome_id, user_id, category, starts_on, status in rows
    ]


def counted_outcomes(
    *, hub_ids: set[int], cohorts_ending_from: datetime.date, cohorts_ending_to: datetime.date
) -> dict[int, engine.CountedOutcome]:
    """One counted outcome per person who completed a cohort of the hubs ending in the period."""
    done = completions(
        hub_ids=hub_ids,
        cohorts_ending_from=cohorts_ending_from,
        cohorts_ending_to=cohorts_ending_to,
    )
    return engine.counted_outcomes(done, outcome_facts({c.person_id for c in done}))


def jobs_kpi(
    *, hub_ids: set[int], cohorts_ending_from: datetime.date, cohorts_ending_to: datetime.date
) -> engine.JobsKpi:
    """The jobs-and-startups KPI (DOMAIN.md) over cohorts ending in the period: two queries."""
    done = completions(
        hub_ids=hub_ids,
        cohorts_ending_from=cohorts_ending_from,
        cohorts_ending_to=cohorts_ending_to,
    )
    seeker_ids = {c.person_id for c in done if c.job_seeker}
    return engine.jobs_kpi(done, outcome_facts(seeker_ids))


def same_job_primary(
    *, user_id: int, organisation_key: str, starts_on: datetime.date | None, category: str
) -> Outcome | None:
    """The primary record of the same job, if one exists: same person and organisation, a job or
    startup starting within a month of `starts_on`."""
    if category not in JOB_OR_STARTUP or not organisation_key or starts_on is None:
        return None
    return (
        Outcome.objects.filter(
            user_id=user_id,
            organisation_key=organisation_key,
            category__in=sorted(JOB_OR_STARTUP),
            duplicate_of__isnull=True,
            starts_on__gte=starts_on - SAME_JOB_TOLERANCE,
            starts_on__lte=starts_on + SAME_JOB_TOLERANCE,
        )
        .exclude(status=OutcomeStatus.REJECTED)
        .order_by("id")
        .first()
    )


def outcome_by_source(*, source: str, source_key: str) -> Outcome | None:
    return Outcome.objects.filter(source=source, source_key=source_key).first()


def outcomes_in_hubs(hub_ids: set[int], *, status: str = "") -> QuerySet[Outcome]:
    queryset = Outcome.objects.filter(hub_id__in=hub_ids)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.select_related("user", "hub", "organisation", "duplicate_of").order_by(
        "status", "-created_at", "-id"
    )


def outcomes_of_person(user_id: int) -> QuerySet[Outcome]:
    return (
        Outcome.objects.filter(user_id=user_id)
        .select_related("hub", "organisation")
        .order_by("-starts_on", "-id")
    )


def evidence_of(outcome: Outcome) -> QuerySet[OutcomeEvidence]:
    return outcome.evidence.select_related("uploaded_by").order_by("created_at")


def open_follow_ups(hub_ids: set[int], *, due_by: datetime.date) -> QuerySet[FollowUp]:
    """The operators' task list: open follow-ups that are due, oldest first."""
    return (
        FollowUp.objects.filter(
            enrollment__cohort__course__hub_id__in=hub_ids,
            status=FollowUpStatus.OPEN,
            due_on__lte=due_by,
        )
        .select_related("enrollment__user", "enrollment__cohort__course", "assigned_to")
        .order_by("due_on", "id")
    )


def completions_due_for_follow_up(
    *, checkpoint: int, due_from: datetime.date, due_to: datetime.date
) -> list[tuple[Enrollment, datetime.date]]:
    """Completed enrolments whose checkpoint date falls in [due_from, due_to] and that have no
    follow-up for it yet, each with that date. Month arithmetic clamps (31 Aug + 6 → 28 Feb), so
    the query is a few days wider and the exact cut is made here."""
    slack = datetime.timedelta(days=4)
    candidates = (
        Enrollment.objects.filter(
            status=EnrollmentStatus.COMPLETED,
            finished_on__gte=engine.add_months(due_from, -checkpoint) - slack,
            finished_on__lte=engine.add_months(due_to, -checkpoint) + slack,
        )
        .exclude(follow_ups__checkpoint=checkpoint)
        .select_related("user", "cohort__course__hub")
        .order_by("finished_on", "id")
    )
    result = []
    for enrollment in candidates:
        assert enrollment.finished_on is not None  # noqa: S101 -- completed rows have a date
        due_on = engine.add_months(enrollment.finished_on, checkpoint)
        if due_from <= due_on <= due_to:
            result.append((enrollment, due_on))
    return result


def pending_hub_outcomes_count(hub_ids: set[int]) -> int:
    return Outcome.objects.filter(hub_id__in=hub_ids, status=OutcomeStatus.REPORTED).count()


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def timeline_entries(user_id: int) -> list[TimelineEntry]:
    """The person's outcomes, on the day each began (or was reported, when it has no date).
    Duplicate records of one job are left out: the timeline tells the story, not the paperwork."""
    entries = []
    for outcome in outcomes_of_person(user_id).filter(duplicate_of__isnull=True):
        title = str(outcome.get_category_display())
        if outcome.organisation_name:
            title = f"{title} · {outcome.organisation_name}"
        entries.append(
            TimelineEntry(
                at=_at(outcome.starts_on) if outcome.starts_on else outcome.created_at,
                kind="outcome",
                title=title,
                detail=str(outcome.get_status_display()),
                url=reverse("outcomes:my_outcomes"),
                hub_id=outcome.hub_id,
                staff_url=reverse("outcomes:manage_outcome_detail", args=[outcome.id]),
            )
        )
    return entries
