from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from talenthub.enrollments.models import Enrollment
from talenthub.hubs.access import HubScopedAdmin, register_hub_path

register_hub_path(Enrollment, "cohort__course__hub")


@admin.register(Enrollment)
class EnrollmentAdmin(HubScopedAdmin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = (
        "user",
        "cohort",
        "status",
        "enrolled_on",
        "finished_on",
        "is_job_seeker_at_entry",
    )
    list_select_related = ("user", "cohort", "cohort__course")
    list_filter = ("status", "is_job_seeker_at_entry", "is_neet_at_entry", "cohort__course__hub")
    search_fields = ("user__name", "user__email", "cohort__course__title")
    raw_id_fields = ("user", "cohort")
