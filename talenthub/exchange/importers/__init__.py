"""One importer per format of DOMAIN.md; `importer_class(kind)` finds it."""

from __future__ import annotations

from importlib import import_module

from talenthub.exchange.choices import ImportKind
from talenthub.exchange.importers.base import Column, Importer, Outcome, Row, RowError, execute

_MODULES = {
    ImportKind.TRAINEES: ("trainees", "TraineesImporter"),
    ImportKind.COURSES: ("courses", "CoursesImporter"),
    ImportKind.ENROLMENTS: ("enrolments", "EnrolmentsImporter"),
    ImportKind.ATTENDANCE: ("attendance", "AttendanceImporter"),
    ImportKind.SURVEYS: ("surveys", "SurveysImporter"),
    ImportKind.OUTCOMES: ("outcomes", "OutcomesImporter"),
}


def importer_class(kind: str) -> type[Importer]:
    module, name = _MODULES[ImportKind(kind)]
    cls: type[Importer] = getattr(import_module(f"talenthub.exchange.importers.{module}"), name)
    return cls


__all__ = ["Column", "Importer", "Outcome", "Row", "RowError", "execute", "importer_class"]
