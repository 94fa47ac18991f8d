"""One English word, two meanings: each use carries a pgettext context so that Korean can tell
them apart. These read the compiled Korean catalogue, so they pass once the catalogues carry the
contexts (like test_catalogues, they fail while a new msgctxt awaits its translation)."""

from __future__ import annotations

import pytest
from django.utils import translation

from talenthub.attendance.choices import CompletionOutcome
from talenthub.courses.models import Cohort, Course
from talenthub.enrollments.choices import EnrollmentStatus, OperatorDecision
from talenthub.enrollments.models import Question
from talenthub.outcomes.forms import VerifyForm
from talenthub.partners.forms import ContactForm
from talenthub.partners.models import Contact
from talenthub.projects.choices import ProjectStatus
from talenthub.projects.forms import DecisionForm
from talenthub.surveys.models import Section


def _in(language: str, text: object) -> str:
    with translation.override(language):
        return str(text)


def _choice(form: type, value: str) -> object:
    return dict(form.base_fields["decision"].choices)[value]


@pytest.mark.parametrize(
    ("label", "korean"),
    [
        # an order in a list, not a job
        (Question._meta.get_field("position").verbose_name, "순서"),
        (Section._meta.get_field("position").verbose_name, "순서"),
        # a job, not an order
        (Contact._meta.get_field("position").verbose_name, "직책"),
        (ContactForm.base_fields["position"].label, "직책"),
        # finishing a course is 수료; finishing a project is 완료
        (EnrollmentStatus.COMPLETED.label, "수료"),
        (CompletionOutcome.COMPLETED.label, "수료"),
        (ProjectStatus.COMPLETED.label, "완료"),
        # turning down an applicant is 불합격; turning down a proposal or evidence is 반려
        (OperatorDecision.REJECT.label, "불합격"),
        (_choice(DecisionForm, "reject"), "반려"),
        (_choice(VerifyForm, "reject"), "반려"),
    ],
)
def test_each_use_of_an_ambiguous_word_has_its_own_korean(label: object, korean: str) -> None:
    assert _in("en", label) in {"position", "Completed", "Reject"}
    assert _in("ko", label) == korean


def test_a_cohort_reads_as_course_then_ordinal_in_korean() -> None:
    cohort = Cohort(course=Course(title="AI 기초"), number=3)
    assert _in("ko", cohort) == "AI 기초 3기"
    assert _in("en", cohort) == "AI 기초, cohort 3"
