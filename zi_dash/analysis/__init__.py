"""What the plan says: metrics (action state, evidence, Kurva S), the LKE (penilaian mandiri and
the plan's coverage), the plan as of a date, filters, display tables, meeting screens, the
roll-up of a folder."""

from __future__ import annotations

from zi_dash.analysis import (
    assessment,
    contacts,
    coverage,
    digest,
    evidence,
    filters,
    history,
    kurva,
    lke,
    lke_links,
    meeting,
    metrics,
    periods,
    readiness,
    reminder_text,
    reminders,
    rollup,
    rollup_store,
    state,
    summary,
    tables,
    tpi,
    unit_lke,
)
from zi_dash.analysis.assessment import Assessment, answers_of, assess
from zi_dash.analysis.coverage import Coverage, action_links, link_problems
from zi_dash.analysis.filters import Filters, apply, describe, view
from zi_dash.analysis.history import rewind
from zi_dash.analysis.metrics import KurvaS

__all__ = [
    "Assessment",
    "Coverage",
    "Filters",
    "KurvaS",
    "action_links",
    "answers_of",
    "apply",
    "assess",
    "assessment",
    "contacts",
    "coverage",
    "describe",
    "digest",
    "evidence",
    "filters",
    "history",
    "kurva",
    "link_problems",
    "lke",
    "lke_links",
    "meeting",
    "metrics",
    "periods",
    "readiness",
    "reminder_text",
    "reminders",
    "rewind",
    "rollup",
    "rollup_store",
    "state",
    "summary",
    "tables",
    "tpi",
    "unit_lke",
    "view",
]
