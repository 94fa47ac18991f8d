from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from talenthub.outcomes.choices import JOB_OR_STARTUP, EvidenceKind, OutcomeCategory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# What a graduate can say about themselves; "no response" and "excluded" are operators' words.
REPORTABLE = [
    (value, label)
    for value, label in OutcomeCategory.choices
    if value not in {OutcomeCategory.NO_RESPONSE, OutcomeCategory.EXCLUDED}
]


class OutcomeReportForm(forms.Form):
    category = forms.ChoiceField(label=_("What are you doing now?"), choices=REPORTABLE)
    organisation_name = forms.CharField(
        label=_("organisation (company, school or your startup)"), max_length=100, required=False
    )
    starts_on = forms.DateField(label=_("start date"), widget=DATE, required=False)
    note = forms.CharField(label=_("note"), max_length=300, required=False)
    evidence_kind = forms.ChoiceField(
        label=_("evidence"), choices=[("", "—"), *EvidenceKind.choices], required=False
    )
    evidence_file = forms.FileField(
        label=_("evidence file (PDF, PNG or JPEG, at most 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("category") in JOB_OR_STARTUP:
            if not data.get("starts_on"):
                self.add_error("starts_on", _("Give the start date."))
            if not data.get("organisation_name"):
                self.add_error("organisation_name", _("Give the organisation's name."))
        if data.get("evidence_file") and not data.get("evidence_kind"):
            self.add_error("evidence_kind", _("Say what the file is."))
        return data


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("evidence"), choices=EvidenceKind.choices)
    file = forms.FileField(
        label=_("evidence file (PDF, PNG or JPEG, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[("verify", _("Verify")), ("reject", pgettext_lazy("evidence decision", "Reject"))],
    )
    note = forms.CharField(label=_("note"), max_length=200, required=False)
