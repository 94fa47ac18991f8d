"""Applying in the browser: an ineligible applicant is told which rule failed before submitting;
an applicant applies from the cohort page (signing in on the way), an operator admits them and they
see their enrolment; an offered seat lapses and passes to the next person on the waitlist, who
accepts it. Every page on the way is checked with axe."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from talenthub.enrollments.choices import (
    ApplicationStatus,
    EligibilityRuleKind,
    EnrollmentStatus,
    SelectionMode,
)
from talenthub.enrollments.eligibility import ApplicantFacts, CohortFacts, RuleSpec, evaluate
from talenthub.enrollments.models import Application, EligibilityRule
from talenthub.enrollments.services import application_withdraw
from talenthub.enrollments.tasks import lapse_expired_offers
from talenthub.enrollments.tests.helpers import (
    PASSWORD,
    apply,
    form_of,
    make_cohort,
    make_user,
    pdf_bytes,
)
from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

Check = Callable[[Page], None]
SignIn = Callable[..., None]


def _person(email: str, **extra: Any) -> Any:
    """A person who can sign in (allauth wants a verified address)."""
    from allauth.account.models import EmailAddress

    user = make_user(email=email, **extra)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _korean(text: Any) -> str:
    with translation.override("ko"):
        return str(text)


def test_an_ineligible_applicant_is_told_which_rule_failed_before_submitting(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Check,
    login: SignIn,
) -> None:
    cohort = make_cohort(e2e_world.hub, capacity=20)
    form = form_of(cohort)
    EligibilityRule.objects.create(
        form=form, kind=EligibilityRuleKind.AGE_RANGE, min_age=19, max_age=34
    )
    EligibilityRule.objects.create(form=form, kind=EligibilityRuleKind.NEET)
    person = _person("older@example.kr", name="나이많음", birth_date=datetime.date(1970, 5, 1))
    facts = ApplicantFacts(
        birth_date=person.birth_date,
        region="",
        is_job_seeker=False,
        is_neet=False,
        university_id=None,
    )
    with translation.override("ko"):
        [too_old, not_neet] = [
            failure.message
            for failure in evaluate(
                [
                    RuleSpec(kind=EligibilityRuleKind.AGE_RANGE, min_age=19, max_age=34),
                    RuleSpec(kind=EligibilityRuleKind.NEET),
                ],
                facts,
                CohortFacts(
                    cohort_id=cohort.pk, starts_on=cohort.starts_on, ends_on=cohort.ends_on
                ),
            )
        ]

    page = new_page()
    login(page, live_server, person.email)
    page.goto(f"{live_server.url}/cohorts/{cohort.pk}/")
    assert_accessible(page)
    page.locator("#apply-link").click()
    page.wait_for_url(f"{live_server.url}/cohorts/{cohort.pk}/apply/")
    failures = page.locator(".eligibility-failures li")
    expect(failures).to_have_text([too_old])  # known from the profile before anything is typed
    assert_accessible(page)

    page.locator("input[name=is_neet][value=no]").check()
    page.locator("input[name=is_job_seeker][value=yes]").check()
    page.locator("button[name=action][value=check]").click()
    expect(page.locator(".eligibility-failures li")).to_have_text([too_old, not_neet])
    assert_accessible(page)
    assert not Application.objects.filter(cohort=cohort).exists()


def test_an_applicant_applies_an_operator_admits_and_the_applicant_sees_the_enrolment(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Check,
    login: SignIn,
) -> None:
    cohort = make_cohort(e2e_world.hub, capacity=5, mode=SelectionMode.SCREENING)
    applicant = _person("applicant@example.kr", name="김지원")

    page = new_page()
    page.goto(f"{live_server.url}/cohorts/{cohort.pk}/")
    page.locator("#apply-link").click()
    assert "/accounts/login/" in page.url  # signed out: sign in first, then back to the form
    sign_in = page.locator("main form[method=post]", has=page.locator("input[name=password]"))
    sign_in.locator("input[name=login]").fill(applicant.email)
    sign_in.locator("input[name=password]").fill(PASSWORD)
    sign_in.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/cohorts/{cohort.pk}/apply/")
    assert_accessible(page)

    page.locator("input[name=birth_date]").fill("1999-04-01")
    page.locator("input[name=region]").fill("전주시 덕진구")
    page.locator("input[name=is_job_seeker][value=yes]").check()
    page.locator("input[name=is_neet][value=no]").check()
    page.locator("input[name=resume]").set_input_files(
        {"name": "이력서.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    for consent in page.locator("input[name^=consent_][value=yes]").all():
        consent.check()
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator("#application-status")).to_contain_text(
        _korean(ApplicationStatus.SUBMITTED.label)
    )
    assert_accessible(page)
    application = Application.objects.get(cohort=cohort, user=applicant)

    operator = new_page()
    login(operator, live_server, e2e_world["operator"].email)
    operator.goto(f"{live_server.url}/manage/cohorts/{cohort.pk}/applications/")
    assert_accessible(operator)
    operator.locator(f"#pick-{application.pk}").check()
    operator.locator("#decision").select_option("admit")
    operator.locator("#reason").fill("서류 심사 통과")
    operator.locator("form[action$='/decide/'] button[type=submit]").click()
    expect(operator.locator("#seat-state")).to_contain_text("1")
    assert_accessible(operator)

    page.goto(f"{live_server.url}/me/applications/{application.pk}/")
    expect(page.locator("#application-status")).to_contain_text(
        _korean(ApplicationStatus.ADMITTED.label)
    )
    expect(page.locator("#enrolment-status")).to_contain_text(
        _korean(EnrollmentStatus.ENROLLED.label)
    )
    assert_accessible(page)
    page.goto(f"{live_server.url}/me/timeline/")
    expect(page.locator("#timeline")).to_contain_text(str(cohort))
    expect(page.locator("#timeline-counts")).to_contain_text("1")
    assert_accessible(page)


def test_an_offered_seat_lapses_and_passes_to_the_next_person(
    e2e_world: World,
    new_page: Callable[..., Page],
    live_server: Any,
    assert_accessible: Check,
    login: SignIn,
) -> None:
    cohort = make_cohort(e2e_world.hub, capacity=1, mode=SelectionMode.FIRST_COME, offer_hours=48)
    first_in = apply(cohort, _person("first@example.kr", name="선착순"))
    slow = apply(cohort, _person("slow@example.kr", name="늦은응답"))
    next_in_line = apply(cohort, _person("next@example.kr", name="다음순번"))
    application_withdraw(application=first_in, actor=first_in.user)  # the seat frees
    slow.refresh_from_db()
    assert slow.status == ApplicationStatus.OFFERED

    page = new_page()
    login(page, live_server, slow.user.email)
    page.goto(f"{live_server.url}/me/applications/")
    expect(page.locator("tbody tr")).to_contain_text(_korean(ApplicationStatus.OFFERED.label))
    assert_accessible(page)

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        assert lapse_expired_offers() == 1

    page.reload()
    expect(page.locator("tbody tr")).to_contain_text(_korean(ApplicationStatus.LAPSED.label))

    other = new_page()
    login(other, live_server, next_in_line.user.email)
    other.goto(f"{live_server.url}/me/applications/{next_in_line.pk}/")
    expect(other.locator("#offer-heading")).to_be_visible()
    assert_accessible(other)
    other.locator("button[name=response][value=accept]").click()
    expect(other.locator("#application-status")).to_contain_text(
        _korean(ApplicationStatus.ADMITTED.label)
    )
    expect(other.locator("#enrolment-status")).to_be_visible()
    assert_accessible(other)
    next_in_line.refresh_from_db()
    assert next_in_line.enrollment is not None
