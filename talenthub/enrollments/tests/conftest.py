from __future__ import annotations

import pytest

from talenthub.enrollments.choices import NotificationKind, SelectionMode
from talenthub.enrollments.models import Notification
from talenthub.enrollments.services import reviewer_invite
from talenthub.enrollments.tests.helpers import (
    Scene,
    apply,
    form_of,
    make_cohort,
    make_user,
    pdf_upload,
)


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are compared in English (the Korean catalogue is checked in tests/i18n, and the
    browser tests read Korean pages). As the default language, it holds in every thread and for
    every request without an Accept-Language of its own."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads of the tests go to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def scene(world) -> Scene:
    cohort = make_cohort(world.hub, capacity=5, mode=SelectionMode.SCREENING)
    applicant = make_user(email="applicant@example.kr", name="지원자")
    application = apply(cohort, applicant, resume=pdf_upload())
    reviewer_row = reviewer_invite(
        form=form_of(cohort), user=world["judge"], invited_by=world["operator"]
    )
    notification = Notification.objects.get(application=application, kind=NotificationKind.RECEIVED)
    people = {
        "applicant": applicant,
        "operator": world["operator"],
        "reviewer": world["judge"],
        "other_operator": world["other_operator"],
        "outsider": world["outsider"],
        "superuser": world["superuser"],
    }
    return Scene(world, cohort, application, reviewer_row, notification, people)
