"""Nothing to edit here: rollups are derived data, recomputed from the records (`kpi-rollups`) and
checked against them (`kpi-check`); a hand edit would only be overwritten or reported as drift."""
