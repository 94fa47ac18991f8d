from __future__ import annotations

import datetime
import zoneinfo

import pytest

SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


def seoul(hour: int, minute: int = 0, second: int = 0, day: int = 4) -> datetime.datetime:
    return datetime.datetime(2025, 3, day, hour, minute, second, tzinfo=SEOUL)


@pytest.fixture
def day(world, factories):
    """Tuesday 2025-03-04, 09:00 to 18:00, of the world cohort."""
    return factories.SessionDayFactory(
        cohort=world.cohort,
        date=datetime.date(2025, 3, 4),
        starts_at=datetime.time(9),
        ends_at=datetime.time(18),
    )


@pytest.fixture
def enrollment(world):
    return world.cohort.enrollments.get(user=world["trainee"])
