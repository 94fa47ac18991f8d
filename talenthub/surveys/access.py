"""Permission-checked fetches of surveys and invitations. A miss and a refusal look the same (404).

Who sees what:
- the hub's operators: everything of their hubs' surveys; respondents' names only for identified
  surveys, never for anonymous ones (the data does not hold them);
- the cohort's instructors: results and comments of their cohort, never identities, no export
  (an event's survey has no instructors: its hub's operators only);
- consortium leads and funders: aggregate scores only (`score_hub_ids`), no per-survey page;
- a trainee: their own invitations, through the personal link or the "my surveys" page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.db.models import QuerySet
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.courses.models import Cohort
from talenthub.events.access import event_for_operator
from talenthub.events.models import Event
from talenthub.hubs.selectors import hubs_visible_in_rollup, operated_hub_ids
from talenthub.surveys.models import Invitation, Survey
from talenthub.surveys.selectors.results import SURVEY_RELATED, in_hubs
from talenthub.surveys.services import TOKEN_SALT


@dataclass(frozen=True)
class SurveyView:
    survey: Survey
    is_operator: bool

    @property
    def shows_identities(self) -> bool:
        return self.is_operator and not self.survey.is_anonymous

    @property
    def may_manage(self) -> bool:
        return self.is_operator


def _surveys() -> QuerySet[Survey]:
    return Survey.objects.select_related(*SURVEY_RELATED, "version")


def survey_for_operator(user: User | AnonymousUser, survey_id: int) -> Survey:
    try:
        return _surveys().filter(in_hubs(operated_hub_ids(user))).get(id=survey_id)
    except Survey.DoesNotExist as exc:
        raise Http404 from exc


def survey_for_staff(user: User | AnonymousUser, survey_id: int) -> SurveyView:
    """The survey for its hub's operators (managing) or its cohort's instructors (reading)."""
    if not user.is_authenticated:
        raise Http404
    try:
        return SurveyView(survey_for_operator(user, survey_id), is_operator=True)
    except Http404:
        pass
    try:
        survey = _surveys().get(id=survey_id, cohort__instructors__id=user.pk)
    except Survey.DoesNotExist as exc:
        raise Http404 from exc
    return SurveyView(survey, is_operator=False)


def cohort_for_survey_setup(user: User | AnonymousUser, cohort_id: int) -> Cohort:
    try:
        return Cohort.objects.select_related("course", "course__hub").get(
            id=cohort_id, course__hub_id__in=operated_hub_ids(user)
        )
    except Cohort.DoesNotExist as exc:
        raise Http404 from exc


def event_for_survey_setup(user: User | AnonymousUser, event_id: int) -> Event:
    return event_for_operator(user, event_id)


def invitation_for_token(token: str) -> Invitation:
    """The invitation a personal link names; 404 for a forged, altered or revoked link."""
    try:
        invitation_id, nonce = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
        return Invitation.objects.select_related(
            "survey", "survey__version", "survey__cohort", "survey__cohort__course", "survey__event"
        ).get(id=int(invitation_id), nonce=str(nonce))
    except (signing.BadSignature, ValueError, TypeError, Invitation.DoesNotExist) as exc:
        raise Http404 from exc


def score_hub_ids(user: User | AnonymousUser) -> set[int]:
    """Hubs whose aggregate satisfaction scores the user may see: operated hubs, led consortia's
    hubs, every hub for funders. Empty means no access (the page answers 404)."""
    if not user.is_authenticated:
        return set()
    return set(hubs_visible_in_rollup(user).values_list("id", flat=True))


def may_group_by_person(user: User | AnonymousUser) -> bool:
    """Scores per instructor name personal data: operators (of their hubs) only."""
    return bool(operated_hub_ids(user))
