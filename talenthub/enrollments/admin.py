"""Back office for enrolments and recruiting. Operators configure each cohort's application form
here (questions, consent texts, eligibility rules, rubric, bonuses, reviewers); decisions are made
on the screening pages, so applications, decisions, seats and notifications are read-only here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from talenthub.enrollments.models import (
    Application,
    ApplicationForm,
    CohortSeats,
    ConsentRecord,
    ConsentText,
    EligibilityRule,
    Enrollment,
    Notification,
    PriorityBonus,
    Question,
    Reviewer,
    RubricCriterion,
    SelectionDecision,
)
from talenthub.hubs.access import (
    HubScopedAdmin,
    HubScopedStackedInline,
    HubScopedTabularInline,
    register_hub_path,
)
from talenthub.partners.choices import OrganisationKind

register_hub_path(Enrollment, "cohort__course__hub")
register_hub_path(CohortSeats, "cohort__course__hub")
register_hub_path(ApplicationForm, "cohort__course__hub")
register_hub_path(Question, "form__cohort__course__hub")
register_hub_path(ConsentText, "form__cohort__course__hub")
register_hub_path(EligibilityRule, "form__cohort__course__hub")
register_hub_path(RubricCriterion, "form__cohort__course__hub")
register_hub_path(PriorityBonus, "form__cohort__course__hub")
register_hub_path(Reviewer, "form__cohort__course__hub")
register_hub_path(Application, "cohort__course__hub")
register_hub_path(SelectionDecision, "application__cohort__course__hub")
register_hub_path(Notification, "cohort__course__hub")


class ReadOnlyMixin:
    """Rows written only by the services (decisions must go through their rules and their log)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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


class QuestionInline(HubScopedTabularInline):
    model = Question
    extra = 0
    ordering = ("position",)


class ConsentTextInline(HubScopedStackedInline):
    """A consent text that applicants have answered is frozen: change it by adding version + 1."""

    model = ConsentText
    extra = 0
    fields = ("key", "version", "position", "kind", "is_required", "title", "recipients", "body")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Existing texts may have been agreed to; new versions are added, old ones never edited.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class EligibilityRuleInline(HubScopedStackedInline):
    model = EligibilityRule
    extra = 0
    fields = ("kind", ("min_age", "max_age"), "regions", "course", "universities")

    def formfield_for_manytomany(
        self, db_field: models.ManyToManyField[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "universities" and field is not None and field.queryset is not None:
            field.queryset = field.queryset.filter(kind=OrganisationKind.UNIVERSITY)
        return field


class RubricCriterionInline(HubScopedTabularInline):
    model = RubricCriterion
    extra = 0


class PriorityBonusInline(HubScopedTabularInline):
    model = PriorityBonus
    extra = 0


class ReviewerInline(HubScopedTabularInline):
    model = Reviewer
    extra = 0
    raw_id_fields = ("user", "invited_by")


@admin.register(ApplicationForm)
class ApplicationFormAdmin(HubScopedAdmin):
    list_display = ("cohort", "selection_mode", "offer_valid_hours")
    list_select_related = ("cohort", "cohort__course")
    list_filter = ("selection_mode", "cohort__course__hub")
    search_fields = ("cohort__course__title", "cohort__course__code")
    raw_id_fields = ("cohort",)
    inlines = [
        QuestionInline,
        ConsentTextInline,
        EligibilityRuleInline,
        RubricCriterionInline,
        PriorityBonusInline,
        ReviewerInline,
    ]


class DecisionInline(ReadOnlyMixin, HubScopedTabularInline):
    model = SelectionDecision
    extra = 0
    fields = ("decided_at", "from_status", "to_status", "actor", "reason")
    readonly_fields = fields


class ConsentRecordInline(ReadOnlyMixin, HubScopedTabularInline):
    model = ConsentRecord
    extra = 0
    fields = ("title", "version", "granted", "recorded_at")
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(ReadOnlyMixin, HubScopedAdmin):
    list_display = ("user", "cohort", "status", "submitted_at", "waitlist_position")
    list_select_related = ("user", "cohort", "cohort__course")
    list_filter = ("status", "cohort__course__hub")
    search_fields = ("user__name", "user__email", "cohort__course__title")
    date_hierarchy = "submitted_at"
    inlines = [ConsentRecordInline, DecisionInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return [field.name for field in Application._meta.fields]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return HubScopedAdmin.has_view_permission(self, request, obj)


@admin.register(CohortSeats)
class CohortSeatsAdmin(ReadOnlyMixin, HubScopedAdmin):
    list_display = ("cohort", "seats_taken", "capacity", "updated_at")
    list_select_related = ("cohort", "cohort__course")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return HubScopedAdmin.has_view_permission(self, request, obj)


@admin.register(Notification)
class NotificationAdmin(ReadOnlyMixin, HubScopedAdmin):
    list_display = ("created_at", "kind", "to_email", "subject", "status", "sent_at")
    list_select_related = ("cohort",)
    list_filter = ("kind", "status")
    search_fields = ("to_email", "subject")
    readonly_fields = (
        "kind",
        "cohort",
        "application",
        "recipient",
        "to_email",
        "subject",
        "body_text",
        "status",
        "created_at",
        "sent_at",
        "error",
    )
    exclude = ("body_html",)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return HubScopedAdmin.has_view_permission(self, request, obj)
