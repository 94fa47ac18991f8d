from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from talenthub.attendance.models import (
    AssessmentRequirement,
    AssessmentResult,
    AtRiskAlert,
    AttendanceCorrection,
    AttendanceEvent,
    AttendancePolicy,
    Certificate,
    CompletionDecision,
    ExcusedAbsence,
)
from talenthub.hubs.access import HubScopedAdmin, HubScopedTabularInline, register_hub_path

register_hub_path(AttendancePolicy, "hub")
register_hub_path(AttendanceEvent, "enrollment__cohort__course__hub")
register_hub_path(AttendanceCorrection, "enrollment__cohort__course__hub")
register_hub_path(ExcusedAbsence, "enrollment__cohort__course__hub")
register_hub_path(AtRiskAlert, "enrollment__cohort__course__hub")
register_hub_path(AssessmentRequirement, "cohort__course__hub")
register_hub_path(AssessmentResult, "enrollment__cohort__course__hub")
register_hub_path(CompletionDecision, "enrollment__cohort__course__hub")
register_hub_path(Certificate, "enrollment__cohort__course__hub")


class ReadOnlyAdmin(HubScopedAdmin):
    """Records written by services only: the back office may look, not edit."""

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(AttendancePolicy)
class AttendancePolicyAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = (
        "hub",
        "course",
        "grace_minutes",
        "absent_below_ratio",
        "lates_per_absence",
        "completion_threshold",
    )
    list_select_related = ("hub", "course")
    raw_id_fields = ("course",)


@admin.register(AttendanceEvent)
class AttendanceEventAdmin(ReadOnlyAdmin):
    list_display = ("enrollment", "session_day", "kind", "at", "source", "voided_by")
    list_select_related = ("enrollment__user", "enrollment__cohort__course", "session_day")
    list_filter = ("kind", "source")
    search_fields = ("enrollment__user__name",)
    date_hierarchy = "at"


@admin.register(AttendanceCorrection)
class AttendanceCorrectionAdmin(ReadOnlyAdmin):
    list_display = ("enrollment", "session_day", "corrected_by", "created_at", "reason")
    list_select_related = ("enrollment__user", "enrollment__cohort__course", "session_day")
    search_fields = ("enrollment__user__name", "reason")


@admin.register(ExcusedAbsence)
class ExcusedAbsenceAdmin(ReadOnlyAdmin):
    list_display = ("enrollment", "session_day", "category", "reason")
    list_select_related = ("enrollment__user", "enrollment__cohort__course", "session_day")
    list_filter = ("category",)


@admin.register(AtRiskAlert)
class AtRiskAlertAdmin(ReadOnlyAdmin):
    list_display = ("enrollment", "on", "level", "percent", "best_percent", "notified_at")
    list_select_related = ("enrollment__user", "enrollment__cohort__course")
    list_filter = ("level",)


class AssessmentResultInline(HubScopedTabularInline):
    model = AssessmentResult
    extra = 0
    raw_id_fields = ("enrollment", "recorded_by")


@admin.register(AssessmentRequirement)
class AssessmentRequirementAdmin(HubScopedAdmin):
    list_display = ("title", "cohort")
    list_select_related = ("cohort__course",)
    raw_id_fields = ("cohort",)
    inlines = [AssessmentResultInline]


@admin.register(CompletionDecision)
class CompletionDecisionAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("enrollment", "outcome", "attendance_percent", "overridden")
    list_select_related = ("enrollment__user", "enrollment__cohort__course")
    list_filter = ("outcome", "overridden")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("number", "enrollment", "issued_at", "revoked_at")
    list_select_related = ("enrollment__user", "enrollment__cohort__course")
    search_fields = ("number", "verification_code", "enrollment__user__name")
