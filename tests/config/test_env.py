from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.env import ImproperEnvError, env_bool, env_int, env_list, env_str

NAME = "TALENTHUB_TEST_SETTING"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def setting(monkeypatch):
    """Set NAME for one test (never left behind in os.environ)."""
    monkeypatch.delenv(NAME, raising=False)
    return lambda value: monkeypatch.setenv(NAME, value)


@pytest.mark.parametrize("value", ["1", "true", "True", "TRUE", "yes", "on", " on "])
def test_env_bool_reads_true(setting, value):
    setting(value)

    assert env_bool(NAME) is True


@pytest.mark.parametrize("value", ["0", "false", "False", "no", "off", "", "  "])
def test_env_bool_reads_false(setting, value):
    setting(value)

    assert env_bool(NAME, default=True) is False


@pytest.mark.parametrize("value", ["maybe", "2", "y", "ture", "enabled", "-1"])
def test_env_bool_rejects_anything_else_loudly(setting, value):
    setting(value)

    with pytest.raises(ImproperEnvError) as raised:
        env_bool(NAME)

    assert str(raised.value) == (
        f"{NAME}={value!r} is not a boolean (use one of: 1/0, true/false, yes/no)"
    )


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_gives_the_default_when_unset(setting, default):
    assert env_bool(NAME, default=default) is default


def test_env_str_reads_the_value_as_given(setting):
    setting(" postgres://db ")

    assert env_str(NAME) == " postgres://db "


def test_env_str_gives_the_default_when_unset(setting):
    assert env_str(NAME, "fallback") == "fallback"


def test_env_str_keeps_an_empty_value_rather_than_the_default(setting):
    setting("")

    assert env_str(NAME, "fallback") == ""


def test_env_str_without_a_default_refuses_to_start_when_unset(setting):
    with pytest.raises(ImproperEnvError) as raised:
        env_str(NAME)

    assert str(raised.value) == f"Environment variable {NAME} is required but not set"


@pytest.mark.parametrize(("value", "number"), [("25", 25), ("0", 0), ("-3", -3), (" 587 ", 587)])
def test_env_int_reads_an_integer(setting, value, number):
    setting(value)

    assert env_int(NAME, 1) == number


@pytest.mark.parametrize("value", ["", "twenty", "2.5", "25s"])
def test_env_int_rejects_a_non_integer_loudly(setting, value):
    setting(value)

    with pytest.raises(ImproperEnvError) as raised:
        env_int(NAME, 1)

    assert str(raised.value) == f"{NAME}={value!r} is not an integer"


def test_env_int_gives_the_default_when_unset(setting):
    assert env_int(NAME, 25) == 25


def test_env_list_splits_on_commas_and_drops_blanks(setting):
    setting(" talenthub.kr, www.talenthub.kr ,,")

    assert env_list(NAME) == ["talenthub.kr", "www.talenthub.kr"]


def test_env_list_of_an_empty_value_is_empty_not_the_default(setting):
    setting("")

    assert env_list(NAME, ["localhost"]) == []


def test_env_list_gives_a_copy_of_the_default_when_unset(setting):
    default = ["127.0.0.1", "localhost"]

    hosts = env_list(NAME, default)
    hosts.append("example.kr")

    assert default == ["127.0.0.1", "localhost"]
    assert env_list(NAME) == []


def test_a_mistyped_boolean_in_the_environment_stops_start_up():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": "maybe"}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a boolean" in result.stderr
