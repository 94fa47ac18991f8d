"""Make the English catalogue complete (msgids are English, so each msgstr is its msgid) and
give both catalogues a clean header.

Run by `make messages-update` after makemessages; Korean is translated in locale/ko."""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "locale"
CATALOGUE = LOCALE / "en" / "LC_MESSAGES" / "django.po"
HEADER = {
    "Project-Id-Version": "TalentHub",
    "Report-Msgid-Bugs-To": "",
    "Language-Team": "TalentHub",
}


def _clean_header(po: polib.POFile, language: str) -> None:
    # makemessages leaves a fuzzy template header; msgfmt then ignores the Plural-Forms line.
    po.metadata.update(HEADER)
    po.metadata["Language"] = language
    po.metadata.pop("Last-Translator", None)
    po.metadata_is_fuzzy = False
    po.header = "TalentHub UI strings."


def main() -> int:
    korean = polib.pofile(str(LOCALE / "ko" / "LC_MESSAGES" / "django.po"))
    _clean_header(korean, "ko")
    korean.save()
    po = polib.pofile(str(CATALOGUE))
    _clean_header(po, "en")
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
