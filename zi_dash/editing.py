"""The Sunting pages' logic without Streamlit: editor tables, pending edits by ID, the preview.

`st.data_editor` reports edits by row position in the frame it was given; they are turned into
edits by row ID here at once, so a filter change or a reload can never move an edit to
another row.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

import openpyxl
import pandas as pd

from zi_dash import contract as c
from zi_dash.cells import CellError, plain, read_cell, same
from zi_dash.contract import EDITABLE, ActionCol, EvidenceCol, SheetSpec
from zi_dash.saving import CellChange, SaveResult, check_changes, save_changes
from zi_dash.workbook import Plan, WorkbookError
from zi_dash.writer import put

Pending = dict[str, dict[str, object]]  # row ID -> column -> new value

# The SK's own text, shown beside the editable cells so staff know which row they edit.
READ_ONLY: Final[dict[str, tuple[str, ...]]] = {
    c.Sheet.ACTIONS: (ActionCol.ID, ActionCol.INDICATOR, ActionCol.STEP, ActionCol.TARGET),
    c.Sheet.EVIDENCE: (EvidenceCol.ID, EvidenceCol.ACTION_ID, EvidenceCol.ITEM),
}


class PreviewHeader:
    """Column titles of the change preview."""

    ID: Final = "ID"
    COLUMN: Final = "Kolom"
    OLD: Final = "Nilai lama"
    NEW: Final = "Nilai baru"


def spec(sheet: str) -> SheetSpec:
    """The contract of an editable sheet."""
    return EDITABLE[sheet]


def editable_columns(sheet: str) -> tuple[str, ...]:
    """Columns staff may change from the dashboard, in workbook order."""
    return tuple(col.name for col in spec(sheet).columns if col.editable)


# Editor column order: the row's name, then what staff change, then the longer SK text.
_ORDER: Final[dict[str, tuple[str, ...]]] = {
    c.Sheet.ACTIONS: (
        ActionCol.ID,
        ActionCol.INDICATOR,
        ActionCol.TARGET,
        ActionCol.STATUS,
        ActionCol.PROGRESS,
        ActionCol.PIC,
        ActionCol.START,
        ActionCol.END,
        ActionCol.NOTES,
        ActionCol.STEP,
    ),
    c.Sheet.EVIDENCE: (
        EvidenceCol.ID,
        EvidenceCol.ITEM,
        EvidenceCol.STATUS,
        EvidenceCol.LINK,
        EvidenceCol.NOTES,
        EvidenceCol.ACTION_ID,
    ),
}


def editor_columns(sheet: str) -> tuple[str, ...]:
    """Columns of the editor table: ID and name, the editable ones, then the rest of the SK text."""
    return _ORDER[sheet]


def _frame(plan: Plan, sheet: str) -> pd.DataFrame:
    return plan.actions if sheet == c.Sheet.ACTIONS else plan.evidence


def row_ids(plan: Plan, sheet: str, areas: Sequence[str], pics: Sequence[str]) -> list[str]:
    """IDs of the rows in the chosen areas and of the chosen persons (empty choice: all)."""
    actions = plan.actions
    keep = pd.Series(True, index=actions.index)
    if areas:
        keep &= actions[ActionCol.AREA].isin(areas)
    if pics:
        keep &= actions[ActionCol.PIC].isin(pics)
    chosen = actions.loc[keep, ActionCol.ID]
    if sheet == c.Sheet.ACTIONS:
        return chosen.tolist()
    evidence = plan.evidence
    return evidence.loc[evidence[EvidenceCol.ACTION_ID].isin(set(chosen)), EvidenceCol.ID].tolist()


def editor_frame(plan: Plan, sheet: str, ids: Sequence[str], pending: Pending) -> pd.DataFrame:
    """The editor's input: chosen rows, with edits made earlier (under another filter) applied."""
    frame = _frame(plan, sheet)
    id_col = spec(sheet).id_column
    table = frame.loc[frame[id_col].isin(set(ids)), list(editor_columns(sheet))].copy()
    table = table.astype({col: object for col in table.columns if table[col].dtype != float})
    positions = {row_id: i for i, row_id in enumerate(table[id_col])}
    for row_id, cols in pending.items():
        if row_id in positions:
            for column, value in cols.items():
                table.iat[positions[row_id], table.columns.get_loc(column)] = _shown(
                    sheet, column, value
                )
    for col in table.columns:
        if spec(sheet).column(col).kind is c.Kind.DATE:  # the date picker needs datetime64
            table[col] = pd.to_datetime(table[col])
    return table.reset_index(drop=True)


def _shown(sheet: str, column: str, value: object) -> object:
    try:
        return read_cell(spec(sheet).column(column).kind, plain(value))  # type: ignore[arg-type]
    except CellError:
        return value  # shown as typed; the preview names the problem


def edits_from_state(frame: pd.DataFrame, sheet: str, state: Mapping[str, object]) -> Pending:
    """The editor widget's state ({"edited_rows": {position: {column: value}}}) by row ID."""
    id_col = spec(sheet).id_column
    allowed = set(editable_columns(sheet))
    edits: Pending = {}
    rows = state.get("edited_rows", {}) if isinstance(state, Mapping) else {}
    for position, cols in rows.items():  # type: ignore[union-attr]
        index = int(position)
        if not 0 <= index < len(frame):
            continue
        row_id = str(frame.iat[index, frame.columns.get_loc(id_col)])
        for column, value in cols.items():
            if column in allowed:
                edits.setdefault(row_id, {})[column] = plain(value)
    return edits


def merge_pending(plan: Plan, sheet: str, earlier: Pending, edits: Pending) -> Pending:
    """Earlier edits updated with the editor's, without cells set back to the plan's value."""
    frame = _frame(plan, sheet).set_index(spec(sheet).id_column)
    merged: Pending = {}
    for source in (earlier, edits):
        for row_id, cols in source.items():
            merged.setdefault(row_id, {}).update(cols)
    out: Pending = {}
    for row_id, cols in merged.items():
        if row_id not in frame.index:
            out[row_id] = cols  # the save names the vanished row
            continue
        kept = {
            col: v
            for col, v in cols.items()
            if not same(spec(sheet).column(col).kind, frame.at[row_id, col], v)
        }
        if kept:
            out[row_id] = kept
    return out


def base_values(plan: Plan, sheet: str, pending: Pending) -> dict[str, Pending]:
    """What the user saw in the cells they changed, for the save's conflict check."""
    frame = _frame(plan, sheet).set_index(spec(sheet).id_column)
    seen = {
        row_id: {col: plain(frame.at[row_id, col]) for col in cols}
        for row_id, cols in pending.items()
        if row_id in frame.index
    }
    return {sheet: seen}


def preview(changes: Sequence[CellChange]) -> pd.DataFrame:
    """Old -> new per cell, for the confirmation before a save."""
    return pd.DataFrame(
        [[ch.row_id, ch.column, ch.old_text, ch.new_text] for ch in changes],
        columns=[PreviewHeader.ID, PreviewHeader.COLUMN, PreviewHeader.OLD, PreviewHeader.NEW],
    )


def pending_workbook(changes: Sequence[CellChange]) -> bytes:
    """The unsaved edits as a small .xlsx to download, so nothing typed is lost."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Perubahan belum tersimpan"
    headers = ("Lembar", PreviewHeader.ID, PreviewHeader.COLUMN, PreviewHeader.OLD)
    ws.append([*headers, PreviewHeader.NEW])
    for r, ch in enumerate(changes, start=2):
        for col, text in enumerate(
            (ch.sheet, ch.row_id, ch.column, ch.old_text, ch.new_text), start=1
        ):
            put(ws.cell(r, col), c.Kind.TEXT, text)
    for letter, width in zip("ABCDE", (14, 12, 16, 30, 30)):
        ws.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Display hints of the editor grid (the kind and the allowed values come from the contract).
WIDTHS: Final[dict[str, str]] = {
    ActionCol.INDICATOR: "medium",
    ActionCol.STEP: "large",
    ActionCol.NOTES: "medium",
    EvidenceCol.ITEM: "medium",
    EvidenceCol.LINK: "medium",
}
MAX_CHARS: Final = 2000


Filter = tuple[tuple[str, ...], tuple[str, ...]]  # areas, persons responsible


@dataclass
class Draft:
    """One sheet's editing session: the plan it started from and the edits typed since."""

    sheet: str
    base: Plan
    earlier: Pending = field(default_factory=dict)  # edits made in editors no longer shown
    chosen: Filter | None = None
    frame: pd.DataFrame | None = None  # what the current editor was given

    def advance(
        self, plan: Plan, chosen: Filter, widget: Mapping[str, object]
    ) -> tuple[Pending, bool]:
        """The pending edits after this run, and whether a new editor (a new key) is needed.

        With nothing typed, a newer workbook replaces the base. A changed filter gets a new
        editor already showing every pending edit, so an edit never moves to another row.
        """
        edits = edits_from_state(self.frame, self.sheet, widget) if self.frame is not None else {}
        pending = merge_pending(self.base, self.sheet, self.earlier, edits)
        if not pending and self.base.version != plan.version:
            self.base, self.frame = plan, None
        if chosen == self.chosen and self.frame is not None:
            return pending, False
        ids = row_ids(self.base, self.sheet, *chosen)
        self.chosen, self.earlier = chosen, pending
        self.frame = editor_frame(self.base, self.sheet, ids, pending)
        return pending, True


@dataclass(frozen=True)
class Review:
    """What saving the pending edits would do, or why it cannot."""

    changes: list[CellChange]
    notes: list[str]
    problems: list[str]


def review(base: Plan, sheet: str, pending: Pending) -> Review:
    """The cells a save would change (rules applied), or the problems that block it."""
    try:
        changes, notes = check_changes(base, {sheet: pending})
    except WorkbookError as exc:
        return Review([], [], exc.problems)
    return Review(changes, notes, [])


def save(draft: Draft, pending: Pending, user: str) -> SaveResult:
    """Save the pending edits into the workbook the draft started from (merging if it moved)."""
    return save_changes(
        draft.base.path,
        {draft.sheet: pending},
        user=user,
        base_version=draft.base.version,
        base_values=base_values(draft.base, draft.sheet, pending),
    )
