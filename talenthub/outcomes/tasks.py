from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from talenthub.outcomes.services import follow_ups_open_due


@shared_task
def open_due_follow_ups() -> int:
    """Daily (beat): open the 3- and 6-month follow-ups that have come due and mail the links."""
    return len(follow_ups_open_due(today=timezone.localdate()))
