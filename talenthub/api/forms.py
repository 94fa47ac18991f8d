from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.api.choices import ALL_SCOPES, EXPIRY_DAYS
from talenthub.hubs.models import Hub


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("name"), max_length=100, help_text=_("What will use it, e.g. the LMS sync.")
    )
    hub = forms.ModelChoiceField(label=_("hub"), queryset=Hub.objects.none(), empty_label=None)
    scopes = forms.MultipleChoiceField(
        label=_("permissions"),
        choices=[(s, s) for s in ALL_SCOPES],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the token may do; it never does more than your role in the hub."),
    )
    days = forms.TypedChoiceField(
        label=_("expires after"), choices=EXPIRY_DAYS, coerce=int, initial=90
    )

    def __init__(self, *args: Any, hubs: QuerySet[Hub], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs  # type: ignore[attr-defined]
