from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talenthub.attendance.choices import CompletionOutcome, EventKind, ExcuseCategory
from talenthub.attendance.services import DayFix, Excuse
from talenthub.core.errors import DomainError

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
_TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DomainErrorForm(forms.Form):
    def add_domain_error(self, error: DomainError) -> None:
        field = error.field if error.field in self.fields else None
        self.add_error(field, error.message)


class ScanForm(forms.Form):
    kind = forms.ChoiceField(choices=EventKind.choices)


class ManualMarkForm(DomainErrorForm):
    enrollment = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Action"), choices=EventKind.choices)
    time = forms.TimeField(label=_("Time"), widget=_TIME)


class CorrectionForm(DomainErrorForm):
    check_in = forms.TimeField(label=_("Check-in"), required=False, widget=_TIME)
    check_out = forms.TimeField(label=_("Check-out"), required=False, widget=_TIME)
    outing_start = forms.TimeField(label=_("Outing start"), required=False, widget=_TIME)
    outing_end = forms.TimeField(label=_("Outing end"), required=False, widget=_TIME)
    excused = forms.BooleanField(label=_("Excused absence (공가)"), required=False)
    excuse_category = forms.ChoiceField(
        label=_("Kind of excused absence"),
        required=False,
        choices=[("", "—"), *ExcuseCategory.choices],
    )
    excuse_reason = forms.CharField(label=_("Excuse details"), required=False, max_length=200)
    evidence = forms.FileField(label=_("Evidence"), required=False)
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for this correction.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("excused"):
            if not data.get("excuse_category"):
                self.add_error("excuse_category", _("Choose the kind of excused absence."))
            if not (data.get("excuse_reason") or "").strip():
                self.add_error("excuse_reason", _("Describe the excused absence."))
        if data.get("outing_end") and not data.get("outing_start"):
            self.add_error("outing_start", _("An outing needs its start time."))
        return data

    def to_fix(self) -> DayFix:
        data = self.cleaned_data
        outings: tuple[tuple[datetime.time, datetime.time | None], ...] = ()
        if data.get("outing_start"):
            outings = ((data["outing_start"], data.get("outing_end")),)
        excuse = None
        if data.get("excused"):
            excuse = Excuse(data["excuse_category"], data["excuse_reason"], data.get("evidence"))
        return DayFix(data.get("check_in"), data.get("check_out"), outings, excuse)


class ScheduleForm(DomainErrorForm):
    first_day = forms.DateField(label=_("First day"), widget=_DATE)
    last_day = forms.DateField(label=_("Last day"), widget=_DATE)
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        initial=[0, 1, 2, 3, 4],
    )
    starts_at = forms.TimeField(label=_("Start time"), widget=_TIME, initial=datetime.time(9))
    ends_at = forms.TimeField(label=_("End time"), widget=_TIME, initial=datetime.time(18))
    hours = forms.DecimalField(
        label=_("Training hours per day"), max_digits=4, decimal_places=1, initial=8
    )


class OverrideForm(DomainErrorForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CompletionOutcome.choices)
    reason = forms.CharField(
        label=_("Reason for the override"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give the reason for overriding the decision.")},
    )


DROPOUT_CATEGORIES = [
    ("employment", _("Employment")),
    ("startup", _("Started a business")),
    ("health", _("Health")),
    ("personal", _("Personal reasons")),
    ("other", _("Other")),
]


class DropoutForm(DomainErrorForm):
    on = forms.DateField(label=_("Last day attended"), widget=_DATE)
    category = forms.ChoiceField(label=_("Reason"), choices=DROPOUT_CATEGORIES)
    detail = forms.CharField(label=_("Details"), required=False, max_length=150)

    def reason(self) -> str:
        label = str(dict(DROPOUT_CATEGORIES)[self.cleaned_data["category"]])
        detail = self.cleaned_data.get("detail", "").strip()
        return f"{label}: {detail}" if detail else label


class RevokeForm(DomainErrorForm):
    reason = forms.CharField(label=_("Reason for revoking"), max_length=200)
