"""What an operator configures per cohort before recruiting: the application form, its questions and
consent texts, eligibility rules, the screening rubric, priority bonuses and invited reviewers."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from talenthub.core.models import TimeStampedModel
from talenthub.courses.models import Cohort, Course
from talenthub.enrollments.choices import (
    ConsentKind,
    EligibilityRuleKind,
    PriorityGroup,
    QuestionKind,
    SelectionMode,
)
from talenthub.partners.models import Organisation


class ApplicationForm(TimeStampedModel):
    """How a cohort recruits: one per cohort."""

    cohort = models.OneToOneField(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="application_form"
    )
    selection_mode = models.CharField(
        _("selection mode"),
        max_length=20,
        choices=SelectionMode.choices,
        default=SelectionMode.FIRST_COME,
    )
    intro = models.TextField(_("introduction shown above the form"), blank=True)
    offer_valid_hours = models.PositiveSmallIntegerField(
        _("hours to accept an offered seat"), default=72
    )

    class Meta:
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")
        constraints = [
            models.CheckConstraint(
                condition=Q(selection_mode__in=SelectionMode.values),
                name="application_form_mode_valid",
            ),
            models.CheckConstraint(
                condition=Q(offer_valid_hours__gte=1) & Q(offer_valid_hours__lte=720),
                name="application_form_offer_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.cohort)


class Question(models.Model):
    form = models.ForeignKey(
        ApplicationForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order in a list", "position"))
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    choices = models.TextField(_("choices (one per line)"), blank=True)
    is_required = models.BooleanField(_("required"), default=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["form", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "position"], name="application_question_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values), name="application_question_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=QuestionKind.CHOICE) | ~Q(choices=""),
                name="application_question_has_choices",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ConsentText(models.Model):
    """One version of one consent item. A changed text is a new version; old ones stay, because
    every consent record points at the exact text the applicant saw."""

    form = models.ForeignKey(
        ApplicationForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="consents"
    )
    key = models.SlugField(_("item key"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"), default=0
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConsentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    recipients = models.CharField(
        _("recipients (third-party provision)"), max_length=300, blank=True
    )
    is_required = models.BooleanField(_("required to apply"), default=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["form", "position", "key", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "key", "version"], name="consent_text_version_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ConsentKind.values), name="consent_text_kind_valid"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="consent_text_version_min"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class EligibilityRule(models.Model):
    """One condition an applicant must meet; all of a cohort's rules apply (combined by AND)."""

    form = models.ForeignKey(
        ApplicationForm,
        verbose_name=_("form"),
        on_delete=models.CASCADE,
        related_name="eligibility_rules",
    )
    kind = models.CharField(_("rule"), max_length=30, choices=EligibilityRuleKind.choices)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    regions = models.CharField(
        _("regions (comma-separated)"),
        max_length=300,
        blank=True,
        help_text=_("An applicant's region must start with one of these, e.g. 전북, 전주시."),
    )
    course = models.ForeignKey(
        Course,
        verbose_name=_("course completed before"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    universities = models.ManyToManyField(
        Organisation, verbose_name=_("partner universities"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["form", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EligibilityRuleKind.values), name="eligibility_rule_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=EligibilityRuleKind.AGE_RANGE)
                | Q(min_age__isnull=False)
                | Q(max_age__isnull=False),
                name="eligibility_age_rule_has_bound",
            ),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True)
                | Q(max_age__isnull=True)
                | Q(max_age__gte=F("min_age")),
                name="eligibility_age_bounds_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EligibilityRuleKind.REGION) | ~Q(regions=""),
                name="eligibility_region_rule_has_regions",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EligibilityRuleKind.COMPLETED_COURSE) | Q(course__isnull=False),
                name="eligibility_course_rule_has_course",
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def region_list(self) -> list[str]:
        return [part.strip() for part in self.regions.split(",") if part.strip()]


class RubricCriterion(models.Model):
    form = models.ForeignKey(
        ApplicationForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="criteria"
    )
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"), default=0
    )
    name = models.CharField(_("criterion"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=Decimal("1.00")
    )
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=5)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["form", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["form", "name"], name="rubric_criterion_name_unique"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="rubric_weight_positive"),
            models.CheckConstraint(
                condition=Q(max_score__gte=1) & Q(max_score__lte=100),
                name="rubric_max_score_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PriorityBonus(models.Model):
    """Points added to the screening score of applicants in a priority group (e.g. NEET youth)."""

    form = models.ForeignKey(
        ApplicationForm,
        verbose_name=_("form"),
        on_delete=models.CASCADE,
        related_name="priority_bonuses",
    )
    group = models.CharField(_("priority group"), max_length=20, choices=PriorityGroup.choices)
    points = models.DecimalField(_("bonus points"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("priority bonus")
        verbose_name_plural = _("priority bonuses")
        constraints = [
            models.UniqueConstraint(fields=["form", "group"], name="priority_bonus_unique"),
            models.CheckConstraint(
                condition=Q(group__in=PriorityGroup.values), name="priority_group_valid"
            ),
            models.CheckConstraint(condition=Q(points__gte=0), name="priority_bonus_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()} +{self.points}"


class Reviewer(models.Model):
    """A person invited to score a cohort's applications (the hub's operators may always score)."""

    form = models.ForeignKey(
        ApplicationForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="reviewers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [
            models.UniqueConstraint(fields=["form", "user"], name="reviewer_unique_per_form")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.form}"
