"""Reads of the attendance app (one module per topic, re-exported here)."""

from __future__ import annotations

from talenthub.attendance.selectors.certificates import (
    CertificateFacts,
    certificate_by_code,
    certificate_facts,
    certificates_of_cohort,
)
from talenthub.attendance.selectors.progress import (
    MyCourse,
    RosterRow,
    TraineeProgress,
    at_risk_in_cohort,
    cohort_progress,
    day_roster,
    person_progress,
    trainee_day_record,
)
from talenthub.attendance.selectors.records import (
    Book,
    books_for,
    day_window,
    policies_for,
    policy_for,
    scan_window,
)
from talenthub.attendance.selectors.timeline import TimelineEntry, timeline_entries

__all__ = [
    "Book",
    "CertificateFacts",
    "MyCourse",
    "RosterRow",
    "TimelineEntry",
    "TraineeProgress",
    "at_risk_in_cohort",
    "books_for",
    "certificate_by_code",
    "certificate_facts",
    "certificates_of_cohort",
    "cohort_progress",
    "day_roster",
    "day_window",
    "person_progress",
    "policies_for",
    "policy_for",
    "scan_window",
    "timeline_entries",
    "trainee_day_record",
]
