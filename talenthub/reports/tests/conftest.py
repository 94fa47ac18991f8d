from __future__ import annotations

import datetime

import pytest
import time_machine

from talenthub.reports.tests.dataset import Dataset, build_dataset

TODAY = datetime.datetime(2025, 12, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def dataset(factories, frozen_today: None) -> Dataset:
    return build_dataset(factories)
