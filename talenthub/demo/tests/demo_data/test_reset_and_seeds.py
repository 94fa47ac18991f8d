"""Reset removes every demo row; the same seed rebuilds the same data, another seed other data."""

from __future__ import annotations

import random
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from talenthub.accounts.models import User
from talenthub.attendance.models import AttendanceEvent
from talenthub.courses.models import Cohort, Course
from talenthub.demo.build import demo_plan
from talenthub.demo.services import demo_data_reset
from talenthub.demo.tests.demo_data.helpers import SEED, digest
from talenthub.enrollments.models import Application, Enrollment
from talenthub.events.models import Event, EventSeats, Registration
from talenthub.hubs.models import Hub, Membership
from talenthub.outcomes.models import Outcome
from talenthub.projects.models import Project
from talenthub.surveys.models import Response, Survey


@pytest.mark.django_db
def test_reset_removes_every_demo_row_and_the_same_seed_rebuilds_the_same_data():
    first = digest()
    demo_data_reset()
    assert not Hub.objects.filter(code__in=["jeonju", "gwangju", "jeonnam"]).exists()
    assert not User.objects.filter(email__endswith=".demo").exists()
    assert not EmailAddress.objects.exists()
    assert not Course.objects.exists()
    assert not Cohort.objects.exists()
    assert not Enrollment.objects.exists()
    assert not Enrollment.history.exists()
    assert not Membership.history.exists()
    for model in (
        Application,
        AttendanceEvent,
        Outcome,
        Project,
        Survey,
        Response,
        Event,
        Registration,
        EventSeats,
    ):
        assert not model.objects.exists(), model
    out = StringIO()
    call_command("demo-data", "--reset", "--seed", str(SEED), stdout=out)
    assert "Generated in" in out.getvalue()
    assert digest() == first


def test_another_seed_gives_other_people_and_courses():
    def people_and_titles(seed: int) -> tuple[list[str], list[str]]:
        plan = demo_plan(random.Random(seed))
        jeonju = next(hub for hub in plan.hubs if hub.spec.code == "jeonju")
        return [p.name for p in jeonju.trainees], [c.title for c in jeonju.courses]

    assert people_and_titles(SEED) == people_and_titles(SEED)
    assert people_and_titles(SEED) != people_and_titles(SEED + 1)
