"""Breakdown dimensions: for each kind of row a KPI counts, the SQL expression that puts a row in a
bucket, and the bucket's key (a string, stable in URLs and rollups) and label."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, F, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import Exact, GreaterThanOrEqual, LessThan
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.choices import Gender
from talenthub.courses.choices import IndustryDomain, Level, Track
from talenthub.events.choices import EventKind

UNKNOWN = "unknown"
NONE = "none"
YES, NO = "yes", "no"


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str | Promise
    # Codes → labels for dimensions with a fixed list of buckets; None for hubs, sites, regions.
    choices: tuple[tuple[str, str | Promise], ...] | None = None


AGE_BANDS: tuple[tuple[str, str | Promise], ...] = (
    ("under_20", _("Under 20")),
    ("20_24", _("20–24")),  # noqa: RUF001
    ("25_29", _("25–29")),  # noqa: RUF001
    ("30_34", _("30–34")),  # noqa: RUF001
    ("35_39", _("35–39")),  # noqa: RUF001
    ("40_49", _("40–49")),  # noqa: RUF001
    ("50_plus", _("50 and over")),
    (UNKNOWN, _("Not stated")),
)
_YES_NO: tuple[tuple[str, str | Promise], ...] = ((YES, _("Yes")), (NO, _("No")))

DIMENSIONS: dict[str, Dimension] = {
    d.name: d
    for d in [
        Dimension("hub", _("hub")),
        Dimension("site", _("site")),
        Dimension("track", _("track"), tuple(Track.choices)),
        Dimension("domain", _("industry domain"), tuple(IndustryDomain.choices)),
        Dimension("level", _("level"), tuple(Level.choices)),
        Dimension("region", _("region of residence")),
        Dimension("age_band", _("age band"), AGE_BANDS),
        Dimension(
            "gender",
            _("gender"),
            (
                (Gender.FEMALE.value, Gender.FEMALE.label),
                (Gender.MALE.value, Gender.MALE.label),
                (UNKNOWN, _("Not stated")),
            ),
        ),
        Dimension("neet", _("NEET youth"), _YES_NO),
        Dimension("job_seeker", _("job-seeker at entry"), _YES_NO),
        Dimension("event_kind", _("kind of event"), tuple(EventKind.choices)),
    ]
}

# Per kind of row: the ORM path of each dimension (or, for age bands, of the two dates it needs).
PATHS: dict[str, dict[str, str]] = {
    "cohort": {
        "hub": "course__hub_id",
        "site": "site_id",
        "track": "course__track",
        "domain": "course__industry_domain",
        "level": "course__level",
    },
    "enrolment": {
        "hub": "cohort__course__hub_id",
        "site": "cohort__site_id",
        "track": "cohort__course__track",
        "domain": "cohort__course__industry_domain",
        "level": "cohort__course__level",
        "region": "user__region",
        "gender": "user__gender",
        "neet": "is_neet_at_entry",
        "job_seeker": "is_job_seeker_at_entry",
        "age_band.birth": "user__birth_date",
        "age_band.on": "cohort__starts_on",
    },
    "application": {
        "hub": "cohort__course__hub_id",
        "site": "cohort__site_id",
        "track": "cohort__course__track",
        "domain": "cohort__course__industry_domain",
        "level": "cohort__course__level",
    },
    "agreement": {"hub": "organisation__hub_id"},
    "project": {"hub": "organisation__hub_id"},
    "project_application": {"hub": "project__organisation__hub_id"},
    "event": {"hub": "hub_id", "site": "site_id", "event_kind": "kind"},
    "registration": {
        "hub": "event__hub_id",
        "site": "event__site_id",
        "event_kind": "event__kind",
        "region": "user__region",
        "gender": "user__gender",
    },
}
COHORT_DIMENSIONS = ("hub", "site", "track", "domain", "level")
ENROLMENT_DIMENSIONS = (
    *COHORT_DIMENSIONS,
    "region",
    "age_band",
    "gender",
    "neet",
    "job_seeker",
)

EVENT_DIMENSIONS = ("hub", "site", "event_kind")
REGISTRATION_DIMENSIONS = (*EVENT_DIMENSIONS, "region", "gender")


def _age(birth: str, on: str) -> Combinable:
    """Age in whole years on the date `on` (만 나이), in SQL."""
    before_birthday = Q(LessThan(ExtractMonth(on), ExtractMonth(birth))) | (
        Q(Exact(ExtractMonth(on), ExtractMonth(birth)))
        & Q(LessThan(ExtractDay(on), ExtractDay(birth)))
    )
    return (
        ExtractYear(on)
        - ExtractYear(birth)
        - Case(When(before_birthday, then=Value(1)), default=Value(0))
    )


def _age_band(birth: str, on: str) -> Case:
    age = _age(birth, on)
    limits = [(20, "under_20"), (25, "20_24"), (30, "25_29"), (35, "30_34"), (40, "35_39")]
    whens = [When(Q(**{f"{birth}__isnull": True}), then=Value(UNKNOWN))]
    whens += [When(LessThan(age, limit), then=Value(code)) for limit, code in limits]
    whens.append(When(LessThan(age, 50), then=Value("40_49")))
    whens.append(When(GreaterThanOrEqual(age, 50), then=Value("50_plus")))
    return Case(*whens, default=Value(UNKNOWN))


def expression(base: str, dimension: str) -> Any:
    """The SQL expression whose value is the row's bucket (before `key_of`)."""
    paths = PATHS[base]
    if dimension == "age_band":
        return _age_band(paths["age_band.birth"], paths["age_band.on"])
    if dimension in ("neet", "job_seeker"):
        return Case(When(Q(**{paths[dimension]: True}), then=Value(YES)), default=Value(NO))
    return F(paths[dimension])


def key_of(value: object) -> str:
    """The bucket key of a value from `expression`: ids as text, empty and NULL as `unknown`."""
    if value is None or value == "":
        return UNKNOWN
    return str(value)


def with_bucket(queryset: QuerySet[Any], base: str, dimension: str) -> QuerySet[Any]:
    annotated: QuerySet[Any] = queryset.annotate(_bucket=expression(base, dimension))
    return annotated


def only_bucket(queryset: QuerySet[Any], base: str, dimension: str, key: str) -> QuerySet[Any]:
    """The rows of `queryset` that fall in bucket `key` of `dimension` (drill-down)."""
    annotated = with_bucket(queryset, base, dimension)
    if dimension in ("hub", "site"):
        if key == UNKNOWN:
            return annotated.filter(_bucket__isnull=True)
        return annotated.filter(_bucket=int(key)) if key.isdigit() else annotated.none()
    if key == UNKNOWN:
        return annotated.filter(Q(_bucket__isnull=True) | Q(_bucket="") | Q(_bucket=UNKNOWN))
    return annotated.filter(_bucket=key)
