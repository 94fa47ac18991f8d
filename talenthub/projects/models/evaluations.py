"""The company's evaluation of each team member."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from talenthub.core.models import TimeStampedModel
from talenthub.projects.models.projects import ProjectApplication


class ProjectEvaluation(TimeStampedModel):
    """The company's evaluation of one team member, each criterion scored 1 to 5."""

    application = models.OneToOneField(
        ProjectApplication,
        verbose_name=_("team member"),
        on_delete=models.CASCADE,
        related_name="evaluation",
    )
    skill = models.PositiveSmallIntegerField(_("technical skill"))
    collaboration = models.PositiveSmallIntegerField(_("collaboration"))
    problem_solving = models.PositiveSmallIntegerField(_("problem solving"))
    comment = models.TextField(_("comment"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("project evaluation")
        verbose_name_plural = _("project evaluations")
        constraints = [
            models.CheckConstraint(
                condition=Q(skill__gte=1)
                & Q(skill__lte=5)
                & Q(collaboration__gte=1)
                & Q(collaboration__lte=5)
                & Q(problem_solving__gte=1)
                & Q(problem_solving__lte=5),
                name="project_evaluation_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.average:.1f}"

    @property
    def average(self) -> float:
        return (self.skill + self.collaboration + self.problem_solving) / 3
