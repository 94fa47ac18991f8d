"""Rollups: kept current from the signals' marks, and checked against raw rows by kpi-check."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talenthub.enrollments.models import Enrollment
from talenthub.enrollments.services import enrollment_finish
from talenthub.reports.models import DirtyMark, RollupValue, Snapshot
from talenthub.reports.selectors import rollup_differences
from talenthub.reports.services import rollup_rebuild


def figure(kpi, *, hub, period="year", year=2025, dimension="", bucket=""):
    row = RollupValue.objects.get(
        snapshot__scope="hub",
        snapshot__hub=hub,
        snapshot__period=period,
        snapshot__year=year,
        kpi=kpi,
        dimension=dimension,
        bucket=bucket,
    )
    return row.value


@pytest.fixture
def rolled_up(dataset, settings):
    settings.REPORTS_REFRESH_ON_COMMIT = True
    rollup_rebuild()
    # The dataset's own on-commit batch never runs inside the test transaction; drop it so that
    # each test sees only the callbacks of its own changes.
    connection.run_on_commit.clear()
    return dataset


def test_rebuild_covers_every_scope_and_year_and_the_check_finds_no_difference(rolled_up):
    # 3 hubs + 2 consortia + the nation, years 2024-2026 (a cohort ends in 2026), year and window
    assert Snapshot.objects.count() == 6 * 3 * 2
    assert figure("graduates", hub=rolled_up.hubs["alpha"]) == 6
    assert figure("courses_run", hub=rolled_up.hubs["alpha"], period="six_years") == 3
    assert figure("participants", hub=rolled_up.hubs["alpha"], dimension="track", bucket="ai") == 6

    call_command("kpi-check")


def test_a_finished_enrolment_refreshes_its_hub_year_on_commit(
    rolled_up, django_capture_on_commit_callbacks
):
    enrolment = Enrollment.objects.get(
        cohort=rolled_up.cohorts["C1#2"], user__email="p4@data.example.kr"
    )
    alpha = rolled_up.hubs["alpha"]
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_finish(
            enrollment=enrolment, status="completed", finished_on=datetime.date(2025, 5, 30)
        )
    assert figure("graduates", hub=alpha) == 7
    assert figure("completion_rate", hub=alpha) == Decimal("77.8")
    assert DirtyMark.objects.count() == 0


def test_moving_a_cohort_to_another_year_refreshes_both_years(
    rolled_up, django_capture_on_commit_callbacks
):
    cohort = rolled_up.cohorts["C2#1"]
    alpha = rolled_up.hubs["alpha"]
    with django_capture_on_commit_callbacks(execute=True):
        cohort.starts_on = datetime.date(2024, 4, 7)
        cohort.ends_on = datetime.date(2024, 6, 27)
        cohort.save(update_fields=["starts_on", "ends_on"])
    assert figure("participants", hub=alpha, year=2025) == 6
    assert figure("participants", hub=alpha, year=2024) == 6


def test_attendance_marked_at_an_event_refreshes_its_hub_year_on_commit(
    rolled_up, django_capture_on_commit_callbacks
):
    from talenthub.events.models import Registration
    from talenthub.events.services import registrations_mark

    alpha = rolled_up.hubs["alpha"]
    assert figure("event_participants", hub=alpha) == 4
    assert figure("events_held", hub=alpha, dimension="event_kind", bucket="tour") == 1
    no_show = Registration.objects.get(status="no_show", event__hub=alpha)
    with django_capture_on_commit_callbacks(execute=True):
        registrations_mark(
            event=no_show.event,
            registration_ids=[no_show.pk],
            status="attended",
            now=no_show.event.ends_at,
        )
    assert figure("event_participants", hub=alpha) == 5
    assert figure("event_unique_participants", hub=alpha) == 4
    assert DirtyMark.objects.count() == 0
    call_command("kpi-check")


def test_a_bulk_update_that_bypasses_signals_is_reported_by_kpi_check(rolled_up):
    Enrollment.objects.filter(cohort=rolled_up.cohorts["C1#2"]).update(status="completed")
    differences = rollup_differences()
    described = {(d.target[0], d.target[2], d.target[3], d.kpi, d.dimension) for d in differences}
    assert ("hub", "year", 2025, "graduates", "") in described
    assert ("nation", "six_years", 2025, "completion_rate", "") in described
    with pytest.raises(CommandError, match="differ"):
        call_command("kpi-check")
    rollup_rebuild()


def test_without_refresh_on_commit_a_change_only_marks_its_hub_years_stale(
    rolled_up, settings, django_capture_on_commit_callbacks
):
    settings.REPORTS_REFRESH_ON_COMMIT = False
    enrolment = Enrollment.objects.get(
        cohort=rolled_up.cohorts["C1#2"], user__email="p4@data.example.kr"
    )
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_finish(
            enrollment=enrolment, status="completed", finished_on=datetime.date(2025, 5, 30)
        )
    alpha = rolled_up.hubs["alpha"]
    assert set(DirtyMark.objects.values_list("hub_id", "year")) == {(alpha.pk, 2025)}
    assert figure("graduates", hub=alpha) == 6
    call_command("kpi-rollups")
    assert figure("graduates", hub=alpha) == 7
    assert rollup_differences() == []


def test_a_new_hub_gets_snapshots_and_a_deleted_enrolment_is_uncounted(
    rolled_up, django_capture_on_commit_callbacks
):
    enrolment = Enrollment.objects.get(
        cohort=rolled_up.cohorts["C4#1"], user__email="p11@data.example.kr"
    )
    with django_capture_on_commit_callbacks(execute=True):
        enrolment.application.delete()
        enrolment.delete()
    assert figure("graduates", hub=rolled_up.hubs["beta"]) == 1


OPERATIONS = st.sampled_from(
    ["finish", "enrol", "move", "cancel", "retrack", "agreement", "delete"]
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.tuples(OPERATIONS, st.integers(0, 50)), min_size=1, max_size=3))
def test_rollups_match_raw_rows_after_random_changes(
    rolled_up, factories, django_capture_on_commit_callbacks, steps
):
    cohorts = sorted(rolled_up.cohorts.values(), key=lambda c: c.pk)
    for operation, n in steps:
        cohort = cohorts[n % len(cohorts)]
        cohort.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            if operation == "finish":
                enrolment = Enrollment.objects.filter(cohort=cohort).order_by("pk").first()
                if enrolment is not None:
                    status = ["completed", "not_completed", "dropped_out"][n % 3]
                    enrollment_finish(
                        enrollment=enrolment,
                        status=status,
                        finished_on=cohort.ends_on,
                        dropout_reason="사유",
                    )
            elif operation == "enrol":
                factories.EnrollmentFactory(
                    cohort=cohort,
                    user=factories.UserFactory(),
                    is_job_seeker_at_entry=n % 2 == 0,
                    is_neet_at_entry=n % 3 == 0,
                )
            elif operation == "move":
                # Both dates move together; enrolment dates stay before the cohort's end.
                shift = datetime.timedelta(days=n * 15)
                cohort.starts_on += shift
                cohort.ends_on += shift
                cohort.save(update_fields=["starts_on", "ends_on"])
            elif operation == "cancel":
                cohort.status = "cancelled" if cohort.status != "cancelled" else "finished"
                cohort.save(update_fields=["status"])
            elif operation == "retrack":
                course = cohort.course
                course.track = ["ai", "iot", "cloud"][n % 3]
                course.save(update_fields=["track"])
            elif operation == "agreement":
                factories.AgreementFactory(
                    organisation__hub=cohort.course.hub,
                    starts_on=datetime.date(2024 + n % 3, 1 + n % 12, 1),
                    ends_on=None,
                )
            else:
                last = (
                    Enrollment.objects.filter(cohort=cohort, application__isnull=True)
                    .order_by("-pk")
                    .first()
                )
                if last is not None:
                    last.delete()
    differences = rollup_differences()
    assert differences == [], (steps, [str(d) for d in differences[:5]])
