from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from talenthub.partners.services import agreement_reminders_send


@shared_task
def send_agreement_renewal_reminders() -> int:
    """Daily (beat): e-mail each hub's operators when a partner agreement nears its end date."""
    return len(agreement_reminders_send(today=timezone.localdate()))
