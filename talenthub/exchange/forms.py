from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.core.spreadsheets import CSV, XLSX
from talenthub.exchange.choices import ExportPurpose, ImportKind
from talenthub.exchange.exports.base import FILTERS
from talenthub.hubs.models import Hub

FORMAT_CHOICES = [(XLSX, "Excel (.xlsx)"), (CSV, "CSV (.csv, UTF-8)")]


class HubChoiceForm(forms.Form):
    """A form whose hub list is the hubs the operator runs."""

    hub = forms.ModelChoiceField(label=_("hub"), queryset=Hub.objects.none(), empty_label=None)

    def __init__(self, *args: Any, hubs: QuerySet[Hub], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs  # type: ignore[attr-defined]


class UploadForm(HubChoiceForm):
    kind = forms.ChoiceField(label=_("what the file contains"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("file (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )


class ExportForm(HubChoiceForm):
    dataset = forms.ChoiceField(label=_("list or report"))
    file_format = forms.ChoiceField(label=_("format"), choices=FORMAT_CHOICES)
    purpose = forms.ChoiceField(
        label=_("purpose (for lists with personal data)"),
        choices=[("", "—"), *ExportPurpose.choices],
        required=False,
    )

    # Narrowings carried over from the list page the export was opened from (a cohort's roster).
    cohort = forms.IntegerField(required=False, widget=forms.HiddenInput)
    survey = forms.IntegerField(required=False, widget=forms.HiddenInput)
    organisation = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, datasets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dataset"].choices = datasets  # type: ignore[attr-defined]

    def filters(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for key in FILTERS if self.cleaned_data.get(key)}
