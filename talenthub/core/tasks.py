from __future__ import annotations

from celery import shared_task
from django.conf import settings


@shared_task
def purge_embedded_broker_messages() -> int:
    """kombu's SQLAlchemy transport keeps consumed messages forever; drop the visible=False ones."""
    if not str(settings.CELERY_BROKER_URL).startswith("sqla+"):
        return 0
    from sqlalchemy import create_engine, text

    engine = create_engine(str(settings.CELERY_BROKER_URL).removeprefix("sqla+"))
    with engine.begin() as connection:
        result = connection.execute(text("DELETE FROM kombu_message WHERE visible = 0"))
        return int(result.rowcount or 0)


@shared_task
def ping() -> str:
    """Used by the health check and the worker smoke test."""
    return "pong"
