from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from talenthub.projects.services import job_postings_close_expired


@shared_task
def close_expired_postings() -> int:
    """Daily (beat): close postings whose application deadline has passed."""
    return job_postings_close_expired(today=timezone.localdate())
