"""The demo generators: the flagship project (240 hours, four companies, ten trainees, all hired)
and exactly the target number of counted jobs, duplicates included."""

from __future__ import annotations

import datetime
import random

import pytest

from talenthub.courses.models import Cohort, Course
from talenthub.enrollments.models import Enrollment
from talenthub.outcomes import demo as outcomes_demo
from talenthub.outcomes.models import Outcome
from talenthub.outcomes.selectors import jobs_kpi
from talenthub.projects import demo as projects_demo
from talenthub.projects.models import PracticumLog, Project
from talenthub.projects.tests.cast import person

pytestmark = pytest.mark.django_db


def _graduates(world, n):
    course = Course.objects.create(
        hub=world.hub, code="DEMO-1", title="데모 과정", track="ai", level="beginner", hours=160
    )
    rows = []
    for year in (2021, 2022, 2023, 2024):
        cohort = Cohort.objects.create(
            course=course,
            number=year,
            starts_on=datetime.date(year, 3, 2),
            ends_on=datetime.date(year, 6, 30),
            capacity=n,
        )
        for i in range(n // 4):
            user = person(f"g{year}-{i}@example.kr", f"수료생{year}-{i}")
            rows.append(
                Enrollment.objects.create(
                    cohort=cohort,
                    user=user,
                    enrolled_on=cohort.starts_on,
                    status="completed",
                    finished_on=cohort.ends_on,
                    is_job_seeker_at_entry=i % 5 != 0,
                )
            )
    return list(
        Enrollment.objects.filter(id__in=[r.id for r in rows]).select_related("cohort", "user")
    )


def test_demo_makes_the_flagship_and_exactly_the_target_jobs(world):
    enrollments = _graduates(world, 80)
    today = datetime.date(2025, 12, 3)
    made = projects_demo.generate(
        rng=random.Random(7), hub=world.hub, enrollments=enrollments, today=today
    )
    flagship = Project.objects.get(title=projects_demo.FLAGSHIP_TITLE)
    assert made.hires == 10
    assert flagship.hours == 240
    assert flagship.partner_organisations.count() == 3  # four companies in all
    assert flagship.applications.filter(hire_decision="hired").count() == 10
    hours = set(PracticumLog.objects.filter(project=flagship).values_list("user_id"))
    assert len(hours) == 10
    assert Outcome.objects.filter(duplicate_of__isnull=False).count() == 3

    result = outcomes_demo.generate(
        rng=random.Random(7), hub=world.hub, enrollments=enrollments, today=today, target_jobs=40
    )
    period = {
        "cohorts_ending_from": datetime.date(2020, 1, 1),
        "cohorts_ending_to": datetime.date(2025, 12, 31),
    }
    assert result.counted_jobs == 40
    assert jobs_kpi(hub_ids={world.hub.id}, **period).count == 40
