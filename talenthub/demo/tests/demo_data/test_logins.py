"""The demo's logins, and the command's --if-empty and --print-logins."""

from __future__ import annotations

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError

from talenthub.accounts.models import User
from talenthub.courses.choices import CohortStatus
from talenthub.demo.data import DEMO_LOGINS, DEMO_PASSWORD, SUPERUSER
from talenthub.demo.tests.demo_data.helpers import REPORTED, digest
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Membership


@pytest.mark.django_db
def test_demo_logins_exist_with_verified_email_and_their_roles():
    for spec in DEMO_LOGINS:
        user = User.objects.get(email=spec.email)
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.filter(
            user=user, email=spec.email, verified=True, primary=True
        ).exists()
        if spec.role == SUPERUSER:
            assert user.is_superuser
            assert user.is_staff
        else:
            assert Membership.objects.filter(
                user=user, hub__code=spec.hub_code, role=spec.role, is_active=True
            ).exists()
            assert user.is_staff == (spec.role == "operator")


@pytest.mark.django_db
def test_the_demo_trainee_completed_a_course_and_is_in_a_running_one():
    enrolments = Enrollment.objects.filter(user__email="trainee@jeonju.demo")
    assert enrolments.filter(
        status=EnrollmentStatus.COMPLETED, cohort__ends_on__range=REPORTED
    ).exists()
    running = enrolments.get(cohort__status=CohortStatus.IN_PROGRESS)
    assert running.status == EnrollmentStatus.ENROLLED
    assert running.cohort.instructors.filter(email="instructor@jeonju.demo").exists()


@pytest.mark.django_db
def test_if_empty_does_nothing_when_the_demo_exists():
    before = digest()
    out = StringIO()
    call_command("demo-data", "--if-empty", stdout=out)
    assert "nothing done" in out.getvalue()
    assert digest() == before
    with pytest.raises(CommandError):
        call_command("demo-data", stdout=StringIO())


@pytest.mark.django_db
def test_print_logins_lists_every_login_with_the_password_and_url():
    out = StringIO()
    call_command("demo-data", "--print-logins", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8000" in text
    assert "talenthub-demo" in text
    assert all(spec.email in text for spec in DEMO_LOGINS)
