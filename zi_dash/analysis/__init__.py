"""What the plan says: metrics (action state, LKE projection, evidence, Kurva S), the plan as of
a date, filters, display tables, meeting screens, the roll-up of a folder."""

from __future__ import annotations

from zi_dash.analysis import (
    coverage,
    evidence,
    filters,
    history,
    kurva,
    lke,
    meeting,
    metrics,
    periods,
    rollup,
    state,
    tables,
)
from zi_dash.analysis.coverage import Coverage, action_links, link_problems
from zi_dash.analysis.filters import Filters, apply, describe, view
from zi_dash.analysis.history import rewind
from zi_dash.analysis.metrics import KurvaS, LkeProjection

__all__ = [
    "Coverage",
    "Filters",
    "KurvaS",
    "LkeProjection",
    "action_links",
    "apply",
    "coverage",
    "describe",
    "evidence",
    "filters",
    "history",
    "kurva",
    "link_problems",
    "lke",
    "meeting",
    "metrics",
    "periods",
    "rewind",
    "rollup",
    "state",
    "tables",
    "view",
]
