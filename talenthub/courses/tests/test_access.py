from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from talenthub.courses.access import (
    cohort_for_operator,
    cohort_for_public,
    cohort_for_staff,
    course_for_public,
)


def test_public_visitors_see_a_published_recruiting_cohort_with_its_seats_taken(world):
    cohort = cohort_for_public(world.cohort.id)

    assert cohort == world.cohort
    assert cohort.seats_taken == 1


def test_public_visitors_see_another_hubs_published_cohort_too(world):
    assert cohort_for_public(world.other_cohort.id) == world.other_cohort


def test_a_cancelled_cohort_is_hidden_from_the_public(world):
    world.cohort.status = "cancelled"
    world.cohort.save(update_fields=["status"])

    with pytest.raises(Http404):
        cohort_for_public(world.cohort.id)


def test_a_cohort_of_an_unpublished_course_is_hidden_from_the_public(world):
    world.course.is_published = False
    world.course.save(update_fields=["is_published"])

    with pytest.raises(Http404):
        cohort_for_public(world.cohort.id)


def test_an_unpublished_course_is_hidden_from_the_public(world):
    world.course.is_published = False
    world.course.save(update_fields=["is_published"])

    with pytest.raises(Http404):
        course_for_public(world.course.id)


def test_a_cohort_id_that_does_not_exist_is_a_404_for_the_public(world):
    with pytest.raises(Http404):
        cohort_for_public(world.other_cohort.id + 1000)


def test_an_operator_gets_their_own_hubs_cohort(world):
    cohort = cohort_for_operator(world["operator"], world.cohort.id)

    assert cohort == world.cohort
    assert cohort.seats_taken == 1


def test_an_operator_gets_their_hubs_cancelled_cohort_too(world):
    world.cohort.status = "cancelled"
    world.cohort.save(update_fields=["status"])

    assert cohort_for_operator(world["operator"], world.cohort.id) == world.cohort


def test_an_operator_gets_a_404_for_another_hubs_cohort(world):
    with pytest.raises(Http404):
        cohort_for_operator(world["operator"], world.other_cohort.id)
    with pytest.raises(Http404):
        cohort_for_operator(world["other_operator"], world.cohort.id)


@pytest.mark.parametrize(
    "persona", ["instructor", "trainee", "consortium_lead", "funder", "company", "outsider"]
)
def test_a_hub_member_who_is_not_an_operator_gets_a_404_as_operator(world, persona):
    with pytest.raises(Http404):
        cohort_for_operator(world[persona], world.cohort.id)


def test_anonymous_gets_a_404_as_operator(world):
    with pytest.raises(Http404):
        cohort_for_operator(AnonymousUser(), world.cohort.id)


def test_an_operator_whose_membership_is_inactive_gets_a_404(world):
    world["operator"].memberships.update(is_active=False)

    with pytest.raises(Http404):
        cohort_for_operator(world["operator"], world.cohort.id)


def test_a_superuser_gets_any_hubs_cohort_as_operator(world):
    assert cohort_for_operator(world["superuser"], world.other_cohort.id) == world.other_cohort


def test_the_cohorts_own_instructor_gets_it_as_staff(world):
    cohort = cohort_for_staff(world["instructor"], world.cohort.id)

    assert cohort == world.cohort
    assert cohort.seats_taken == 1


def test_an_instructor_of_the_same_hub_who_does_not_teach_the_cohort_gets_a_404(world, factories):
    colleague = factories.UserFactory(email="colleague@alpha.example.kr")
    factories.MembershipFactory(user=colleague, hub=world.hub, role="instructor")
    factories.CohortFactory(course=world.course, number=2).instructors.add(colleague)

    with pytest.raises(Http404):
        cohort_for_staff(colleague, world.cohort.id)


def test_an_instructor_gets_a_404_for_another_cohort_of_their_own_course(world, factories):
    second = factories.CohortFactory(course=world.course, number=2)

    with pytest.raises(Http404):
        cohort_for_staff(world["instructor"], second.id)


def test_an_instructor_teaching_in_another_hub_gets_only_that_cohort(world):
    world.other_cohort.instructors.add(world["instructor"])

    assert cohort_for_staff(world["instructor"], world.other_cohort.id) == world.other_cohort
    assert cohort_for_staff(world["instructor"], world.cohort.id) == world.cohort


def test_the_hubs_operator_gets_the_cohort_as_staff_without_teaching_it(world):
    assert cohort_for_staff(world["operator"], world.cohort.id) == world.cohort


def test_another_hubs_operator_gets_a_404_as_staff(world):
    with pytest.raises(Http404):
        cohort_for_staff(world["other_operator"], world.cohort.id)


@pytest.mark.parametrize(
    "persona", ["trainee", "company", "mentor", "judge", "consortium_lead", "funder", "outsider"]
)
def test_personas_who_neither_operate_nor_teach_get_a_404_as_staff(world, persona):
    with pytest.raises(Http404):
        cohort_for_staff(world[persona], world.cohort.id)


def test_anonymous_gets_a_404_as_staff(world):
    with pytest.raises(Http404):
        cohort_for_staff(AnonymousUser(), world.cohort.id)


def test_seats_taken_counts_every_enrolment_of_the_cohort_only(world, factories):
    factories.EnrollmentFactory(cohort=world.cohort)
    factories.EnrollmentFactory(cohort=world.cohort)
    factories.EnrollmentFactory(
        cohort=factories.CohortFactory(course=factories.CourseFactory(hub=world.hub))
    )

    assert cohort_for_operator(world["operator"], world.cohort.id).seats_taken == 3
