"""Demo outcomes for a hub: exactly `target_jobs` job-seeking completers of cohorts ending in the
period have a verified job or startup within six months (the press release's 157), and the rest a
realistic spread of further study, military service, still seeking, not seeking and no response.

Called by the demo generator after the projects' demo (whose hires already count), with plain
ORM objects; writes with bulk_create."""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub
from talenthub.outcomes import engine
from talenthub.outcomes.choices import (
    Checkpoint,
    EvidenceKind,
    FollowUpStatus,
    OutcomeCategory,
    OutcomeSource,
    OutcomeStatus,
)
from talenthub.outcomes.models import FollowUp, Outcome, OutcomeEvidence
from talenthub.outcomes.selectors import jobs_kpi

PERIOD = (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31))
EMPLOYERS = (
    "전주소프트", "(주)한빛데이터", "새만금모빌리티", "전북은행 디지털센터", "완주스마트팜",
    "호남클라우드", "(주)모악AI", "익산바이오텍", "군산해양ICT", "전주콘텐츠랩",
    "농생명빅데이터(주)",
)  # fmt: skip
EVIDENCE_PDF = b"%PDF-1.4\n% TalentHub demo evidence\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OTHER_SHARES = (  # of the job-seekers without a counted job, roughly
    (OutcomeCategory.STILL_SEEKING, 0.34),
    (OutcomeCategory.FURTHER_STUDY, 0.12),
    (OutcomeCategory.MILITARY, 0.06),
    (OutcomeCategory.NOT_SEEKING, 0.06),
    (OutcomeCategory.EXCLUDED, 0.02),
    (OutcomeCategory.NO_RESPONSE, 0.40),  # no record at all: the follow-up closed unanswered
)


@dataclass(frozen=True)
class OutcomesDemo:
    outcomes: int
    counted_jobs: int
    follow_ups: int


def _at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def generate(
    *,
    rng: random.Random,
    hub: Hub,
    enrollments: Sequence[Enrollment],
    today: datetime.date,
    target_jobs: int = 157,
    verifier_id: int | None = None,
) -> OutcomesDemo:
    """Outcomes and follow-ups for the hub's completed `enrollments` (with cohorts loaded)."""
    completions = [
        e
        for e in enrollments
        if e.status == EnrollmentStatus.COMPLETED and e.finished_on is not None
    ]
    by_person: dict[int, list[Enrollment]] = defaultdict(list)
    for enrollment in completions:
        by_person[enrollment.user_id].append(enrollment)
    in_period = [
        e
        for e in completions
        if e.is_job_seeker_at_entry and PERIOD[0] <= e.cohort.ends_on <= PERIOD[1]
    ]
    already = set(
        jobs_kpi(
            hub_ids={hub.id}, cohorts_ending_from=PERIOD[0], cohorts_ending_to=PERIOD[1]
        ).person_ids
    )
    candidates = sorted({e.user_id for e in in_period} - already)
    needed = target_jobs - len(already)
    if needed < 0 or needed > len(candidates):
        raise ValueError(
            f"cannot reach {target_jobs} counted jobs: {len(already)} already, "
            f"{len(candidates)} more job-seeking completers available"
        )
    rng.shuffle(candidates)
    employed, others = candidates[:needed], candidates[needed:]
    last_completion = {
        person: max(rows, key=lambda e: (e.finished_on, e.id)) for person, rows in by_person.items()
    }
    outcomes: list[Outcome] = []
    for person in employed:
        enrollment = min(
            (e for e in in_period if e.user_id == person), key=lambda e: (e.finished_on, e.id)
        )
        assert enrollment.finished_on is not None  # noqa: S101 -- completions have a date
        starts_on = enrollment.finished_on + datetime.timedelta(days=rng.randint(7, 170))
        startup = rng.random() < 0.08
        category = (
            OutcomeCategory.STARTUP
            if startup
            else rng.choices(
                [OutcomeCategory.FULL_TIME, OutcomeCategory.CONTRACT], weights=[0.7, 0.3]
            )[0]
        )
        name = f"{enrollment.user.name} 스튜디오" if startup else rng.choice(EMPLOYERS)
        outcomes.append(
            Outcome(
                user_id=person,
                hub=hub,
                enrollment=enrollment,
                category=category,
                organisation_name=name,
                organisation_key=engine.organisation_key(name),
                starts_on=starts_on,
                source=rng.choice([OutcomeSource.FOLLOW_UP, OutcomeSource.SELF_REPORT]),
                status=OutcomeStatus.VERIFIED,
                verified_by_id=verifier_id,
                verified_at=_at_noon(min(starts_on + datetime.timedelta(days=30), today)),
                reported_by_id=person,
            )
        )
    shares = [share for _, share in OTHER_SHARES]
    for person in others:
        category = rng.choices([c for c, _ in OTHER_SHARES], weights=shares)[0]
        if category == OutcomeCategory.NO_RESPONSE:
            continue
        enrollment = last_completion[person]
        outcomes.append(
            Outcome(
                user_id=person,
                hub=hub,
                enrollment=enrollment,
                category=category,
                organisation_name="전북대학교 대학원"
                if category == OutcomeCategory.FURTHER_STUDY
                else "",
                source=OutcomeSource.FOLLOW_UP,
                status=OutcomeStatus.REPORTED,
                reported_by_id=person,
            )
        )
    created = Outcome.objects.bulk_create(outcomes, batch_size=500)
    _attach_evidence([o for o in created if o.status == OutcomeStatus.VERIFIED])
    follow_ups = _follow_ups(completions, {o.user_id: o for o in created}, today)
    counted = jobs_kpi(
        hub_ids={hub.id}, cohorts_ending_from=PERIOD[0], cohorts_ending_to=PERIOD[1]
    ).count
    return OutcomesDemo(outcomes=len(created), counted_jobs=counted, follow_ups=follow_ups)


def _attach_evidence(outcomes: list[Outcome]) -> None:
    # One stored file shared by every demo evidence row: the demo needs the rows, not 150 copies.
    path = default_storage.save("outcomes/evidence/demo-evidence.pdf", ContentFile(EVIDENCE_PDF))
    kinds: dict[str, str] = {
        OutcomeCategory.STARTUP: EvidenceKind.BUSINESS_REGISTRATION,
        OutcomeCategory.CONTRACT: EvidenceKind.CONTRACT,
    }
    OutcomeEvidence.objects.bulk_create(
        [
            OutcomeEvidence(
                outcome=outcome,
                kind=kinds.get(outcome.category, EvidenceKind.EMPLOYMENT_INSURANCE),
                file=path,
                original_name="고용보험_가입이력.pdf",
                content_type="application/pdf",
                size=len(EVIDENCE_PDF),
            )
            for outcome in outcomes
        ],
        batch_size=500,
    )


def _follow_ups(
    completions: list[Enrollment], outcome_of: dict[int, Outcome], today: datetime.date
) -> int:
    rows = []
    for enrollment in completions:
        assert enrollment.finished_on is not None  # noqa: S101
        for checkpoint in Checkpoint.values:
            due_on = engine.add_months(enrollment.finished_on, checkpoint)
            if due_on > today:
                continue
            outcome = outcome_of.get(enrollment.user_id)
            answered = outcome is not None and checkpoint == Checkpoint.SIX_MONTHS
            recent = (today - due_on).days <= 30
            status = (
                FollowUpStatus.RESPONDED
                if answered
                else FollowUpStatus.OPEN
                if recent
                else FollowUpStatus.CLOSED
            )
            rows.append(
                FollowUp(
                    enrollment=enrollment,
                    checkpoint=checkpoint,
                    due_on=due_on,
                    status=status,
                    sent_at=_at_noon(due_on),
                    responded_at=_at_noon(min(due_on + datetime.timedelta(days=5), today))
                    if answered
                    else None,
                    outcome=outcome if answered else None,
                    closed_at=_at_noon(due_on + datetime.timedelta(days=30))
                    if status == FollowUpStatus.CLOSED
                    else None,
                )
            )
    FollowUp.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)
