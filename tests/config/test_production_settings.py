from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_check(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE (exported by the Makefile) is not production's.
    unset = {"DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = _run_check(
        {
            "DJANGO_SECRET_KEY": "x7Qp2-production-secret-for-the-check-only-"
            + "9fK3mZ8vLw1tRb6nYc4sHd0",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/talenthub",
        }
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_database_url():
    result = _run_check({"DJANGO_SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "DATABASE_URL is required" in result.stderr
