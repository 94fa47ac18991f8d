"""Celery application. Broker: Redis when REDIS_URL is set, else an embedded SQLite broker (see
docs/decisions/0002-embedded-broker.md)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("talenthub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _speed_up_embedded_broker() -> None:
    # kombu's SQLAlchemy transport polls once a second; a TypeError awaits anyone who passes
    # polling_interval through broker_transport_options, so it is set on the transport class.
    from kombu.transport import sqlalchemy as sqla_transport

    sqla_transport.Transport.polling_interval = 0.1


_speed_up_embedded_broker()
