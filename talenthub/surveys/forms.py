from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.surveys.choices import LIKERT_LABELS, Polarity, QuestionKind
from talenthub.surveys.models import Question, TemplateVersion
from talenthub.surveys.services import LONG_TEXT_MAX, SHORT_TEXT_MAX, AnswerValue


def _version_label(version: TemplateVersion) -> str:
    return f"{version.template.name} (v{version.number})"


class SurveyCreateForm(forms.Form):
    version = forms.ModelChoiceField(
        label=_("Template"), queryset=TemplateVersion.objects.none(), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    is_anonymous = forms.BooleanField(
        label=_("Anonymous (answers are stored without names)"), required=False, initial=True
    )
    deadline_days = forms.IntegerField(
        label=_("Days to answer"), min_value=1, max_value=120, initial=30
    )
    send_at_cohort_end = forms.BooleanField(
        label=_("Send automatically when the cohort or event ends"), required=False, initial=True
    )

    def __init__(self, *args: Any, versions: QuerySet[TemplateVersion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["version"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrows for mypy
        field.queryset = versions
        field.label_from_instance = _version_label  # type: ignore[method-assign,assignment]


def _field_for(question: Question) -> forms.Field:
    label = f"{question.position}. {question.text}"
    required = question.required
    kind = question.kind
    if kind == QuestionKind.LIKERT5:
        return forms.TypedChoiceField(
            label=label,
            required=required,
            coerce=int,
            choices=[(value, text) for value, text in LIKERT_LABELS.items()],
            widget=forms.RadioSelect,
        )
    if kind == QuestionKind.RECOMMEND:
        return forms.TypedChoiceField(
            label=label,
            required=required,
            coerce=int,
            choices=[(value, str(value)) for value in range(11)],
            widget=forms.RadioSelect(attrs={"class": "scale-11"}),
        )
    if kind == QuestionKind.SINGLE:
        return forms.TypedChoiceField(
            label=label,
            required=required,
            coerce=int,
            choices=list(enumerate(question.choices)),
            widget=forms.RadioSelect,
        )
    if kind == QuestionKind.MULTIPLE:
        return forms.TypedMultipleChoiceField(
            label=label,
            required=required,
            coerce=int,
            choices=list(enumerate(question.choices)),
            widget=forms.CheckboxSelectMultiple,
        )
    if kind == QuestionKind.SHORT_TEXT:
        return forms.CharField(label=label, required=required, max_length=SHORT_TEXT_MAX)
    return forms.CharField(
        label=label,
        required=required,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ResponseForm(forms.Form):
    """One field per question of the survey's version, named q<question id>."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = _field_for(question)

    def answers(self) -> dict[int, AnswerValue]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        grouped: list[tuple[str, list[forms.BoundField]]] = []
        for question in self.questions:
            title = question.section.title
            if not grouped or grouped[-1][0] != title:
                grouped.append((title, []))
            grouped[-1][1].append(self[f"q{question.pk}"])
        return grouped


GROUP_CHOICES = [
    ("hub", _("Hub")),
    ("course", _("Course")),
    ("track", _("Track")),
    ("cohort", _("Cohort")),
    ("instructor", _("Instructor")),
]


class ScoreFilterForm(forms.Form):
    start = forms.DateField(
        label=_("Cohorts ending from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    by = forms.ChoiceField(label=_("Group by"), required=False, choices=GROUP_CHOICES)

    def __init__(self, *args: Any, allow_people: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_people:
            field = self.fields["by"]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrows for mypy
            field.choices = [c for c in GROUP_CHOICES if c[0] != "instructor"]

    def period(self) -> tuple[datetime.date | None, datetime.date | None, str]:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("start"), data.get("end"), data.get("by") or "hub"


class CommentFilterForm(forms.Form):
    term = forms.CharField(label=_("Term"), required=False, max_length=60)
    polarity = forms.ChoiceField(
        label=_("Tone"), required=False, choices=[("", _("All")), *Polarity.choices]
    )

    def values(self) -> tuple[str, str]:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("term") or "", data.get("polarity") or ""
