"""Reads of the reports app: dashboard figures from the rollups, drill-down rows, the check."""

from __future__ import annotations

from talenthub.reports.selectors.check import Difference, rollup_differences

__all__ = ["Difference", "rollup_differences"]
