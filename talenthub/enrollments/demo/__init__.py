"""Demo recruiting history, consistent with the enrolments the demo generator has written.

Every enrolment gets the admitted application it came from; other people of the hub applied too and
were not selected, withdrew, or let an offer lapse; cohorts now recruiting have applications under
review, and the first of them (in screening mode) a waitlist and a live seat offer. Rows are
written with bulk_create, and the seat ledgers are set from them at the end.

The demo generator (talenthub.demo) calls `generate_applications` after writing enrolments, and
`delete_applications` before deleting enrolments and cohorts when it resets."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence

from django.db import transaction

from talenthub.courses.models import Cohort
from talenthub.enrollments.demo.plan import ApplicationsSummary, Planner
from talenthub.enrollments.demo.write import write
from talenthub.enrollments.models import Application, ApplicationForm, CohortSeats, Notification

__all__ = ["ApplicationsSummary", "delete_applications", "generate_applications"]


@transaction.atomic
def generate_applications(
    *, rng: random.Random, cohorts: Sequence[Cohort], today: datetime.date
) -> ApplicationsSummary:
    """Applications, selections, decisions, waitlists and ledgers for `cohorts` (with their
    course loaded), after their enrolments have been written."""
    cohorts = list(
        Cohort.objects.filter(pk__in=[c.pk for c in cohorts]).select_related(
            "course", "course__hub"
        )
    )
    planner = Planner(rng, cohorts, today)
    summary = planner.run()
    write(planner)
    return summary


@transaction.atomic
def delete_applications(*, cohort_ids: Sequence[int]) -> None:
    """Remove everything this app keeps about `cohort_ids` (before their enrolments and cohorts)."""
    Notification.objects.filter(cohort_id__in=cohort_ids).delete()
    Application.objects.filter(cohort_id__in=cohort_ids).delete()
    ApplicationForm.objects.filter(cohort_id__in=cohort_ids).delete()
    CohortSeats.objects.filter(cohort_id__in=cohort_ids).delete()
