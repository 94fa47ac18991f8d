"""Survey templates (versioned), surveys sent to a cohort, invitations and responses.

Anonymity is structural: an anonymous `Response` row has no column that names a person or an
invitation (a check constraint holds it), its date is kept to the day and its key is random, and the
invitation keeps only that it was used, with no time. See docs/kpi.md and docs/surveys.md.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from talenthub.core.models import TimeStampedModel
from talenthub.courses.models import Cohort
from talenthub.events.models import Event
from talenthub.surveys.choices import Polarity, Purpose, QuestionKind, SurveyStatus


class SurveyTemplate(TimeStampedModel):
    """A named questionnaire; its questions live in immutable versions."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=150)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    is_standard = models.BooleanField(_("shipped with TalentHub"), default=False)

    class Meta:
        verbose_name = _("survey template")
        verbose_name_plural = _("survey templates")
        ordering = ["purpose", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(purpose__in=Purpose.values), name="survey_template_purpose_valid"
            )
        ]

    def __str__(self) -> str:
        return self.name


class TemplateVersion(models.Model):
    """One frozen edition of a template. Never edited once created: a change is a new version,
    and a survey keeps pointing at the version it was sent with."""

    template = models.ForeignKey(
        SurveyTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    intro = models.TextField(_("introduction"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("template version")
        verbose_name_plural = _("template versions")
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "number"], name="template_version_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="template_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.template} v{self.number}"


class Section(models.Model):
    version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order in a list", "position"))
    title = models.CharField(_("title"), max_length=150)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="section_position_unique_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order in a list", "position"))
    code = models.SlugField(_("code"), max_length=30)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=300)
    required = models.BooleanField(_("required"), default=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    # Only 5-point agreement items feed the 100-point score; a template may exclude some.
    in_score = models.BooleanField(_("counts in the 100-point score"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="question_code_per_version"),
            models.UniqueConstraint(
                fields=["version", "position"], name="question_position_per_version"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values), name="question_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(in_score=False) | Q(kind=QuestionKind.LIKERT5),
                name="question_only_likert_in_score",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text}"


class Survey(TimeStampedModel):
    """A questionnaire sent to the people of one cohort or of one event (exactly one of the two).

    Only cohort surveys feed the hub's satisfaction KPI (docs/kpi.md); an event's survey is
    reported for the event alone."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="surveys",
        null=True,
        blank=True,
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="surveys",
        null=True,
        blank=True,
    )
    version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("template version"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    title = models.CharField(_("title"), max_length=200)
    is_anonymous = models.BooleanField(_("anonymous"), default=True)
    # For an event survey: sent when the event ends, to the people who attended.
    send_at_cohort_end = models.BooleanField(
        _("send automatically when the cohort or event ends"), default=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    deadline_days = models.PositiveSmallIntegerField(_("days to answer"), default=30)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]
        constraints = [
            # One satisfaction survey per cohort: the cohort's score has one source.
            models.UniqueConstraint(
                fields=["cohort", "purpose"],
                condition=~Q(purpose=Purpose.OTHER),
                name="survey_one_per_purpose_per_cohort",
            ),
            models.UniqueConstraint(
                fields=["event", "purpose"],
                condition=~Q(purpose=Purpose.OTHER),
                name="survey_one_per_purpose_per_event",
            ),
            models.CheckConstraint(
                condition=(Q(cohort__isnull=False) & Q(event__isnull=True))
                | (Q(cohort__isnull=True) & Q(event__isnull=False)),
                name="survey_cohort_or_event",
            ),
            models.CheckConstraint(
                condition=Q(purpose__in=Purpose.values), name="survey_purpose_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SurveyStatus.values), name="survey_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=SurveyStatus.DRAFT)
                | (Q(sent_at__isnull=False) & Q(deadline__isnull=False)),
                name="survey_sent_has_deadline",
            ),
            models.CheckConstraint(condition=Q(deadline_days__gte=1), name="survey_deadline_days"),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return self.title

    @property
    def hub_id(self) -> int | None:
        """The hub of the cohort's course or of the event (with those rows selected)."""
        if self.cohort_id is not None:
            return self.cohort.course.hub_id if self.cohort else None
        return self.event.hub_id if self.event else None


def _new_nonce() -> str:
    return secrets.token_urlsafe(12)


class Invitation(models.Model):
    """A person's one-time link to a survey.

    Deliberately without `updated_at`, history or a used-at time for anonymous surveys: any of
    those would let someone line invitations up with responses by time."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    nonce = models.CharField(_("link secret"), max_length=24, default=_new_nonce, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    is_used = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["survey", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="invitation_one_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.survey} · {self.user_id}"


class Response(models.Model):
    """A submitted questionnaire.

    Identified: linked to its invitation (unique, so one response per invitation) and person.
    Anonymous: neither column is set (check constraint), and only the day is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="responses"
    )
    is_anonymous = models.BooleanField(_("anonymous"))
    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("invitation"),
        on_delete=models.PROTECT,
        related_name="response",
        null=True,
        blank=True,
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        on_delete=models.PROTECT,
        related_name="survey_responses",
        null=True,
        blank=True,
    )
    submitted_on = models.DateField(_("submitted on"))
    analysed = models.BooleanField(_("comments analysed"), default=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["survey", "submitted_on"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(is_anonymous=True) & Q(invitation__isnull=True) & Q(respondent__isnull=True)
                )
                | (
                    Q(is_anonymous=False)
                    & Q(invitation__isnull=False)
                    & Q(respondent__isnull=False)
                ),
                name="response_anonymous_has_no_person",
            )
        ]
        indexes = [models.Index(fields=["survey", "submitted_on"])]

    def __str__(self) -> str:
        return f"{self.survey} · {self.submitted_on:%Y-%m-%d}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    # Likert 1..5, recommendation 0..10, or the index of the single choice.
    value = models.SmallIntegerField(_("value"), null=True, blank=True)
    selected = models.JSONField(_("selected choices"), default=list, blank=True)
    text = models.TextField(_("text"), blank=True)
    polarity = models.CharField(_("polarity"), max_length=10, choices=Polarity.choices, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="answer_one_per_question"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | (Q(value__gte=0) & Q(value__lte=10)),
                name="answer_value_range",
            ),
            models.CheckConstraint(
                condition=Q(polarity="") | Q(polarity__in=Polarity.values),
                name="answer_polarity_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.value if self.value is not None else self.text[:30]}"


class CommentTerm(models.Model):
    """A noun or noun phrase found in a free-text answer (one row per answer and term)."""

    answer = models.ForeignKey(
        Answer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="terms"
    )
    term = models.CharField(_("term"), max_length=60)
    occurrences = models.PositiveSmallIntegerField(_("occurrences"), default=1)

    class Meta:
        verbose_name = _("comment term")
        verbose_name_plural = _("comment terms")
        constraints = [
            models.UniqueConstraint(fields=["answer", "term"], name="comment_term_unique")
        ]
        indexes = [models.Index(fields=["term"])]

    def __str__(self) -> str:
        return self.term
