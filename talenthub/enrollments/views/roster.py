from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from talenthub.courses.access import cohort_for_staff
from talenthub.enrollments.selectors import roster_of
from talenthub.hubs.selectors import operated_hub_ids


@require_GET
@login_required
def cohort_roster(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """A cohort with its trainees, for the hub's operators and the cohort's instructors."""
    cohort = cohort_for_staff(request.user, cohort_id)
    context = {
        "cohort": cohort,
        "roster": roster_of(cohort),
        "operates": cohort.course.hub_id in operated_hub_ids(request.user),
    }
    return render(request, "enrollments/cohort_roster.html", context)
