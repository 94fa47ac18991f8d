"""How far a running check or import has got, for the progress bar.

An import is one database transaction, and nothing it writes (its own run row included) is visible
to other connections before it commits; on SQLite another writer would even wait for it. So the
row count travels outside the database, in a small file under the var directory that the web
process and the Celery worker of one machine share. The run's row in the database stays the truth
about how the run ended."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from django.conf import settings


def _path(run_id: int) -> Path:
    folder = Path(settings.VAR_DIR) / "exchange-progress"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{run_id}.json"


def write(run_id: int, done: int, total: int) -> None:
    path = _path(run_id)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"done": done, "total": total, "at": time.time()}))
    temporary.replace(path)  # atomic: a reader sees the old or the new count, never half


def read(run_id: int) -> tuple[int, int] | None:
    try:
        data = json.loads(_path(run_id).read_text())
    except (OSError, ValueError):
        return None
    return int(data.get("done", 0)), int(data.get("total", 0))


def clear(run_id: int) -> None:
    _path(run_id).unlink(missing_ok=True)


class Reporter:
    """A progress callback that writes at most every `every` seconds (and at the end)."""

    def __init__(self, run_id: int, every: float = 0.5) -> None:
        self.run_id = run_id
        self.every = every
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self.last >= self.every:
            self.last = now
            write(self.run_id, done, total)
