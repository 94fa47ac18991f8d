"""The authorisation matrix: what every URL the project resolves answers each persona on GET.

`tests/authz/test_url_matrix.py` requests every resolved pattern as every persona and compares the
outcome with the row here. A resolved URL without a row fails the test (deny by default), and so
does a row whose URL no longer resolves.

Keys: the URL name (`namespace:name`); unnamed patterns by their full route (`route:<route>`);
the admin's app index once per app label (`admin:app_list[<label>]`).

Parameters name records of hub alpha built by `scene.build_scene` on the `world` fixture, at
`scene.NOW` (10:00 on a session day of alpha's running cohort). The trainee persona is at the
centre: enrolled in that cohort, a graduate of an earlier one (with a certificate and a reported
job), an applicant to the next one (the judge persona is the reviewer invited to screen it), a
member of a company project of the partner organisation the company persona acts for, and an
applicant to its job posting. course_id/cohort_id are alpha's course and running cohort; admin
`object_id`s are the scene's object of that model (else the first row of hub alpha); tokens and
codes are the trainee's real ones; allauth's key/uidb36 are dummies that were never issued.

Outcomes: "200", "403", "404", "405", or a redirect as "302 <URL name of its target>".
- "302 account_login": the sign-in page (login_required).
- "302 admin:login": the back office's sign-in; every signed-in persona without staff status lands
  there too (Django admin treats them as not signed in to the back office).
- "302 admin:index": Django admin's answer to an object id that is not in the user's queryset
  (`_get_obj_does_not_exist_redirect`: back to the index with a "does not exist" message) rather
  than a 404. Expected for another hub's operator: it reveals nothing that a 404 would not.
"""

from __future__ import annotations

OK = "200"
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
TO_LOGIN = "302 account_login"
TO_ADMIN_LOGIN = "302 admin:login"
TO_ADMIN_INDEX = "302 admin:index"
TO_DASHBOARD = "302 portal:dashboard"
TO_HOME = "302 portal:home"
TO_REAUTHENTICATE = "302 account_reauthenticate"

PERSONAS = (
    "anonymous",
    "operator",  # operator of hub alpha
    "instructor",  # teaches alpha's cohort
    "trainee",  # enrolled in alpha's cohort
    "company",
    "mentor",
    "judge",
    "consortium_lead",
    "funder",
    "other_operator",  # operator of hub beta
    "outsider",  # signed in, no role anywhere
    "superuser",
)
SIGNED_IN = PERSONAS[1:]


def row(*, others: str, **by_persona: str) -> dict[str, str]:
    """One URL's outcome per persona: those named, and `others` for everyone else."""
    unknown = set(by_persona) - set(PERSONAS)
    if unknown:
        raise ValueError(f"not personas: {sorted(unknown)}")
    return {persona: by_persona.get(persona, others) for persona in PERSONAS}


def everyone(outcome: str) -> dict[str, str]:
    return row(others=outcome)


def signed_in(outcome: str) -> dict[str, str]:
    """Pages behind login_required: the sign-in page for the anonymous visitor."""
    return row(others=outcome, anonymous=TO_LOGIN)


def operators(outcome: str) -> dict[str, str]:
    """Pages of the hubs one operates (alpha's and beta's operators each see their own); 404 for
    anyone signed in who operates no hub."""
    return row(
        others=NOT_FOUND,
        anonymous=TO_LOGIN,
        operator=outcome,
        other_operator=outcome,
        superuser=outcome,
    )


# State-changing endpoints answer GET with 405 before sign-in is checked (require_POST comes
# first). What their POST does is tested in test_state_changes.py.
POST_ONLY = row(others=NOT_ALLOWED)


# --- Public site, dashboards and staff pages ----------------------------------------------------
SITE = {
    "portal:home": everyone(OK),
    "portal:healthz": everyone(OK),
    "portal:dashboard": signed_in(OK),
    "courses:catalogue": everyone(OK),
    "courses:course_detail": everyone(OK),
    "courses:cohort_detail": everyone(OK),
    # Lists the cohorts of the hubs the person operates (superuser: all); anyone else signed in
    # gets the page with an empty table ("You do not operate any hub yet"), no data.
    "courses:manage_cohort_list": signed_in(OK),
    # Alpha's roster (names, e-mails, mobiles): its hub's operators and its own instructors only.
    # Everyone else signed in gets 404 (access.cohort_for_staff), the roll-up roles included.
    "enrollments:cohort_roster": row(
        others=NOT_FOUND,
        anonymous=TO_LOGIN,
        operator=OK,
        instructor=OK,
        superuser=OK,
    ),
    # GET only redirects (to "/": no `next`); the language is set by POST.
    "set_language": everyone(TO_HOME),
}

# --- Events ---------------------------------------------------------------------------------------
# The scene: alpha's workshop next week, published and open; the trainee has a seat. Public pages
# list and show published events of every hub; the roster and the management pages are its hub's
# operators' only (404 for everyone else, beta's operator included).
EVENTS = {
    "events:list": everyone(OK),
    "events:detail": everyone(OK),
    "events:my_events": signed_in(OK),
    "events:register": POST_ONLY,
    "events:cancel": POST_ONLY,
    "events:manage_list": operators(OK),
    "events:manage_create": operators(OK),
    "events:manage_roster": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "events:manage_edit": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "events:manage_mark": POST_ONLY,
    "events:manage_publish": POST_ONLY,
    "events:manage_close": POST_ONLY,
    "events:manage_cancel": POST_ONLY,
    "surveys:event_survey_create": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK
    ),
}

# --- Applications and selection (enrollments) ---------------------------------------------------
# The scene: the trainee applied to alpha's next cohort (with a résumé and a file answer); the
# judge is the reviewer the operator invited to screen it. Screening pages are those of that
# cohort; `apply` is requested for alpha's running cohort.
APPLICATIONS = {
    "enrollments:apply": signed_in(OK),
    "enrollments:my_applications": signed_in(OK),
    "enrollments:my_application": row(others=NOT_FOUND, anonymous=TO_LOGIN, trainee=OK),
    "enrollments:withdraw": POST_ONLY,
    "enrollments:offer_respond": POST_ONLY,
    # Files: the applicant, the hub's operators and invited reviewers.
    "enrollments:resume_download": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, trainee=OK, judge=OK, superuser=OK
    ),
    "enrollments:answer_download": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, trainee=OK, judge=OK, superuser=OK
    ),
    "enrollments:cohort_applications": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, judge=OK, superuser=OK
    ),
    "enrollments:application_review": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, judge=OK, superuser=OK
    ),
    "enrollments:applications_decide": POST_ONLY,
    "enrollments:waitlist_offer": POST_ONLY,
    # Inviting reviewers is the operators' (a reviewer may score, not invite).
    "enrollments:cohort_reviewers": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK
    ),
    "enrollments:reviewer_remove": POST_ONLY,
    # The log of the mails sent to applicants: operators, each of their own hubs.
    "enrollments:notification_log": operators(OK),
    "enrollments:notification_detail": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK
    ),
    # The cohorts the person was invited to review (an empty list for everyone else).
    "enrollments:review_queue": signed_in(OK),
}

# --- People and timelines (portal) --------------------------------------------------------------
PEOPLE = {
    "portal:my_timeline": signed_in(OK),
    # Operators list the people of their own hubs (beta's operator sees beta's).
    "portal:manage_people": operators(OK),
    # The trainee's timeline: alpha's operators only.
    "portal:person_timeline": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
}

# --- Satisfaction surveys -----------------------------------------------------------------------
# The scene: the running cohort's survey is sent; the trainee holds a personal link (`token`).
SURVEYS = {
    # Surveys of the hubs one operates and of the cohorts one teaches (empty for everyone else).
    "surveys:survey_list": signed_in(OK),
    "surveys:comment_search": operators(OK),
    # Results: the hub's operators, and the cohort's instructor without identities.
    "surveys:results": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, instructor=OK, superuser=OK
    ),
    "surveys:export": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "surveys:survey_create": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "surveys:send": POST_ONLY,
    "surveys:remind": POST_ONLY,
    "surveys:close": POST_ONLY,
    "surveys:my_surveys": signed_in(OK),
    # Aggregate scores: operators, the consortium lead and the funder (no person on the page).
    "surveys:scores": row(
        others=NOT_FOUND,
        anonymous=TO_LOGIN,
        operator=OK,
        consortium_lead=OK,
        funder=OK,
        other_operator=OK,
        superuser=OK,
    ),
    # The personal link is the key: no sign-in, whoever holds it.
    "surveys:respond": everyone(OK),
}


# --- Partners, company projects and jobs ---------------------------------------------------------
# The scene: the company persona acts for alpha's partner organisation, which runs a project the
# trainee joined (consenting to share contact, training and documents) and posts a job the
# trainee (a graduate of alpha) applied to. Company pages are for the organisation's people only,
# so the superuser, who acts for no organisation, gets 404 there too.
def company(outcome: str) -> dict[str, str]:
    return row(others=NOT_FOUND, anonymous=TO_LOGIN, company=outcome)


PARTNERS = {
    "partners:manage_list": operators(OK),
    "partners:my_organisations": company(OK),
    "partners:organisation_detail": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, company=OK, superuser=OK
    ),
    "partners:contact_create": POST_ONLY,
    "projects:partner_history": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, company=OK, superuser=OK
    ),
    "projects:company_project_list": company(OK),
    "projects:company_project_propose": company(OK),
    "projects:company_project_detail": company(OK),
    "projects:company_application_select": POST_ONLY,
    "projects:company_application_evaluate": POST_ONLY,
    "projects:company_application_hire": POST_ONLY,
    "projects:company_project_log": POST_ONLY,
    "projects:company_job_list": company(OK),
    "projects:company_job_create": company(OK),
    "projects:company_job_detail": company(OK),
    "projects:company_job_stage": POST_ONLY,
    # The applicant consented to share documents with the organisation.
    "projects:company_job_resume": company(OK),
    "projects:manage_project_list": operators(OK),
    "projects:manage_project_detail": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK
    ),
    "projects:manage_project_decide": POST_ONLY,
    # Trainees (and graduates) of the project's hub; only the trainee persona is one.
    "projects:trainee_project_list": row(others=NOT_FOUND, anonymous=TO_LOGIN, trainee=OK),
    "projects:trainee_project_detail": row(others=NOT_FOUND, anonymous=TO_LOGIN, trainee=OK),
    "projects:trainee_project_apply": POST_ONLY,
    "projects:trainee_practicum_log": POST_ONLY,
    "projects:graduate_job_list": row(others=NOT_FOUND, anonymous=TO_LOGIN, trainee=OK),
    "projects:graduate_job_detail": row(others=NOT_FOUND, anonymous=TO_LOGIN, trainee=OK),
}

# --- Outcomes (jobs and startups after the course) ----------------------------------------------
# The scene: the trainee's job, recorded by alpha's operator with a contract as evidence, and the
# 3-month follow-up of the completed cohort (personal link: `token`).
OUTCOMES = {
    "outcomes:manage_outcome_list": operators(OK),
    "outcomes:manage_outcome_detail": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK
    ),
    "outcomes:manage_outcome_verify": POST_ONLY,
    "outcomes:manage_outcome_evidence": POST_ONLY,
    "outcomes:evidence_download": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, trainee=OK, superuser=OK
    ),
    "outcomes:manage_follow_up_list": operators(OK),
    "outcomes:manage_follow_up_close": POST_ONLY,
    "outcomes:follow_up_report": everyone(OK),
    "outcomes:my_outcomes": signed_in(OK),
    "outcomes:my_outcome_evidence": POST_ONLY,
}


# --- Attendance and certificates -----------------------------------------------------------------
# The scene runs at 10:00 on a session day of alpha's running cohort: the classroom code is live
# (`token` of attendance:scan), the instructor marked the trainee in. The trainee's completed
# earlier cohort has a certificate (`certificate_id`, `code`); `token` of person_calendar is the
# trainee's secret calendar address.
def cohort_staff(outcome: str) -> dict[str, str]:
    """The cohort's instructor and its hub's operators (attendance access.session_day_for_staff)."""
    return row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=outcome, instructor=outcome, superuser=OK
    )


ATTENDANCE = {
    "attendance:qr_display": cohort_staff(OK),
    "attendance:qr_code": cohort_staff(OK),
    # Opening the code: the enrolled trainee gets the check-in page; anyone else signed in is told
    # they are not enrolled (403).
    "attendance:scan": row(others=FORBIDDEN, anonymous=TO_LOGIN, trainee=OK),
    "attendance:roster": cohort_staff(OK),
    "attendance:roster_rows": cohort_staff(OK),
    "attendance:mark": POST_ONLY,
    # Corrections need a reason and are the operators' (not the instructor's).
    "attendance:correct": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "attendance:overview": cohort_staff(OK),
    "attendance:schedule": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "attendance:completion": cohort_staff(OK),
    "attendance:override": POST_ONLY,
    "attendance:dropout": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "attendance:issue_certificates": POST_ONLY,
    # A published cohort's timetable is public.
    "attendance:cohort_calendar": everyone(OK),
    # The secret address is the key (calendar apps subscribe without a session).
    "attendance:person_calendar": everyone(OK),
    "attendance:my_attendance": signed_in(OK),
    "attendance:calendar_reset": POST_ONLY,
    "attendance:certificate_pdf": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, trainee=OK, superuser=OK
    ),
    "attendance:certificate_revoke": POST_ONLY,
    # Public verification of a certificate: name, course and dates only.
    "attendance:verify": everyone(OK),
}


# --- Imports, exports and API tokens (talenthub/exchange, talenthub/api) -------------------------
# The scene: an import of alpha's roster, checked and ready; the trainee's API token in alpha.
EXCHANGE = {
    # Operators' pages (beta's operator has their own list and forms; alpha's run is not theirs).
    "exchange:import_list": operators(OK),
    "exchange:import_detail": row(others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK),
    "exchange:import_progress": row(
        others=NOT_FOUND, anonymous=TO_LOGIN, operator=OK, superuser=OK
    ),
    "exchange:import_commit": POST_ONLY,
    "exchange:import_recheck": POST_ONLY,
    "exchange:import_template": operators(OK),
    "exchange:export_index": operators(OK),
    # A list without personal data straight from its page's link (cohorts, as CSV), of the hub
    # one operates; the superuser, who operates every hub, is asked which hub in the dialog.
    "exchange:export_download": row(
        others=NOT_FOUND,
        anonymous=TO_LOGIN,
        operator=OK,
        other_operator=OK,
        superuser="302 exchange:export_index",
    ),
    # Everyone signed in manages their own tokens (with no role anywhere, the page says so).
    "api_tokens:token_list": signed_in(OK),
    "api_tokens:token_revoke": POST_ONLY,
}

# The REST API (/api/) takes personal access tokens, never the session: signed in or not, a
# browser gets 401 from every endpoint but the public catalogue, the schema and the docs. What
# each token may do is tested in talenthub/api/tests (test_api.py by role and hub, and
# schemathesis over every operation as an operator's, a trainee's and a funder's token).
NO_TOKEN = "401"
API = {
    "api:openapi-json": everyone(OK),
    "api:openapi-view": everyone(OK),
    "api:api-root": everyone(NOT_FOUND),
    "api:catalogue_list": everyone(OK),
    "api:catalogue_detail": everyone(OK),
    **{
        f"api:{name}": everyone(NO_TOKEN)
        for name in (
            "cohort_list",
            "cohort_detail",
            "application_list",
            "application_detail",
            "enrolment_list",
            "enrolment_create",
            "enrolment_detail",
            "outcome_list",
            "outcome_create",
            "outcome_detail",
            "attendance_list",
            "survey_results",
            "partner_list",
            "kpis",
        )
    },
    # POST only.
    "api:application_decision": everyone(NOT_ALLOWED),
}


# --- KPI reports (talenthub/reports) --------------------------------------------------------------
# Requested for hub alpha, consortium honam and the KPI "participants" of 2025.
def roll_up(*allowed: str) -> dict[str, str]:
    return row(others=NOT_FOUND, anonymous=TO_LOGIN, superuser=OK, **dict.fromkeys(allowed, OK))


REPORTS = {
    # The dashboards one may open (an empty list for most).
    "reports:index": signed_in(OK),
    # Alpha's figures: its operators (with the people behind them), the lead of its consortium
    # and the funder (figures and cohort rows only, never a person). Beta's operator: 404.
    "reports:hub": roll_up("operator", "consortium_lead", "funder"),
    "reports:hub_drill": roll_up("operator", "consortium_lead", "funder"),
    "reports:hub_xlsx": roll_up("operator", "consortium_lead", "funder"),
    "reports:hub_pdf": roll_up("operator", "consortium_lead", "funder"),
    # The dashboard's KPI table as CSV/XLSX: figures only, for whoever sees the dashboard.
    "reports:hub_kpis": roll_up("operator", "consortium_lead", "funder"),
    "reports:press_release": roll_up("operator", "consortium_lead", "funder"),
    # The consortium roll-up: its lead and the funder, not the member hubs' operators.
    "reports:consortium": roll_up("consortium_lead", "funder"),
    "reports:consortium_drill": roll_up("consortium_lead", "funder"),
    "reports:consortium_kpis": roll_up("consortium_lead", "funder"),
    "reports:national": roll_up("funder"),
    "reports:national_drill": roll_up("funder"),
    "reports:national_xlsx": roll_up("funder"),
    "reports:national_kpis": roll_up("funder"),
    # The public KPI page and the definitions of every figure.
    "reports:public": everyone(OK),
    "reports:public_drill": everyone(OK),
    "reports:public_kpis": everyone(OK),
    "reports:definitions": everyone(OK),
    "reports:definition": everyone(OK),
}

# --- django-allauth (account and two-factor pages) ---------------------------------------------
# No persona has an authenticator; personas are signed in with force_login and have no
# EmailAddress rows.
ACCOUNTS = {
    "account_login": row(others=TO_DASHBOARD, anonymous=OK),
    "account_signup": row(others=TO_DASHBOARD, anonymous=OK),
    # GET shows the "sign out?" confirmation; signing out is a POST.
    "account_logout": row(others=OK, anonymous=TO_HOME),
    "account_inactive": everyone(OK),
    "account_reauthenticate": signed_in(OK),
    "account_request_reauthentication_code": signed_in(TO_REAUTHENTICATE),
    "account_confirm_reauthentication_code": signed_in("302 account_request_reauthentication_code"),
    "account_email": signed_in(OK),
    "account_email_verification_sent": everyone(OK),
    # A dummy key: the "link expired or invalid" page.
    "account_confirm_email": everyone(OK),
    "account_change_password": signed_in(OK),
    # Personas have a usable password, so "set" sends them to "change".
    "account_set_password": signed_in("302 account_change_password"),
    "account_reset_password": everyone(OK),
    "account_reset_password_done": everyone(OK),
    # A dummy uidb36/key: the "bad token" page.
    "account_reset_password_from_key": everyone(OK),
    "account_reset_password_from_key_done": everyone(OK),
    # No login is pending: back to the sign-in page, or to the dashboard when signed in.
    "account_confirm_login_code": signed_in(TO_DASHBOARD),
    "mfa_index": signed_in(OK),
    "mfa_authenticate": signed_in(TO_DASHBOARD),
    "mfa_reauthenticate": signed_in(TO_REAUTHENTICATE),
    # Activating TOTP asks for re-authentication first, even right after signing in.
    "mfa_activate_totp": signed_in(TO_REAUTHENTICATE),
    "mfa_deactivate_totp": signed_in(NOT_FOUND),
    "mfa_view_recovery_codes": signed_in(NOT_FOUND),
    "mfa_generate_recovery_codes": signed_in(TO_REAUTHENTICATE),
    "mfa_download_recovery_codes": signed_in(NOT_FOUND),
}


# --- Back office (/backoffice/) -----------------------------------------------------------------
def staff_row(operator: str, other_operator: str, superuser: str) -> dict[str, str]:
    """A back-office page: staff are the operators and the superuser; everyone else (signed in or
    not, the roll-up roles included) is sent to the back-office sign-in."""
    return row(
        others=TO_ADMIN_LOGIN,
        operator=operator,
        other_operator=other_operator,
        superuser=superuser,
    )


ADMIN_SITE = {
    "admin:index": staff_row(OK, OK, OK),
    # A signed-in non-staff person gets the form with "you are not authorised for this page".
    "admin:login": row(
        others=OK,
        operator=TO_ADMIN_INDEX,
        other_operator=TO_ADMIN_INDEX,
        superuser=TO_ADMIN_INDEX,
    ),
    # Sign-out is POST only; the admin sends non-staff to its index (hence its sign-in).
    "admin:logout": row(
        others=TO_ADMIN_INDEX,
        operator=NOT_ALLOWED,
        other_operator=NOT_ALLOWED,
        superuser=NOT_ALLOWED,
    ),
    "admin:password_change": staff_row(OK, OK, OK),
    "admin:password_change_done": staff_row(OK, OK, OK),
    # Without app_label/model_name/field_name the autocomplete refuses.
    "admin:autocomplete": staff_row(FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "admin:jsi18n": staff_row(OK, OK, OK),
    # "View on site" for alpha's course: no model defines get_absolute_url, so 404 for everyone.
    "admin:view_on_site": staff_row(NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "route:backoffice/(?P<url>.*)$": staff_row(NOT_FOUND, NOT_FOUND, NOT_FOUND),
    # App indexes: operators see the apps of hub records; framework apps are superuser-only.
    "admin:app_list[auth]": staff_row(NOT_FOUND, NOT_FOUND, OK),
    "admin:app_list[account]": staff_row(NOT_FOUND, NOT_FOUND, OK),
    "admin:app_list[mfa]": staff_row(NOT_FOUND, NOT_FOUND, OK),
    "admin:app_list[django_celery_results]": staff_row(NOT_FOUND, NOT_FOUND, OK),
    "admin:app_list[hubs]": staff_row(OK, OK, OK),
    "admin:app_list[accounts]": staff_row(OK, OK, OK),
    "admin:app_list[partners]": staff_row(OK, OK, OK),
    "admin:app_list[courses]": staff_row(OK, OK, OK),
    "admin:app_list[enrollments]": staff_row(OK, OK, OK),
    "admin:app_list[attendance]": staff_row(OK, OK, OK),
    "admin:app_list[surveys]": staff_row(OK, OK, OK),
    "admin:app_list[outcomes]": staff_row(OK, OK, OK),
    "admin:app_list[projects]": staff_row(OK, OK, OK),
    "admin:app_list[events]": staff_row(OK, OK, OK),
    "admin:app_list[exchange]": staff_row(OK, OK, OK),
    "admin:app_list[api]": staff_row(OK, OK, OK),
}

# The per-object redirect (`<model>/<id>/` → `<model>/<id>/change/`) checks nothing itself; the
# change page it points to does. Written here as this marker, expanded per model below.
TO_CHANGE_PAGE = "302 <change page>"

Pages = dict[str, tuple[str, str, str]]  # page → (operator, other_operator, superuser)
_OBJECT: Pages = {"object": (TO_CHANGE_PAGE, TO_CHANGE_PAGE, TO_CHANGE_PAGE)}

# Shapes of admin models, each naming every page the model's admin has. A model is listed below
# with its shape; a page kind that no shape names (a custom admin URL) gets no row and fails.

# Models without a hub: operators are staff but hold no model permission, so 403.
SUPERUSER_ONLY: Pages = {
    "changelist": (FORBIDDEN, FORBIDDEN, OK),
    "add": (FORBIDDEN, FORBIDDEN, OK),
    "change": (FORBIDDEN, FORBIDDEN, OK),
    "history": (FORBIDDEN, FORBIDDEN, OK),
    "delete": (FORBIDDEN, FORBIDDEN, OK),
    **_OBJECT,
}
# HubScopedAdmin: alpha's operator has every page of alpha's row; beta's operator has their own
# changelist and add form, and for alpha's row gets the admin's "does not exist" redirect.
HUB_SCOPED: Pages = {
    "changelist": (OK, OK, OK),
    "add": (OK, OK, OK),
    "change": (OK, TO_ADMIN_INDEX, OK),
    "history": (OK, TO_ADMIN_INDEX, OK),
    "delete": (OK, TO_ADMIN_INDEX, OK),
    **_OBJECT,
}
# With simple-history: its history list and its revert form look the row up in the history table
# and then ask has_view_permission for it, which refuses beta's operator with 403.
HUB_SCOPED_WITH_HISTORY: Pages = {
    **HUB_SCOPED,
    "history": (OK, FORBIDDEN, OK),
    "simple_history": (OK, FORBIDDEN, OK),
}
# Records only services write (events, decisions, ledgers, logs): nobody adds or deletes them in
# the back office, not even a superuser; their change page is a read-only view.
_NO_ADD: Pages = {"add": (FORBIDDEN, FORBIDDEN, FORBIDDEN)}
_NO_DELETE: Pages = {"delete": (FORBIDDEN, FORBIDDEN, FORBIDDEN)}
WRITTEN_BY_SERVICES: Pages = {**HUB_SCOPED, **_NO_ADD, **_NO_DELETE}
WRITTEN_BY_SERVICES_WITH_HISTORY: Pages = {**HUB_SCOPED_WITH_HISTORY, **_NO_ADD, **_NO_DELETE}
# Records services create that an operator may still change or delete.
ADDED_BY_SERVICES: Pages = {**HUB_SCOPED, **_NO_ADD}
ADDED_BY_SERVICES_WITH_HISTORY: Pages = {**HUB_SCOPED_WITH_HISTORY, **_NO_ADD}

# Every registered ModelAdmin, by app_label/model_name, with the outcome of each of its pages for
# the object of hub alpha (scene.admin_object). A model registered later has no entry, so its URLs
# have no row and the test fails until someone decides who may see them.
ADMIN_MODELS: dict[str, Pages] = {
    "auth/group": SUPERUSER_ONLY,
    "account/emailaddress": SUPERUSER_ONLY,
    "mfa/authenticator": SUPERUSER_ONLY,
    "django_celery_results/taskresult": SUPERUSER_ONLY,
    "django_celery_results/groupresult": SUPERUSER_ONLY,
    # ConsortiumAdmin: superuser only (not in the operator's app index either).
    "hubs/consortium": SUPERUSER_ONLY,
    # HubAdmin: operators may look at their own hub (read-only change page); only a superuser
    # adds, changes or deletes hubs.
    "hubs/hub": {
        "changelist": (OK, OK, OK),
        "add": (FORBIDDEN, FORBIDDEN, OK),
        "change": (OK, TO_ADMIN_INDEX, OK),
        "history": (OK, TO_ADMIN_INDEX, OK),
        "delete": (FORBIDDEN, FORBIDDEN, OK),
        **_OBJECT,
    },
    "hubs/site": HUB_SCOPED,
    "hubs/membership": HUB_SCOPED,
    # PersonAdmin, for alpha's trainee: people are never deleted from the back office (their
    # records are KPI evidence), so delete is superuser-only.
    "accounts/user": {**HUB_SCOPED, "delete": (FORBIDDEN, FORBIDDEN, OK)},
    "partners/organisation": HUB_SCOPED,
    "partners/agreement": HUB_SCOPED_WITH_HISTORY,
    "partners/agreementreminder": ADDED_BY_SERVICES,
    "partners/contact": HUB_SCOPED,
    "partners/organisationmember": HUB_SCOPED_WITH_HISTORY,
    "courses/course": HUB_SCOPED_WITH_HISTORY,
    "courses/cohort": HUB_SCOPED_WITH_HISTORY,
    "enrollments/enrollment": HUB_SCOPED_WITH_HISTORY,
    "enrollments/applicationform": HUB_SCOPED,
    "enrollments/application": WRITTEN_BY_SERVICES,
    "enrollments/cohortseats": WRITTEN_BY_SERVICES,
    "enrollments/notification": WRITTEN_BY_SERVICES,
    "attendance/attendancepolicy": HUB_SCOPED_WITH_HISTORY,
    "attendance/attendanceevent": WRITTEN_BY_SERVICES,
    "attendance/attendancecorrection": WRITTEN_BY_SERVICES,
    "attendance/excusedabsence": WRITTEN_BY_SERVICES,
    "attendance/atriskalert": WRITTEN_BY_SERVICES,
    "attendance/assessmentrequirement": HUB_SCOPED,
    "attendance/completiondecision": WRITTEN_BY_SERVICES_WITH_HISTORY,
    "attendance/certificate": WRITTEN_BY_SERVICES_WITH_HISTORY,
    # Survey templates are the programme's standard: superusers only; versions are published by
    # the template's admin, never added by hand.
    "surveys/surveytemplate": SUPERUSER_ONLY,
    "surveys/templateversion": {**SUPERUSER_ONLY, **_NO_ADD},
    "surveys/survey": HUB_SCOPED,
    # Responses are KPI evidence: only a superuser deletes one.
    "surveys/response": {**ADDED_BY_SERVICES, "delete": (FORBIDDEN, FORBIDDEN, OK)},
    "outcomes/outcome": HUB_SCOPED_WITH_HISTORY,
    "outcomes/followup": HUB_SCOPED,
    "projects/project": HUB_SCOPED_WITH_HISTORY,
    "projects/projectapplication": HUB_SCOPED_WITH_HISTORY,
    "projects/practicumlog": HUB_SCOPED,
    "projects/projectevaluation": HUB_SCOPED,
    "projects/jobposting": HUB_SCOPED,
    "projects/jobapplication": HUB_SCOPED_WITH_HISTORY,
    "events/event": HUB_SCOPED_WITH_HISTORY,
    # Registrations are made on the event's page (seats, waitlist), never added here.
    # Cancelled on the event's pages (the seat ledger and the waitlist move with it), never deleted.
    "events/registration": WRITTEN_BY_SERVICES_WITH_HISTORY,
    # A trainee's consent to a company: read-only in the back office; only a superuser deletes one.
    "projects/thirdpartyconsent": {
        **ADDED_BY_SERVICES_WITH_HISTORY,
        "delete": (FORBIDDEN, FORBIDDEN, OK),
    },
    # Records of what happened: read-only; only a superuser deletes one.
    "exchange/importrun": {**WRITTEN_BY_SERVICES, "delete": (FORBIDDEN, FORBIDDEN, OK)},
    "exchange/exportlog": {**WRITTEN_BY_SERVICES, "delete": (FORBIDDEN, FORBIDDEN, OK)},
    # Tokens are made on the API tokens page (the only place their secret is shown).
    "api/apitoken": {**WRITTEN_BY_SERVICES, "delete": (FORBIDDEN, FORBIDDEN, OK)},
}


def _admin_model_rows() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for model, pages in ADMIN_MODELS.items():
        prefix = model.replace("/", "_")
        for page, outcomes in pages.items():
            key = (
                f"route:backoffice/{model}/<path:object_id>/"
                if page == "object"
                else f"admin:{prefix}_{page}"
            )
            change_page = f"302 admin:{prefix}_change"
            rows[key] = staff_row(*(change_page if o == TO_CHANGE_PAGE else o for o in outcomes))
    return rows


def _merge(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        twice = set(merged) & set(table)
        if twice:
            raise ValueError(f"rows given twice: {sorted(twice)}")
        merged.update(table)
    return merged


MATRIX: dict[str, dict[str, str]] = _merge(
    SITE,
    EVENTS,
    PEOPLE,
    APPLICATIONS,
    SURVEYS,
    PARTNERS,
    OUTCOMES,
    ATTENDANCE,
    EXCHANGE,
    API,
    REPORTS,
    ACCOUNTS,
    ADMIN_SITE,
    _admin_model_rows(),
)


# --- POST to the state-changing endpoints ---------------------------------------------------------
# test_url_matrix POSTs an empty form to every endpoint above that answers GET with 405, as every
# persona, each POST undone before the next. Whoever may act is sent back to the page they came
# from (with a message when the empty form is refused) or gets 400 for the empty form; everyone
# else signed in gets 404, the same as an id that does not exist. Keys must be exactly those of
# the POST_ONLY rows.
def acts(others: str = NOT_FOUND, **by_persona: str) -> dict[str, str]:
    return row(others=others, anonymous=TO_LOGIN, **by_persona)


def back_to(name: str) -> str:
    return f"302 {name}"


POST_MATRIX = {
    # Anyone signed in registers for the published workshop (the trainee already has a seat) and
    # is back on its page; only the trainee has a registration to cancel.
    "events:register": acts(others=back_to("events:detail")),
    "events:cancel": acts(trainee=back_to("events:detail")),
    # The empty form refused (nobody chosen), or the action refused with a message: back on the
    # roster. The workshop is next week: it cannot be closed yet, but it can be cancelled.
    "events:manage_mark": acts(
        operator=back_to("events:manage_roster"), superuser=back_to("events:manage_roster")
    ),
    "events:manage_publish": acts(
        operator=back_to("events:manage_roster"), superuser=back_to("events:manage_roster")
    ),
    "events:manage_close": acts(
        operator=back_to("events:manage_roster"), superuser=back_to("events:manage_roster")
    ),
    "events:manage_cancel": acts(
        operator=back_to("events:manage_roster"), superuser=back_to("events:manage_roster")
    ),
    "enrollments:withdraw": acts(trainee=back_to("enrollments:my_application")),
    "enrollments:offer_respond": acts(trainee=back_to("enrollments:my_application")),
    "enrollments:applications_decide": acts(
        operator=back_to("enrollments:cohort_applications"),
        superuser=back_to("enrollments:cohort_applications"),
    ),
    "enrollments:waitlist_offer": acts(
        operator=back_to("enrollments:cohort_applications"),
        superuser=back_to("enrollments:cohort_applications"),
    ),
    # The invited reviewer cannot remove reviewers, themselves included.
    "enrollments:reviewer_remove": acts(
        operator=back_to("enrollments:cohort_reviewers"),
        superuser=back_to("enrollments:cohort_reviewers"),
    ),
    "surveys:send": acts(operator=back_to("surveys:results"), superuser=back_to("surveys:results")),
    "surveys:remind": acts(
        operator=back_to("surveys:results"), superuser=back_to("surveys:results")
    ),
    # The instructor reads the results but cannot close the survey.
    "surveys:close": acts(
        operator=back_to("surveys:results"), superuser=back_to("surveys:results")
    ),
    "partners:contact_create": acts(
        operator=back_to("partners:organisation_detail"),
        superuser=back_to("partners:organisation_detail"),
    ),
    "projects:company_application_select": acts(company=back_to("projects:company_project_detail")),
    # The empty evaluation is refused on the project page itself, next to the member's form.
    "projects:company_application_evaluate": acts(company=OK),
    "projects:company_application_hire": acts(company=back_to("projects:company_project_detail")),
    "projects:company_project_log": acts(company=back_to("projects:company_project_detail")),
    "projects:company_job_stage": acts(company=back_to("projects:company_job_detail")),
    "projects:manage_project_decide": acts(
        operator=back_to("projects:manage_project_detail"),
        superuser=back_to("projects:manage_project_detail"),
    ),
    "projects:trainee_project_apply": acts(trainee=back_to("projects:trainee_project_detail")),
    "projects:trainee_practicum_log": acts(trainee=back_to("projects:trainee_project_detail")),
    "outcomes:manage_outcome_verify": acts(
        operator=back_to("outcomes:manage_outcome_detail"),
        superuser=back_to("outcomes:manage_outcome_detail"),
    ),
    "outcomes:manage_outcome_evidence": acts(
        operator=back_to("outcomes:manage_outcome_detail"),
        superuser=back_to("outcomes:manage_outcome_detail"),
    ),
    "outcomes:manage_follow_up_close": acts(
        operator=back_to("outcomes:manage_follow_up_list"),
        superuser=back_to("outcomes:manage_follow_up_list"),
    ),
    # Only the person the outcome is about adds evidence here.
    "outcomes:my_outcome_evidence": acts(trainee=back_to("outcomes:my_outcomes")),
    # Hand marks: the cohort's instructor and the hub's operators (400: the empty form).
    "attendance:mark": acts(operator="400", instructor="400", superuser="400"),
    "attendance:override": acts(operator="400", superuser="400"),
    "attendance:issue_certificates": acts(
        operator=back_to("attendance:completion"), superuser=back_to("attendance:completion")
    ),
    # Everyone signed in resets their own calendar address.
    "attendance:calendar_reset": acts(others=back_to("attendance:my_attendance")),
    # The holder may download but not revoke their certificate.
    "attendance:certificate_revoke": acts(operator="400", superuser="400"),
    # The scene's run is ready: alpha's operator imports it (or is told why not) and is back on
    # its page; a check again likewise.
    "exchange:import_commit": acts(
        operator=back_to("exchange:import_detail"), superuser=back_to("exchange:import_detail")
    ),
    "exchange:import_recheck": acts(
        operator=back_to("exchange:import_detail"), superuser=back_to("exchange:import_detail")
    ),
    # The trainee's token: its owner and alpha's operators may revoke it.
    "api_tokens:token_revoke": acts(
        trainee=back_to("api_tokens:token_list"),
        operator=back_to("api_tokens:token_list"),
        superuser=back_to("api_tokens:token_list"),
    ),
    # A session is no credential for the API, for a POST either.
    "api:application_decision": everyone(NO_TOKEN),
}
