from __future__ import annotations

import datetime
import subprocess
from decimal import Decimal

import icalendar
import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from talenthub.attendance import selectors, services
from talenthub.attendance.models import (
    AssessmentRequirement,
    AtRiskAlert,
    AttendanceCorrection,
    AttendanceEvent,
    AttendancePolicy,
    CompletionDecision,
    ExcusedAbsence,
)
from talenthub.attendance.services import DayFix, Excuse
from talenthub.attendance.tests.conftest import SEOUL, seoul
from talenthub.core.errors import DomainError


def full_day(enrollment, day, check_in=datetime.time(9), check_out=datetime.time(18)):
    for kind, clock in (("check_in", check_in), ("check_out", check_out)):
        AttendanceEvent.objects.create(
            enrollment=enrollment,
            session_day=day,
            kind=kind,
            at=datetime.datetime.combine(day.date, clock, tzinfo=SEOUL),
            source="manual",
        )


def schedule(world, first=datetime.date(2025, 3, 3), last=datetime.date(2025, 3, 14)):
    return services.schedule_generate(
        cohort=world.cohort,
        first_day=first,
        last_day=last,
        weekdays={0, 1, 2, 3, 4},
        starts_at=datetime.time(9),
        ends_at=datetime.time(18),
        hours=Decimal("8.0"),
    )


# --- schedule and calendars -----------------------------------------------------------------


def test_schedule_skips_korean_public_holidays(world):
    # 2025-03-03 is the substitute holiday for 삼일절 (1 March fell on a Saturday).
    result = schedule(world)
    assert datetime.date(2025, 3, 3) in [day for day, _name in result.skipped_holidays]
    assert result.created == [datetime.date(2025, 3, d) for d in (4, 5, 6, 7, 10, 11, 12, 13, 14)]


def test_schedule_keeps_existing_days_and_logs_history(world):
    schedule(world)
    again = schedule(world)
    assert again.created == []
    assert len(again.already_scheduled) == 9
    day = world.cohort.session_days.first()
    assert day.history.count() == 1


def test_schedule_refuses_dates_outside_the_cohort(world):
    with pytest.raises(DomainError, match="within the cohort"):
        schedule(world, first=datetime.date(2025, 2, 1))


def test_cohort_calendar_has_every_day_in_seoul_time(world, client):
    schedule(world)
    response = client.get(f"/attendance/cohorts/{world.cohort.pk}/calendar.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 9
    first = sorted(e.decoded("dtstart") for e in events)[0]
    assert first == datetime.datetime(2025, 3, 4, 9, tzinfo=SEOUL)
    assert str(events[0]["summary"]) == str(world.cohort)
    assert next(iter(calendar.walk("VTIMEZONE")))["tzid"] == "Asia/Seoul"


def test_personal_calendar_works_without_a_session_and_reset_revokes_it(world, client):
    schedule(world)
    feed = services.calendar_feed_get_or_create(user=world["trainee"])
    response = client.get(f"/attendance/calendar/{feed.token}.ics")
    assert response.status_code == 200
    assert len(list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))) == 9
    services.calendar_feed_reset(user=world["trainee"])
    assert client.get(f"/attendance/calendar/{feed.token}.ics").status_code == 404


# --- corrections and excused absences -------------------------------------------------------


def test_correction_keeps_before_and_after_and_voids_old_events(world, day, enrollment):
    full_day(enrollment, day, check_in=datetime.time(9, 40))
    correction = services.day_correct(
        enrollment=enrollment,
        session_day=day,
        fix=DayFix(check_in=datetime.time(9), check_out=datetime.time(18)),
        reason="출입 단말기 오류로 지각 처리됨",
        corrected_by=world["operator"],
    )
    assert correction.before["check_in"] == "2025-03-04T09:40:00+09:00"
    assert correction.after["check_in"] == "2025-03-04T09:00:00+09:00"
    assert AttendanceEvent.objects.filter(voided_by=correction).count() == 2
    live = AttendanceEvent.objects.filter(voided_by__isnull=True)
    assert sorted(live.values_list("source", flat=True)) == ["correction", "correction"]


def test_correction_without_reason_is_refused_on_the_reason_field(world, day, enrollment):
    with pytest.raises(DomainError) as refused:
        services.day_correct(
            enrollment=enrollment,
            session_day=day,
            fix=DayFix(check_in=datetime.time(9)),
            reason="   ",
            corrected_by=world["operator"],
        )
    assert refused.value.field == "reason"
    assert AttendanceCorrection.objects.count() == 0


def test_excused_absence_needs_evidence_and_leaves_the_denominator(
    world, day, enrollment, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(DomainError) as refused:
        services.day_correct(
            enrollment=enrollment,
            session_day=day,
            fix=DayFix(excuse=Excuse("illness", "독감")),
            reason="공가 신청",
            corrected_by=world["operator"],
        )
    assert refused.value.field == "evidence"
    evidence = SimpleUploadedFile("진단서.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    services.day_correct(
        enrollment=enrollment,
        session_day=day,
        fix=DayFix(excuse=Excuse("illness", "독감", evidence)),
        reason="공가 신청",
        corrected_by=world["operator"],
    )
    assert str(ExcusedAbsence.objects.get().evidence.name).endswith(".pdf")
    [progress] = selectors.cohort_progress(world.cohort, seoul(20))
    assert (progress.summary.excused_days, progress.summary.training_days) == (1, 0)


# --- policy ---------------------------------------------------------------------------------


def test_course_policy_overrides_the_hub_policy(world):
    AttendancePolicy.objects.create(hub=world.hub, grace_minutes=5)
    assert selectors.policy_for(world.cohort).grace_minutes == 5
    AttendancePolicy.objects.create(hub=world.hub, course=world.course, grace_minutes=15)
    assert selectors.policy_for(world.cohort).grace_minutes == 15


def test_defaults_apply_without_a_policy_row(world):
    policy = selectors.policy_for(world.cohort)
    assert (policy.grace_minutes, policy.lates_per_absence) == (10, 3)


# --- at-risk --------------------------------------------------------------------------------


def make_days(world, factories, count):
    return [
        factories.SessionDayFactory(
            cohort=world.cohort, date=datetime.date(2025, 3, 3) + datetime.timedelta(days=i)
        )
        for i in range(count)
    ]


def test_trainee_who_can_no_longer_complete_is_flagged_and_operators_mailed(
    world, factories, enrollment, django_capture_on_commit_callbacks
):
    days = make_days(world, factories, 10)
    full_day(enrollment, days[0])
    world.cohort.status = "in_progress"
    world.cohort.save()
    now = datetime.datetime(2025, 3, 5, 20, tzinfo=SEOUL)  # 1 of 3 attended, at best 8 of 10
    [flagged] = selectors.at_risk_in_cohort(world.cohort, now)
    assert flagged.risk_level == "below_pace"
    later = datetime.datetime(2025, 3, 8, 20, tzinfo=SEOUL)  # 1 of 5, at best 6 of 10
    with django_capture_on_commit_callbacks(execute=True):
        alerts = services.at_risk_alerts_record(today=later.date(), now=later)
    assert [a.level for a in alerts] == ["cannot_complete"]
    assert AtRiskAlert.objects.get().notified_at is not None
    assert mail.outbox[0].to == ["operator@alpha.example.kr"]
    assert world["trainee"].name in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.at_risk_alerts_record(today=later.date(), now=later) == []
    assert len(mail.outbox) == 1


def test_daily_task_runs_through_celery(world, factories, enrollment):
    from talenthub.attendance.tasks import at_risk_alerts_daily

    make_days(world, factories, 10)
    world.cohort.status = "in_progress"
    world.cohort.save()
    with time_machine.travel(datetime.datetime(2025, 3, 10, 7, tzinfo=SEOUL), tick=False):
        assert at_risk_alerts_daily.delay().get() == 1


# --- completion -----------------------------------------------------------------------------


def test_completion_needs_attendance_and_assessments_with_reasons(world, factories, enrollment):
    days = make_days(world, factories, 5)
    other = factories.EnrollmentFactory(cohort=world.cohort)
    for d in days:
        full_day(enrollment, d)
    for d in days[:3]:
        full_day(other, d)
    exam = AssessmentRequirement.objects.create(cohort=world.cohort, title="최종 프로젝트")
    services.assessment_result_record(
        requirement=exam, enrollment=enrollment, passed=True, recorded_by=world["instructor"]
    )
    with pytest.raises(DomainError, match="ended"):
        services.completion_decide_cohort(
            cohort=world.cohort, decided_by=world["operator"], today=datetime.date(2025, 4, 1)
        )
    services.completion_decide_cohort(
        cohort=world.cohort, decided_by=world["operator"], today=datetime.date(2025, 4, 25)
    )
    enrollment.refresh_from_db()
    other.refresh_from_db()
    assert (enrollment.status, enrollment.finished_on) == ("completed", datetime.date(2025, 4, 25))
    assert other.status == "not_completed"
    assert CompletionDecision.objects.get(enrollment=other).reasons == [
        ["attendance_below_threshold", "60.0"],
        ["assessment_not_taken", "최종 프로젝트"],
    ]


def test_override_needs_a_reason_and_is_kept(world, factories, enrollment):
    make_days(world, factories, 2)
    services.completion_decide_cohort(
        cohort=world.cohort, decided_by=world["operator"], today=datetime.date(2025, 4, 25)
    )
    with pytest.raises(DomainError, match="reason"):
        services.completion_override(
            enrollment=enrollment, outcome="completed", reason="", decided_by=world["operator"]
        )
    services.completion_override(
        enrollment=enrollment,
        outcome="completed",
        reason="출결 단말기 장애 확인(공문 2025-12)",
        decided_by=world["operator"],
    )
    enrollment.refresh_from_db()
    decision = CompletionDecision.objects.get(enrollment=enrollment)
    assert (enrollment.status, decision.overridden) == ("completed", True)
    assert decision.history.count() == 2


def test_drop_out_for_employment_stops_counting_later_days(world, factories, enrollment):
    days = make_days(world, factories, 4)
    full_day(enrollment, days[0])
    services.enrollment_drop_out(enrollment=enrollment, on=days[0].date, reason="취업: 전주데이터")
    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.dropout_reason) == ("dropped_out", "취업: 전주데이터")
    [progress] = selectors.cohort_progress(world.cohort, seoul(23, day=20))
    assert progress.summary.training_days == 1


# --- certificates ---------------------------------------------------------------------------


def completed(world, factories, enrollment):
    for d in make_days(world, factories, 2):
        full_day(enrollment, d)
    services.completion_decide_cohort(
        cohort=world.cohort, decided_by=world["operator"], today=datetime.date(2025, 4, 25)
    )
    enrollment.refresh_from_db()
    return enrollment


def test_certificate_numbers_run_per_hub_and_year(world, factories, enrollment):
    completed(world, factories, enrollment)
    certificate = services.certificate_issue(enrollment=enrollment, now=seoul(10, day=25))
    assert certificate.number == "ALPHA-2025-000001"
    assert len(certificate.verification_code) == 16
    assert services.certificate_issue(enrollment=enrollment) == certificate


def test_not_completed_gets_no_certificate(world, enrollment):
    with pytest.raises(DomainError, match="completed"):
        services.certificate_issue(enrollment=enrollment)


def test_certificate_pdf_renders_korean_name_and_course(world, factories, enrollment, tmp_path):
    from talenthub.attendance.pdf import render_certificate_pdf

    certificate = services.certificate_issue(
        enrollment=completed(world, factories, enrollment), now=seoul(10, day=25)
    )
    pdf = render_certificate_pdf(certificate)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(  # noqa: S603 -- fixed arguments
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],  # noqa: S607 -- poppler-utils
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert "trainee 담당" in text
    assert "생성형 AI 실무" in text
    assert "ALPHA-2025-000001" in text
    assert "알파ICT이노베이션스퀘어" in text


def test_issuing_a_cohort_renders_pdfs_in_a_task(
    world, factories, enrollment, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    completed(world, factories, enrollment)
    with (
        time_machine.travel(seoul(10, day=25), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        [certificate] = services.certificates_issue_cohort(cohort=world.cohort)
    certificate.refresh_from_db()
    assert certificate.pdf.name == "attendance/certificates/2025/ALPHA-2025-000001.pdf"


def test_verification_confirms_denies_and_shows_revoked(world, factories, enrollment, client):
    certificate = services.certificate_issue(enrollment=completed(world, factories, enrollment))
    page = client.get(f"/verify/{certificate.verification_code}/")
    assert page.status_code == 200
    assert "trainee 담당" in page.content.decode()
    assert world["trainee"].email not in page.content.decode()
    assert client.get("/verify/NOSUCHCODE/").status_code == 404
    services.certificate_revoke(certificate=certificate, reason="부정 출결 확인")
    revoked = client.get(f"/verify/{certificate.verification_code}/")
    assert "revoked" in revoked.content.decode() or "취소" in revoked.content.decode()
    assert revoked.context["facts"].revoked is True


# --- timeline -------------------------------------------------------------------------------


def test_timeline_has_monthly_attendance_completion_and_certificate(
    world, factories, enrollment, django_assert_max_num_queries
):
    certificate = services.certificate_issue(enrollment=completed(world, factories, enrollment))
    with django_assert_max_num_queries(7):
        entries = selectors.timeline_entries(world["trainee"].pk, now=seoul(12, day=30))
    kinds = [entry.kind for entry in entries]
    assert sorted(kinds) == ["attendance", "certificate", "completion"]
    assert any(certificate.number == entry.detail for entry in entries)
    assert all(entry.at.tzinfo is not None for entry in entries)


def test_timeline_names_the_cohort_as_the_cohort_names_itself(world, factories, enrollment):
    """Not a bare "Course 1": the cohort's own label, which says "1기" in Korean."""
    services.certificate_issue(enrollment=completed(world, factories, enrollment))
    entries = selectors.timeline_entries(world["trainee"].pk, now=seoul(12, day=30))
    assert entries
    assert all(entry.title.endswith(str(enrollment.cohort)) for entry in entries)
