from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ContactForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=50)
    position = forms.CharField(
        label=pgettext_lazy("job title", "position"), max_length=60, required=False
    )
    email = forms.EmailField(label=_("e-mail"), required=False)
    phone = forms.CharField(label=_("phone"), max_length=20, required=False)
    is_primary = forms.BooleanField(label=_("primary contact"), required=False)
