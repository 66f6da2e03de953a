"""A clash in the review: the editor's version of each clashing row beside the file's now."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

from zi_dash.edit.editing import Review, ReviewHeader, review_text
from zi_dash.edit.layout import editable_columns
from zi_dash.workbook import Plan, editable_values, merge

MINE: Final = "Versi Anda (draf)"
THEIRS: Final = "Versi terbaru di workbook"


def _mine(o: merge.RowOutcome, typed: Mapping[str, object]) -> dict[str, object]:
    # The row as the editor means it: what they typed, what the rule adds, their side of a clash.
    values = {col: o.changes.get(col, o.seen.get(col)) for col in o.derived}
    values |= dict(typed)
    values |= {x.column: x.mine for x in o.conflicts}
    return values


def clash_versions(
    review: Review, plan: Plan, sheet: str, typed: Mapping[str, Mapping[str, object]]
) -> pd.DataFrame:
    """One line per cell of each clashing row the draft touches: the editor's and the file's."""
    now = editable_values(plan, sheet)
    lines = []
    for o in review.outcomes:
        if not o.conflicts:
            continue
        theirs = now.get(o.row_id, {})
        ours = _mine(o, typed.get(o.row_id, {}))
        for col in [col for col in editable_columns(sheet) if col in ours]:  # workbook order
            value = ours[col]
            lines.append(
                [
                    o.row_id,
                    col,
                    review_text(sheet, col, value),
                    review_text(sheet, col, theirs.get(col)),
                ]
            )
    return pd.DataFrame(lines, columns=[ReviewHeader.ID, ReviewHeader.COLUMN, MINE, THEIRS])
