from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from talenthub.core.errors import DomainError
from talenthub.enrollments.choices import (
    ApplicationStatus,
    EligibilityRuleKind,
    NotificationKind,
    NotificationStatus,
    QuestionKind,
    SelectionMode,
)
from talenthub.enrollments.errors import (
    ApplicationsClosedError,
    IneligibleError,
    InvalidUploadError,
)
from talenthub.enrollments.models import (
    Answer,
    Application,
    CohortSeats,
    ConsentRecord,
    EligibilityRule,
    Enrollment,
    Notification,
    Question,
    SelectionDecision,
)
from talenthub.enrollments.selectors import current_consents
from talenthub.enrollments.services import application_withdraw
from talenthub.enrollments.tests.helpers import (
    all_consents,
    apply,
    declaration,
    form_of,
    make_cohort,
    make_user,
    pdf_upload,
    submit,
)


def test_first_come_applicants_are_admitted_until_full_then_waitlisted_in_order(world):
    cohort = make_cohort(world.hub, capacity=2)
    first, second, third, fourth = (apply(cohort) for _ in range(4))
    for application in (first, second, third, fourth):
        application.refresh_from_db()
    assert [a.status for a in (first, second, third, fourth)] == [
        ApplicationStatus.ADMITTED,
        ApplicationStatus.ADMITTED,
        ApplicationStatus.WAITLISTED,
        ApplicationStatus.WAITLISTED,
    ]
    assert (third.waitlist_position, fourth.waitlist_position) == (1, 2)
    assert Enrollment.objects.filter(cohort=cohort).count() == 2
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == 2
    assert first.enrollment is not None
    assert first.enrollment.enrolled_on == cohort.starts_on


def test_a_double_submitted_application_makes_exactly_one_row(world):
    cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    user = make_user()
    first = submit(cohort, user)
    again = submit(cohort, user)
    assert first.created is True
    assert again.created is False
    assert again.application.pk == first.application.pk
    assert Application.objects.filter(cohort=cohort, user=user).count() == 1
    assert SelectionDecision.objects.filter(application=first.application).count() == 1


def test_the_database_refuses_a_second_application_of_one_person_to_one_cohort(world):
    cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    application = apply(cohort)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(cohort=cohort, user=application.user)


def test_consents_are_stored_with_their_text_version_and_time(world):
    cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    texts = current_consents(form_of(cohort))
    optional = next(text for text in texts if not text.is_required)
    consents = all_consents(cohort)
    consents[optional.pk] = False
    application = apply(cohort, consents=consents)
    records = {
        record.consent_id: record
        for record in ConsentRecord.objects.filter(application=application)
    }
    assert set(records) == {text.pk for text in texts}
    assert records[optional.pk].granted is False
    assert records[optional.pk].body == optional.body
    assert records[optional.pk].version == optional.version
    assert records[optional.pk].recorded_at == application.submitted_at


def test_refusing_a_required_consent_stops_the_application(world):
    cohort = make_cohort(world.hub)
    required = next(text for text in current_consents(form_of(cohort)) if text.is_required)
    consents = all_consents(cohort)
    consents[required.pk] = False
    with pytest.raises(DomainError) as refused:
        apply(cohort, consents=consents)
    assert refused.value.field == f"consent_{required.pk}"
    assert not Application.objects.filter(cohort=cohort).exists()


def test_a_new_consent_version_is_the_one_shown_and_recorded(world):
    cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    form = form_of(cohort)
    old = current_consents(form)[0]
    new = form.consents.create(
        key=old.key, version=2, kind=old.kind, title=old.title, body="개정된 문구", position=0
    )
    assert new in current_consents(form)
    assert old not in current_consents(form)
    application = apply(cohort)
    record = ConsentRecord.objects.get(application=application, consent__key=old.key)
    assert (record.version, record.body) == (2, "개정된 문구")


def test_an_ineligible_applicant_is_told_every_rule_that_failed(world):
    cohort = make_cohort(world.hub)
    form = form_of(cohort)
    EligibilityRule.objects.create(
        form=form, kind=EligibilityRuleKind.AGE_RANGE, min_age=19, max_age=34
    )
    EligibilityRule.objects.create(form=form, kind=EligibilityRuleKind.NEET)
    with pytest.raises(IneligibleError) as refused:
        apply(cohort, declaration=declaration(birth_date=datetime.date(1970, 1, 1)))
    assert len(refused.value.reasons) == 2
    assert "19" in refused.value.reasons[0]
    assert not Application.objects.filter(cohort=cohort).exists()


def test_the_university_rule_accepts_students_of_the_named_partner_universities(world):
    cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    university = world.hub.organisations.create(kind="university", name="전북대학교")
    rule = EligibilityRule.objects.create(
        form=form_of(cohort), kind=EligibilityRuleKind.UNIVERSITY_STUDENT
    )
    rule.universities.add(university)
    with pytest.raises(IneligibleError):
        apply(cohort)
    application = apply(cohort, declaration=declaration(university_id=university.pk))
    assert application.university == university


def test_answers_to_text_choice_and_file_questions_are_stored(world):
    cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    form = form_of(cohort)
    motive = Question.objects.create(
        form=form, position=1, kind=QuestionKind.TEXT, label="지원 동기"
    )
    level = Question.objects.create(
        form=form,
        position=2,
        kind=QuestionKind.CHOICE,
        label="파이썬 경험",
        choices="없음\n1년 미만\n1년 이상",
    )
    proof = Question.objects.create(
        form=form, position=3, kind=QuestionKind.FILE, label="재학증명서"
    )
    application = apply(
        cohort,
        answers={
            motive.pk: "데이터 분석가가 되고 싶습니다",
            level.pk: "1년 미만",
            proof.pk: pdf_upload(),
        },
        resume=pdf_upload(),
    )
    answers = {a.question_id: a for a in Answer.objects.filter(application=application)}
    assert answers[motive.pk].text == "데이터 분석가가 되고 싶습니다"
    assert answers[level.pk].text == "1년 미만"
    assert answers[proof.pk].file.read(5) == b"%PDF-"
    application.refresh_from_db()
    stored = application.resume.name or ""
    assert stored.endswith(".pdf")
    assert "이력서" not in stored  # stored under a random name


def test_a_choice_outside_the_list_and_a_missing_required_answer_are_refused(world):
    cohort = make_cohort(world.hub)
    form = form_of(cohort)
    level = Question.objects.create(
        form=form, position=1, kind=QuestionKind.CHOICE, label="경험", choices="없음\n있음"
    )
    with pytest.raises(DomainError, match="Pick one"):
        apply(cohort, answers={level.pk: "많음"})
    with pytest.raises(DomainError) as refused:
        apply(cohort, answers={})
    assert refused.value.field == f"q_{level.pk}"


def test_a_resume_that_is_not_a_pdf_is_refused_by_its_content(world):
    cohort = make_cohort(world.hub)
    fake = SimpleUploadedFile("resume.pdf", b"%PDF-1.7 not really", content_type="application/pdf")
    with pytest.raises(InvalidUploadError):
        apply(cohort, resume=fake)
    assert not Application.objects.filter(cohort=cohort).exists()


def test_applications_are_refused_when_the_cohort_is_not_recruiting(world):
    cohort = make_cohort(world.hub, status="planned")
    with pytest.raises(ApplicationsClosedError):
        apply(cohort)


def test_mail_is_sent_only_after_the_transaction_commits(world, django_capture_on_commit_callbacks):
    cohort = make_cohort(world.hub, capacity=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        apply(cohort)
    assert mail.outbox == []
    assert Notification.objects.filter(status=NotificationStatus.QUEUED).count() == 2
    for callback in callbacks:
        callback()
    assert [m.subject for m in mail.outbox] == list(
        Notification.objects.order_by("id").values_list("subject", flat=True)
    )
    assert all(getattr(m, "alternatives", [])[0][1] == "text/html" for m in mail.outbox)
    kinds = list(Notification.objects.order_by("id").values_list("kind", "status"))
    assert kinds == [
        (NotificationKind.RECEIVED, NotificationStatus.SENT),
        (NotificationKind.ADMITTED, NotificationStatus.SENT),
    ]


def test_withdrawing_an_admission_before_the_start_frees_the_seat_for_the_next_in_line(
    world, django_capture_on_commit_callbacks
):
    cohort = make_cohort(world.hub, capacity=1)
    admitted = apply(cohort)
    waiting = apply(cohort)
    with django_capture_on_commit_callbacks(execute=True):
        application_withdraw(application=admitted, actor=admitted.user)
    admitted.refresh_from_db()
    waiting.refresh_from_db()
    assert admitted.status == ApplicationStatus.WITHDRAWN
    assert not Enrollment.objects.filter(user=admitted.user, cohort=cohort).exists()
    assert waiting.status == ApplicationStatus.OFFERED
    assert waiting.offer_expires_at is not None
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == 1
    assert mail.outbox[-1].to == [waiting.user.email]


def test_a_withdrawn_applicant_cannot_simply_apply_again(world):
    cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    application = apply(cohort)
    application_withdraw(application=application, actor=application.user)
    with pytest.raises(DomainError, match="withdrew"):
        submit(cohort, application.user)
