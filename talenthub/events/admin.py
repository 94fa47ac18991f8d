from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from talenthub.events.models import Event, EventSeats, Registration
from talenthub.hubs.access import HubScopedAdmin, HubScopedTabularInline, register_hub_path

register_hub_path(Event, "hub")
register_hub_path(Registration, "event__hub")
register_hub_path(EventSeats, "event__hub")


class RegistrationInline(HubScopedTabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ("user",)
    # Statuses change through the services (seats, waitlist): read-only here.
    readonly_fields = ("user", "status", "queued_at", "status_changed_at")
    can_delete = False  # a deleted registration would leave its seat counted

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Event)
class EventAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("title", "hub", "kind", "starts_at", "capacity", "status", "is_published")
    list_select_related = ("hub",)
    list_filter = ("status", "kind", "is_published", "hub")
    search_fields = ("title", "place")
    date_hierarchy = "starts_at"
    raw_id_fields = ("created_by",)
    filter_horizontal = ("partners",)
    # Capacity and status move seats and the waitlist: they change on the operators' pages.
    readonly_fields = ("status", "is_published", "capacity")
    inlines = [RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("user", "event", "status", "queued_at", "status_changed_at")
    list_select_related = ("user", "event")
    list_filter = ("status", "event__hub")
    search_fields = ("user__name", "user__email", "event__title")
    raw_id_fields = ("user", "event")
    readonly_fields = ("status", "queued_at", "status_changed_at")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # people register on the event's page (seats, waitlist)

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # a deleted registration would leave its seat counted in the ledger
