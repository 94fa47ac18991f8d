"""`talenthub import KIND FILE --hub CODE [--dry-run]`: the same report as the upload page, exit
status 0 when the file lands and 1 when it does not; and a real process killed half-way through
an import leaves nothing behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from talenthub.accounts.models import User
from talenthub.exchange.choices import ImportSource, ImportStatus
from talenthub.exchange.models import ImportRun
from talenthub.exchange.tests.files import csv_bytes

ROOT = Path(__file__).resolve().parents[3]
HEADER = ["이름", "휴대전화", "이메일"]


def _roster(count: int, prefix: str = "kill") -> bytes:
    rows = [HEADER] + [
        [f"교육생{n}", f"010-7{n // 1000:03d}-{n % 1000:04d}", f"{prefix}{n}@example.kr"]
        for n in range(count)
    ]
    return csv_bytes(rows, "cp949")


def test_the_command_prints_the_report_and_fails_on_errors(world, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes(_roster(3, "cli"))
    call_command("import", "trainees", str(good), "--hub", "alpha", "--dry-run")
    assert "3" in capsys.readouterr().out
    assert not User.objects.filter(email__startswith="cli").exists()

    call_command("import", "trainees", str(good), "--hub", "alpha")
    assert User.objects.filter(email__startswith="cli").count() == 3
    run = ImportRun.objects.latest("id")
    assert (run.source, run.status, run.created_count) == (
        ImportSource.CLI,
        ImportStatus.COMMITTED,
        3,
    )

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([HEADER, ["이름", "010-12", "bad@example.kr"]]))
    with pytest.raises(CommandError):
        call_command("import", "trainees", str(bad), "--hub", "alpha")
    out = capsys.readouterr().out
    assert "[휴대전화]" in out
    assert "010-12" in out


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    if connection.vendor == "sqlite":
        # The test database lives in memory: hand the process a copy in a file of its own.
        env["TALENTHUB_VAR_DIR"] = str(tmp_path)
        env.pop("DATABASE_URL", None)
        connection.ensure_connection()
        target = sqlite3.connect(tmp_path / "talenthub.sqlite3")
        connection.connection.backup(target)
        target.close()
    else:
        settings = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
        env["TALENTHUB_VAR_DIR"] = str(tmp_path)
    return env


def _people_from_the_file(tmp_path: Path) -> int:
    if connection.vendor == "sqlite":
        database = sqlite3.connect(tmp_path / "talenthub.sqlite3")
        try:
            (count,) = database.execute(
                "SELECT count(*) FROM accounts_user WHERE email LIKE 'kill%'"
            ).fetchone()
        finally:
            database.close()
        return int(count)
    return User.objects.filter(email__startswith="kill").count()


def _command(path: Path) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "manage.py"),
        "import",
        "trainees",
        str(path),
        "--hub",
        "alpha",
    ]


def test_an_import_killed_half_way_leaves_nothing_and_a_rerun_lands_it_whole(
    transactional_db, world, tmp_path
):
    roster = tmp_path / "roster.csv"
    roster.write_bytes(_roster(40))
    env = _environment(tmp_path)

    process = subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
        _command(roster),
        env={**env, "TALENTHUB_IMPORT_PAUSE_AFTER": "20"},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        line = ""
        assert process.stderr is not None
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if line.startswith("paused after") or not line:
                break
        assert line.startswith("paused after 20 of 40 rows"), line
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert _people_from_the_file(tmp_path) == 0

    rerun = subprocess.run(  # noqa: S603
        _command(roster),
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert _people_from_the_file(tmp_path) == 40

    again = subprocess.run(  # noqa: S603
        _command(roster),
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert again.returncode == 0
    assert _people_from_the_file(tmp_path) == 40

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([HEADER, ["이름", "not-a-phone", "x@example.kr"]]))
    failed = subprocess.run(  # noqa: S603
        [*_command(bad)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert failed.returncode == 1
