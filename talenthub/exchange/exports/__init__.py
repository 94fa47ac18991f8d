"""Every list and report of a hub as a spreadsheet: the datasets, by key, in menu order.

Lists with personal data go out only for a stated purpose, with the columns that purpose needs,
and every export is logged (services.export_build). Other apps write their own formula-safe
sheets with talenthub.core.spreadsheets; a list with personal data links here instead, so that
there is one logged way for personal data to leave."""

from __future__ import annotations

from talenthub.exchange.exports.attendance import COMPLETION, DAYS, RATES
from talenthub.exchange.exports.base import Dataset, ExportColumn, pseudonym
from talenthub.exchange.exports.catalogue import COHORTS, PARTNERS, SCORES
from talenthub.exchange.exports.events import EVENTS, REGISTRATIONS
from talenthub.exchange.exports.jobs import JOB_APPLICATIONS, JOB_POSTINGS
from talenthub.exchange.exports.notices import NOTIFICATIONS
from talenthub.exchange.exports.partners import AGREEMENTS, CONTACTS
from talenthub.exchange.exports.people import APPLICATIONS, ENROLMENTS, OUTCOMES, TRAINEES
from talenthub.exchange.exports.records import EXPORT_LOG, IMPORT_RUNS
from talenthub.exchange.exports.surveys import SURVEY_ANSWERS
from talenthub.exchange.exports.tasks_and_projects import FOLLOW_UPS, PROJECTS

DATASETS: dict[str, Dataset] = {
    dataset.key: dataset
    for dataset in (
        TRAINEES,
        COHORTS,
        APPLICATIONS,
        NOTIFICATIONS,
        ENROLMENTS,
        RATES,
        DAYS,
        COMPLETION,
        SCORES,
        SURVEY_ANSWERS,
        OUTCOMES,
        FOLLOW_UPS,
        PARTNERS,
        AGREEMENTS,
        CONTACTS,
        PROJECTS,
        JOB_POSTINGS,
        JOB_APPLICATIONS,
        EVENTS,
        REGISTRATIONS,
        IMPORT_RUNS,
        EXPORT_LOG,
    )
}

__all__ = ["DATASETS", "Dataset", "ExportColumn", "pseudonym"]
