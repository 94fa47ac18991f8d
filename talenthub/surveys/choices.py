from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    LIKERT5 = "likert5", _("5-point agreement scale")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    RECOMMEND = "recommend", _("0-10 recommendation")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")


TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})


class Purpose(models.TextChoices):
    SATISFACTION = "satisfaction", _("Satisfaction")
    PRE_ASSESSMENT = "pre_assessment", _("Skills self-assessment before the course")
    POST_ASSESSMENT = "post_assessment", _("Skills self-assessment after the course")
    OTHER = "other", _("Other")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Not sent yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Polarity(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEGATIVE = "negative", _("Negative")
    NEUTRAL = "neutral", _("Neutral or mixed")


# The agreement scale, 1..5; labels are UI strings (the question texts themselves are data).
LIKERT_LABELS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neutral"),
    4: _("Agree"),
    5: _("Strongly agree"),
}
