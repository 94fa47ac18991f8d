from __future__ import annotations

from talenthub.attendance.models.completion import (
    AssessmentRequirement,
    AssessmentResult,
    Certificate,
    CertificateSequence,
    CompletionDecision,
)
from talenthub.attendance.models.records import (
    AtRiskAlert,
    AttendanceCorrection,
    AttendanceEvent,
    AttendancePolicy,
    CalendarFeed,
    ExcusedAbsence,
)

__all__ = [
    "AssessmentRequirement",
    "AssessmentResult",
    "AtRiskAlert",
    "AttendanceCorrection",
    "AttendanceEvent",
    "AttendancePolicy",
    "CalendarFeed",
    "Certificate",
    "CertificateSequence",
    "CompletionDecision",
    "ExcusedAbsence",
]
