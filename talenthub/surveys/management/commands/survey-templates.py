"""`manage.py survey-templates --install`: install the shipped templates (idempotent). The data
migration 0002 does the same on `migrate`; this is for databases flushed since (tests, demo)."""

# The command name is hyphenated (`survey-templates`), and Django takes it from the module name.
# ruff: noqa: N999

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from talenthub.surveys.models import TemplateVersion
from talenthub.surveys.services import standard_templates_install


class Command(BaseCommand):
    help = "List the survey templates, or install the standard ones with --install."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--install", action="store_true", help="install missing templates")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["install"]:
            created = standard_templates_install()
            self.stdout.write(f"{created} template version(s) installed")
        for version in TemplateVersion.objects.select_related("template").order_by(
            "template__code"
        ):
            self.stdout.write(
                f"{version.template.code} v{version.number}: {version.questions.count()} questions"
            )
