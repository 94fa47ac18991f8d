from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from talenthub.partners.models import Organisation
from talenthub.projects.choices import EmploymentType, JobStage

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectProposalForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=150)
    problem = forms.CharField(label=_("problem to solve"), widget=forms.Textarea(attrs={"rows": 4}))
    skills = forms.CharField(label=_("skills needed"), max_length=300)
    seats = forms.IntegerField(label=_("seats"), min_value=1, max_value=100)
    hours = forms.IntegerField(label=_("practicum hours"), min_value=1, max_value=2000)
    mentor_name = forms.CharField(label=_("mentor"), max_length=50)
    mentor_email = forms.EmailField(label=_("mentor e-mail"), required=False)
    starts_on = forms.DateField(label=_("start date"), widget=DATE)
    ends_on = forms.DateField(label=_("end date"), widget=DATE)
    organisation = forms.ModelChoiceField(
        label=_("proposing company"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[
            ("approve", _("Approve")),
            ("reject", pgettext_lazy("proposal decision", "Reject")),
        ],
    )
    note = forms.CharField(label=_("note"), max_length=300, required=False)


class ConsentFieldsMixin(forms.Form):
    consent = forms.BooleanField(
        label=_("I consent to provide my personal data to the companies named above"),
        required=False,
    )
    share_contact = forms.BooleanField(label=_("e-mail and mobile phone"), required=False)
    share_training = forms.BooleanField(label=_("courses taken and completion"), required=False)
    share_documents = forms.BooleanField(label=_("motivation and résumé"), required=False)


class ProjectApplyForm(ConsentFieldsMixin):
    motivation = forms.CharField(
        label=_("motivation"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class SelectForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"), choices=[("select", _("Select")), ("decline", _("Do not select"))]
    )


class EvaluationForm(forms.Form):
    """The company's evaluation of one team member. The project page holds one per member, each
    with ids of its own (`for_member`); a score error names its criterion."""

    SCORES = ("skill", "collaboration", "problem_solving")

    skill = forms.IntegerField(label=_("technical skill"), min_value=1, max_value=5)
    collaboration = forms.IntegerField(label=_("collaboration"), min_value=1, max_value=5)
    problem_solving = forms.IntegerField(label=_("problem solving"), min_value=1, max_value=5)
    comment = forms.CharField(label=_("comment"), required=False, max_length=1000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.SCORES:
            field = self.fields[name]
            label = {"label": field.label}
            out_of_range = gettext("The %(label)s score must be a whole number from 1 to 5.")
            field.error_messages = {
                **field.error_messages,
                "required": gettext("Enter the %(label)s score (1 to 5).") % label,
                "invalid": out_of_range % label,
                "min_value": out_of_range % label,
                "max_value": out_of_range % label,
            }

    @classmethod
    def for_member(
        cls, application_id: int, evaluation: Any = None, data: Any = None
    ) -> EvaluationForm:
        """One team member's form: bound to `data` when given, else filled in with the member's
        existing evaluation (if any)."""
        initial = {}
        if evaluation is not None:
            initial = {name: getattr(evaluation, name) for name in (*cls.SCORES, "comment")}
        return cls(data, initial=initial, auto_id=f"id_member_{application_id}_evaluation_%s")


class HireForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("hiring decision"), choices=[("hire", _("Hire")), ("decline", _("Do not hire"))]
    )
    organisation = forms.ModelChoiceField(
        label=_("hiring company"), queryset=Organisation.objects.none(), required=False
    )
    employment_type = forms.ChoiceField(
        label=_("employment type"), choices=EmploymentType.choices, required=False
    )
    starts_on = forms.DateField(label=_("job start date"), widget=DATE, required=False)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "hire":
            for name in ("organisation", "employment_type", "starts_on"):
                if not data.get(name):
                    self.add_error(name, _("Required to record a hire."))
        return data


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("milestone"), max_length=150)
    due_on = forms.DateField(label=_("due date"), widget=DATE)


class MeetingForm(forms.Form):
    met_on = forms.DateField(label=_("date"), widget=DATE)
    minutes = forms.IntegerField(label=_("duration (minutes)"), min_value=1, max_value=600)
    topic = forms.CharField(label=_("topic"), max_length=200)
    notes = forms.CharField(
        label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DemoDayForm(forms.Form):
    held_on = forms.DateField(label=_("demo day"), widget=DATE)
    notes = forms.CharField(
        label=_("demo day notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PracticumLogForm(forms.Form):
    date = forms.DateField(label=_("date"), widget=DATE)
    hours = forms.DecimalField(
        label=_("hours"), min_value=0.5, max_value=12, decimal_places=1, max_digits=4
    )
    activity = forms.CharField(label=_("activity"), max_length=200)


class JobPostingForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=150)
    description = forms.CharField(label=_("description"), widget=forms.Textarea(attrs={"rows": 5}))
    employment_type = forms.ChoiceField(label=_("employment type"), choices=EmploymentType.choices)
    location = forms.CharField(label=_("location"), max_length=100, required=False)
    closes_on = forms.DateField(label=_("applications close"), widget=DATE, required=False)
    organisation = forms.ModelChoiceField(label=_("company"), queryset=Organisation.objects.none())

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class JobApplyForm(ConsentFieldsMixin):
    cover_letter = forms.CharField(
        label=_("cover letter"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    resume = forms.FileField(
        label=_("résumé (PDF or DOCX, at most 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("stage"), choices=[c for c in JobStage.choices if c[0] != JobStage.WITHDRAWN]
    )
    hire_starts_on = forms.DateField(label=_("job start date"), widget=DATE, required=False)

    @classmethod
    def for_application(cls, application_id: int, stage: str) -> StageForm:
        """The form of one applicant's row: their current stage chosen, and ids of its own (the
        page has one form per applicant; the field names stay those the stage view reads)."""
        return cls(initial={"stage": stage}, auto_id=f"id_application_{application_id}_%s")
