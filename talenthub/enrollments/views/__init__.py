from talenthub.enrollments.views.applicant import (
    answer_download,
    apply,
    my_application,
    my_applications,
    offer_respond,
    resume_download,
    withdraw,
)
from talenthub.enrollments.views.manage import (
    application_review,
    applications_decide_view,
    cohort_applications,
    cohort_reviewers,
    notification_detail,
    notification_log,
    review_queue,
    reviewer_remove_view,
    waitlist_offer,
)
from talenthub.enrollments.views.roster import cohort_roster

__all__ = [
    "answer_download",
    "application_review",
    "applications_decide_view",
    "apply",
    "cohort_applications",
    "cohort_reviewers",
    "cohort_roster",
    "my_application",
    "my_applications",
    "notification_detail",
    "notification_log",
    "offer_respond",
    "resume_download",
    "review_queue",
    "reviewer_remove_view",
    "waitlist_offer",
    "withdraw",
]
