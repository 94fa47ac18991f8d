from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from talenthub.enrollments.choices import NotificationStatus
from talenthub.enrollments.models import Notification
from talenthub.enrollments.services import offers_lapse_expired, offers_remind

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5, retry_jitter=True)
def send_notification(notification_id: int) -> str:
    """Send one stored e-mail. A redelivered task finds it sent and does nothing."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.status == NotificationStatus.SENT:
            return "skipped"
        message = EmailMultiAlternatives(
            subject=notification.subject,
            body=notification.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.to_email],
        )
        message.attach_alternative(notification.body_html, "text/html")
        try:
            message.send()
        except OSError as exc:  # SMTP errors are OSErrors
            failure = exc
        else:
            notification.status = NotificationStatus.SENT
            notification.sent_at = timezone.now()
            notification.error = ""
            notification.save(update_fields=["status", "sent_at", "error"])
            return "sent"
    # Recorded outside the row's transaction so the failure stays visible; Celery then retries.
    Notification.objects.filter(pk=notification_id).update(
        status=NotificationStatus.FAILED, error=str(failure)[:300]
    )
    logger.warning("notification %s failed: %s", notification_id, failure)
    raise failure


@shared_task
def lapse_expired_offers() -> int:
    """Beat: every few minutes. Lapses offers past their deadline and passes the seats on."""
    return offers_lapse_expired()


@shared_task
def remind_expiring_offers() -> int:
    """Beat: hourly. One reminder to each person whose offer ends within a day."""
    return offers_remind()
