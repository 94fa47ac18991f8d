from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.forms import AdminUserCreationForm
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub

# The roles an operator gives the people they add: operators are made by a superuser, and the
# roll-up roles (consortium lead, funder) see other hubs' figures.
ADDABLE_ROLES = [Role.TRAINEE, Role.INSTRUCTOR, Role.COMPANY_PARTNER, Role.MENTOR, Role.JUDGE]


class PersonCreationForm(AdminUserCreationForm):
    """A person added in the back office, with their role in one of the operator's hubs: without
    a membership (or an enrolment) nobody but a superuser could see them again."""

    hub = forms.ModelChoiceField(label=_("hub"), queryset=Hub.objects.none())
    role = forms.ChoiceField(
        label=_("role"), choices=[(role.value, role.label) for role in ADDABLE_ROLES]
    )

    class Meta(AdminUserCreationForm.Meta):
        fields = ("email", "name", "mobile")

    def __init__(self, *args: Any, hubs: QuerySet[Hub], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs  # type: ignore[attr-defined]
        only = list(hubs[:2])
        if len(only) == 1:
            self.fields["hub"].initial = only[0].pk
