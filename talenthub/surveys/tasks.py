"""Background work of the surveys app. Kiwi is loaded only here (and in the demo generator), once
per worker process."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from talenthub.surveys import services
from talenthub.surveys.models import Invitation


def _absolute(path: str) -> str:
    base = str(settings.SITE_URL).rstrip("/")
    return f"{base}{path}"


@shared_task
def send_survey_mail(invitation_ids: list[int], reminder: bool) -> int:
    """Mail each invited person their personal link (first invitation or a reminder)."""
    invitations = Invitation.objects.filter(id__in=invitation_ids, is_used=False).select_related(
        "survey", "user"
    )
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for invitation in invitations:
            survey = invitation.survey
            context = {
                "name": invitation.user.name,
                "survey": survey,
                "deadline": timezone.localtime(survey.deadline) if survey.deadline else None,
                "link": _absolute(
                    reverse("surveys:respond", args=[services.invitation_token(invitation)])
                ),
                "reminder": reminder,
            }
            subject = render_to_string("surveys/email/invitation_subject.txt", context).strip()
            body = render_to_string("surveys/email/invitation.txt", context)
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.user.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


@shared_task
def analyse_response(response_id: str) -> int:
    return services.response_analyse(response_id=response_id)


@shared_task
def run_survey_schedule() -> dict[str, int]:
    """Daily: send surveys of cohorts that ended, remind, close at the deadline, and analyse
    responses whose analysis task was lost."""
    now = timezone.now()
    return {
        "sent": services.surveys_dispatch_due(now=now),
        "reminded": services.surveys_remind_due(now=now),
        "closed": services.surveys_close_expired(now=now),
        "analysed": services.surveys_analyse_pending(),
    }
