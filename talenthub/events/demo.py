"""Demo events: each hub runs technology tours, a workshop for NEET youth, a vibe-coding challenge
day, seminars, a demo day and a job fair every year from 2020, with registrations from its own
people, attendance for the events that are over, and a few events still open for registration.

Deterministic for a seed: every row drawn from is ordered by primary key, and the rows are
written with `bulk_create` (seat ledgers included) in the demo's transaction."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from talenthub.enrollments.models import Enrollment
from talenthub.events.choices import (
    SEAT_HOLDING,
    EventKind,
    EventStatus,
    RegistrationStatus,
    TargetGroup,
)
from talenthub.events.models import Event, EventSeats, Registration
from talenthub.hubs.models import Hub, Site
from talenthub.partners.models import Organisation

FIRST_YEAR = 2020

# (kind, title, target group, (month range), start hour, hours, capacity or None, how many a year)
PROGRAMME: tuple[tuple[str, str, str, tuple[int, int], int, int, int | None, int], ...] = (
    (EventKind.TOUR, "스마트팜 현장 기술 투어", TargetGroup.TRAINEES, (4, 6), 10, 6, 25, 1),
    (EventKind.TOUR, "지역 ICT 기업 기술 투어", TargetGroup.JOB_SEEKERS, (9, 11), 10, 5, 30, 1),
    (EventKind.WORKSHOP, "쉬었음 청년 디지털 워크숍", TargetGroup.NEET, (5, 9), 14, 3, 20, 1),
    (EventKind.CHALLENGE, "바이브코딩 챌린지 데이", TargetGroup.ALL, (7, 10), 10, 8, 40, 1),
    (EventKind.SEMINAR, "AI·데이터 트렌드 세미나", TargetGroup.ALL, (2, 11), 15, 2, None, 2),
    (EventKind.DEMO_DAY, "기업협력 프로젝트 데모데이", TargetGroup.ALL, (11, 12), 14, 3, 80, 1),
    (
        EventKind.NETWORKING,
        "디지털 인재 채용 박람회",
        TargetGroup.JOB_SEEKERS,
        (6, 6),
        13,
        4,
        None,
        1,
    ),
)
# Still to come on the demo's "today": open for registration, one of them already full.
UPCOMING: tuple[tuple[str, str, str, int, int, int, int | None], ...] = (
    (EventKind.SEMINAR, "생성형 AI 활용 세미나", TargetGroup.ALL, 8, 15, 2, None),
    (EventKind.WORKSHOP, "쉬었음 청년 첫걸음 워크숍", TargetGroup.NEET, 12, 14, 3, 12),
    (EventKind.CHALLENGE, "겨울 바이브코딩 챌린지", TargetGroup.STUDENTS, 19, 10, 8, 30),
)
ATTENDANCE = (0.75, 0.95)


@dataclass(frozen=True)
class DemoEvents:
    events: int
    registrations: int
    attended: int


def _aware(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


def _weekday(year: int, months: tuple[int, int], rng: random.Random) -> datetime.date:
    month = rng.randint(*months)
    day = datetime.date(year, month, rng.randint(1, 28))
    while day.weekday() >= 5:  # events run on weekdays
        day += datetime.timedelta(days=1)
    return day


def _people_by_year(hub: Hub) -> dict[int, list[int]]:
    """The hub's people who had started a course by each year (the pool an event draws from)."""
    rows = (
        Enrollment.objects.filter(cohort__course__hub=hub)
        .values_list("user_id", "cohort__starts_on")
        .order_by("user_id", "cohort__starts_on")
    )
    first: dict[int, int] = {}
    for user_id, starts_on in rows:
        first.setdefault(user_id, starts_on.year)
    pools: dict[int, list[int]] = {}
    for year in range(FIRST_YEAR, 2031):
        pools[year] = sorted(user_id for user_id, since in first.items() if since <= year)
    return pools


@transaction.atomic
def generate(
    *,
    rng: random.Random,
    hub: Hub,
    today: datetime.date,
    trainee_id: int | None = None,
    operator_id: int | None = None,
) -> DemoEvents:
    """Events of one hub from 2020 to `today`'s year, and those still to come."""
    now = _aware(today, 9)
    sites: Sequence[Site] = list(Site.objects.filter(hub=hub).order_by("pk"))
    partners: Sequence[Organisation] = list(Organisation.objects.filter(hub=hub).order_by("pk"))
    pools = _people_by_year(hub)
    plans: list[tuple[Event, list[int], int | None]] = []
    for year in range(FIRST_YEAR, today.year + 1):
        for kind, title, target, months, hour, hours, capacity, times in PROGRAMME:
            for _ in range(times):
                day = _weekday(year, months, rng)
                starts = _aware(day, hour)
                if starts >= now:
                    continue  # this year's later events: the upcoming ones below stand for them
                plans.append(
                    (
                        _event(hub, kind, f"{year} {title}", target, starts, hours, capacity),
                        pools.get(year, []),
                        None,
                    )
                )
    for kind, title, target, days_ahead, hour, hours, capacity in UPCOMING:
        day = today + datetime.timedelta(days=days_ahead)
        starts = _aware(day, hour)
        event = _event(hub, kind, title, target, starts, hours, capacity)
        event.status = EventStatus.OPEN
        plans.append((event, pools.get(today.year, []), capacity))
    for event, _pool, _full in plans:
        event.site = rng.choice(sites) if sites and rng.random() < 0.7 else None
        event.created_by_id = operator_id
    Event.objects.bulk_create([event for event, _pool, _full in plans], batch_size=500)
    through = Event.partners.through
    links = []
    for event, _pool, _full in plans:
        if partners and event.kind in (EventKind.TOUR, EventKind.NETWORKING, EventKind.DEMO_DAY):
            for organisation in rng.sample(list(partners), min(2, len(partners))):
                links.append(through(event_id=event.pk, organisation_id=organisation.pk))
    through.objects.bulk_create(links, batch_size=1000)
    registrations: list[Registration] = []
    for event, pool, full in plans:
        registrations.extend(_registrations(event, pool, full, now, rng, trainee_id))
    Registration.objects.bulk_create(registrations, batch_size=2000)
    EventSeats.objects.bulk_create(
        [
            EventSeats(
                event=event,
                capacity=event.capacity,
                seats_taken=sum(
                    1 for r in registrations if r.event is event and r.status in SEAT_HOLDING
                ),
            )
            for event, _pool, _full in plans
            if event.capacity is not None
        ]
    )
    attended = sum(1 for r in registrations if r.status == RegistrationStatus.ATTENDED)
    return DemoEvents(len(plans), len(registrations), attended)


def _event(
    hub: Hub,
    kind: str,
    title: str,
    target: str,
    starts: datetime.datetime,
    hours: int,
    capacity: int | None,
) -> Event:
    return Event(
        hub=hub,
        kind=kind,
        title=title,
        description=f"{hub.name}에서 여는 {title}입니다. 교육생과 지역 청년 누구나 신청할 수 "
        "있습니다.",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        place=f"{hub.name} 세미나실",
        capacity=capacity,
        target_group=target,
        is_published=True,
        status=EventStatus.CLOSED,
    )


def _registrations(
    event: Event,
    pool: list[int],
    full: int | None,
    now: datetime.datetime,
    rng: random.Random,
    trainee_id: int | None,
) -> list[Registration]:
    """People who registered (the first `capacity` get a seat, the rest wait); for an event that
    is over, who came and who did not."""
    if not pool:
        return []
    limit = event.capacity or rng.randint(30, 60)
    # An upcoming event with a capacity fills up and gets a waitlist; others fill 60-100 %.
    wanted = limit + 3 if full else max(1, int(limit * rng.uniform(0.6, 1.0)))
    people = rng.sample(pool, min(wanted, len(pool)))
    # The demo trainee has a seat at the upcoming event without a limit.
    upcoming_without_limit = event.status == EventStatus.OPEN and full is None
    if trainee_id is not None and trainee_id not in people and upcoming_without_limit:
        people.insert(0, trainee_id)
    over = event.status == EventStatus.CLOSED
    show = rng.uniform(*ATTENDANCE)
    rows = []
    opened = event.starts_at - datetime.timedelta(days=21)
    for index, user_id in enumerate(people):
        queued = opened + datetime.timedelta(minutes=37 * index + rng.randint(0, 30))
        if event.capacity is not None and index >= event.capacity:
            status = RegistrationStatus.WAITLISTED
        elif not over:
            status = RegistrationStatus.REGISTERED
        elif rng.random() < 0.04:
            status = RegistrationStatus.CANCELLED
        else:
            came = rng.random() < show
            status = RegistrationStatus.ATTENDED if came else RegistrationStatus.NO_SHOW
        rows.append(
            Registration(
                event=event,
                user_id=user_id,
                status=status,
                queued_at=min(queued, event.starts_at),
                status_changed_at=event.ends_at if over else min(queued, now),
            )
        )
    return rows


def delete(*, hub_ids: Sequence[int]) -> None:
    """Every event of the hubs and what hangs on it (the surveys of events go first), and their
    history."""
    event_ids = list(Event.objects.filter(hub_id__in=hub_ids).values_list("pk", flat=True))
    Registration.objects.filter(event_id__in=event_ids).delete()
    EventSeats.objects.filter(event_id__in=event_ids).delete()
    Event.partners.through.objects.filter(event_id__in=event_ids).delete()
    Event.objects.filter(pk__in=event_ids).delete()
    Registration.history.filter(event_id__in=event_ids).delete()
    apps.get_model("events", "HistoricalEvent_partners").objects.filter(
        event_id__in=event_ids
    ).delete()
    Event.history.filter(id__in=event_ids).delete()
