"""Background work of the events app."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from talenthub.events.choices import RegistrationStatus
from talenthub.events.models import Registration
from talenthub.events.services import events_close_ended


@shared_task
def send_promotion_mail(registration_ids: list[int]) -> int:
    """Tell each person moved up from the waitlist that they now have a seat."""
    registrations = Registration.objects.filter(
        id__in=registration_ids, status=RegistrationStatus.REGISTERED
    ).select_related("event", "user")
    messages = []
    base = str(settings.SITE_URL).rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        for registration in registrations.order_by("id"):
            event = registration.event
            context = {
                "name": registration.user.name,
                "event": event,
                "starts_at": timezone.localtime(event.starts_at),
                "link": base + reverse("events:detail", args=[event.pk]),
            }
            subject = render_to_string("events/email/promoted_subject.txt", context).strip()
            body = render_to_string("events/email/promoted.txt", context)
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [registration.user.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


@shared_task
def close_ended_events() -> int:
    """Hourly (beat): events that have ended are closed (held); their surveys then go out."""
    return events_close_ended(now=timezone.now())
