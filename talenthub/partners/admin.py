from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from talenthub.hubs.access import HubScopedAdmin, HubScopedTabularInline, register_hub_path
from talenthub.partners.models import (
    Agreement,
    AgreementReminder,
    Contact,
    Organisation,
    OrganisationMember,
)
from talenthub.partners.services import organisation_member_add

register_hub_path(Organisation, "hub")
register_hub_path(Agreement, "organisation__hub")
register_hub_path(AgreementReminder, "agreement__organisation__hub")
register_hub_path(Contact, "organisation__hub")
register_hub_path(OrganisationMember, "organisation__hub")


class AgreementInline(HubScopedTabularInline):
    model = Agreement
    extra = 0


class ContactInline(HubScopedTabularInline):
    model = Contact
    extra = 0


class MemberInline(HubScopedTabularInline):
    model = OrganisationMember
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Organisation)
class OrganisationAdmin(HubScopedAdmin):
    list_display = ("name", "kind", "hub")
    list_select_related = ("hub",)
    list_filter = ("kind", "hub")
    search_fields = ("name",)
    inlines = [AgreementInline, ContactInline, MemberInline]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is OrganisationMember:
            # Like the member's own admin page: an active member needs the company-partner role
            # in the organisation's hub to sign in as one (same transaction as the save).
            for member in OrganisationMember.objects.filter(
                organisation=form.instance, is_active=True
            ).select_related("organisation", "user"):
                organisation_member_add(organisation=member.organisation, user=member.user)


@admin.register(Agreement)
class AgreementAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = (
        "organisation",
        "scope",
        "starts_on",
        "ends_on",
        "renewal_notice_days",
        "contact_name",
    )
    list_select_related = ("organisation",)
    search_fields = ("organisation__name", "scope", "contact_name")
    date_hierarchy = "starts_on"


@admin.register(AgreementReminder)
class AgreementReminderAdmin(HubScopedAdmin):
    list_display = ("agreement", "ends_on", "sent_at", "recipients")
    list_select_related = ("agreement", "agreement__organisation")
    readonly_fields = ("agreement", "ends_on", "sent_at", "recipients")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Contact)
class ContactAdmin(HubScopedAdmin):
    list_display = ("name", "organisation", "position", "email", "phone", "is_primary")
    list_select_related = ("organisation",)
    search_fields = ("name", "organisation__name", "email")


@admin.register(OrganisationMember)
class OrganisationMemberAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("user", "organisation", "position", "is_active")
    list_select_related = ("user", "organisation")
    list_filter = ("is_active",)
    search_fields = ("user__name", "user__email", "organisation__name")
    raw_id_fields = ("user",)

    def save_model(
        self, request: HttpRequest, obj: OrganisationMember, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if obj.is_active:  # the member needs the company-partner role in the hub to sign in as one
            organisation_member_add(organisation=obj.organisation, user=obj.user)
