"""Permission-checked fetches of outcomes and follow-ups (404 outside the user's hubs)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.hubs.selectors import operated_hub_ids
from talenthub.outcomes.choices import FollowUpStatus
from talenthub.outcomes.models import FollowUp, Outcome, OutcomeEvidence
from talenthub.outcomes.services import follow_up_id_from_token


def operator_hub_ids(user: User | AnonymousUser) -> set[int]:
    hub_ids = operated_hub_ids(user)
    if not hub_ids:
        raise Http404
    return hub_ids


def outcome_for_operator(user: User | AnonymousUser, outcome_id: int) -> Outcome:
    try:
        return Outcome.objects.select_related(
            "user", "hub", "organisation", "enrollment__cohort__course", "duplicate_of"
        ).get(id=outcome_id, hub_id__in=operated_hub_ids(user))
    except Outcome.DoesNotExist as exc:
        raise Http404 from exc


def outcome_for_owner(user: User | AnonymousUser, outcome_id: int) -> Outcome:
    if not user.is_authenticated:
        raise Http404
    try:
        return Outcome.objects.select_related("hub").get(id=outcome_id, user_id=user.pk)
    except Outcome.DoesNotExist as exc:
        raise Http404 from exc


def evidence_for_viewer(user: User | AnonymousUser, evidence_id: int) -> OutcomeEvidence:
    """Evidence for the hub's operators and for the person it is about."""
    if not user.is_authenticated:
        raise Http404
    try:
        evidence = OutcomeEvidence.objects.select_related("outcome").get(id=evidence_id)
    except OutcomeEvidence.DoesNotExist as exc:
        raise Http404 from exc
    if evidence.outcome.user_id != user.pk and evidence.outcome.hub_id not in operated_hub_ids(
        user
    ):
        raise Http404
    return evidence


def follow_up_for_operator(user: User | AnonymousUser, follow_up_id: int) -> FollowUp:
    try:
        return FollowUp.objects.select_related("enrollment__user").get(
            id=follow_up_id, enrollment__cohort__course__hub_id__in=operated_hub_ids(user)
        )
    except FollowUp.DoesNotExist as exc:
        raise Http404 from exc


def follow_up_for_token(token: str) -> FollowUp:
    """The follow-up a personal link names, if the signature holds and it has not expired."""
    follow_up_id = follow_up_id_from_token(token)
    if follow_up_id is None:
        raise Http404
    try:
        return FollowUp.objects.select_related(
            "enrollment__user", "enrollment__cohort__course__hub", "outcome"
        ).get(id=follow_up_id)
    except FollowUp.DoesNotExist as exc:
        raise Http404 from exc


def is_open(follow_up: FollowUp) -> bool:
    return follow_up.status == FollowUpStatus.OPEN
