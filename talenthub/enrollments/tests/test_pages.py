"""What the pages do: applying, deciding, scoring, withdrawing; and flat query counts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from talenthub.enrollments.choices import (
    ApplicationStatus,
    EligibilityRuleKind,
    NotificationKind,
    SelectionMode,
)
from talenthub.enrollments.models import (
    Application,
    EligibilityRule,
    Notification,
    Reviewer,
    RubricCriterion,
    Score,
    SelectionDecision,
)
from talenthub.enrollments.selectors import current_consents
from talenthub.enrollments.tests.helpers import (
    client_as,
    form_of,
    make_cohort,
    make_user,
)

# --- applying through the page ---------------------------------------------------------------


def _apply_data(cohort, **overrides) -> dict[str, Any]:
    data = {
        "action": "submit",
        "birth_date": "1999-04-01",
        "region": "전주시 완산구",
        "is_job_seeker": "yes",
        "is_neet": "no",
    }
    data.update({f"consent_{text.pk}": "yes" for text in current_consents(form_of(cohort))})
    data.update(overrides)
    return data


def test_the_cohort_page_links_to_the_application_form(world):
    cohort = make_cohort(world.hub)
    response = Client().get(reverse("courses:cohort_detail", args=[cohort.pk]))
    assert reverse("enrollments:apply", args=[cohort.pk]) in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_sign_in_and_back_to_the_form(world):
    cohort = make_cohort(world.hub)
    url = reverse("enrollments:apply", args=[cohort.pk])
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_a_person_too_old_is_told_so_as_soon_as_the_form_opens(world):
    cohort = make_cohort(world.hub)
    EligibilityRule.objects.create(
        form=form_of(cohort), kind=EligibilityRuleKind.AGE_RANGE, min_age=19, max_age=34
    )
    older = make_user(birth_date=datetime.date(1970, 1, 1))
    client = Client()
    client.force_login(older)
    page = client.get(reverse("enrollments:apply", args=[cohort.pk])).content.decode()
    assert "eligibility-failures" in page
    assert "19" in page
    assert "34" in page


def test_checking_eligibility_names_the_failed_rule_and_saves_nothing(world):
    cohort = make_cohort(world.hub)
    EligibilityRule.objects.create(form=form_of(cohort), kind=EligibilityRuleKind.NEET)
    client = Client()
    client.force_login(make_user())
    url = reverse("enrollments:apply", args=[cohort.pk])
    page = client.post(url, _apply_data(cohort, action="check")).content.decode()
    assert "NEET" in page
    assert "eligibility-failures" in page
    assert not Application.objects.filter(cohort=cohort).exists()
    page = client.post(url, _apply_data(cohort, action="check", is_neet="yes")).content.decode()
    assert "You meet every requirement" in page


def test_submitting_the_form_creates_one_application_even_when_posted_twice(world):
    cohort = make_cohort(world.hub, capacity=3)
    client = Client()
    person = make_user()
    client.force_login(person)
    url = reverse("enrollments:apply", args=[cohort.pk])
    first = client.post(url, _apply_data(cohort))
    second = client.post(url, _apply_data(cohort))
    application = Application.objects.get(cohort=cohort, user=person)
    target = reverse("enrollments:my_application", args=[application.pk])
    assert (first.status_code, first["Location"]) == (302, target)
    assert (second.status_code, second["Location"]) == (302, target)
    assert application.status == ApplicationStatus.ADMITTED
    assert application.is_job_seeker is True


def test_a_refused_required_consent_shows_an_error_and_saves_nothing(world):
    cohort = make_cohort(world.hub)
    required = next(t for t in current_consents(form_of(cohort)) if t.is_required)
    client = Client()
    client.force_login(make_user())
    response = client.post(
        reverse("enrollments:apply", args=[cohort.pk]),
        _apply_data(cohort, **{f"consent_{required.pk}": "no"}),
    )
    assert response.status_code == 200
    assert "This item is required" in response.content.decode()
    assert not Application.objects.filter(cohort=cohort).exists()


def test_a_fake_pdf_resume_is_refused_on_the_form(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    cohort = make_cohort(world.hub)
    client = Client()
    client.force_login(make_user())
    data = _apply_data(
        cohort, resume=SimpleUploadedFile("cv.pdf", b"%PDF-fake", content_type="application/pdf")
    )
    response = client.post(reverse("enrollments:apply", args=[cohort.pk]), data)
    assert response.status_code == 200
    assert "not a readable PDF" in response.content.decode()
    assert not Application.objects.filter(cohort=cohort).exists()


def test_the_operator_decides_in_bulk_and_the_applicant_sees_the_enrolment(scene):
    operator = client_as(scene, "operator")
    response = operator.post(
        reverse("enrollments:applications_decide", args=[scene.cohort.pk]),
        {"decision": "admit", "reason": "서류 통과", "applications": [scene.application.pk]},
    )
    assert response.status_code == 302
    scene.application.refresh_from_db()
    assert scene.application.status == ApplicationStatus.ADMITTED
    decision = SelectionDecision.objects.filter(application=scene.application).latest("id")
    assert (decision.actor, decision.reason) == (scene.people["operator"], "서류 통과")
    page = client_as(scene, "applicant").get(
        reverse("enrollments:my_application", args=[scene.application.pk])
    )
    assert 'id="enrolment-status"' in page.content.decode()


def test_a_reviewer_scores_but_cannot_decide(scene):
    criterion = RubricCriterion.objects.create(
        form=form_of(scene.cohort), name="역량", weight=Decimal(1)
    )
    reviewer = client_as(scene, "reviewer")
    url = reverse("enrollments:application_review", args=[scene.application.pk])
    page = reviewer.get(url).content.decode()
    assert "applications_decide" not in page
    assert reverse("enrollments:applications_decide", args=[scene.cohort.pk]) not in page
    response = reviewer.post(url, {f"criterion_{criterion.pk}": "4"})
    assert response.status_code == 302
    assert Score.objects.get(application=scene.application).value == 4


def test_the_operator_invites_and_removes_a_reviewer(scene):
    operator = client_as(scene, "operator")
    url = reverse("enrollments:cohort_reviewers", args=[scene.cohort.pk])
    assert operator.post(url, {"email": scene.people["outsider"].email}).status_code == 302
    row = Reviewer.objects.get(user=scene.people["outsider"])
    assert operator.post(reverse("enrollments:reviewer_remove", args=[row.pk])).status_code == 302
    assert not Reviewer.objects.filter(user=scene.people["outsider"]).exists()


def test_the_applicant_withdraws_from_the_page(scene):
    client = client_as(scene, "applicant")
    client.post(reverse("enrollments:withdraw", args=[scene.application.pk]))
    scene.application.refresh_from_db()
    assert scene.application.status == ApplicationStatus.WITHDRAWN


# --- constant query counts --------------------------------------------------------------------


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _bulk_applications(cohort, count: int) -> list[Application]:
    now = timezone.now()
    people = [make_user() for _ in range(count)]
    rows = Application.objects.bulk_create(
        Application(
            cohort=cohort, user=person, submitted_at=now, status_changed_at=now, is_neet=True
        )
        for person in people
    )
    SelectionDecision.objects.bulk_create(
        SelectionDecision(application=row, from_status="", to_status=ApplicationStatus.SUBMITTED)
        for row in rows
    )
    return rows


@pytest.mark.parametrize("page", ["cohort_applications", "notification_log", "manage_people"])
def test_operator_list_pages_make_as_many_queries_for_50_rows_as_for_5(world, page):
    counts = []
    for size in (5, 50):
        cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
        criterion = RubricCriterion.objects.create(
            form=form_of(cohort), name="역량", weight=Decimal(1)
        )
        rows = _bulk_applications(cohort, size)
        Score.objects.bulk_create(
            Score(application=row, criterion=criterion, reviewer=world["operator"], value=3)
            for row in rows
        )
        Notification.objects.bulk_create(
            Notification(
                kind=NotificationKind.RECEIVED,
                cohort=cohort,
                application=row,
                recipient=row.user,
                to_email=row.user.email,
                subject="접수",
                body_text="접수되었습니다",
                body_html="<p>접수되었습니다</p>",
            )
            for row in rows
        )
        client = Client()
        client.force_login(world["operator"])
        args = [cohort.pk] if page == "cohort_applications" else []
        namespace = "portal" if page == "manage_people" else "enrollments"
        counts.append(_queries(client, reverse(f"{namespace}:{page}", args=args)))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "page", ["enrollments:my_applications", "portal:my_timeline", "enrollments:review_queue"]
)
def test_a_persons_pages_make_as_many_queries_for_50_applications_as_for_5(world, page):
    counts = []
    for size in (5, 50):
        person = make_user()
        for _ in range(size):
            cohort = make_cohort(world.hub, mode=SelectionMode.SCREENING)
            now = timezone.now()
            row = Application.objects.create(
                cohort=cohort, user=person, submitted_at=now, status_changed_at=now
            )
            SelectionDecision.objects.create(
                application=row, from_status="", to_status=ApplicationStatus.SUBMITTED
            )
            Reviewer.objects.create(form=form_of(cohort), user=person)
        client = Client()
        client.force_login(person)
        counts.append(_queries(client, reverse(page)))
    assert counts[0] == counts[1]
