"""The only Streamlit code of the package: the session, shared widgets and the Sunting editor.

app.py and pages/ use this door; nothing below it imports streamlit.
"""

from __future__ import annotations

from zi_dash.ui import lke, pengingat, rapat, rekap, ringkasan, units
from zi_dash.ui.account import save_role, unit_editor_only
from zi_dash.ui.action_lke import lke_for_actions
from zi_dash.ui.cache import cached, describe
from zi_dash.ui.editor import account_box, edit_sheet, flash, require_editor, saved
from zi_dash.ui.intake import show_intake, uploaded_intake
from zi_dash.ui.question_gaps import question_gaps
from zi_dash.ui.server import run_server
from zi_dash.ui.session import (
    Context,
    Key,
    clear_plan_cache,
    context,
    keep_choices,
    load_current_plan,
    load_plan_cached,
    projector_year_notice,
    run_pages,
    sidebar,
)
from zi_dash.ui.widgets import PROJECTOR_CSS, chart, headline, lazy, table

__all__ = [
    "PROJECTOR_CSS",
    "Context",
    "Key",
    "account_box",
    "cached",
    "chart",
    "clear_plan_cache",
    "context",
    "describe",
    "edit_sheet",
    "flash",
    "headline",
    "keep_choices",
    "lazy",
    "lke",
    "lke_for_actions",
    "load_current_plan",
    "load_plan_cached",
    "pengingat",
    "projector_year_notice",
    "question_gaps",
    "rapat",
    "rekap",
    "require_editor",
    "ringkasan",
    "run_pages",
    "run_server",
    "save_role",
    "saved",
    "show_intake",
    "sidebar",
    "table",
    "unit_editor_only",
    "units",
    "uploaded_intake",
]
