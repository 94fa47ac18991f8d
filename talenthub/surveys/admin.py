"""Back office for surveys. Responses are read-only and show no person for anonymous surveys (the
rows hold none); invitations are not in the back office at all, because "who has answered" next to
a small cohort's anonymous results would identify respondents."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from talenthub.hubs.access import HubScopedAdmin, HubScopedTabularInline, register_hub_path
from talenthub.surveys.models import Answer, Response, Survey, SurveyTemplate, TemplateVersion

register_hub_path(Survey, "cohort__course__hub", "event__hub")
register_hub_path(Response, "survey__cohort__course__hub", "survey__event__hub")


@admin.register(SurveyTemplate)
class SurveyTemplateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Templates are shared by every hub: superusers manage them (Django model permissions)."""

    list_display = ("name", "code", "purpose", "is_standard")


@admin.register(TemplateVersion)
class TemplateVersionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Versions are frozen: viewable, never edited here (a change is a new version)."""

    list_display = ("template", "number", "created_at")
    list_select_related = ("template",)
    readonly_fields = ("template", "number", "intro", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Survey)
class SurveyAdmin(HubScopedAdmin):
    list_display = (
        "title",
        "cohort",
        "event",
        "purpose",
        "is_anonymous",
        "status",
        "sent_at",
        "deadline",
    )
    list_select_related = ("cohort", "cohort__course", "event")
    list_filter = ("status", "purpose", "is_anonymous", "cohort__course__hub", "event__hub")
    search_fields = ("title", "cohort__course__title", "cohort__course__code", "event__title")
    raw_id_fields = ("cohort", "event")
    readonly_fields = (
        "status",
        "sent_at",
        "deadline",
        "reminders_sent",
        "last_reminded_at",
        "closed_at",
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Once sent, the questionnaire and its anonymity are fixed for everyone invited.
        fixed = (
            ("version", "is_anonymous", "cohort", "event", "purpose") if obj and obj.sent_at else ()
        )
        return (*self.readonly_fields, *fixed)


class AnswerInline(HubScopedTabularInline):
    model = Answer
    extra = 0
    fields = ("question", "value", "selected", "text", "polarity")
    readonly_fields = fields
    can_delete = False

    # The response page itself is hub-scoped (ResponseAdmin); its answers come with it.
    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Response)
class ResponseAdmin(HubScopedAdmin):
    list_display = ("survey", "submitted_on", "is_anonymous", "respondent_name")
    list_select_related = ("survey", "respondent")
    list_filter = ("is_anonymous", "survey__cohort__course__hub", "survey__event__hub")
    fields = ("survey", "submitted_on", "is_anonymous", "respondent_name")
    readonly_fields = fields
    inlines = [AnswerInline]

    @admin.display(description=_("respondent"))
    def respondent_name(self, obj: Response) -> str:
        return obj.respondent.name if obj.respondent is not None else "—"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A response is KPI evidence: only a superuser removes one (e.g. a test answer).
        return bool(request.user.is_superuser)
