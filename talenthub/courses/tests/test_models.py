"""How a cohort names itself: the number's place and wording belong to the language."""

from __future__ import annotations

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_a_cohort_is_named_by_its_course_and_number_in_the_active_language(factories) -> None:
    cohort = factories.CohortFactory(course=factories.CourseFactory(title="AI Basics"), number=3)
    with translation.override("en"):
        assert str(cohort) == "AI Basics, cohort 3"
    assert "기" not in str(cohort)
