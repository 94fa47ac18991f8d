"""Every list page links the export of its rows.

Each page of the URL matrix is opened as the first persona the matrix lets in; a page that shows a
table is a list, and must either link its export (the exchange app's "Excel / CSV" links or a KPI
table's, marked data-export="<dataset>") or be listed in NO_EXPORT with the reason. A new list page
fails here until someone decides. docs/exports.md has the same table for people."""

from __future__ import annotations

import re

import pytest

from tests.authz.matrix import MATRIX, OK, PERSONAS
from tests.authz.test_url_matrix import _get_as_everyone, _resolved, _text, shared  # noqa: F401

# Page → the exports it links (data-export markers), as its operator sees it.
PAGE_EXPORTS: dict[str, set[str]] = {
    "portal:manage_people": {"trainees"},
    "courses:manage_cohort_list": {"cohorts"},
    "enrollments:cohort_roster": {"enrolments"},
    "enrollments:cohort_applications": {"applications"},
    "enrollments:notification_log": {"notifications"},
    "surveys:survey_list": {"survey_scores"},
    "surveys:comment_search": {"survey_answers"},
    "surveys:results": {"survey_answers"},
    "surveys:scores": {"survey_scores"},
    "partners:manage_list": {"partners", "agreements", "partner_contacts"},
    "partners:organisation_detail": {"agreements", "partner_contacts"},
    "projects:manage_project_list": {"projects", "job_postings", "job_applications"},
    "events:manage_list": {"events", "event_registrations"},
    "events:manage_roster": {"event_registrations"},
    "outcomes:manage_outcome_list": {"outcomes"},
    "outcomes:manage_follow_up_list": {"follow_ups"},
    "attendance:overview": {"attendance", "attendance_days", "completion"},
    "attendance:roster": {"attendance_days"},
    "attendance:completion": {"completion"},
    "exchange:import_list": {"import_runs"},
    "exchange:export_index": {"export_log"},
    "reports:hub": {"kpis"},
    "reports:hub_drill": {"kpis"},
    "reports:consortium": {"kpis"},
    "reports:consortium_drill": {"kpis"},
    "reports:national": {"kpis"},
    "reports:national_drill": {"kpis"},
    "reports:public": {"kpis"},
    "reports:public_drill": {"kpis"},
}

# Pages with a table that need no export of their own, and why (docs/exports.md).
NO_EXPORT: dict[str, str] = {
    "portal:person_timeline": "one person's record, not a list of the hub",
    "portal:my_timeline": "the person's own record",
    "enrollments:my_applications": "the person's own applications",
    "enrollments:review_queue": "a reviewer's queue; the operator exports the applications",
    "enrollments:cohort_reviewers": "a handful of invited reviewers: a settings page",
    "enrollments:application_review": "one application",
    "enrollments:notification_detail": "one e-mail",
    "attendance:schedule": "the timetable is exported as a calendar (cohort_calendar, .ics)",
    "attendance:my_attendance": "the person's own attendance",
    "outcomes:my_outcomes": "the person's own outcomes",
    "outcomes:manage_outcome_detail": "one outcome",
    "surveys:my_surveys": "the person's own surveys",
    "events:my_events": "the person's own registrations",
    "events:list": "the public list of events (no personal data; the operators export theirs)",
    "projects:manage_project_detail": "one project; the hub's projects export as a list",
    "projects:company_project_list": "a company's own page: trainees' data shared under consent "
    "stays on screen (no spreadsheet copy leaves the consent's control)",
    "projects:company_project_detail": "as company_project_list",
    "projects:company_job_list": "as company_project_list",
    "projects:company_job_detail": "as company_project_list",
    "projects:partner_history": "as company_project_list",
    "projects:trainee_project_list": "a trainee's page",
    "projects:trainee_project_detail": "a trainee's page",
    "projects:graduate_job_list": "a graduate's page",
    "partners:my_organisations": "a company's own organisations",
    "exchange:import_detail": "one import's report by row (the file itself is the export)",
    "api_tokens:token_list": "personal access tokens: secrets, each person's own",
    "reports:index": "a list of dashboards, no figures",
    "reports:definitions": "the definitions are documentation (docs/kpi.md)",
    "reports:definition": "one definition",
    "reports:press_release": "a text for the press; its figures are the hub's KPI export",
    "courses:catalogue": "the public catalogue (the API serves it: /api/catalogue/cohorts)",
    "courses:cohort_detail": "one cohort's public page (its timetable is a calendar feed)",
    "portal:home": "the hubs' headline figures: the public KPI page exports them",
    "attendance:verify": "one certificate",
}

SKIPPED_PREFIXES = ("admin:", "route:", "api:", "account_", "mfa_", "set_language")
_TABLE = re.compile(r"<table\b")
_MARKER = re.compile(r'data-export="([a-z_]+)"')


def _page_keys() -> list[str]:
    return [
        key
        for key, row in MATRIX.items()
        if not key.startswith(SKIPPED_PREFIXES) and OK in row.values()
    ]


def _first_allowed(key: str) -> str:
    row = MATRIX[key]
    for persona in ("operator", "superuser", *PERSONAS):
        if row[persona] == OK:
            return persona
    raise AssertionError(key)


@pytest.mark.parametrize("key", _page_keys())
def test_every_list_page_links_its_export_or_says_why_not(shared, db, key):  # noqa: F811
    persona = _first_allowed(key)
    path, responses = _get_as_everyone(shared, key, (persona,))
    response = responses[persona]
    if not response.get("Content-Type", "").startswith("text/html"):
        return  # a download, a feed, an image
    html = _text(response)
    linked = set(_MARKER.findall(html))
    if key in PAGE_EXPORTS:
        assert PAGE_EXPORTS[key] <= linked, f"GET {path} as {persona}"
    elif _TABLE.search(html):
        assert key in NO_EXPORT, (
            f"GET {path} shows a table: link its export ({{% export_links %}}) or say in "
            "NO_EXPORT (and docs/exports.md) why it has none"
        )


def test_the_tables_name_only_pages_that_still_exist():
    assert sorted((set(PAGE_EXPORTS) | set(NO_EXPORT)) - set(_resolved())) == []
