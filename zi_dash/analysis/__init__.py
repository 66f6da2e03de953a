"""What the plan says: metrics, the plan as of a date, filters, display tables, meeting screens."""

from __future__ import annotations

from zi_dash.analysis import filters, history, meeting, metrics, periods, rollup, tables
from zi_dash.analysis.filters import Filters, apply, describe, view
from zi_dash.analysis.history import rewind
from zi_dash.analysis.metrics import KurvaS, LkeProjection

__all__ = [
    "Filters",
    "KurvaS",
    "LkeProjection",
    "apply",
    "describe",
    "filters",
    "history",
    "meeting",
    "metrics",
    "periods",
    "rewind",
    "rollup",
    "tables",
    "view",
]
