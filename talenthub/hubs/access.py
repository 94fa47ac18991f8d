"""Hub tenancy for the back office: every admin page of a hub-owned record goes through
`HubScopedAdmin`, which shows an operator only the rows of hubs they operate and offers only those
hubs' rows in every choice list. Superusers see everything."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from talenthub.accounts.models import User
from talenthub.hubs.models import Hub
from talenthub.hubs.selectors import operated_hub_ids, people_in_hubs

# Path from each hub-owned model to its hub, keyed by "app_label.ModelName". Models register here
# through `register_hub_path` in their own admin module, so this module needs no upward imports.
# A model reached by either of two routes (a survey of a cohort or of an event) registers both.
_HUB_PATHS: dict[str, tuple[str, ...]] = {
    "hubs.Hub": ("",),
    "hubs.Site": ("hub",),
    "hubs.Membership": ("hub",),
}


def register_hub_path(model: type[models.Model], path: str, *alternatives: str) -> None:
    _HUB_PATHS[model._meta.label] = (path, *alternatives)


def hub_path_of(model: type[models.Model]) -> str | None:
    paths = _HUB_PATHS.get(model._meta.label)
    return paths[0] if paths else None


def scope_to_hubs(queryset: QuerySet[Any], hub_ids: set[int]) -> QuerySet[Any]:
    paths = _HUB_PATHS.get(queryset.model._meta.label)
    if paths is None:
        raise LookupError(f"{queryset.model._meta.label} has no registered hub path")
    condition = Q(pk__in=[])
    for path in paths:
        lookup = "id__in" if path == "" else f"{path}__id__in"
        condition |= Q(**{lookup: hub_ids})
    return queryset.filter(condition)


class _ScopedChoices(admin.options.BaseModelAdmin):  # type: ignore[type-arg]
    """Every choice list of a form (a foreign key, a many-to-many) offers only the rows `_limit`
    lets through."""

    def _limit(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        raise NotImplementedError

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        kwargs.setdefault(
            "queryset", self._limit(request, db_field.related_model._default_manager.all())
        )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        kwargs.setdefault(
            "queryset", self._limit(request, db_field.related_model._default_manager.all())
        )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class HubScopedAdmin(_ScopedChoices, admin.ModelAdmin):  # type: ignore[type-arg]
    show_full_result_count = False  # no COUNT(*) of the whole table on every page view
    list_per_page = 50

    def _hub_ids(self, request: HttpRequest) -> set[int]:
        return operated_hub_ids(request.user)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return scope_to_hubs(queryset, self._hub_ids(request))

    def _may_operate(self, request: HttpRequest, obj: models.Model | None) -> bool:
        if request.user.is_superuser:
            return True
        hub_ids = self._hub_ids(request)
        if not hub_ids:
            return False
        if obj is None:
            return True
        return scope_to_hubs(type(obj)._default_manager.filter(pk=obj.pk), hub_ids).exists()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_operate(request, None)

    def has_view_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return self._may_operate(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return self._may_operate(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_operate(request, None)

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return self._may_operate(request, obj)

    def _limit(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if request.user.is_superuser:
            return queryset
        if queryset.model is User:
            # People are no hub's rows, but a choice list of them (a cohort's instructors) shows
            # names and e-mails: offer only the people the operator may see anyway.
            people = people_in_hubs(self._hub_ids(request))
            return queryset.filter(id__in=people.values("id"))
        if hub_path_of(queryset.model) is None:
            return queryset
        return scope_to_hubs(queryset, self._hub_ids(request))

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # The choice lists are scoped, but a forged POST could still name another hub's row.
        super().save_model(request, obj, form, change)
        if not self._may_operate(request, obj):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied


class HubScopedInline(_ScopedChoices, admin.options.InlineModelAdmin):  # type: ignore[type-arg]
    """An inline of a HubScopedAdmin follows its parent's permissions instead of Django's model
    permissions, which operators do not have: whoever may see the parent row sees its inline rows,
    and whoever may change it adds, changes and deletes them. The inline's choice lists are
    scoped like the parent's. A read-only inline puts its own mixin first (it then wins)."""

    def _parent_admin(self) -> HubScopedAdmin:
        parent = self.admin_site.get_model_admin(self.parent_model)
        if not isinstance(parent, HubScopedAdmin):
            raise TypeError(f"{type(self).__name__}: {self.parent_model} has no HubScopedAdmin")
        return parent

    def has_view_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return self._parent_admin().has_view_permission(request, obj)

    def _may_edit(self, request: HttpRequest, obj: models.Model | None) -> bool:
        parent = self._parent_admin()
        if obj is None:  # the parent's add form
            return parent.has_add_permission(request)
        return parent.has_change_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return self._may_edit(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return self._may_edit(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return self._may_edit(request, obj)

    def _limit(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return self._parent_admin()._limit(request, queryset)


class HubScopedTabularInline(HubScopedInline, admin.TabularInline):  # type: ignore[type-arg]
    pass


class HubScopedStackedInline(HubScopedInline, admin.StackedInline):  # type: ignore[type-arg]
    pass


class SuperuserWritableHubAdmin(HubScopedAdmin):
    """Hubs and consortia: operators may look at their own hub; only superusers change them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return request.user.is_superuser


__all__ = [
    "Hub",
    "HubScopedAdmin",
    "HubScopedInline",
    "HubScopedStackedInline",
    "HubScopedTabularInline",
    "SuperuserWritableHubAdmin",
    "register_hub_path",
    "scope_to_hubs",
]
