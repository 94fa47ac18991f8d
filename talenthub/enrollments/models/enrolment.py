from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus


class Enrollment(TimeStampedModel):
    """A person's place in a cohort (수강) and how it ended."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="enrollments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.ENROLLED,
    )
    enrolled_on = models.DateField(_("enrolment date"))
    finished_on = models.DateField(_("completion or drop-out date"), null=True, blank=True)
    is_job_seeker_at_entry = models.BooleanField(_("job-seeker at entry"), default=False)
    is_neet_at_entry = models.BooleanField(_("NEET youth at entry"), default=False)
    dropout_reason = models.CharField(_("drop-out reason"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["cohort", "user__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"], name="enrollment_unique_person_per_cohort"
            ),
            models.CheckConstraint(
                condition=Q(status__in=EnrollmentStatus.values), name="enrollment_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(finished_on__isnull=True) | Q(finished_on__gte=F("enrolled_on")),
                name="enrollment_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status=EnrollmentStatus.ENROLLED) | Q(finished_on__isnull=False),
                name="enrollment_final_status_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "finished_on"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.cohort}"


class CohortSeats(models.Model):
    """The seat ledger of a cohort: seats held by enrolments (not dropped out) and open offers.

    The capacity is copied from the cohort under the cohort's row lock at every change, so that a
    check constraint on this one row can refuse an overbooking even if the Python check were wrong.
    """

    cohort = models.OneToOneField(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="seats",
    )
    capacity = models.PositiveIntegerField(_("capacity"))
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("seat ledger")
        verbose_name_plural = _("seat ledgers")
        constraints = [
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="cohort_seats_within_capacity"
            ),
            models.CheckConstraint(
                condition=Q(seats_taken__gte=0), name="cohort_seats_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id}: {self.seats_taken}/{self.capacity}"

    @property
    def free(self) -> int:
        return max(self.capacity - self.seats_taken, 0)
