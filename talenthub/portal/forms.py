from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Search people"), required=False, max_length=100)
