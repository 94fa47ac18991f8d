from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest

from talenthub.hubs.selectors import roles_of
from talenthub.partners.selectors import partner_organisation_ids
from talenthub.projects.selectors import graduate_hub_ids


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Roles of the signed-in person, for the navigation bar (one cached query per request).

    Whether the person graduated (and may see job postings) or acts for an organisation costs a
    query each, so the template gets functions it calls only when it shows a trainee's or a
    company partner's links, at most once per request."""
    user = request.user
    roles = roles_of(user)

    @functools.cache
    def is_graduate() -> bool:
        return user.is_authenticated and bool(graduate_hub_ids(user.pk))

    def acts_for_organisation() -> bool:
        return bool(partner_organisation_ids(user))  # cached on the user for the request

    return {
        "nav_roles": roles,
        "nav_is_operator": "operator" in roles or user.is_superuser,
        "nav_is_graduate": is_graduate,
        "nav_acts_for_organisation": acts_for_organisation,
    }
