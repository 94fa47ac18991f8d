from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from talenthub.courses.choices import IndustryDomain, Level, Track
from talenthub.courses.selectors import CatalogueFilter
from talenthub.hubs.models import Hub, Site


def _with_all(choices: Sequence[tuple[str, StrOrPromise]]) -> list[tuple[str, StrOrPromise]]:
    return [("", _("All")), *choices]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    track = forms.ChoiceField(label=_("track"), required=False, choices=_with_all(Track.choices))
    domain = forms.ChoiceField(
        label=_("industry domain"), required=False, choices=_with_all(IndustryDomain.choices)
    )
    level = forms.ChoiceField(label=_("level"), required=False, choices=_with_all(Level.choices))
    hub = forms.ModelChoiceField(
        label=_("hub"),
        required=False,
        queryset=Hub.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("All"),
    )
    site = forms.ModelChoiceField(
        label=_("site"),
        required=False,
        queryset=Site.objects.select_related("hub").order_by("hub__name", "name"),
        empty_label=_("All"),
    )
    starts_after = forms.DateField(
        label=_("starts on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    starts_before = forms.DateField(
        label=_("starts on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def to_filter(self) -> CatalogueFilter:
        data = self.cleaned_data if self.is_valid() else {}
        hub = data.get("hub")
        site = data.get("site")
        return CatalogueFilter(
            query=data.get("q") or "",
            track=data.get("track") or "",
            industry_domain=data.get("domain") or "",
            level=data.get("level") or "",
            hub_code=hub.code if hub else "",
            site_id=site.id if site else None,
            starts_after=data.get("starts_after"),
            starts_before=data.get("starts_before"),
        )
