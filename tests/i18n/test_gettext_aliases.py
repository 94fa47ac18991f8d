"""makemessages finds strings only under the names it knows (gettext, gettext_lazy, _, pgettext,
ngettext, …). A module that imports gettext under another alias hides its strings from the
catalogue, and Korean pages then show English (found on the KPI dashboard's breakdown titles)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALIAS = re.compile(r"from django\.utils\.translation import [^\n]*\bas (?P<alias>\w+)")


def test_no_module_imports_gettext_under_an_alias_makemessages_does_not_know():
    offenders = [
        f"{path.relative_to(ROOT)}: as {match['alias']}"
        for folder in ("talenthub", "config")
        for path in (ROOT / folder).rglob("*.py")
        for match in ALIAS.finditer(path.read_text(encoding="utf-8"))
        if match["alias"] != "_"
    ]
    assert offenders == []
