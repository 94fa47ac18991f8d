"""Data migration: the survey templates that ship with TalentHub (talenthub/surveys/standard.py)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def install(apps: Any, schema_editor: Any) -> None:
    from talenthub.surveys.standard import install_standard_templates

    install_standard_templates(
        apps.get_model("surveys", "SurveyTemplate"),
        apps.get_model("surveys", "TemplateVersion"),
        apps.get_model("surveys", "Section"),
        apps.get_model("surveys", "Question"),
    )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
