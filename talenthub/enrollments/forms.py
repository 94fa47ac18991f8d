from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.enrollments.choices import ApplicationStatus, OperatorDecision, QuestionKind
from talenthub.enrollments.eligibility import Declaration
from talenthub.enrollments.models import Application, ConsentText, Question, RubricCriterion
from talenthub.enrollments.uploads import check_attachment, check_pdf
from talenthub.partners.models import Organisation

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
AGREE = [("yes", _("I agree")), ("no", _("I do not agree"))]


class ApplyForm(forms.Form):
    """The cohort's application form: declarations, the operator's questions, a résumé and the
    consent items, each answered separately (agree or not)."""

    birth_date = forms.DateField(
        label=_("date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    region = forms.CharField(
        label=_("region of residence"),
        max_length=40,
        help_text=_("City or county, e.g. 전주시 or 완주군"),
    )
    is_job_seeker = forms.ChoiceField(
        label=_("Are you looking for a job?"), choices=YES_NO, widget=forms.RadioSelect
    )
    is_neet = forms.ChoiceField(
        label=_("Are you currently neither working nor studying?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    university = forms.ModelChoiceField(
        label=_("University you are enrolled at"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("None of these"),
    )
    resume = forms.FileField(
        label=_("Résumé (PDF, optional, up to 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(
        self,
        *args: Any,
        questions: Sequence[Question],
        consents: Sequence[ConsentText],
        universities: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.consent_texts = list(consents)
        university_field = self.fields["university"]
        assert isinstance(university_field, forms.ModelChoiceField)  # noqa: S101 -- narrows type
        university_field.queryset = universities
        if not universities.exists():
            del self.fields["university"]
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = self._question_field(question)
        for text in self.consent_texts:
            self.fields[f"consent_{text.pk}"] = forms.ChoiceField(
                label=text.title, choices=AGREE, widget=forms.RadioSelect
            )

    @staticmethod
    def _question_field(question: Question) -> forms.Field:
        common: dict[str, Any] = {
            "label": question.label,
            "help_text": question.help_text,
            "required": question.is_required,
        }
        if question.kind == QuestionKind.CHOICE:
            choices = [(choice, choice) for choice in question.choice_list]
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        if question.kind == QuestionKind.FILE:
            return forms.FileField(
                widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
                **common,
            )
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, **common)

    @property
    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{question.pk}"] for question in self.questions]

    @property
    def consent_fields(self) -> list[tuple[ConsentText, forms.BoundField]]:
        return [(text, self[f"consent_{text.pk}"]) for text in self.consent_texts]

    def clean_resume(self) -> UploadedFile[bytes] | None:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("resume")
        if upload:
            try:
                check_pdf(upload)
            except DomainError as exc:
                raise forms.ValidationError(exc.message) from exc
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for question in self.questions:
            name = f"q_{question.pk}"
            upload = cleaned.get(name)
            if question.kind == QuestionKind.FILE and isinstance(upload, UploadedFile):
                try:
                    check_attachment(upload)
                except DomainError as exc:
                    self.add_error(name, exc.message)
        for text in self.consent_texts:
            name = f"consent_{text.pk}"
            if text.is_required and cleaned.get(name) == "no":
                self.add_error(name, _("This item is required: without it you cannot apply."))
        return cleaned

    def declaration(self) -> Declaration:
        data = self.cleaned_data
        university = data.get("university")
        return Declaration(
            birth_date=data.get("birth_date"),
            region=data.get("region", ""),
            is_job_seeker=data.get("is_job_seeker") == "yes",
            is_neet=data.get("is_neet") == "yes",
            university_id=university.pk if university else None,
        )

    def answers(self) -> dict[int, str | UploadedFile[bytes]]:
        return {
            question.pk: self.cleaned_data.get(f"q_{question.pk}") or ""
            for question in self.questions
        }

    def consents(self) -> dict[int, bool]:
        return {
            text.pk: self.cleaned_data.get(f"consent_{text.pk}") == "yes"
            for text in self.consent_texts
        }


def declaration_from_profile(user: User) -> dict[str, Any]:
    """Initial values: what the person's profile already says."""
    initial: dict[str, Any] = {"region": user.region}
    if user.birth_date:
        initial["birth_date"] = user.birth_date
    return initial


def partial_declaration(data: Any, user: User) -> Declaration:
    """The declaration as far as the (possibly incomplete) form says, for the eligibility check."""
    birth_date: datetime.date | None
    try:
        birth_date = forms.DateField(required=False).clean(data.get("birth_date") or None)
    except forms.ValidationError:
        birth_date = None
    university = data.get("university") or ""
    return Declaration(
        birth_date=birth_date or user.birth_date,
        region=(data.get("region") or user.region or "").strip(),
        is_job_seeker=data.get("is_job_seeker") == "yes",
        is_neet=data.get("is_neet") == "yes",
        university_id=int(university) if str(university).isdigit() else None,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=OperatorDecision.choices)
    reason = forms.CharField(label=_("Reason"), max_length=300)
    applications = forms.ModelMultipleChoiceField(
        label=_("Applications"), queryset=Application.objects.none()
    )

    def __init__(self, *args: Any, cohort_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["applications"]
        assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101 -- narrows type
        field.queryset = Application.objects.filter(cohort_id=cohort_id)


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("status"),
        required=False,
        choices=[("", _("All")), *ApplicationStatus.choices],
    )


class ScoreForm(forms.Form):
    def __init__(
        self,
        *args: Any,
        criteria: Sequence[RubricCriterion],
        given: dict[int, int],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=_("%(name)s (0 to %(max)d, weight %(weight)s)")
                % {"name": criterion.name, "max": criterion.max_score, "weight": criterion.weight},
                help_text=criterion.description,
                min_value=0,
                max_value=criterion.max_score,
                initial=given.get(criterion.pk),
            )

    def values(self) -> dict[int, int]:
        return {
            criterion.pk: int(self.cleaned_data[f"criterion_{criterion.pk}"])
            for criterion in self.criteria
        }


class ReviewerInviteForm(forms.Form):
    email = forms.EmailField(label=_("Reviewer's e-mail"))

    def clean_email(self) -> User:
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No one with this e-mail has an account yet."))
        return user
