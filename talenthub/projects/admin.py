from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from talenthub.hubs.access import HubScopedAdmin, HubScopedTabularInline, register_hub_path
from talenthub.projects.models import (
    JobApplication,
    JobPosting,
    MentorMeeting,
    Milestone,
    PracticumLog,
    Project,
    ProjectApplication,
    ProjectEvaluation,
    ThirdPartyConsent,
)

register_hub_path(Project, "organisation__hub")
register_hub_path(ProjectApplication, "project__organisation__hub")
register_hub_path(Milestone, "project__organisation__hub")
register_hub_path(PracticumLog, "project__organisation__hub")
register_hub_path(MentorMeeting, "project__organisation__hub")
register_hub_path(ProjectEvaluation, "application__project__organisation__hub")
register_hub_path(JobPosting, "organisation__hub")
register_hub_path(JobApplication, "posting__organisation__hub")
register_hub_path(ThirdPartyConsent, "organisation__hub")


class MilestoneInline(HubScopedTabularInline):
    model = Milestone
    extra = 0


class MeetingInline(HubScopedTabularInline):
    model = MentorMeeting
    extra = 0
    raw_id_fields = ("recorded_by",)


@admin.register(Project)
class ProjectAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("title", "organisation", "status", "seats", "hours", "starts_on", "ends_on")
    list_select_related = ("organisation",)
    list_filter = ("status", "organisation__hub")
    search_fields = ("title", "organisation__name", "mentor_name")
    date_hierarchy = "starts_on"
    raw_id_fields = ("proposed_by", "decided_by")
    filter_horizontal = ("partner_organisations",)
    inlines = [MilestoneInline, MeetingInline]


@admin.register(ProjectApplication)
class ProjectApplicationAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("user", "project", "status", "hire_decision", "hired_by", "hire_starts_on")
    list_select_related = ("user", "project", "hired_by")
    list_filter = ("status", "hire_decision")
    search_fields = ("user__name", "user__email", "project__title")
    raw_id_fields = ("user", "project")


@admin.register(PracticumLog)
class PracticumLogAdmin(HubScopedAdmin):
    list_display = ("user", "project", "date", "hours", "activity")
    list_select_related = ("user", "project")
    search_fields = ("user__name", "project__title")
    raw_id_fields = ("user", "project", "milestone")


@admin.register(ProjectEvaluation)
class ProjectEvaluationAdmin(HubScopedAdmin):
    list_display = ("application", "skill", "collaboration", "problem_solving")
    list_select_related = ("application__user", "application__project")
    raw_id_fields = ("application", "evaluated_by")


@admin.register(JobPosting)
class JobPostingAdmin(HubScopedAdmin):
    list_display = ("title", "organisation", "employment_type", "status", "closes_on")
    list_select_related = ("organisation",)
    list_filter = ("status", "employment_type")
    search_fields = ("title", "organisation__name")
    raw_id_fields = ("posted_by",)


@admin.register(JobApplication)
class JobApplicationAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("user", "posting", "stage", "stage_changed_at")
    list_select_related = ("user", "posting", "posting__organisation")
    list_filter = ("stage",)
    search_fields = ("user__name", "posting__title")
    raw_id_fields = ("user", "posting")


@admin.register(ThirdPartyConsent)
class ThirdPartyConsentAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    """Consents are evidence of what a person agreed to: read-only in the back office."""

    list_display = ("user", "organisation", "text_version", "consented_at", "withdrawn_at")
    list_select_related = ("user", "organisation")
    search_fields = ("user__name", "organisation__name")
    readonly_fields = (
        "user",
        "organisation",
        "share_contact",
        "share_training",
        "share_documents",
        "text_version",
        "text",
        "consented_at",
        "withdrawn_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Read-only for everyone: the page saves nothing and history cannot be reverted.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Operators never discard consents; a superuser deleting a person takes theirs along.
        return bool(request.user.is_superuser)
