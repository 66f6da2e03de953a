"""The Sunting pages' logic without Streamlit: the grid's table, edits into the draft, review, save.

`st.data_editor` reports edits by row position in the table it was given; they are turned into
edits by row ID at once and written into the editor's draft (zi_dash.drafts), which is the one
place unsaved edits live. The grid is then drawn from the workbook with the draft on top, and
with what the rules will add, so what the grid shows is what a save writes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

import openpyxl
import pandas as pd

from zi_dash.base import EvidenceCol, Kind, LkeCol, Role, add_link, number
from zi_dash.base import contract as c
from zi_dash.edit.drafts import Draft, DraftStore
from zi_dash.edit.layout import editable_columns, editor_columns
from zi_dash.workbook import (
    CellError,
    Plan,
    SaveResult,
    editable_values,
    load_plan,
    merge,
    plain,
    put,
    read_cell,
    row_outcomes,
    save_changes,
)


class ReviewHeader:
    """Column titles of the review table (and of the downloaded draft)."""

    SHEET: Final = "Lembar"
    ID: Final = "ID"
    COLUMN: Final = "Kolom"
    OLD: Final = "Nilai di workbook"
    NEW: Final = "Nilai baru"
    NOTE: Final = "Keterangan"


class Mark:
    """What a review line says about its cell."""

    AUTO: Final = "otomatis (aturan Status/Progres)"
    # The TPI's review rule (workbook.merge): the unit changed what the TPI sent back.
    RECHECK: Final = (
        f"otomatis: jawaban/bukti diubah setelah {c.ReviewStatus.NEEDS_FIX} (aturan telaah TPI)"
    )

    @staticmethod
    def auto(sheet: str, column: str) -> str:
        """The mark of a cell a rule filled: the TPI's review rule, or Status/Progres."""
        return Mark.RECHECK if (sheet, column) == (c.Sheet.LKE, LkeCol.REVIEW) else Mark.AUTO

    HELD: Final = "tertahan: baris ini punya masalah"
    HELD_CONFLICT: Final = "tertahan: baris ini bentrok"
    PROBLEM: Final = "MASALAH: "
    CONFLICT: Final = "BENTROK: "
    ALREADY: Final = "sudah sama di workbook"


def row_ids(view: Plan, sheet: str) -> list[str]:
    """IDs of the rows of a (filtered) plan, in workbook order."""
    return view.frame(sheet)[c.EDITABLE[sheet].id_column].astype(str).tolist()


def shown_text(kind: Kind, value: object) -> object:
    """A cell as the grid shows it: percent and answers as text (typed freely), '40,5', '12'."""
    value = plain(value)
    if kind not in _AS_TEXT or not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    return number(float(value), 0) if float(value).is_integer() else str(value).replace(".", ",")


# Number kinds the grid shows and takes as text: its number editor clamps and drops decimals.
_AS_TEXT: Final = (Kind.PERCENT, Kind.ANSWER)


def editor_frame(
    plan: Plan, sheet: str, ids: Sequence[str], draft: Draft, review: Review | None = None
) -> pd.DataFrame:
    """The grid's table: the chosen rows, with the draft's values and what the rules add."""
    frame = plan.frame(sheet)
    id_col = c.EDITABLE[sheet].id_column
    table = frame.loc[frame[id_col].isin(set(ids)), list(editor_columns(plan, sheet))].copy()
    table = table.astype(object)
    kinds = {col: c.EDITABLE[sheet].column(col).kind for col in table.columns}
    for col, kind in kinds.items():
        if kind in _AS_TEXT:
            shown = [shown_text(kind, v) for v in table[col]]
            table[col] = pd.Series(shown, index=table.index, dtype=object)  # None stays None
    positions = {row_id: i for i, row_id in enumerate(table[id_col])}
    for layer in (review.derived if review else {}, draft.typed(sheet)):
        for row_id, cols in layer.items():
            if row_id not in positions:
                continue
            for column, value in cols.items():
                at = table.columns.get_loc(column)
                table.iat[positions[row_id], at] = _shown(kinds[column], value)
    for col, kind in kinds.items():
        if kind is Kind.DATE:  # the date picker needs datetime64
            dates = [_date_or_none(v) for v in table[col]]
            table[col] = pd.to_datetime(pd.Series(dates, index=table.index, dtype=object))
    return table.reset_index(drop=True)


def _date_or_none(value: object) -> object:
    try:
        return read_cell(Kind.DATE, plain(value))  # type: ignore[arg-type]
    except CellError:
        return None  # an unreadable date was typed in Excel; the review names it


def _shown(kind: Kind, value: object) -> object:
    if kind in _AS_TEXT:
        return value if isinstance(value, str) else shown_text(kind, value)
    try:
        return read_cell(kind, plain(value))  # type: ignore[arg-type]
    except CellError:
        return value  # shown as typed; the review names the problem


def edits_from_state(
    ids: Sequence[str], sheet: str, state: Mapping[str, object]
) -> dict[str, dict[str, object]]:
    """The editor widget's state ({"edited_rows": {position: {column: value}}}) by row ID."""
    allowed = set(editable_columns(sheet))
    edits: dict[str, dict[str, object]] = {}
    rows = state.get("edited_rows", {}) if isinstance(state, Mapping) else {}
    for position, cols in rows.items():  # type: ignore[union-attr]
        index = int(position)
        if not 0 <= index < len(ids):
            continue
        for column, value in cols.items():
            if column in allowed:
                edits.setdefault(ids[index], {})[column] = plain(value)
    return edits


Shown = dict[str, dict[str, object]]  # row ID -> editable values the grid was drawn from


def shown_values(plan: Plan, sheet: str, ids: Sequence[str]) -> Shown:
    """The workbook values behind the grid's rows, kept until the next run absorbs its edits."""
    values = editable_values(plan, sheet)
    return {row_id: values[row_id] for row_id in ids if row_id in values}


def absorb(
    draft: Draft, sheet: str, ids: Sequence[str], shown: Shown, state: Mapping[str, object]
) -> bool:
    """Write the grid's edits into the draft; True when the draft changed (save it then).

    `shown` is what the grid showed when the user typed (the workbook may have changed since:
    the review then tells the user's changes from the other person's).
    """
    changed = False
    for row_id, cols in edits_from_state(ids, sheet, state).items():
        for column, value in cols.items():
            changed |= draft.type(sheet, row_id, column, value, shown.get(row_id, {}))
    return changed


@dataclass
class Review:
    """What saving the draft's rows would do now, line by line, and what holds rows back."""

    lines: pd.DataFrame
    outcomes: list[merge.RowOutcome]
    derived: dict[str, dict[str, object]] = field(default_factory=dict)  # shown in the grid
    hidden: int = 0  # edited cells in rows outside the chosen filter

    @property
    def saveable(self) -> list[merge.RowOutcome]:
        """Rows that can be saved as they are (possibly with nothing left to change)."""
        return [o for o in self.outcomes if o.clean]

    @property
    def cells(self) -> int:
        """How many cells a save would write."""
        return sum(len(o.changes) for o in self.saveable)

    @property
    def problems(self) -> list[str]:
        """One line per refused value, named by row ID and column."""
        return [
            f'{merge.row_label(o.sheet, o.row_id)}, kolom "{col}": {why}.'
            for o in self.outcomes
            for col, why in o.problems.items()
        ]

    @property
    def conflicts(self) -> list[merge.Conflict]:
        """Cells others changed in a way that clashes with the draft."""
        return [x for o in self.outcomes for x in o.conflicts]


def review(plan: Plan, sheet: str, draft: Draft, ids: Sequence[str] | None = None) -> Review:
    """The draft's rows (those in `ids`, or all) checked and merged against the file now."""
    typed = draft.typed(sheet)
    shown = set(ids) if ids is not None else set(typed)
    order = plan.rows.get(sheet, {})  # review in workbook order, vanished rows last
    chosen = {
        row_id: typed[row_id]
        for row_id in sorted(typed, key=lambda r: order.get(r, len(order) + 1))
        if row_id in shown
    }
    hidden = sum(len(cols) for row_id, cols in typed.items() if row_id not in shown)
    outcomes = row_outcomes(plan, {sheet: chosen}, {sheet: draft.seen(sheet)})
    now = editable_values(plan, sheet)
    lines: list[list[str]] = []
    derived: dict[str, dict[str, object]] = {}
    for o in outcomes:
        lines.extend(_lines(o, typed[o.row_id], now.get(o.row_id, {})))
        if o.derived and not o.problems:
            derived[o.row_id] = {col: o.changes.get(col, o.seen[col]) for col in o.derived}
        if o.conflicts:  # the grid shows the editor's side whole, never half of each
            derived[o.row_id] = derived.get(o.row_id, {}) | {x.column: x.mine for x in o.conflicts}
    frame = pd.DataFrame(
        lines,
        columns=[ReviewHeader.ID, ReviewHeader.COLUMN, ReviewHeader.OLD, ReviewHeader.NEW,
                 ReviewHeader.NOTE],
    )  # fmt: skip
    return Review(frame, outcomes, derived, hidden)


def _lines(
    o: merge.RowOutcome, typed: Mapping[str, object], now: Mapping[str, object]
) -> list[list[str]]:
    def line(column: str, new: object, note: str) -> list[str]:
        old = now.get(column, o.seen.get(column))
        return [o.row_id, column, review_text(o.sheet, column, old),
                review_text(o.sheet, column, new), note]  # fmt: skip

    if o.problems:
        return [
            line(col, v, Mark.PROBLEM + o.problems[col] if col in o.problems else Mark.HELD)
            for col, v in typed.items()
        ] + [
            line(col, "", Mark.PROBLEM + why) for col, why in o.problems.items() if col not in typed
        ]
    if o.conflicts:
        clashing = {x.column: x for x in o.conflicts}
        out = [line(col, x.mine, Mark.CONFLICT + x.short) for col, x in clashing.items()]
        return out + [line(col, v, Mark.HELD_CONFLICT) for col, v in typed.items()
                      if col not in clashing]  # fmt: skip
    out = [
        line(col, new, Mark.auto(o.sheet, col) if col in o.derived else "")
        for col, new in o.changes.items()
    ]
    return out + [line(col, v, Mark.ALREADY) for col, v in typed.items() if col not in o.changes]


def review_text(sheet: str, column: str, value: object) -> str:
    """A review cell: text as typed, percent as the grid shows it (40,5), dates dd/mm/yyyy."""
    kind = c.EDITABLE[sheet].column(column).kind
    value = plain(value)
    if isinstance(value, str):
        return value
    shown = shown_text(kind, value)
    return shown if isinstance(shown, str) else merge.log_text(value)


def keep_mine(draft: Draft, plan: Plan, sheet: str, outcomes: Sequence[merge.RowOutcome]) -> None:
    """Resolve conflicts by taking the file's values as seen: the draft's values then win."""
    now = editable_values(plan, sheet)
    for o in outcomes:
        if o.conflicts and o.row_id in now:
            draft.rebase(sheet, o.row_id, now[o.row_id])


def take_theirs(draft: Draft, sheet: str, outcomes: Sequence[merge.RowOutcome]) -> None:
    """Resolve conflicts by giving up the draft's edits of the clashing cells."""
    typed = draft.typed(sheet)
    for o in outcomes:
        if not o.conflicts:
            continue
        clashing = {x.column for x in o.conflicts}
        if clashing & set(merge.RULE_COLUMNS):  # the rule binds them: give up the row's rule edits
            clashing |= set(merge.RULE_COLUMNS) & set(typed.get(o.row_id, {}))
        draft.drop(sheet, {o.row_id: clashing})


def save(
    plan: Plan, draft: Draft, sheet: str, found: Review, user: str, role: Role = Role.EDITOR
) -> SaveResult:
    """Save the reviewed rows that are clean; they leave the draft, the others stay in it.

    The caller stores the draft after: a folder that refuses it leaves the save done. A row
    of a column `role` may not write refuses the whole save (workbook.save_changes).
    """
    rows = found.saveable
    changes = {sheet: {o.row_id: draft.typed(sheet)[o.row_id] for o in rows}}
    seen = {sheet: {o.row_id: draft.seen(sheet)[o.row_id] for o in rows}}
    result = save_changes(
        plan.path, changes, user=user, base_version=plan.version, base_values=seen, role=role
    )
    draft.drop(sheet, {o.row_id: set(changes[sheet][o.row_id]) for o in rows})
    return result


def after_upload(workbook: Path, user: str, item: str, stored: str) -> None:
    """An upload saved `stored` into an item's Tautan: a Tautan typed in the draft keeps it too.

    Without this, the draft's value (typed before the upload) would now clash with the file's,
    or, kept over it, drop the uploaded file's line.
    """
    store = DraftStore(workbook)
    draft = store.load(user)
    row = draft.rows(c.Sheet.EVIDENCE).get(item)
    if row is None or EvidenceCol.LINK not in row.typed:
        return
    typed = row.typed[EvidenceCol.LINK]
    row.typed[EvidenceCol.LINK] = add_link(typed if isinstance(typed, str) else "", stored)
    now = editable_values(load_plan(workbook), c.Sheet.EVIDENCE)
    draft.rebase(c.Sheet.EVIDENCE, item, now[item])
    store.save(draft)


def draft_workbook(lines: pd.DataFrame, sheet: str) -> bytes:
    """The draft as a small .xlsx to download, problems included, so nothing typed is lost."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Perubahan belum tersimpan"
    headers = [ReviewHeader.SHEET, *lines.columns]
    for col, text in enumerate(headers, start=1):
        put(ws.cell(1, col), Kind.TEXT, text)
    for r, values in enumerate(lines.itertuples(index=False), start=2):
        for col, text in enumerate((sheet, *values), start=1):
            put(ws.cell(r, col), Kind.TEXT, str(text))
    for letter, width in zip("ABCDEF", (14, 12, 16, 30, 30, 50)):
        ws.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def age(moment: datetime, now: datetime | None = None) -> str:
    """How long ago, in Indonesian: 'baru saja', '5 menit lalu', '3 jam lalu', '2 hari lalu'."""
    seconds = max(((now or datetime.now()) - moment).total_seconds(), 0)
    if seconds < 60:
        return "baru saja"
    for size, unit in ((86_400, "hari"), (3_600, "jam"), (60, "menit")):
        if seconds >= size:
            return f"{int(seconds // size)} {unit} lalu"
    return "baru saja"
