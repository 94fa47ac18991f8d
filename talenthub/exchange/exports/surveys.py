"""Export of survey answers, one row per answer (the results page's export as CSV and XLSX alike;
a survey's questions differ, so the answers run down, not across). Anonymous responses carry no
respondent; an identified survey's respondent goes out for a purpose only."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record, pseudonym
from talenthub.hubs.models import Hub
from talenthub.surveys.choices import TEXT_KINDS, QuestionKind
from talenthub.surveys.models import Answer, Response
from talenthub.surveys.selectors.results import choice_label


def _answer(answer: Answer) -> object:
    question = answer.question
    if question.kind in TEXT_KINDS:
        return answer.text
    if question.kind == QuestionKind.SINGLE:
        return choice_label(question, answer.value)
    if question.kind == QuestionKind.MULTIPLE:
        return ", ".join(choice_label(question, int(i)) for i in answer.selected)
    return answer.value


def _answers(hub: Hub, survey: int | None = None, cohort: int | None = None) -> Iterable[Record]:
    # A survey reaches its hub through its cohort or its event.
    responses = Response.objects.filter(
        Q(survey__cohort__course__hub=hub) | Q(survey__event__hub=hub)
    )
    if survey is not None:
        responses = responses.filter(survey_id=survey)
    if cohort is not None:
        responses = responses.filter(survey__cohort_id=cohort)
    responses = (
        responses.select_related("survey__cohort__course", "survey__event", "respondent")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("question").order_by(
                    "question__position", "id"
                ),
            )
        )
        .order_by("survey_id", "submitted_on", "id")
    )
    number, current = 0, None
    for response in responses:
        number = number + 1 if response.survey_id == current else 1
        current = response.survey_id
        survey_row = response.survey
        cohort_row = survey_row.cohort
        respondent = None if response.is_anonymous else response.respondent
        for answer in response.answers.all():
            yield {
                "course_code": cohort_row.course.code if cohort_row else "",
                "cohort": cohort_row.number if cohort_row else None,
                "survey": survey_row.title,
                "response": number,
                "submitted_on": response.submitted_on,
                "person": pseudonym(respondent.pk) if respondent else "",
                "name": respondent.name if respondent else "",
                "email": respondent.email if respondent else "",
                "question_no": answer.question.position,
                "question": answer.question.text,
                "answer": _answer(answer),
            }


WITHOUT_IDENTITY = (
    "course_code",
    "cohort",
    "survey",
    "response",
    "submitted_on",
    "question_no",
    "question",
    "answer",
)

SURVEY_ANSWERS = Dataset(
    key="survey_answers",
    title=_("Survey answers"),
    columns=(
        ExportColumn("course_code", "과정코드"),
        ExportColumn("cohort", "차수"),
        ExportColumn("survey", _("survey")),
        ExportColumn("response", _("response no.")),
        ExportColumn("submitted_on", "응답일"),
        ExportColumn("person", _("person key (pseudonymous)"), personal=True),
        ExportColumn("name", "이름", personal=True),
        ExportColumn("email", "이메일", personal=True),
        ExportColumn("question_no", _("question no.")),
        ExportColumn("question", _("question")),
        ExportColumn("answer", _("answer")),
    ),
    records=_answers,
    filters=("survey", "cohort"),
    purposes={
        # Identities exist only for identified surveys; anonymous ones stay anonymous.
        P.STATISTICS: WITHOUT_IDENTITY,
        P.FUNDER_REPORT: WITHOUT_IDENTITY,
        P.FOLLOW_UP: (
            "course_code",
            "cohort",
            "survey",
            "submitted_on",
            "name",
            "email",
            "question_no",
            "question",
            "answer",
        ),
    },
)
