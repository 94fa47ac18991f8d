from talenthub.enrollments.models.applications import (
    Answer,
    Application,
    ConsentRecord,
    Score,
    SelectionDecision,
)
from talenthub.enrollments.models.enrolment import CohortSeats, Enrollment
from talenthub.enrollments.models.intake import (
    ApplicationForm,
    ConsentText,
    EligibilityRule,
    PriorityBonus,
    Question,
    Reviewer,
    RubricCriterion,
)
from talenthub.enrollments.models.notifications import Notification

__all__ = [
    "Answer",
    "Application",
    "ApplicationForm",
    "CohortSeats",
    "ConsentRecord",
    "ConsentText",
    "EligibilityRule",
    "Enrollment",
    "Notification",
    "PriorityBonus",
    "Question",
    "Reviewer",
    "RubricCriterion",
    "Score",
    "SelectionDecision",
]
