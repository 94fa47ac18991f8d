"""Every UI string is translated into Korean and English, and the catalogues are current.

`makemessages` runs on a scratch copy of the sources, so a string added in code or a template
without updating locale/ fails here rather than showing up in English to Korean users."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["ko", "en"]


def _entries(po: polib.POFile) -> dict[tuple[str, str], polib.POEntry]:
    return {(entry.msgctxt or "", entry.msgid): entry for entry in po if not entry.obsolete}


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, polib.POFile]:
    scratch = tmp_path_factory.mktemp("i18n")
    for name in ("talenthub", "templates", "config", "locale"):
        shutil.copytree(
            ROOT / name, scratch / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    shutil.copy(ROOT / "manage.py", scratch / "manage.py")
    env = {
        **os.environ,
        "PYTHONPATH": str(scratch),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    env.pop("DATABASE_URL", None)
    subprocess.run(  # noqa: S603 (fixed argv, no user input)
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-obsolete",
            "--no-location",
            *[arg for lang in LANGUAGES for arg in ("-l", lang)],
        ],
        cwd=scratch,
        env=env,
        check=True,
        capture_output=True,
    )
    return {
        lang: polib.pofile(str(scratch / "locale" / lang / "LC_MESSAGES" / "django.po"))
        for lang in LANGUAGES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_contains_every_string_in_the_code(fresh_catalogues, language):
    committed = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    missing = sorted(set(_entries(fresh_catalogues[language])) - set(_entries(committed)))
    assert missing == [], f"run `make messages-update` and translate: {missing[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    committed = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [
        entry.msgid for entry in committed if not entry.obsolete and not entry.translated()
    ]
    fuzzy = [entry.msgid for entry in committed if "fuzzy" in entry.flags and not entry.obsolete]
    assert untranslated == []
    assert fuzzy == []


def test_korean_is_the_default_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response["Content-Language"] == "ko"
