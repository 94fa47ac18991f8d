from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from talenthub.accounts.models import User
from talenthub.attendance.models import CalendarFeed


@transaction.atomic
def calendar_feed_get_or_create(*, user: User) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is not None:
        return feed
    try:
        with transaction.atomic():
            return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
    except IntegrityError:
        return CalendarFeed.objects.get(user=user)


@transaction.atomic
def calendar_feed_reset(*, user: User) -> CalendarFeed:
    """A new secret address; the old one stops working (e.g. after it was shared by mistake)."""
    CalendarFeed.objects.filter(user=user).delete()
    return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
