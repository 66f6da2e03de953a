"""Editing from the dashboard: accounts and their login throttle, per-editor drafts, the Sunting
pages' logic, uploads."""

from __future__ import annotations

from zi_dash.edit import accounts, drafts, editing, layout, throttle, uploads, versions
from zi_dash.edit.drafts import DRAFT_DIR, Draft, DraftStore

__all__ = [
    "DRAFT_DIR",
    "Draft",
    "DraftStore",
    "accounts",
    "drafts",
    "editing",
    "layout",
    "throttle",
    "uploads",
    "versions",
]
