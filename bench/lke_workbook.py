"""The Penilaian Mandiri page's bench workbook: a copy with the LKE sheet, saved answers and an
editor's draft (so the page draws its widgets, the live score over the draft and the review)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Final

from zi_dash import lke, workbook
from zi_dash.base import LkeCol
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore, editing
from zi_dash.workbook import load_plan, save_changes

USER: Final = "bench"


def prepared(path: Path, folder: Path) -> Path:
    """A copy of `path` with the LKE sheet, every other choice question answered and saved,
    and a draft of USER changing two answers of the sub-component the page opens first."""
    copy = folder / f"{path.stem}_lke.xlsx"
    shutil.copyfile(path, copy)
    plan = load_plan(copy)
    if not plan.has(c.Sheet.LKE):
        plan = _add_sheet(copy, plan.version)
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


def _add_sheet(copy: Path, version: str) -> workbook.Plan:
    """TEMPORARY until i20-writers lands: workbook.add_lke_sheet, else the bank written here."""
    if add := getattr(workbook, "add_lke_sheet", None):
        return add(copy, USER, version)
    import openpyxl

    book = openpyxl.load_workbook(copy)
    ws = book.create_sheet(c.Sheet.LKE)
    ws.append(list(c.LKE.headers))
    for row in lke.bank().rows:
        values = {
            LkeCol.ROW: row.baris, LkeCol.AREA: row.area, LkeCol.PART: row.part,
            LkeCol.SUB: row.sub_name, LkeCol.WEIGHT: row.weight, LkeCol.LETTER: row.letter,
            LkeCol.QUESTION: row.text, LkeCol.TYPE: row.type.value if row.type else None,
            LkeCol.CRITERIA: row.criteria,
        }  # fmt: skip
        ws.append([values.get(h) for h in c.LKE.headers])
    book.save(copy)
    return load_plan(copy)
