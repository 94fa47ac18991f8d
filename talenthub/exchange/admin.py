"""Import runs and export logs are records of what happened: read-only in the back office,
scoped to the operator's hubs. The pages of the exchange app are where imports are made."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from talenthub.exchange.models import ExportLog, ImportRun
from talenthub.hubs.access import HubScopedAdmin, register_hub_path

register_hub_path(ImportRun, "hub")
register_hub_path(ExportLog, "hub")


class ReadOnlyHubAdmin(HubScopedAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyHubAdmin):
    list_display = ("created_at", "hub", "kind", "file_name", "status", "created_by")
    list_filter = ("status", "kind", "source")
    list_select_related = ("hub", "created_by")
    search_fields = ("file_name", "file_sha256")
    exclude = ("report", "file")


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyHubAdmin):
    list_display = ("created_at", "hub", "dataset", "purpose", "row_count", "user")
    list_filter = ("dataset", "purpose", "has_personal_data")
    list_select_related = ("hub", "user")
