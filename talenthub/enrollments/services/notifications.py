"""E-mails to applicants: rendered in Korean when queued, stored, sent after commit by Celery."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from talenthub.enrollments.choices import NotificationKind, NotificationStatus
from talenthub.enrollments.models import Application, Notification


def _absolute(path: str) -> str:
    return f"{str(settings.SITE_URL).rstrip('/')}{path}"


def render_notification(
    *, kind: NotificationKind, application: Application, extra: dict[str, Any] | None = None
) -> tuple[str, str, str]:
    """(subject, text, HTML) of one e-mail, in the site's language (Korean)."""
    user = application.user
    cohort = application.cohort
    context: dict[str, Any] = {
        "name": user.name or user.email,
        "cohort": cohort,
        "course": cohort.course,
        "hub": cohort.course.hub,
        "application": application,
        "status_url": _absolute(reverse("enrollments:my_application", args=[application.pk])),
        "offer_expires_at": (
            timezone.localtime(application.offer_expires_at)
            if application.offer_expires_at
            else None
        ),
        **(extra or {}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"enrollments/email/{kind}_subject.txt", context)
        body_text = render_to_string(f"enrollments/email/{kind}.txt", context)
        body_html = render_to_string(f"enrollments/email/{kind}.html", context)
    return " ".join(subject.split())[:200], body_text.strip() + "\n", body_html


def notification_queue(
    *, kind: NotificationKind, application: Application, extra: dict[str, Any] | None = None
) -> Notification:
    """Render the e-mail for `application` now (what the person is told must not change later),
    store it, and hand it to the `send_notification` task once the transaction commits."""
    from talenthub.enrollments.tasks import send_notification

    subject, body_text, body_html = render_notification(
        kind=kind, application=application, extra=extra
    )
    user = application.user
    notification = Notification.objects.create(
        kind=kind,
        cohort=application.cohort,
        application=application,
        recipient=user,
        to_email=user.email,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        status=NotificationStatus.QUEUED,
    )
    notification_id = notification.pk
    transaction.on_commit(lambda: send_notification.delay(notification_id))
    return notification
