"""The Penilaian Mandiri page's bench workbook: a copy with the LKE sheet, saved answers and an
editor's draft (so the page draws its widgets, the live score over the draft and the review)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Final

from zi_dash import lke
from zi_dash.base import LkeCol
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore, editing
from zi_dash.workbook import add_lke_sheet, load_plan, save_changes

USER: Final = "bench"


def prepared(path: Path, folder: Path) -> Path:
    """A copy of `path` with the LKE sheet, every other choice question answered and saved,
    and a draft of USER changing two answers of the sub-component the page opens first."""
    copy = folder / f"{path.stem}_lke.xlsx"
    shutil.copyfile(path, copy)
    plan = load_plan(copy)
    if not plan.has(c.Sheet.LKE):
        plan = add_lke_sheet(copy, USER, plan.version)
    answers = {
        str(row.baris): {LkeCol.ANSWER: row.type.choices[i % len(row.type.choices)]}
        for i, row in enumerate(lke.bank().questions)
        if row.type and row.type.choices and i % 2 == 0
    }
    save_changes(copy, {c.Sheet.LKE: answers}, user=USER, base_version=plan.version)
    plan = load_plan(copy)
    store = DraftStore(copy)
    draft = store.load(USER)
    shown = editing.shown_values(plan, c.Sheet.LKE, list(plan.rows[c.Sheet.LKE]))
    first = lke.bank().questions[:2]
    for row in first:
        value = row.type.choices[-1] if row.type and row.type.choices else None
        draft.type(c.Sheet.LKE, str(row.baris), LkeCol.ANSWER, value, shown[str(row.baris)])
    store.save(draft)
    return copy
