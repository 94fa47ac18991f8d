"""Courses, cohorts, session days and enrolments: the press-release counts and the calendar's
rules."""

from __future__ import annotations

import holidays
import pytest
from django.db.models import Count, F, Max, Min, Sum

from talenthub.accounts.models import User
from talenthub.courses.choices import CohortStatus, IndustryDomain
from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.demo.tests.demo_data.helpers import (
    REPORTED,
    YEAR_2025,
    courses_run,
    jeonju_enrolments,
)
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub, Membership


@pytest.mark.django_db
def test_jeonju_ran_122_courses_from_2020_to_2025():
    assert courses_run(REPORTED) == 122


@pytest.mark.django_db
def test_jeonju_ran_18_courses_in_2025():
    assert courses_run(YEAR_2025) == 18


@pytest.mark.django_db
def test_cancelled_cohorts_exist_but_do_not_count_as_courses_run():
    cancelled = Cohort.objects.filter(
        course__hub__code="jeonju", starts_on__range=REPORTED, status=CohortStatus.CANCELLED
    )
    with_cancelled = (
        Cohort.objects.filter(course__hub__code="jeonju", starts_on__range=REPORTED)
        .values("course_id")
        .distinct()
        .count()
    )
    assert cancelled.count() == 4
    assert with_cancelled == 123


@pytest.mark.django_db
def test_431_enrolments_started_in_jeonju_in_2025():
    started = jeonju_enrolments().filter(cohort__starts_on__range=YEAR_2025)
    assert started.count() == 431
    assert jeonju_enrolments().filter(enrolled_on__range=YEAR_2025).count() == 431


@pytest.mark.django_db
def test_2484_jeonju_graduates_by_cohort_end_from_2020_to_2025():
    completed = jeonju_enrolments().filter(status=EnrollmentStatus.COMPLETED)
    assert completed.filter(cohort__ends_on__range=REPORTED).count() == 2484
    assert completed.filter(finished_on__range=REPORTED).count() == 2484


@pytest.mark.django_db
def test_every_final_enrolment_has_a_consistent_end():
    enrolments = Enrollment.objects.all()
    assert not enrolments.filter(enrolled_on__gt=F("cohort__starts_on")).exists()
    finished = enrolments.exclude(status=EnrollmentStatus.ENROLLED)
    assert not finished.filter(finished_on__isnull=True).exists()
    assert not finished.filter(finished_on__gt=F("cohort__ends_on")).exists()
    dropped = enrolments.filter(status=EnrollmentStatus.DROPPED_OUT)
    assert dropped.exists()
    assert not dropped.filter(dropout_reason="").exists()
    assert dropped.filter(dropout_reason="취업").exists()


@pytest.mark.django_db
def test_no_cohort_is_over_capacity():
    over = Cohort.objects.annotate(taken=Count("enrollments")).filter(taken__gt=F("capacity"))
    assert list(over) == []


@pytest.mark.django_db
def test_session_days_are_weekdays_but_not_korean_public_holidays():
    dates = set(SessionDay.objects.values_list("date", flat=True))
    kr = holidays.country_holidays("KR", years=range(2019, 2029))
    assert dates
    assert [day for day in dates if day.weekday() >= 5] == []
    assert [day for day in dates if day in kr] == []


@pytest.mark.django_db
def test_each_cohort_runs_from_its_first_to_last_session_day_for_the_course_hours():
    cohorts = Cohort.objects.annotate(
        first=Min("session_days__date"),
        last=Max("session_days__date"),
        total=Sum("session_days__hours"),
    )
    assert not cohorts.exclude(first=F("starts_on")).exists()
    assert not cohorts.exclude(last=F("ends_on")).exists()
    assert not cohorts.exclude(total=F("course__hours")).exists()
    hours = set(Course.objects.values_list("hours", flat=True))
    assert min(hours) == 40
    assert max(hours) == 240


@pytest.mark.django_db
def test_reported_cohorts_end_within_their_year():
    reported = Cohort.objects.filter(starts_on__range=REPORTED)
    assert not reported.filter(ends_on__gt=REPORTED[1]).exists()
    assert not reported.exclude(status__in=[CohortStatus.FINISHED, CohortStatus.CANCELLED]).exists()


@pytest.mark.django_db
def test_some_people_take_more_than_one_course():
    enrolments = jeonju_enrolments()
    persons = enrolments.values("user_id").distinct().count()
    assert persons < enrolments.count()
    trainees = Membership.objects.filter(hub__code="jeonju", role="trainee")
    assert trainees.count() == persons


@pytest.mark.django_db
def test_trainees_have_unique_canonical_mobiles_and_plausible_flags():
    mobiles = list(User.objects.exclude(mobile="").values_list("mobile", flat=True))
    assert len(mobiles) == len(set(mobiles))
    enrolments = jeonju_enrolments()
    total = enrolments.count()
    job_seekers = enrolments.filter(is_job_seeker_at_entry=True).count()
    neet = enrolments.filter(is_neet_at_entry=True).count()
    assert 0.55 < job_seekers / total < 0.65
    assert 0.06 < neet / total < 0.14


@pytest.mark.django_db
def test_agri_bio_and_finance_courses_are_co_run_by_their_public_agencies():
    jeonju = Course.objects.filter(hub__code="jeonju")
    for domain, agencies in (
        (IndustryDomain.AGRI_BIO, {"농촌진흥청", "한국농어촌공사"}),
        (IndustryDomain.FINANCE, {"국민연금공단"}),
    ):
        courses = jeonju.filter(industry_domain=domain)
        assert courses.exists()
        assert not courses.exclude(partners__name__in=agencies).exists()


@pytest.mark.django_db
def test_the_catalogue_has_open_cohorts_and_the_three_hubs_have_courses():
    recruiting = Cohort.objects.filter(
        course__hub__code="jeonju", status=CohortStatus.RECRUITING, course__is_published=True
    )
    assert recruiting.count() == 4
    per_hub = dict(Hub.objects.annotate(n=Count("courses")).values_list("code", "n"))
    assert per_hub["jeonju"] == 128
    assert 20 <= per_hub["gwangju"] <= 40
    assert 20 <= per_hub["jeonnam"] <= 40
    assert Hub.objects.get(code="gwangju").is_lead
