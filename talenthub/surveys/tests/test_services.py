"""Dispatch, one-time answers, deadlines, reminders and the stored analysis."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from talenthub.surveys import selectors, services
from talenthub.surveys.errors import AlreadyAnsweredError, InvalidAnswerError, SurveyClosedError
from talenthub.surveys.models import Answer, CommentTerm, Invitation, Response, Survey
from talenthub.surveys.tests.conftest import answers_for, invitation_of, make_survey


@pytest.fixture
def enrolled(world, factories):
    """Four more trainees in alpha's cohort: two completed, one dropped out, one not completed."""
    people = []
    for status in ("completed", "completed", "dropped_out", "not_completed"):
        enrollment = factories.EnrollmentFactory(
            cohort=world.cohort,
            status=status,
            finished_on=world.cohort.ends_on,
            dropout_reason="이사" if status == "dropped_out" else "",
        )
        people.append(enrollment.user)
    return people


def test_sending_invites_everyone_but_dropouts_and_mails_personal_links(
    world, satisfaction_version, enrolled, django_capture_on_commit_callbacks
):
    survey = services.survey_create(cohort=world.cohort, version=satisfaction_version)
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.survey_send(survey=survey)
    assert invited == 4
    assert set(survey.invitations.values_list("user_id", flat=True)) == {
        world["trainee"].pk,
        enrolled[0].pk,
        enrolled[1].pk,
        enrolled[3].pk,
    }
    survey.refresh_from_db()
    assert survey.status == "open"
    assert survey.deadline is not None
    assert survey.sent_at is not None
    assert survey.deadline - survey.sent_at == datetime.timedelta(days=30)
    assert len(mail.outbox) == 4
    link = services.invitation_token(invitation_of(survey, world["trainee"]))
    trainee_mail = next(m for m in mail.outbox if m.to == [world["trainee"].email])
    assert f"/s/{link}/" in trainee_mail.body


def test_sending_again_invites_only_newcomers(world, survey, factories):
    newcomer = factories.EnrollmentFactory(cohort=world.cohort).user
    assert services.survey_send(survey=survey) == 1
    assert survey.invitations.filter(user=newcomer).count() == 1
    assert survey.invitations.count() == 2


def test_a_cohort_gets_one_satisfaction_survey(world, survey, satisfaction_version):
    with pytest.raises(services.DomainError):
        services.survey_create(cohort=world.cohort, version=satisfaction_version)


def test_anonymous_answer_is_stored_without_person_and_invitation(world, survey):
    invitation = invitation_of(survey, world["trainee"])
    with time_machine.travel(datetime.datetime(2025, 5, 2, 14, 37, 12, tzinfo=datetime.UTC)):
        response = services.response_submit(
            invitation=invitation, answers=answers_for(survey, 5, good="강사님이 친절했어요")
        )
    assert response.is_anonymous
    assert response.invitation_id is None
    assert response.respondent_id is None
    assert response.submitted_on == datetime.date(2025, 5, 2)  # the day only
    invitation.refresh_from_db()
    assert invitation.is_used
    assert response.answers.count() == 21  # 17 Likert, recommend, plan, channel, one comment


def test_a_second_answer_is_refused_clearly(world, survey):
    invitation = invitation_of(survey, world["trainee"])
    services.response_submit(invitation=invitation, answers=answers_for(survey))
    with pytest.raises(AlreadyAnsweredError, match="already answered"):
        services.response_submit(invitation=invitation, answers=answers_for(survey))
    assert Response.objects.filter(survey=survey).count() == 1


def test_identified_responses_are_unique_per_invitation_in_the_database(
    world, satisfaction_version, factories
):
    cohort = factories.CohortFactory(course=world.course)
    factories.EnrollmentFactory(cohort=cohort, user=world["trainee"])
    survey = make_survey(cohort, satisfaction_version, anonymous=False)
    invitation = invitation_of(survey, world["trainee"])
    response = services.response_submit(invitation=invitation, answers=answers_for(survey))
    assert response.invitation_id == invitation.pk
    assert response.respondent_id == world["trainee"].pk
    with pytest.raises(IntegrityError):
        Response.objects.create(
            survey=survey,
            is_anonymous=False,
            invitation=invitation,
            respondent=world["trainee"],
            submitted_on=response.submitted_on,
        )


def test_the_database_refuses_an_anonymous_response_that_names_someone(world, survey):
    with pytest.raises(IntegrityError):
        Response.objects.create(
            survey=survey,
            is_anonymous=True,
            respondent=world["trainee"],
            submitted_on=datetime.date(2025, 5, 1),
        )


def test_a_late_answer_is_refused_with_the_closing_date(world, survey):
    invitation = invitation_of(survey, world["trainee"])
    late = survey.deadline + datetime.timedelta(minutes=1)
    with pytest.raises(SurveyClosedError, match="closed on"):
        services.response_submit(invitation=invitation, answers=answers_for(survey), now=late)
    invitation.refresh_from_db()
    assert not invitation.is_used


def test_a_closed_survey_refuses_answers(world, survey):
    services.survey_close(survey=survey)
    with pytest.raises(SurveyClosedError):
        services.response_submit(
            invitation=invitation_of(survey, world["trainee"]), answers=answers_for(survey)
        )


def test_a_required_question_left_blank_is_refused(world, survey):
    answers = answers_for(survey)
    first = survey.version.questions.get(position=1)
    answers[first.pk] = None
    with pytest.raises(InvalidAnswerError, match="answer question 1"):
        services.response_submit(
            invitation=invitation_of(survey, world["trainee"]), answers=answers
        )


def test_out_of_range_answers_are_refused(world, survey):
    answers = answers_for(survey)
    first = survey.version.questions.get(position=1)
    answers[first.pk] = 6
    with pytest.raises(InvalidAnswerError):
        services.response_submit(
            invitation=invitation_of(survey, world["trainee"]), answers=answers
        )


def test_comments_are_analysed_after_commit(world, survey, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = services.response_submit(
            invitation=invitation_of(survey, world["trainee"]),
            answers=answers_for(
                survey,
                good="강사님의 설명이 친절해서 좋았습니다.",
                improve="주차 공간이 부족했습니다",
            ),
        )
    response.refresh_from_db()
    assert response.analysed
    polarities = dict(response.answers.exclude(text="").values_list("question__code", "polarity"))
    assert polarities == {"good": "positive", "improve": "negative"}
    terms = set(
        CommentTerm.objects.filter(answer__response=response).values_list("term", flat=True)
    )
    assert {"강사", "설명", "주차 공간"} <= terms
    assert selectors.top_terms([survey.pk])[0][1] == 1


def test_reminders_go_to_those_who_have_not_answered(
    world, survey, factories, django_capture_on_commit_callbacks
):
    other = factories.EnrollmentFactory(cohort=world.cohort).user
    services.survey_send(survey=survey)
    services.response_submit(
        invitation=invitation_of(survey, world["trainee"]), answers=answers_for(survey)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.survey_remind(survey=survey) == 1
    assert [m.to for m in mail.outbox] == [[other.email]]
    survey.refresh_from_db()
    assert survey.reminders_sent == 1


def test_the_schedule_sends_surveys_of_cohorts_that_just_ended_reminds_and_closes(
    world, satisfaction_version, factories
):
    ended = factories.CohortFactory(
        course=world.course,
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2025, 10, 31),
        status="finished",
    )
    factories.EnrollmentFactory(cohort=ended)
    long_ago = factories.CohortFactory(
        course=world.course, starts_on=datetime.date(2024, 1, 2), ends_on=datetime.date(2024, 2, 2)
    )
    with time_machine.travel(datetime.datetime(2025, 11, 1, 9, 0, tzinfo=datetime.UTC)):
        assert services.surveys_dispatch_due(now=timezone.now()) == 1
    survey = Survey.objects.get(cohort=ended)
    assert survey.status == "open"
    assert survey.is_anonymous
    assert not Survey.objects.filter(cohort=long_ago).exists()
    assert survey.sent_at is not None
    assert survey.deadline is not None
    eight_days = survey.sent_at + datetime.timedelta(days=8)
    assert services.surveys_remind_due(now=eight_days) == 1
    assert services.surveys_remind_due(now=eight_days) == 0  # not again within a week
    assert services.surveys_close_expired(now=survey.deadline + datetime.timedelta(seconds=1)) == 1
    survey.refresh_from_db()
    assert survey.status == "closed"


def test_a_draft_survey_set_to_send_at_the_end_goes_out_when_the_cohort_ends(
    world, satisfaction_version
):
    survey = services.survey_create(cohort=world.cohort, version=satisfaction_version)
    before_end = datetime.datetime(2025, 4, 20, 9, 0, tzinfo=datetime.UTC)
    assert services.surveys_dispatch_due(now=before_end) == 0
    after_end = datetime.datetime(2025, 4, 26, 9, 0, tzinfo=datetime.UTC)
    # Two: this draft, and the standard survey the schedule gives beta's cohort (same dates).
    assert services.surveys_dispatch_due(now=after_end) == 2
    survey.refresh_from_db()
    assert survey.sent_at == after_end


def test_a_sent_survey_keeps_its_version_when_the_template_changes(world, survey):
    version = survey.version
    template = version.template
    newer = type(version).objects.create(template=template, number=version.number + 1)
    survey.refresh_from_db()
    assert survey.version_id == version.pk != newer.pk
    assert services.latest_version(template.code) == newer


def test_standard_templates_install_is_idempotent(satisfaction_version):
    assert services.standard_templates_install() == 0
    assert satisfaction_version.questions.filter(in_score=True).count() == 17


def test_invitations_are_unique_per_person(world, survey):
    with pytest.raises(IntegrityError):
        Invitation.objects.create(survey=survey, user=world["trainee"])


def test_answers_are_unique_per_question(world, survey):
    response = services.response_submit(
        invitation=invitation_of(survey, world["trainee"]), answers=answers_for(survey)
    )
    question = survey.version.questions.get(position=1)
    with pytest.raises(IntegrityError):
        Answer.objects.create(response=response, question=question, value=3)


def test_an_imported_response_is_anonymous_and_checked_like_an_online_one(world, survey):
    first = survey.version.questions.get(position=1)
    response = services.response_import(
        survey=survey, submitted_on=datetime.date(2025, 5, 3), answers={first.pk: 4}
    )
    assert (response.is_anonymous, response.invitation_id, response.respondent_id) == (
        True,
        None,
        None,
    )
    assert list(response.answers.values_list("value", flat=True)) == [4]
    with pytest.raises(InvalidAnswerError):
        services.response_import(
            survey=survey, submitted_on=datetime.date(2025, 5, 3), answers={first.pk: 9}
        )
