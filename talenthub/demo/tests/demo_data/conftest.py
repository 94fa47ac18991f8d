from __future__ import annotations

import pytest
from django.db import transaction

from talenthub.demo.services import demo_data_generate
from talenthub.demo.tests.demo_data.helpers import SEED


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Generated once for every module of the package (it takes a while), then rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_data_generate(seed=SEED)
        transaction.set_rollback(True)
