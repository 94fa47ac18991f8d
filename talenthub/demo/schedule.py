"""Training calendars: weekdays that are not Korean public holidays, until the hours are met."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import holidays

_ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class DayPattern:
    starts_at: datetime.time
    hours: int
    # Days longer than a half day include a one-hour lunch break between start and end.
    lunch: bool


FULL_DAY = DayPattern(datetime.time(9, 0), 8, lunch=True)
STANDARD_DAY = DayPattern(datetime.time(9, 30), 7, lunch=True)
AFTERNOON = DayPattern(datetime.time(14, 0), 4, lunch=False)
EVENING = DayPattern(datetime.time(19, 0), 3, lunch=False)
# Part-time patterns only suit short courses; a 240-hour course in the evenings would last a year.
PATTERNS_LONG = ((FULL_DAY, 60), (STANDARD_DAY, 40))
PATTERNS_SHORT = ((FULL_DAY, 50), (STANDARD_DAY, 30), (AFTERNOON, 12), (EVENING, 8))
PART_TIME_MAX_HOURS = 80


@dataclass(frozen=True)
class SessionSlot:
    date: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time
    hours: Decimal


class TrainingCalendar:
    def __init__(self, years: range) -> None:
        self.holidays = frozenset(holidays.country_holidays("KR", years=list(years)).keys())

    def is_training_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def on_or_after(self, day: datetime.date) -> datetime.date:
        while not self.is_training_day(day):
            day += _ONE_DAY
        return day

    def on_or_before(self, day: datetime.date) -> datetime.date:
        while not self.is_training_day(day):
            day -= _ONE_DAY
        return day

    def back(self, day: datetime.date, training_days: int) -> datetime.date:
        """The training day `training_days` training days before `day` (itself a training day)."""
        day = self.on_or_before(day)
        for _ in range(training_days):
            day = self.on_or_before(day - _ONE_DAY)
        return day

    def schedule(
        self, start: datetime.date, total_hours: int, pattern: DayPattern
    ) -> list[SessionSlot]:
        """Session days from the first training day on or after `start` until the hours are met.

        The last day is shortened to the remaining hours, so the cohort totals the course hours.
        """
        slots: list[SessionSlot] = []
        remaining = total_hours
        day = self.on_or_after(start)
        begin = datetime.datetime.combine(day, pattern.starts_at)
        while remaining > 0:
            hours = min(pattern.hours, remaining)
            span = hours + 1 if pattern.lunch and hours > 4 else hours
            ends_at = (begin + datetime.timedelta(hours=span)).time()
            slots.append(SessionSlot(day, pattern.starts_at, ends_at, Decimal(hours)))
            remaining -= hours
            day = self.on_or_after(day + _ONE_DAY)
        return slots

    @staticmethod
    def days_needed(total_hours: int, pattern: DayPattern) -> int:
        return -(-total_hours // pattern.hours)
