"""Events a hub runs around its courses (technology tours, workshops, seminars, challenge days,
demo days, networking fairs) and the registrations of people for them.

Seats are counted in a ledger row per event (`EventSeats`), changed only under the event's row
lock; its check constraint refuses an overbooking even if the service code were wrong."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.events.choices import EventKind, EventStatus, RegistrationStatus, TargetGroup
from talenthub.hubs.models import Hub, Site
from talenthub.partners.models import Organisation


class Event(TimeStampedModel):
    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.PROTECT, related_name="events"
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.SET_NULL,
        related_name="events",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    # NULL: no limit on the number of people.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    target_group = models.CharField(
        _("target group"), max_length=20, choices=TargetGroup.choices, default=TargetGroup.ALL
    )
    is_published = models.BooleanField(_("published"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("co-hosting partners"), blank=True, related_name="events"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="event_capacity_positive",
            ),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(target_group__in=TargetGroup.values), name="event_target_group_valid"
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | ~Q(status=EventStatus.DRAFT),
                name="event_draft_not_published",
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "starts_at"]),
            models.Index(fields=["hub", "ends_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_unlimited(self) -> bool:
        return self.capacity is None


class Registration(TimeStampedModel):
    """A person's place at an event (or in its waitlist). One row per person and event: a person
    who cancels and registers again gets the same row back, at the end of the queue."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    # When the person last joined the event's list: the waitlist is served in this order.
    queued_at = models.DateTimeField(_("registered at"))
    status_changed_at = models.DateTimeField(_("status changed at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["event", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="event_registration_unique"),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="event_registration_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.event} · {self.user_id} ({self.status})"


class EventSeats(models.Model):
    """The seat ledger of an event with a capacity: registrations holding a seat (registered,
    attended, no-show). The capacity is copied from the event under its row lock at each change."""

    event = models.OneToOneField(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="seats",
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("event seat ledger")
        verbose_name_plural = _("event seat ledgers")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="event_seats_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(seats_taken__gte=0), name="event_seats_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.seats_taken}/{self.capacity or '∞'}"
