from __future__ import annotations

from django.db.models import QuerySet

from talenthub.courses.models import Cohort
from talenthub.enrollments.models import Enrollment


def roster_of(cohort: Cohort) -> QuerySet[Enrollment]:
    return cohort.enrollments.select_related("user").order_by("user__name", "id")


def enrollments_of_person(user_id: int) -> QuerySet[Enrollment]:
    return (
        Enrollment.objects.filter(user_id=user_id)
        .select_related("cohort", "cohort__course", "cohort__course__hub")
        .order_by("-cohort__starts_on")
    )
