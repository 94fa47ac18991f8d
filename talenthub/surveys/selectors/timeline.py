"""Survey events of a person's timeline: identified surveys only. Nothing of an anonymous survey
appears, not even the invitation, so the timeline cannot hint at who answered what."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.core.timeline import TimelineEntry
from talenthub.surveys.models import Invitation, Response


def timeline_entries(user_id: int) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    invitations = Invitation.objects.filter(
        user_id=user_id, survey__is_anonymous=False, sent_at__isnull=False
    ).select_related("survey", "survey__cohort__course", "survey__event")
    for invitation in invitations:
        if invitation.sent_at is None:  # excluded by the filter; narrows the type
            continue
        survey = invitation.survey
        entries.append(
            TimelineEntry(
                at=invitation.sent_at,
                kind="survey_invited",
                title=_("Invited to the survey “%(title)s”") % {"title": survey.title},
                url=reverse("surveys:my_surveys"),
                hub_id=survey.hub_id,
                staff_url=reverse("surveys:results", args=[survey.pk]),
            )
        )
    responses = Response.objects.filter(
        respondent_id=user_id, is_anonymous=False, invitation__isnull=False
    ).select_related("survey", "survey__cohort__course", "survey__event", "invitation")
    for response in responses:
        survey = response.survey
        # Only the day is stored; noon local time places it on that day in any listing, but never
        # before its invitation (a survey sent in the afternoon and answered the same day).
        noon = datetime.datetime.combine(
            response.submitted_on, datetime.time(12), tzinfo=timezone.get_current_timezone()
        )
        sent_at = response.invitation.sent_at if response.invitation else None
        entries.append(
            TimelineEntry(
                at=max(noon, sent_at) if sent_at else noon,
                kind="survey_answered",
                title=_("Answered the survey “%(title)s”") % {"title": survey.title},
                hub_id=survey.hub_id,
                staff_url=reverse("surveys:results", args=[survey.pk]),
            )
        )
    return sorted(entries, key=lambda entry: entry.at)
