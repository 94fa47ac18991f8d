"""Load test of QR check-in: 300 trainees check in within 10 seconds against a served app.

    .venv/bin/python bench/attendance_checkins.py                 # SQLite, then PostgreSQL
    .venv/bin/python bench/attendance_checkins.py --database sqlite
    BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/talenthub_bench \\
        .venv/bin/python bench/attendance_checkins.py --database postgres

For each database: a fresh schema (a temporary SQLite file, or the PostgreSQL database dropped and
created anew), one cohort with a session day open now and N enrolled trainees, and a real server
process (`manage.py runserver --noreload`, threaded). The instructor's QR fragment is fetched the
way the classroom screen does, and the code refetched when its 30-second window turns. Trainees
POST the scan page at evenly spread moments over the period; a share of them double-tap (the same
code twice), which must be refused without a second row. Sessions are made directly in the
session store (signing in 300 times through the password hasher would measure the hasher).

The last line printed is one JSON object: per database p50/p95 latency, errors (5xx, connection
failures, first taps not accepted), lost rows (a tap answered 200 with no row) and duplicated rows.
Not part of the test suite."""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/talenthub_bench"


def _env(database: str, var_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
        TALENTHUB_VAR_DIR=var_dir,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
    )
    env.pop("DATABASE_URL", None)
    if database == "postgres":
        env["DATABASE_URL"] = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_PG)
    return env


def _recreate_postgres(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


SEED = r"""
import datetime, json, secrets, sys
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from talenthub.accounts.models import User
from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub
from talenthub.hubs.services import membership_grant

count = int(sys.argv[2])
now = timezone.localtime()
hub = Hub.objects.create(code="bench", name="벤치ICT이노베이션스퀘어", agency="벤치진흥원")
course = Course.objects.create(hub=hub, code="B-1", title="부하 시험 과정", track="ai",
                               level="beginner", hours=80)
today = now.date()
cohort = Cohort.objects.create(course=course, number=1, starts_on=today, ends_on=today,
                               capacity=count, status="in_progress")
start = max(datetime.datetime.combine(today, datetime.time(0, 0), tzinfo=now.tzinfo),
            now - datetime.timedelta(minutes=30))
day = SessionDay.objects.create(cohort=cohort, date=today, starts_at=start.time(),
                                ends_at=datetime.time(23, 59, 59), hours=8)
instructor = User.objects.create_user(email="instructor@bench.kr", name="강사")
membership_grant(user=instructor, hub=hub, role="instructor")
cohort.instructors.add(instructor)
users = User.objects.bulk_create(
    User(email=f"t{i}@bench.kr", name=f"교육생{i}", password="!") for i in range(count))
Enrollment.objects.bulk_create(
    Enrollment(cohort=cohort, user=u, enrolled_on=today) for u in users)

def session(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key

print(json.dumps({"day": day.pk, "instructor": session(instructor),
                  "trainees": [session(u) for u in User.objects.filter(email__endswith="@bench.kr")
                               .exclude(pk=instructor.pk).order_by("pk")]}))
"""

COUNT = r"""
import json
from django.db.models import Count
from talenthub.attendance.models import AttendanceEvent
rows = AttendanceEvent.objects.filter(kind="check_in")
per = rows.values("enrollment_id").annotate(n=Count("id"))
print(json.dumps({"rows": rows.count(), "enrollments": per.count(),
                  "users": list(rows.values_list("enrollment__user__email", flat=True))}))
"""


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 -- our own manage.py with fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def _shell(env: dict[str, str], code: str, *argv: str) -> Any:
    result = subprocess.run(  # noqa: S603 -- code from this file
        [PYTHON, "-c", "import django,sys;django.setup();exec(sys.argv[1])", code, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


class Client:
    """One keep-alive-free HTTP exchange per call (each trainee is a different phone)."""

    def __init__(self, port: int) -> None:
        self.port = port

    def request(
        self, method: str, path: str, session: str, body: str = "", csrf: str = ""
    ) -> tuple[int, str, float]:
        headers = {"Cookie": f"sessionid={session}; csrftoken={csrf}", "Host": "127.0.0.1"}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = csrf
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            return response.status, text, time.perf_counter() - started
        finally:
            connection.close()


class Code:
    """The scan path shown on the classroom screen, refreshed as the window turns."""

    def __init__(self, client: Client, day: int, instructor: str) -> None:
        self.client, self.day, self.instructor = client, day, instructor
        self.lock = threading.Lock()
        self.window = -1
        self.path = ""

    def current(self) -> str:
        window = int(time.time()) // 30
        with self.lock:
            if window != self.window:
                status, html, _ = self.client.request(
                    "GET", f"/attendance/days/{self.day}/qr/code/", self.instructor
                )
                match = re.search(r'href="https?://[^/"]+(/attendance/scan/[^"]+)"', html)
                if status != 200 or match is None:
                    raise RuntimeError(f"QR fragment unavailable ({status})")
                self.path, self.window = match.group(1), window
            return self.path


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # noqa: S603 -- fixed arguments
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not start")


def run(
    database: str, count: int, seconds: float, double_tap_share: float, port: int
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-attendance-") as var_dir:
        env = _env(database, var_dir)
        if database == "postgres":
            _recreate_postgres(env["DATABASE_URL"])
        _manage(env, "migrate", "--noinput", "-v", "0")
        seed = _shell(env, SEED, str(count))
        server = _serve(env, port)
        try:
            return _fire(env, port, seed, count, seconds, double_tap_share, database)
        finally:
            server.terminate()
            server.wait(timeout=10)


def _fire(
    env: dict[str, str],
    port: int,
    seed: dict[str, Any],
    count: int,
    seconds: float,
    double_tap_share: float,
    database: str,
) -> dict[str, Any]:
    client = Client(port)
    code = Code(client, seed["day"], seed["instructor"])
    code.current()
    trainees: list[str] = seed["trainees"][:count]
    doubles = (
        set(range(0, count, max(1, round(1 / double_tap_share)))) if double_tap_share else set()
    )
    results: list[dict[str, Any]] = []
    lock = threading.Lock()
    started = time.perf_counter()

    def tap(index: int, attempt: int) -> None:
        delay = started + index * seconds / count + attempt * 0.05 - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        csrf = secrets.token_hex(16)
        try:
            path = code.current()
            status, _, elapsed = client.request(
                "POST", path, trainees[index], body="kind=check_in", csrf=csrf
            )
        except OSError as exc:
            status, elapsed = 0, 0.0
            print(f"connection error: {exc}", file=sys.stderr)
        with lock:
            results.append(
                {"index": index, "attempt": attempt, "status": status, "elapsed": elapsed}
            )

    with concurrent.futures.ThreadPoolExecutor(max_workers=48) as pool:
        futures = [pool.submit(tap, i, 0) for i in range(count)]
        futures += [pool.submit(tap, i, 1) for i in sorted(doubles)]
        for future in futures:
            future.result()
    wall = time.perf_counter() - started
    stored = _shell(env, COUNT)
    latencies = sorted(r["elapsed"] * 1000 for r in results if r["status"])
    firsts = [r for r in results if r["attempt"] == 0]
    seconds_taps = [r for r in results if r["attempt"] == 1]
    accepted = {r["index"] for r in results if r["status"] == 200}
    stored_emails = set(stored["users"])
    lost = sum(1 for i in accepted if f"t{i}@bench.kr" not in stored_emails)
    server_errors = sum(1 for r in results if r["status"] >= 500 or r["status"] == 0)
    # A trainee's first tap or its double may win the race; one of the two must be accepted.
    not_accepted = sum(1 for r in firsts if r["index"] not in accepted)
    return {
        "database": database,
        "checkins": count,
        "requests": len(results),
        "double_taps": len(seconds_taps),
        "wall_s": round(wall, 2),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "errors": server_errors + not_accepted,
        "refused_double_taps": sum(1 for r in results if r["status"] == 400),
        "rows": stored["rows"],
        "lost": lost,
        "duplicated": stored["rows"] - stored["enrollments"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--double-tap-share", type=float, default=0.1)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    report = {
        name: run(name, args.count, args.seconds, args.double_tap_share, args.port + offset)
        for offset, name in enumerate(databases)
    }
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
