from __future__ import annotations

from functools import partialmethod
from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from talenthub.accounts.forms import AdminUserChangeForm
from talenthub.accounts.models import User
from talenthub.hubs.access import HubScopedAdmin, SuperuserWritableHubAdmin
from talenthub.hubs.choices import ROLLUP_ROLES, Role
from talenthub.hubs.forms import PersonCreationForm
from talenthub.hubs.models import Consortium, Hub, Membership, Site
from talenthub.hubs.selectors import hub_ids_for_roles, operated_hub_ids, people_in_hubs
from talenthub.hubs.services import membership_grant


@admin.register(Consortium)
class ConsortiumAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "lead_agency")
    search_fields = ("code", "name")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser


@admin.register(Hub)
class HubAdmin(SuperuserWritableHubAdmin):
    list_display = ("code", "name", "agency", "consortium", "is_lead")
    list_select_related = ("consortium",)
    search_fields = ("code", "name", "agency")


@admin.register(Site)
class SiteAdmin(HubScopedAdmin):
    list_display = ("name", "hub", "address")
    list_select_related = ("hub",)
    list_filter = ("hub",)
    search_fields = ("name", "address")


@admin.register(Membership)
class MembershipAdmin(HubScopedAdmin):
    list_display = ("user", "hub", "role", "is_active")
    list_select_related = ("user", "hub")
    list_filter = ("role", "is_active", "hub")
    search_fields = ("user__name", "user__email")
    autocomplete_fields = ("user",)

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # Roll-up roles see other hubs' figures: only a superuser hands them out.
        if db_field.name == "role" and not request.user.is_superuser:
            kwargs["choices"] = [
                (value, label) for value, label in Role.choices if value not in ROLLUP_ROLES
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if obj.is_active:
            membership_grant(user=obj.user, hub=obj.hub, role=obj.role)


@admin.register(User)
class PersonAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """People. An operator sees those with a role in, or an enrolment at, a hub they operate; a
    person they add gets a role in one of their hubs in the same transaction, or they would lose
    sight of them at once."""

    form = AdminUserChangeForm
    add_form = PersonCreationForm
    ordering = ("name",)
    list_display = ("name", "email", "mobile", "is_active")
    search_fields = ("name", "email", "mobile")
    list_filter = ("is_active",)
    show_full_result_count = False
    readonly_fields = ("last_login", "date_joined")

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            hubs = Hub.objects.order_by("name")
            if not request.user.is_superuser:
                hubs = hubs.filter(id__in=operated_hub_ids(request.user))
            # The form's hub choices are the request's: bind them to this request's form class.
            kwargs["form"] = type(
                "PersonCreationForm",
                (self.add_form,),
                {"__init__": partialmethod(self.add_form.__init__, hubs=hubs)},
            )
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ("email", "name", "mobile", "hub", "role")
        return (
            "email",
            "name",
            "mobile",
            "birth_date",
            "gender",
            "region",
            "is_active",
            "last_login",
            "date_joined",
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(id__in=people_in_hubs(operated_hub_ids(request.user)).values("id"))

    def _is_operator(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or bool(operated_hub_ids(request.user))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_operator(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not request.user.is_superuser:
            return self.get_queryset(request).filter(pk=obj.pk).exists()
        return self._is_operator(request)

    def _beyond_reach(self, request: HttpRequest, person: User) -> bool:
        """Whether the person holds more than the operator may hand out: superuser status, an
        operator role in a hub the operator does not run, or a roll-up role. Changing such a
        person's e-mail would hand their account, and all it may see, to this operator."""
        if person.is_superuser:
            return True
        operates_elsewhere = hub_ids_for_roles(person, [Role.OPERATOR]) - operated_hub_ids(
            request.user
        )
        return bool(operates_elsewhere or hub_ids_for_roles(person, ROLLUP_ROLES))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not request.user.is_superuser and self._beyond_reach(request, obj):
            return False
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._is_operator(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # People are never hard-deleted from the back office: their records are evidence for KPIs.
        return bool(request.user.is_superuser)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if not change:
                membership_grant(
                    user=obj, hub=form.cleaned_data["hub"], role=form.cleaned_data["role"]
                )
