"""Reads of the surveys app (a package: scores, results, timeline)."""

from __future__ import annotations

from talenthub.core.timeline import TimelineEntry
from talenthub.surveys.selectors.results import (
    comments,
    export_responses,
    in_hubs,
    invitations_of_person,
    polarity_counts,
    question_stats,
    rate,
    respondents_of,
    survey_ids_in_hubs,
    survey_progress,
    surveys_in_hubs,
    top_terms,
)
from talenthub.surveys.selectors.scores import (
    cohort_results,
    event_scores,
    hub_score,
    satisfaction_table,
    survey_result,
)
from talenthub.surveys.selectors.timeline import timeline_entries

__all__ = [
    "TimelineEntry",
    "cohort_results",
    "comments",
    "event_scores",
    "export_responses",
    "hub_score",
    "in_hubs",
    "invitations_of_person",
    "polarity_counts",
    "question_stats",
    "rate",
    "respondents_of",
    "satisfaction_table",
    "survey_ids_in_hubs",
    "survey_progress",
    "survey_result",
    "surveys_in_hubs",
    "timeline_entries",
    "top_terms",
]
