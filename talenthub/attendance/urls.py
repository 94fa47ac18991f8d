from __future__ import annotations

from django.urls import path

from talenthub.attendance.views import checkin, cohort, public

app_name = "attendance"
urlpatterns = [
    path("attendance/days/<int:day_id>/qr/", checkin.qr_display, name="qr_display"),
    path("attendance/days/<int:day_id>/qr/code/", checkin.qr_code, name="qr_code"),
    path("attendance/scan/<str:token>/", checkin.scan, name="scan"),
    path("attendance/days/<int:day_id>/roster/", checkin.roster, name="roster"),
    path("attendance/days/<int:day_id>/roster/rows/", checkin.roster_rows, name="roster_rows"),
    path("attendance/days/<int:day_id>/mark/", checkin.mark, name="mark"),
    path(
        "attendance/days/<int:day_id>/trainees/<int:enrollment_id>/correct/",
        checkin.correct,
        name="correct",
    ),
    path("attendance/cohorts/<int:cohort_id>/", cohort.overview, name="overview"),
    path("attendance/cohorts/<int:cohort_id>/schedule/", cohort.schedule, name="schedule"),
    path("attendance/cohorts/<int:cohort_id>/completion/", cohort.completion, name="completion"),
    path(
        "attendance/cohorts/<int:cohort_id>/completion/<int:enrollment_id>/override/",
        cohort.override,
        name="override",
    ),
    path(
        "attendance/cohorts/<int:cohort_id>/dropout/<int:enrollment_id>/",
        cohort.dropout,
        name="dropout",
    ),
    path(
        "attendance/cohorts/<int:cohort_id>/certificates/",
        cohort.issue_certificates,
        name="issue_certificates",
    ),
    path(
        "attendance/cohorts/<int:cohort_id>/calendar.ics",
        public.cohort_calendar,
        name="cohort_calendar",
    ),
    path("attendance/calendar/<str:token>.ics", public.person_calendar, name="person_calendar"),
    path("attendance/me/", public.my_attendance, name="my_attendance"),
    path("attendance/me/calendar/reset/", public.calendar_reset, name="calendar_reset"),
    path(
        "attendance/certificates/<int:certificate_id>.pdf",
        public.certificate_pdf,
        name="certificate_pdf",
    ),
    path(
        "attendance/certificates/<int:certificate_id>/revoke/",
        public.certificate_revoke,
        name="certificate_revoke",
    ),
    path("verify/<str:code>/", public.verify, name="verify"),
]
