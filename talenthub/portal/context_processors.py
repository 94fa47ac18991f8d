from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from talenthub.hubs.selectors import roles_of


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Roles of the signed-in person, for the navigation bar (one cached query per request)."""
    roles = roles_of(request.user)
    return {"nav_roles": roles, "nav_is_operator": "operator" in roles or request.user.is_superuser}
