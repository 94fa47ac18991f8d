"""Writes of the attendance app (one module per topic, re-exported here)."""

from __future__ import annotations

from talenthub.attendance.services.alerts import at_risk_alerts_record
from talenthub.attendance.services.calendar import (
    calendar_feed_get_or_create,
    calendar_feed_reset,
)
from talenthub.attendance.services.certificates import (
    certificate_issue,
    certificate_revoke,
    certificate_store_pdf,
    certificates_issue_cohort,
)
from talenthub.attendance.services.checkin import (
    event_record_manual,
    event_record_qr,
    scan_claim,
)
from talenthub.attendance.services.completion import (
    assessment_result_record,
    completion_decide_cohort,
    completion_override,
    enrollment_drop_out,
)
from talenthub.attendance.services.corrections import DayFix, Excuse, day_correct
from talenthub.attendance.services.schedule import ScheduleResult, schedule_generate

__all__ = [
    "DayFix",
    "Excuse",
    "ScheduleResult",
    "assessment_result_record",
    "at_risk_alerts_record",
    "calendar_feed_get_or_create",
    "calendar_feed_reset",
    "certificate_issue",
    "certificate_revoke",
    "certificate_store_pdf",
    "certificates_issue_cohort",
    "completion_decide_cohort",
    "completion_override",
    "day_correct",
    "enrollment_drop_out",
    "event_record_manual",
    "event_record_qr",
    "scan_claim",
    "schedule_generate",
]
