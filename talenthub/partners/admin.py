from __future__ import annotations

from django.contrib import admin

from talenthub.hubs.access import HubScopedAdmin, register_hub_path
from talenthub.partners.models import Agreement, Organisation

register_hub_path(Organisation, "hub")
register_hub_path(Agreement, "organisation__hub")


class AgreementInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Agreement
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(HubScopedAdmin):
    list_display = ("name", "kind", "hub")
    list_select_related = ("hub",)
    list_filter = ("kind", "hub")
    search_fields = ("name",)
    inlines = [AgreementInline]


@admin.register(Agreement)
class AgreementAdmin(HubScopedAdmin):
    list_display = ("organisation", "scope", "starts_on", "ends_on", "contact_name")
    list_select_related = ("organisation",)
    search_fields = ("organisation__name", "scope", "contact_name")
    date_hierarchy = "starts_on"
