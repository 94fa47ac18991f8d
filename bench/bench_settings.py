"""Settings of the benchmark's server: the local settings, with one database connection per
request. runserver starts a thread per request and each thread would keep its own persistent
connection (CONN_MAX_AGE) until PostgreSQL runs out of slots; a real deployment's fixed worker
pool does not have that problem."""

from __future__ import annotations

from config.settings.local import *  # noqa: F403
from config.settings.local import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = 0
