"""Exports without personal data: cohorts, partners, satisfaction scores."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from talenthub.courses.selectors import cohorts_in_hubs
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record
from talenthub.exchange.importers.vocabulary import INDUSTRY, LEVEL, TRACK
from talenthub.hubs.models import Hub
from talenthub.partners.models import Organisation
from talenthub.partners.selectors import organisations_in_hubs
from talenthub.surveys import scoring
from talenthub.surveys.selectors.scores import cohort_results, surveyed_cohorts


def _cohorts(hub: Hub) -> Iterable[Record]:
    cohorts = cohorts_in_hubs({hub.pk}).prefetch_related(
        Prefetch("course__partners", queryset=Organisation.objects.order_by("name"))
    )
    for cohort in cohorts:
        course = cohort.course
        yield {
            "course_code": course.code,
            "title": course.title,
            "track": TRACK.word(course.track),
            "industry": INDUSTRY.word(course.industry_domain),
            "level": LEVEL.word(course.level),
            "starts_on": cohort.starts_on,
            "ends_on": cohort.ends_on,
            "hours": course.hours,
            "capacity": cohort.capacity,
            "site": cohort.site.name if cohort.site else "",
            "partners": ", ".join(p.name for p in course.partners.all()),
            "cohort": cohort.number,
            "status": str(cohort.get_status_display()),
            "seats_taken": cohort.seats_taken,  # type: ignore[attr-defined]
        }


COHORTS = Dataset(
    key="cohorts",
    title=_("Courses and cohorts"),
    columns=(
        ExportColumn("course_code", "과정코드"),
        ExportColumn("title", "과정명"),
        ExportColumn("track", "분야"),
        ExportColumn("industry", "산업연계"),
        ExportColumn("starts_on", "시작일"),
        ExportColumn("ends_on", "종료일"),
        ExportColumn("hours", "총시간"),
        ExportColumn("capacity", "정원"),
        ExportColumn("site", "교육장"),
        ExportColumn("partners", "협력기관"),
        ExportColumn("cohort", "차수"),
        ExportColumn("level", "수준"),
        ExportColumn("status", _("status")),
        ExportColumn("seats_taken", _("seats taken")),
    ),
    records=_cohorts,
)


def _partners(hub: Hub) -> Iterable[Record]:
    for organisation in organisations_in_hubs({hub.pk}):
        yield {
            "name": organisation.name,
            "kind": str(organisation.get_kind_display()),
            "website": organisation.website,
            "agreements": organisation.n_agreements,  # type: ignore[attr-defined]
            "next_end": organisation.next_end,  # type: ignore[attr-defined]
        }


PARTNERS = Dataset(
    key="partners",
    title=_("Partner organisations"),
    columns=(
        ExportColumn("name", _("name")),
        ExportColumn("kind", _("kind")),
        ExportColumn("website", _("website")),
        ExportColumn("agreements", _("agreements")),
        ExportColumn("next_end", _("next agreement end")),
    ),
    records=_partners,
)


def _scores(hub: Hub) -> Iterable[Record]:
    cohorts = list(surveyed_cohorts([hub.pk], None, None))
    results = cohort_results(c.pk for c in cohorts)
    for cohort in cohorts:
        result = results[cohort.pk]
        yield {
            "course_code": cohort.course.code,
            "title": cohort.course.title,
            "cohort": cohort.number,
            "ends_on": cohort.ends_on,
            "respondents": result.respondents,
            "invited": result.invited,
            "rate": scoring.percent(result.response_rate),
            "score": scoring.round_half_up(result.score),
        }


SCORES = Dataset(
    key="survey_scores",
    title=_("Satisfaction scores by cohort"),
    columns=(
        ExportColumn("course_code", "과정코드"),
        ExportColumn("title", "과정명"),
        ExportColumn("cohort", "차수"),
        ExportColumn("ends_on", "종료일"),
        ExportColumn("respondents", _("respondents")),
        ExportColumn("invited", _("invited")),
        ExportColumn("rate", _("response rate (%)")),
        ExportColumn("score", _("score (100-point)")),
    ),
    records=_scores,
)
