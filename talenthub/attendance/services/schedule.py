"""Generating a cohort's session days; Korean public holidays are skipped."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

import holidays
from django.db import transaction
from django.utils.translation import gettext as _

from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.courses.services import session_day_add


@dataclass
class ScheduleResult:
    created: list[datetime.date] = field(default_factory=list)
    skipped_holidays: list[tuple[datetime.date, str]] = field(default_factory=list)
    already_scheduled: list[datetime.date] = field(default_factory=list)


def korean_holidays(first: datetime.date, last: datetime.date) -> dict[datetime.date, str]:
    calendar = holidays.country_holidays("KR", years=range(first.year, last.year + 1))
    return {day: str(name) for day, name in calendar.items() if first <= day <= last}


@transaction.atomic
def schedule_generate(
    *,
    cohort: Cohort,
    first_day: datetime.date,
    last_day: datetime.date,
    weekdays: Collection[int],
    starts_at: datetime.time,
    ends_at: datetime.time,
    hours: Decimal,
) -> ScheduleResult:
    """Add a session day on each chosen weekday (0 = Monday) from `first_day` to `last_day`,
    except public holidays and dates already scheduled. Each day is saved on its own so the
    change history (simple_history) records it."""
    if last_day < first_day:
        raise DomainError(_("The last day must not come before the first."), field="last_day")
    if first_day < cohort.starts_on or last_day > cohort.ends_on:
        raise DomainError(_("The dates must lie within the cohort's period."), field="first_day")
    if not weekdays:
        raise DomainError(_("Choose at least one weekday."), field="weekdays")
    if ends_at <= starts_at:
        raise DomainError(_("The end time must come after the start time."), field="ends_at")
    days_off = korean_holidays(first_day, last_day)
    existing = set(cohort.session_days.values_list("date", flat=True))
    result = ScheduleResult()
    day = first_day
    while day <= last_day:
        if day.weekday() in weekdays:
            if day in days_off:
                result.skipped_holidays.append((day, days_off[day]))
            elif day in existing:
                result.already_scheduled.append(day)
            else:
                session_day_add(
                    cohort=cohort, date=day, starts_at=starts_at, ends_at=ends_at, hours=hours
                )
                result.created.append(day)
        day += datetime.timedelta(days=1)
    return result
