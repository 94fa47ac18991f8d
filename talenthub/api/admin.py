"""Tokens are created on the API tokens page (the only place the secret is shown); the back
office lists them for the hub's operators, read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from talenthub.api.models import ApiToken
from talenthub.hubs.access import HubScopedAdmin, register_hub_path

register_hub_path(ApiToken, "hub")


@admin.register(ApiToken)
class ApiTokenAdmin(HubScopedAdmin):
    list_display = ("name", "masked", "hub", "user", "created_at", "expires_at", "revoked_at")
    list_select_related = ("hub", "user")
    exclude = ("token_hash",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)
