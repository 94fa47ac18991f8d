"""The daily at-risk run: flag trainees who cannot or may not reach the completion threshold."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from talenthub.attendance.models import AtRiskAlert
from talenthub.attendance.selectors.progress import at_risk_in_cohort
from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort


def running_cohorts(today: datetime.date) -> list[Cohort]:
    return list(
        Cohort.objects.filter(starts_on__lte=today, ends_on__gte=today)
        .exclude(status__in=[CohortStatus.CANCELLED, CohortStatus.FINISHED])
        .select_related("course", "course__hub")
        .order_by("pk")
    )


@transaction.atomic
def at_risk_alerts_record(*, today: datetime.date, now: datetime.datetime) -> list[AtRiskAlert]:
    """Record today's alerts (once per trainee and day) and mail the hubs' operators after
    commit. Returns the alerts created by this run."""
    from talenthub.attendance.tasks import at_risk_alerts_mail

    created: list[AtRiskAlert] = []
    for cohort in running_cohorts(today):
        for progress in at_risk_in_cohort(cohort, now):
            alert, is_new = AtRiskAlert.objects.get_or_create(
                enrollment=progress.enrollment,
                on=today,
                defaults={
                    "level": progress.risk_level,
                    "percent": Decimal(str(progress.summary.percent)),
                    "best_percent": Decimal(str(progress.best_percent)),
                },
            )
            if is_new:
                created.append(alert)
    ids = [a.pk for a in created]
    if ids:
        transaction.on_commit(lambda: at_risk_alerts_mail.delay(ids))
    return created
