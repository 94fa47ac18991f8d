from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.models import User
from talenthub.accounts.services import canonical_mobile
from talenthub.core.errors import DomainError


class SignupProfileForm(forms.Form):
    """Extra fields on allauth's sign-up form: the Korean name and mobile number."""

    name = forms.CharField(
        label=_("name"),
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "name", "placeholder": _("e.g. 홍길동")}),
    )
    mobile = forms.CharField(
        label=_("mobile phone"),
        max_length=20,
        required=False,
        # A phone's number pad, and the form people write their number in.
        widget=forms.TextInput(
            attrs={
                "type": "tel",
                "inputmode": "tel",
                "autocomplete": "tel",
                "placeholder": "010-1234-5678",
            }
        ),
    )

    def clean_mobile(self) -> str:
        try:
            mobile = canonical_mobile(self.cleaned_data.get("mobile", ""))
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
        if mobile and User.objects.filter(mobile=mobile).exists():
            raise forms.ValidationError(_("This mobile number is already registered."))
        return mobile

    def signup(self, request: Any, user: User) -> None:
        user.name = self.cleaned_data["name"].strip()
        user.mobile = self.cleaned_data["mobile"]
        user.save(update_fields=["name", "mobile"])


class AdminUserCreationForm(forms.ModelForm):  # type: ignore[type-arg]
    """Back-office creation of a person: e-mail, name and mobile; the person sets a password through
    the password-reset e-mail."""

    class Meta:
        model = User
        fields = ("email", "name", "mobile")

    def clean_mobile(self) -> str:
        try:
            return canonical_mobile(self.cleaned_data.get("mobile", ""))
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc

    def save(self, commit: bool = True) -> User:
        user: User = super().save(commit=False)
        user.email = user.email.lower()
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class AdminUserChangeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = User
        fields = ("email", "name", "mobile", "birth_date", "gender", "region", "is_active")

    def clean_mobile(self) -> str:
        try:
            return canonical_mobile(self.cleaned_data.get("mobile", ""))
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
