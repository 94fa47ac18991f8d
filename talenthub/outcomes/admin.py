from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from talenthub.hubs.access import HubScopedAdmin, HubScopedTabularInline, register_hub_path
from talenthub.outcomes.models import FollowUp, Outcome, OutcomeEvidence

register_hub_path(Outcome, "hub")
register_hub_path(OutcomeEvidence, "outcome__hub")
register_hub_path(FollowUp, "enrollment__cohort__course__hub")


class EvidenceInline(HubScopedTabularInline):
    model = OutcomeEvidence
    extra = 0
    fields = ("kind", "original_name", "content_type", "size", "uploaded_by", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # uploads go through the outcome page, which checks the file's content

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return bool(request.user.is_superuser)  # operators see the evidence, never discard it


@admin.register(Outcome)
class OutcomeAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = (
        "user",
        "category",
        "organisation_name",
        "starts_on",
        "source",
        "status",
        "duplicate_of",
    )
    list_select_related = ("user", "duplicate_of")
    list_filter = ("status", "category", "source", "hub")
    search_fields = ("user__name", "user__email", "organisation_name")
    raw_id_fields = ("user", "enrollment", "reported_by", "verified_by", "duplicate_of")
    readonly_fields = ("organisation_key",)
    inlines = [EvidenceInline]


@admin.register(FollowUp)
class FollowUpAdmin(HubScopedAdmin):
    list_display = ("enrollment", "checkpoint", "due_on", "status", "sent_at", "responded_at")
    list_select_related = ("enrollment__user", "enrollment__cohort__course")
    list_filter = ("status", "checkpoint")
    search_fields = ("enrollment__user__name",)
    raw_id_fields = ("enrollment", "outcome", "assigned_to")
