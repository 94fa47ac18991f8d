from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from talenthub.core.errors import DomainError
from talenthub.enrollments.choices import (
    ApplicationStatus,
    EnrollmentStatus,
    NotificationKind,
    OperatorDecision,
    PriorityGroup,
    SelectionMode,
)
from talenthub.enrollments.errors import CohortFullError, TransitionError
from talenthub.enrollments.models import (
    CohortSeats,
    Enrollment,
    Notification,
    PriorityBonus,
    RubricCriterion,
    SelectionDecision,
)
from talenthub.enrollments.selectors import ranked_applications, waitlist_of
from talenthub.enrollments.services import (
    application_decide,
    applications_decide,
    cohort_seats_recount,
    enrollment_create,
    enrollment_finish,
    offer_accept,
    offer_decline,
    offers_remind,
    scores_submit,
)
from talenthub.enrollments.tasks import lapse_expired_offers, remind_expiring_offers
from talenthub.enrollments.tests.helpers import (
    apply,
    declaration,
    form_of,
    make_cohort,
    make_user,
)

SEOUL = timezone.get_fixed_timezone(9 * 60)


def _screening(world, capacity=2):
    cohort = make_cohort(world.hub, capacity=capacity, mode=SelectionMode.SCREENING)
    form = form_of(cohort)
    skills = RubricCriterion.objects.create(form=form, name="역량", weight=Decimal("2"), position=1)
    motive = RubricCriterion.objects.create(form=form, name="동기", weight=Decimal("1"), position=2)
    return cohort, form, skills, motive


def test_scores_are_averaged_per_criterion_weighted_and_given_the_priority_bonus(world):
    cohort, form, skills, motive = _screening(world)
    PriorityBonus.objects.create(form=form, group=PriorityGroup.NEET, points=Decimal("1.5"))
    plain = apply(cohort, declaration=declaration(is_job_seeker=False))
    neet = apply(cohort, declaration=declaration(is_neet=True, is_job_seeker=False))
    for reviewer, values in ((world["operator"], (4, 2)), (world["judge"], (2, 4))):
        scores_submit(application=plain, reviewer=reviewer, values={skills.pk: 5, motive.pk: 5})
        scores_submit(
            application=neet, reviewer=reviewer, values={skills.pk: values[0], motive.pk: values[1]}
        )
    ranked = {row.application.pk: row for row in ranked_applications(cohort, form)}
    # plain: 2*5 + 1*5 = 15; neet: 2*mean(4,2) + 1*mean(2,4) + 1.5 = 6 + 3 + 1.5 = 10.5
    assert ranked[plain.pk].summary.total == Decimal(15)
    assert ranked[neet.pk].summary.total == Decimal("10.5")
    assert ranked[neet.pk].summary.bonus == Decimal("1.5")
    assert ranked[neet.pk].reviewer_count == 2
    assert (ranked[plain.pk].rank, ranked[neet.pk].rank) == (1, 2)


def test_scoring_again_replaces_the_reviewers_previous_score(world):
    cohort, _form, skills, _motive = _screening(world)
    application = apply(cohort)
    scores_submit(application=application, reviewer=world["judge"], values={skills.pk: 1})
    scores_submit(application=application, reviewer=world["judge"], values={skills.pk: 4})
    assert list(application.scores.values_list("value", flat=True)) == [4]


def test_a_score_above_the_criterion_maximum_is_refused(world):
    cohort, _form, skills, _motive = _screening(world)
    with pytest.raises(DomainError, match="0 to 5"):
        scores_submit(application=apply(cohort), reviewer=world["judge"], values={skills.pk: 6})


def test_bulk_admission_follows_the_ranking_and_refuses_what_no_longer_fits(world):
    cohort, _form, skills, motive = _screening(world, capacity=2)
    applications = [apply(cohort) for _ in range(3)]
    for value, application in zip((3, 5, 4), applications, strict=True):
        scores_submit(
            application=application,
            reviewer=world["operator"],
            values={skills.pk: value, motive.pk: value},
        )
    outcome = applications_decide(
        cohort=cohort,
        application_ids=[a.pk for a in applications],
        decision=OperatorDecision.ADMIT,
        actor=world["operator"],
        reason="서류 심사 상위",
    )
    assert [a.pk for a in outcome.done] == [applications[1].pk, applications[2].pk]
    assert [(a.pk, message) for a, message in outcome.refused] == [
        (applications[0].pk, "This cohort is full.")
    ]
    applications[0].refresh_from_db()
    assert applications[0].status == ApplicationStatus.SUBMITTED
    decision = SelectionDecision.objects.filter(application=applications[1]).latest("id")
    assert (decision.actor, decision.reason, decision.to_status) == (
        world["operator"],
        "서류 심사 상위",
        ApplicationStatus.ADMITTED,
    )


def test_every_decision_needs_a_reason(world):
    cohort, *_ = _screening(world)
    application = apply(cohort)
    with pytest.raises(DomainError, match="reason"):
        application_decide(
            application=application,
            decision=OperatorDecision.REJECT,
            actor=world["operator"],
            reason=" ",
        )


def test_bulk_waitlisting_keeps_the_ranking_as_the_queue_order(world):
    cohort, _form, skills, motive = _screening(world, capacity=1)
    applications = [apply(cohort) for _ in range(3)]
    for value, application in zip((1, 5, 3), applications, strict=True):
        scores_submit(
            application=application,
            reviewer=world["operator"],
            values={skills.pk: value, motive.pk: value},
        )
    applications_decide(
        cohort=cohort,
        application_ids=[a.pk for a in applications],
        decision=OperatorDecision.WAITLIST,
        actor=world["operator"],
        reason="정원 대기",
    )
    assert list(waitlist_of(cohort).values_list("pk", flat=True)) == [
        applications[1].pk,
        applications[2].pk,
        applications[0].pk,
    ]


def test_a_rejected_application_cannot_be_admitted_later(world):
    cohort, *_ = _screening(world)
    application = apply(cohort)
    application_decide(
        application=application,
        decision=OperatorDecision.REJECT,
        actor=world["operator"],
        reason="요건 미달",
    )
    with pytest.raises(TransitionError):
        application_decide(
            application=application,
            decision=OperatorDecision.ADMIT,
            actor=world["operator"],
            reason="재검토",
        )
    assert (
        Notification.objects.filter(application=application, kind=NotificationKind.REJECTED).count()
        == 1
    )


def _full_cohort_with_queue(world, waiting=2, hours=72):
    cohort = make_cohort(world.hub, capacity=1, offer_hours=hours)
    admitted = apply(cohort)
    queue = [apply(cohort) for _ in range(waiting)]
    return cohort, admitted, queue


def test_a_declined_offer_passes_the_seat_to_the_next_in_line(world):
    cohort, admitted, (first, second) = _full_cohort_with_queue(world)
    enrollment_finish(
        enrollment=admitted.enrollment,
        status=EnrollmentStatus.DROPPED_OUT,
        finished_on=datetime.date(2027, 3, 2),
        dropout_reason="취업",
    )
    first.refresh_from_db()
    assert first.status == ApplicationStatus.OFFERED
    offer_decline(application=first, actor=first.user)
    second.refresh_from_db()
    assert second.status == ApplicationStatus.OFFERED
    offer_accept(application=second, actor=second.user)
    second.refresh_from_db()
    assert second.status == ApplicationStatus.ADMITTED
    assert second.enrollment.status == EnrollmentStatus.ENROLLED
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == 1


def test_an_offer_lapses_after_its_deadline_and_the_seat_passes_on(world):
    start = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=SEOUL)
    with time_machine.travel(start, tick=False):
        cohort, admitted, (first, second) = _full_cohort_with_queue(world, hours=48)
        enrollment_finish(
            enrollment=admitted.enrollment,
            status=EnrollmentStatus.DROPPED_OUT,
            finished_on=datetime.date(2027, 3, 2),
            dropout_reason="개인 사정",
        )
    first.refresh_from_db()
    assert first.offer_expires_at == start + datetime.timedelta(hours=48)
    with time_machine.travel(start + datetime.timedelta(hours=47), tick=False):
        assert lapse_expired_offers() == 0
    with time_machine.travel(start + datetime.timedelta(hours=48, minutes=5), tick=False):
        assert lapse_expired_offers() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == ApplicationStatus.LAPSED
    assert second.status == ApplicationStatus.OFFERED
    assert second.offer_expires_at == start + datetime.timedelta(hours=96, minutes=5)
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == 1
    lapsed = SelectionDecision.objects.filter(application=first).latest("id")
    assert (lapsed.actor, lapsed.to_status) == (None, ApplicationStatus.LAPSED)


def test_an_expired_offer_cannot_be_accepted(world):
    _cohort, admitted, (first, _second) = _full_cohort_with_queue(world, hours=1)
    enrollment_finish(
        enrollment=admitted.enrollment,
        status=EnrollmentStatus.DROPPED_OUT,
        finished_on=datetime.date(2027, 3, 2),
        dropout_reason="개인 사정",
    )
    with pytest.raises(TransitionError, match="expired"):
        offer_accept(
            application=first, actor=first.user, now=timezone.now() + datetime.timedelta(hours=2)
        )


def test_one_reminder_is_sent_when_less_than_a_day_is_left(
    world, django_capture_on_commit_callbacks
):
    _cohort, admitted, (first, _second) = _full_cohort_with_queue(world, hours=72)
    enrollment_finish(
        enrollment=admitted.enrollment,
        status=EnrollmentStatus.DROPPED_OUT,
        finished_on=datetime.date(2027, 3, 2),
        dropout_reason="개인 사정",
    )
    now = timezone.now()
    assert offers_remind(now=now + datetime.timedelta(hours=24)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_expiring_offers.apply().get() == 0
        assert offers_remind(now=now + datetime.timedelta(hours=50)) == 1
    assert offers_remind(now=now + datetime.timedelta(hours=60)) == 0
    assert mail.outbox[-1].to == [first.user.email]
    assert Notification.objects.filter(kind=NotificationKind.OFFER_REMINDER).count() == 1


def test_a_dropout_after_the_course_started_frees_the_seat_without_an_offer(world):
    cohort, admitted, (first, _second) = _full_cohort_with_queue(world)
    cohort.status = "in_progress"
    cohort.save(update_fields=["status"])
    enrollment_finish(
        enrollment=admitted.enrollment,
        status=EnrollmentStatus.DROPPED_OUT,
        finished_on=datetime.date(2027, 4, 1),
        dropout_reason="취업",
        now=datetime.datetime(2027, 4, 1, 9, tzinfo=SEOUL),
    )
    first.refresh_from_db()
    assert first.status == ApplicationStatus.WAITLISTED
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == 0


def test_direct_enrolment_takes_a_seat_and_is_refused_when_full(world):
    cohort = make_cohort(world.hub, capacity=1)
    enrollment_create(cohort=cohort, user=make_user(), enrolled_on=cohort.starts_on)
    with pytest.raises(CohortFullError):
        enrollment_create(cohort=cohort, user=make_user(), enrolled_on=cohort.starts_on)
    assert Enrollment.objects.filter(cohort=cohort).count() == 1


def test_the_database_itself_refuses_more_seats_than_the_capacity(world):
    cohort = make_cohort(world.hub, capacity=1)
    apply(cohort)
    with pytest.raises(IntegrityError), transaction.atomic():
        CohortSeats.objects.filter(cohort=cohort).update(seats_taken=F("seats_taken") + 1)


def test_the_ledger_is_created_from_existing_rows_and_can_be_recounted(world):
    cohort = make_cohort(world.hub, capacity=3)
    Enrollment.objects.create(cohort=cohort, user=make_user(), enrolled_on=cohort.starts_on)
    Enrollment.objects.create(
        cohort=cohort,
        user=make_user(),
        enrolled_on=cohort.starts_on,
        status=EnrollmentStatus.DROPPED_OUT,
        finished_on=cohort.starts_on,
    )
    apply(cohort)
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == 2
    CohortSeats.objects.filter(cohort=cohort).update(seats_taken=0)
    assert cohort_seats_recount(cohort=cohort).seats_taken == 2
