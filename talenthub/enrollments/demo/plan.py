"""The plan of the demo applications: who applied where, and what was decided when."""

from __future__ import annotations

import datetime
import json
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone

from talenthub.accounts.models import User
from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import (
    ApplicationStatus,
    EnrollmentStatus,
    PriorityGroup,
    SelectionMode,
)
from talenthub.enrollments.models import (
    Application,
    ApplicationForm,
    ConsentText,
    Enrollment,
    PriorityBonus,
    RubricCriterion,
)
from talenthub.enrollments.services.applications import DEFAULT_CONSENTS
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Membership

_RUBRIC = (("직무 역량", Decimal("2.0")), ("지원 동기", Decimal("1.5")), ("성실성", Decimal("1.0")))
_REJECT_REASONS = ("정원 초과로 미선발", "서류 심사 결과 하위", "지원 자격 확인 불가")
BATCH = 1000


@dataclass
class ApplicationsSummary:
    forms: int = 0
    applications: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    live_offer_cohort_id: int | None = None


@dataclass
class _Draft:
    """An application being planned, with its decision chain (time, to-status, actor, reason)."""

    row: Application
    chain: list[tuple[datetime.datetime, str, User | None, str]]
    scored: bool = False


def _at(day: datetime.date, rng: random.Random, latest_hour: int = 21) -> datetime.datetime:
    minutes = rng.randint(9 * 60, latest_hour * 60)
    return datetime.datetime.combine(
        day, datetime.time(minutes // 60, minutes % 60), tzinfo=timezone.get_current_timezone()
    )


def _window(cohort: Cohort, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The days on which this cohort's applications were (or are being) received."""
    opens = cohort.applications_open_on or cohort.starts_on - datetime.timedelta(days=42)
    closes = cohort.applications_close_on or cohort.starts_on - datetime.timedelta(days=3)
    closes = min(closes, today, cohort.starts_on)
    return min(opens, closes), closes


def _day_in(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max((last - first).days, 0)))


class Planner:
    """Decides every application and its decisions; `write` then stores them."""

    def __init__(self, rng: random.Random, cohorts: Sequence[Cohort], today: datetime.date):
        self.rng = rng
        self.cohorts = sorted(cohorts, key=lambda cohort: (cohort.starts_on, cohort.pk))
        self.today = today
        # "Now" is the evening of `today`; everything recorded happened before it.
        self.now = datetime.datetime.combine(
            today, datetime.time(18, 0), tzinfo=timezone.get_current_timezone()
        )
        self.summary = ApplicationsSummary()
        self.drafts: list[_Draft] = []
        self.forms: dict[int, ApplicationForm] = {}

    def at(self, day: datetime.date) -> datetime.datetime:
        return _at(day, self.rng, latest_hour=12 if day >= self.today else 21)

    def run(self) -> ApplicationsSummary:
        done = set(
            Application.objects.filter(cohort__in=self.cohorts).values_list("cohort_id", flat=True)
        )
        self.cohorts = [cohort for cohort in self.cohorts if cohort.pk not in done]
        enrolments = defaultdict(list)
        # Ordered, so the seeded draws land on the same people on every database (PostgreSQL
        # returns unordered rows in whatever order its heap holds them).
        for enrolment in (
            Enrollment.objects.filter(cohort__in=self.cohorts).select_related("user").order_by("pk")
        ):
            enrolments[enrolment.cohort_id].append(enrolment)
        hub_people = self._hub_people(enrolments)
        operators = self.operators()
        self._forms()
        showcase = self._showcase()
        for cohort in self.cohorts:
            operator = operators.get(cohort.course.hub_id)
            taken = {e.user_id for e in enrolments[cohort.pk]}
            for enrolment in enrolments[cohort.pk]:
                self._admitted(cohort, enrolment, operator)
            pool = [p for p in hub_people.get(cohort.course.hub_id, []) if p.pk not in taken]
            self.rng.shuffle(pool)
            self._others(cohort, pool, operator, showcase=cohort.pk == showcase)
        return self.summary

    def _hub_people(self, enrolments: dict[int, list[Enrollment]]) -> dict[int, list[User]]:
        by_hub: dict[int, dict[int, User]] = defaultdict(dict)
        hub_of = {cohort.pk: cohort.course.hub_id for cohort in self.cohorts}
        for cohort_id, rows in enrolments.items():
            for enrolment in rows:
                by_hub[hub_of[cohort_id]][enrolment.user_id] = enrolment.user
        return {
            hub_id: sorted(people.values(), key=lambda u: u.pk) for hub_id, people in by_hub.items()
        }

    def operators(self) -> dict[int, User]:
        hub_ids = {cohort.course.hub_id for cohort in self.cohorts}
        rows = (
            Membership.objects.filter(hub_id__in=hub_ids, role=Role.OPERATOR, is_active=True)
            .select_related("user")
            .order_by("hub_id", "id")
        )
        operators: dict[int, User] = {}
        for membership in rows:
            operators.setdefault(membership.hub_id, membership.user)
        return operators

    def _showcase(self) -> int | None:
        """The recruiting cohort that shows everything: reviews pending, a waitlist, an offer."""
        recruiting = [c for c in self.cohorts if c.status == CohortStatus.RECRUITING]
        this_year = [c for c in recruiting if c.starts_on.year == self.today.year] or recruiting
        held = dict(
            Enrollment.objects.filter(cohort__in=this_year)
            .exclude(status=EnrollmentStatus.DROPPED_OUT)
            .values("cohort_id")
            .annotate(n=Count("id"))
            .values_list("cohort_id", "n")
        )
        with_room = [c for c in this_year if c.capacity - held.get(c.pk, 0) >= 1]
        if not with_room:
            return None
        chosen = with_room[0]
        form = self.forms[chosen.pk]
        form.selection_mode = SelectionMode.SCREENING
        form.save(update_fields=["selection_mode"])
        self._rubric([form])
        return chosen.pk

    # --- set-up of each cohort's form ------------------------------------------------------

    def _forms(self) -> None:
        existing = {f.cohort_id: f for f in ApplicationForm.objects.filter(cohort__in=self.cohorts)}
        new = [
            ApplicationForm(
                cohort=cohort,
                selection_mode=(
                    SelectionMode.SCREENING
                    if self.rng.random() < 0.35
                    else SelectionMode.FIRST_COME
                ),
                offer_valid_hours=self.rng.choice((48, 72)),
            )
            for cohort in self.cohorts
            if cohort.pk not in existing
        ]
        ApplicationForm.objects.bulk_create(new, batch_size=BATCH)
        self.summary.forms = len(new)
        items = json.loads(DEFAULT_CONSENTS.read_text(encoding="utf-8"))
        ConsentText.objects.bulk_create(
            (
                ConsentText(
                    form=form,
                    position=index,
                    version=1,
                    published_at=self.at(_window(form.cohort, self.today)[0]),
                    **item,
                )
                for form in new
                for index, item in enumerate(items)
            ),
            batch_size=BATCH,
        )
        self._rubric([form for form in new if form.selection_mode == SelectionMode.SCREENING])
        for form in [*existing.values(), *new]:
            self.forms[form.cohort_id] = form
        self.consents: dict[int, list[ConsentText]] = defaultdict(list)
        for text in ConsentText.objects.filter(form__cohort__in=self.cohorts).order_by("position"):
            self.consents[text.form_id].append(text)

    def _rubric(self, forms: Iterable[ApplicationForm]) -> None:
        forms = [f for f in forms if not RubricCriterion.objects.filter(form=f).exists()]
        RubricCriterion.objects.bulk_create(
            RubricCriterion(form=form, position=index, name=name, weight=weight)
            for form in forms
            for index, (name, weight) in enumerate(_RUBRIC)
        )
        PriorityBonus.objects.bulk_create(
            PriorityBonus(form=form, group=PriorityGroup.NEET, points=Decimal("2.0"))
            for form in forms
        )

    # --- the applications --------------------------------------------------------------------

    def _draft(
        self, cohort: Cohort, user: User, submitted: datetime.datetime, **fields: object
    ) -> _Draft:
        row = Application(
            cohort=cohort,
            user=user,
            status=ApplicationStatus.SUBMITTED,
            submitted_at=submitted,
            status_changed_at=submitted,
            birth_date=user.birth_date,
            region=user.region,
            **fields,
        )
        draft = _Draft(row=row, chain=[(submitted, ApplicationStatus.SUBMITTED, user, "")])
        self.drafts.append(draft)
        return draft

    def _decide(
        self, draft: _Draft, at: datetime.datetime, status: str, actor: User | None, reason: str
    ) -> None:
        at = max(at, draft.chain[-1][0] + datetime.timedelta(minutes=1))
        draft.chain.append((at, status, actor, reason))
        draft.row.status = status
        draft.row.status_changed_at = at

    def _screening(self, cohort: Cohort) -> bool:
        return self.forms[cohort.pk].selection_mode == SelectionMode.SCREENING

    def _admitted(self, cohort: Cohort, enrolment: Enrollment, operator: User | None) -> None:
        first, last = _window(cohort, self.today)
        last = min(last, enrolment.enrolled_on)
        submitted = self.at(_day_in(self.rng, min(first, last), last))
        draft = self._draft(
            cohort,
            enrolment.user,
            submitted,
            is_job_seeker=enrolment.is_job_seeker_at_entry,
            is_neet=enrolment.is_neet_at_entry,
            enrollment=enrolment,
        )
        admitted_at = max(self.at(min(enrolment.enrolled_on, self.today)), submitted)
        if self._screening(cohort):
            draft.scored = True
            self._decide(draft, admitted_at, ApplicationStatus.ADMITTED, operator, "서류 심사 통과")
        else:
            self._decide(
                draft, submitted, ApplicationStatus.ADMITTED, None, "선착순: 잔여 좌석 있음"
            )

    def _others(
        self, cohort: Cohort, pool: list[User], operator: User | None, *, showcase: bool
    ) -> None:
        """People who applied and are not (or not yet) enrolled."""
        rng, screening = self.rng, self._screening(cohort)
        first, last = _window(cohort, self.today)
        if cohort.status in (CohortStatus.PLANNED, CohortStatus.CANCELLED):
            return
        if cohort.status == CohortStatus.RECRUITING:
            # First come, first served with seats free: everyone who applied is already admitted.
            count = max(3, cohort.capacity // 3) if screening else 0
            last = min(last, self.today - datetime.timedelta(days=3))
        else:
            count = rng.randint(0, cohort.capacity // 2)
        for index, person in enumerate(pool[: max(count, 8) if showcase else count]):
            draft = self._draft(
                cohort,
                person,
                self.at(_day_in(rng, min(first, last), last)),
                is_job_seeker=rng.random() < 0.6,
                is_neet=rng.random() < 0.15,
            )
            if cohort.status == CohortStatus.RECRUITING:
                self._open(cohort, draft, index, operator, showcase=showcase)
            else:
                self._closed(cohort, draft, operator)

    def _closed(self, cohort: Cohort, draft: _Draft, operator: User | None) -> None:
        """An application to a cohort that has started: withdrawn, lapsed or not selected."""
        rng, person = self.rng, draft.row.user
        at = draft.row.submitted_at + datetime.timedelta(days=rng.randint(1, 5))
        start = self.at(cohort.starts_on)
        if rng.random() < 0.2:
            self._decide(draft, at, ApplicationStatus.WITHDRAWN, person, "신청자 본인 취소")
            return
        if not self._screening(cohort):
            self._decide(
                draft,
                draft.row.submitted_at,
                ApplicationStatus.WAITLISTED,
                None,
                "선착순: 정원 마감",
            )
        elif rng.random() < 0.3:
            draft.scored = True
            self._decide(draft, at, ApplicationStatus.WAITLISTED, operator, "예비 선정")
        else:
            draft.scored = True
            self._decide(
                draft, at, ApplicationStatus.REJECTED, operator, rng.choice(_REJECT_REASONS)
            )
            return
        if rng.random() < 0.3:
            offered = start - datetime.timedelta(days=4)
            self._decide(
                draft, offered, ApplicationStatus.OFFERED, None, "결원 발생: 대기 순번 제안"
            )
            lapsed = offered + datetime.timedelta(hours=self.forms[cohort.pk].offer_valid_hours)
            self._decide(draft, lapsed, ApplicationStatus.LAPSED, None, "수락 기한 경과")
        else:
            self._decide(
                draft, start, ApplicationStatus.REJECTED, operator, "교육 시작으로 대기 종료"
            )

    def _open(
        self, cohort: Cohort, draft: _Draft, index: int, operator: User | None, *, showcase: bool
    ) -> None:
        """An application to a cohort still recruiting in screening mode: under review, or (in
        the showcase cohort) waiting, or offered a seat that is still open."""
        draft.scored = index % 2 == 0
        if not showcase or operator is None:
            return
        waited = self.now - datetime.timedelta(days=2)
        reason = "서류 심사 후 예비 선정"
        if index == 0:
            self._decide(draft, waited, ApplicationStatus.WAITLISTED, operator, reason)
            hours = self.forms[cohort.pk].offer_valid_hours
            draft.row.offer_expires_at = self.now + datetime.timedelta(hours=hours)
            offered = self.now - datetime.timedelta(hours=2)
            self._decide(draft, offered, ApplicationStatus.OFFERED, None, "결원 발생: 대기 1순위")
            self.summary.live_offer_cohort_id = cohort.pk
        elif index in (1, 2, 3):
            at = waited + datetime.timedelta(minutes=index)
            self._decide(draft, at, ApplicationStatus.WAITLISTED, operator, reason)
            draft.row.waitlist_position = index
