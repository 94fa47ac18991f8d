from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.hubs.access import HubScopedAdmin, HubScopedTabularInline, register_hub_path

register_hub_path(Course, "hub")
register_hub_path(Cohort, "course__hub")
register_hub_path(SessionDay, "cohort__course__hub")


class SessionDayInline(HubScopedTabularInline):
    model = SessionDay
    extra = 0


@admin.register(Course)
class CourseAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("code", "title", "track", "industry_domain", "level", "hours", "hub")
    list_select_related = ("hub",)
    list_filter = ("track", "industry_domain", "level", "hub")
    search_fields = ("code", "title")


@admin.register(Cohort)
class CohortAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("__str__", "starts_on", "ends_on", "capacity", "status", "site")
    list_select_related = ("course", "site")
    list_filter = ("status", "course__track", "course__hub")
    search_fields = ("course__code", "course__title")
    date_hierarchy = "starts_on"
    inlines = [SessionDayInline]
    filter_horizontal = ("instructors",)
