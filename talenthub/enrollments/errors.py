"""Refusals of the enrolment services. Each is a DomainError, so views show its message as is."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from talenthub.core.errors import DomainError


class CohortFullError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("This cohort is full."), field="cohort")


class ApplicationsClosedError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("This cohort is not accepting applications."), field="cohort")


class IneligibleError(DomainError):
    """The applicant fails one or more eligibility rules; `reasons` names each, translated."""

    def __init__(self, reasons: Sequence[str]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = list(reasons)


class TransitionError(DomainError):
    """The application's current status does not allow this step."""


class InvalidUploadError(DomainError):
    pass
