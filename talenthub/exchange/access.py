"""Permission-checked fetches. Imports and exports are the hub's operators' work: every run and
every log entry is seen only by operators of its hub; anything else is a 404."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.exchange.models import ImportRun
from talenthub.hubs.models import Hub
from talenthub.hubs.selectors import operated_hub_ids


def operator(user: User | AnonymousUser) -> User:
    """The signed-in operator of at least one hub; 404 for anyone else."""
    if not isinstance(user, User) or not user.is_authenticated or not operated_hub_ids(user):
        raise Http404
    return user


def operated_hubs(user: User | AnonymousUser) -> QuerySet[Hub]:
    return Hub.objects.filter(id__in=operated_hub_ids(operator(user))).order_by("name")


def hub_for_operator(user: User | AnonymousUser, hub_id: int) -> Hub:
    hub = operated_hubs(user).filter(pk=hub_id).first()
    if hub is None:
        raise Http404
    return hub


def import_run_for_operator(user: User | AnonymousUser, run_id: int) -> ImportRun:
    run = (
        ImportRun.objects.select_related("hub", "created_by", "committed_by")
        .filter(pk=run_id, hub_id__in=operated_hub_ids(operator(user)))
        .first()
    )
    if run is None:
        raise Http404
    return run


def filtered_hub(user: User | AnonymousUser, filters: dict[str, int]) -> Hub | None:
    """The hub whose record each filter names (a cohort, a survey, an organisation), if the user
    operates it; 404 if one names a record of another hub, or two name records of two hubs.
    None without filters."""
    from talenthub.courses.models import Cohort
    from talenthub.partners.models import Organisation
    from talenthub.surveys.models import Survey

    hub_ids = operated_hub_ids(operator(user))
    lookups = {
        "cohort": Cohort.objects.filter(course__hub_id__in=hub_ids).values_list(
            "course__hub_id", flat=True
        ),
        "survey": Survey.objects.filter(cohort__course__hub_id__in=hub_ids).values_list(
            "cohort__course__hub_id", flat=True
        ),
        "organisation": Organisation.objects.filter(hub_id__in=hub_ids).values_list(
            "hub_id", flat=True
        ),
    }
    found: set[int] = set()
    for key, value in filters.items():
        hub_id = lookups[key].filter(pk=value).first()
        if hub_id is None:
            raise Http404
        found.add(hub_id)
    if len(found) > 1:
        raise Http404
    return Hub.objects.get(pk=found.pop()) if found else None
