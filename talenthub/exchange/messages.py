"""Every problem an import can report, by code. A report stores codes and parameters, not text, so
it reads in the language of whoever opens it (Korean by default), now and after translations
change."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MESSAGES: dict[str, Promise] = {
    # The file as a whole
    "missing_column": _("The required column %(header)s is missing."),
    "missing_contact_column": _(
        "A column for the person's mobile phone or e-mail is required: %(columns)s."
    ),
    "unknown_column": _("Column %(header)s is not part of this format and is ignored."),
    "duplicate_column": _("Column %(header)s appears twice; only the first one is read."),
    "no_rows": _("The file has a header row but no data rows."),
    "no_items": _("The file has no question columns (%(example)s …)."),
    "survey_items_mismatch": _(
        "The cohort's survey has %(expected)s agreement items but the file has %(found)s "
        "question columns."
    ),
    # One value
    "required_value": _("This value is required."),
    "need_contact": _("Give a mobile phone number or an e-mail address."),
    "bad_phone": _("%(value)s is not a Korean mobile number (e.g. 010-1234-5678)."),
    "bad_email": _("%(value)s is not an e-mail address."),
    "bad_date": _("%(value)s is not a date (e.g. 2025-03-04)."),
    "bad_time": _("%(value)s is not a time of day (e.g. 09:05)."),
    "bad_number": _("%(value)s is not a whole number."),
    "bad_positive": _("%(value)s must be a whole number greater than 0."),
    "bad_choice": _("%(value)s is not one of: %(choices)s."),
    "bad_yes_no": _("%(value)s is not Y or N."),
    "bad_scale": _("%(value)s is not an answer from %(low)s to %(high)s."),
    "too_long": _("The value is longer than %(max)s characters."),
    # A row against the others and against the database
    "duplicate_row": _("Same %(what)s as row %(first)s."),
    "course_conflict": _("Course %(course)s has a different value here than in row %(first)s."),
    "unknown_course": _("There is no course with the code %(value)s in this hub."),
    "ambiguous_cohort": _(
        "Course %(course)s has %(count)s cohorts; add the cohort number (column %(header)s) to "
        "say which."
    ),
    "unknown_cohort_number": _("Course %(course)s has no cohort number %(number)s."),
    "no_cohort_on_date": _("No cohort of course %(course)s runs on %(date)s."),
    "unknown_person": _(
        "No person with %(value)s is registered. Import them with the trainees file first."
    ),
    "person_conflict": _("The mobile phone and the e-mail belong to two different people."),
    "email_needed": _("A new person needs an e-mail address (people sign in with it)."),
    "email_taken": _("This e-mail address belongs to another person."),
    "mobile_taken": _("This mobile phone number belongs to another person."),
    "kept_other_hub": _(
        "This person is also registered with another hub; their existing %(fields)s were kept."
    ),
    "email_kept": _(
        "The e-mail of an existing person is never changed by a file (it is how they sign in); "
        "the registered one was kept."
    ),
    "not_enrolled": _("This person is not enrolled in %(cohort)s."),
    "not_session_day": _(
        "%(date)s is not a session day of %(cohort)s. Set up the cohort's schedule first."
    ),
    "unknown_site": _("There is no site named %(value)s in this hub (sites: %(choices)s)."),
    "unknown_partner": _("There is no partner organisation named %(value)s in this hub."),
    "dates_reversed": _("The end date comes before the start date."),
    "times_reversed": _("The end time comes before the start time."),
    "outing_without_start": _("An outing end needs an outing start."),
    "day_without_check_in": _("A check-out or an outing needs a check-in."),
    "capacity_below_seats": _(
        "The capacity is lower than the %(seats)s seats already taken; no new seat will be given "
        "until enough are free."
    ),
    "cannot_reopen": _("A finished enrolment cannot be made current again by an import."),
    "dropout_reason_missing": _(
        "No reason for dropping out is given; the enrolment records that the reason was not stated."
    ),
    "refused": _("%(message)s"),
}


def render(code: str, params: Mapping[str, object]) -> str:
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return str(template) % dict(params)
    except (KeyError, TypeError, ValueError):
        return str(template)
