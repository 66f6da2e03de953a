"""One row's edit, from what the user typed to the cells written: checked, completed, merged.

The same rule serves the Sunting pages' review and the save inside its lock, so what the
review promises is what the save does:

1. every typed value is read as its column's kind and refused when it is not valid, never
   changed (no clamping, rounding or cutting);
2. the Status/Progres rule and the Mulai <= Selesai rule complete or refuse the row against
   the values the user *saw*, not the file as it is now;
3. each cell the user's row changes (typed or completed by the rule) is merged three ways
   with the file as it is now: unchanged there -> ours; changed there to our value -> nothing
   to do; changed there to something else -> a conflict naming both values;
4. the merged row must still obey the rules; if it does not (someone set Belum Mulai while
   we set 50 %), that is a conflict too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final

import zi_dash.workbook.lke_rules as lke_rules
from zi_dash.base import ActionCol, Kind, LkeCol
from zi_dash.base import contract as c
from zi_dash.workbook.cells import CellError, as_text, is_blank, plain, read_cell, same
from zi_dash.workbook.consistency import consistent, reconcile

MAX_TEXT: Final = 32_767  # Excel's limit for one cell
_ILLEGAL_CHARS: Final = frozenset(chr(i) for i in range(32)) - {"\t", "\n", "\r"}
RULE_COLUMNS: Final = (ActionCol.STATUS, ActionCol.PROGRESS, ActionCol.START, ActionCol.END)


def log_text(value: object) -> str:
    """A typed value as text for Riwayat and messages: dates dd/mm/yyyy, 50.0 as 50."""
    return as_text(plain(value))


def _illegal(ch: str) -> bool:
    """Characters XML 1.0 cannot hold: control codes, surrogates, U+FFFE and U+FFFF."""
    code = ord(ch)
    return ch in _ILLEGAL_CHARS or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)


def typed_value(kind: Kind, raw: object) -> object:
    """What a typed value means in a column of this kind, exactly; CellError says why not."""
    value = read_cell(kind, plain(raw))  # type: ignore[arg-type]
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise CellError(
                f"teks terlalu panjang ({len(value):,} karakter; satu sel Excel memuat paling "
                f"banyak {MAX_TEXT:,}). Tidak dipotong: persingkat atau simpan sebagai berkas "
                "bukti".replace(",", ".")
            )
        bad = sorted({f"U+{ord(ch):04X}" for ch in value if _illegal(ch)})
        if bad:
            raise CellError(f"teks mengandung karakter kendali yang tidak sah ({', '.join(bad)})")
    return value


def row_label(sheet: str, row_id: str) -> str:
    """A row's ID as the user knows it: "I.1.2"; an LKE row by its Baris, "Baris 18"."""
    return f"{LkeCol.ROW} {row_id}" if sheet == c.Sheet.LKE else row_id


def row_name(sheet: str, row_id: str) -> str:
    """A row with its sheet: "Rencana Aksi I.1.2", "LKE Baris 18"."""
    return f"{sheet} {row_label(sheet, row_id)}"


def row_value(sheet: str, row_id: str, column: str, value: object) -> object:
    """A typed value checked against its row where the row decides: an LKE answer, Baris LKE."""
    if sheet == c.Sheet.LKE and column in (LkeCol.ANSWER, LkeCol.TPI_ANSWER):
        return lke_rules.answer(row_id, value)
    if sheet == c.Sheet.ACTIONS and column == ActionCol.LKE_ROWS:
        return lke_rules.lke_rows(value)
    return value


@dataclass(frozen=True)
class Conflict:
    """A cell changed by two people: the value both started from, theirs and ours."""

    sheet: str
    row_id: str
    column: str
    base: object
    theirs: object
    mine: object
    reason: str = ""  # set when the clash is a broken rule rather than the same cell

    def describe(self) -> str:
        """Indonesian one-liner naming the row, column and both values."""
        name = row_name(self.sheet, self.row_id)
        if self.reason:
            return f'{name}, kolom "{self.column}": {self.reason}'
        return (
            f'{name}, kolom "{self.column}": sudah diubah orang lain menjadi '
            f'"{log_text(self.theirs)}" (semula "{log_text(self.base)}"); '
            f'perubahan Anda "{log_text(self.mine)}" belum disimpan.'
        )

    @property
    def short(self) -> str:
        """The clash without the row and column, for a table that shows them beside it."""
        if self.reason:
            return self.reason
        return (
            f'diubah orang lain menjadi "{log_text(self.theirs)}" (semula "{log_text(self.base)}")'
        )


@dataclass(frozen=True)
class CellChange:
    """One cell written: the old value as found in the file and the new one."""

    sheet: str
    row_id: str
    column: str
    old: object
    new: object

    @property
    def old_text(self) -> str:
        """The old value as logged in Riwayat."""
        return log_text(self.old)

    @property
    def new_text(self) -> str:
        """The new value as logged in Riwayat."""
        return log_text(self.new)


@dataclass
class RowOutcome:
    """What one row's edit comes to against the file as it is now."""

    sheet: str
    row_id: str
    changes: dict[str, object] = field(default_factory=dict)  # column -> value to write
    seen: dict[str, object] = field(default_factory=dict)  # column -> value the user saw
    derived: set[str] = field(default_factory=set)  # columns the rule filled in
    notes: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)  # column -> why the value is refused
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when the row can be saved as it is."""
        return not self.problems and not self.conflicts


def _date(value: object) -> date | None:
    try:
        return read_cell(Kind.DATE, plain(value))  # type: ignore[arg-type, return-value]
    except CellError:
        return None


def _percent(value: object) -> float:
    try:
        return float(read_cell(Kind.PERCENT, plain(value)))  # type: ignore[arg-type]
    except CellError:
        return 0.0


def _status(value: object) -> str:
    try:
        return str(read_cell(Kind.STATUS, plain(value)))  # type: ignore[arg-type]
    except CellError:
        return as_text(plain(value))  # type: ignore[arg-type]


_STATUS_RULE: Final = frozenset({ActionCol.STATUS, ActionCol.PROGRESS})
_DATE_RULE: Final = frozenset({ActionCol.START, ActionCol.END})


def _rule_problems(row: Mapping[str, object], touched: set[str]) -> dict[str, str]:
    """Why an action row breaks a rule that involves a `touched` column, by column to blame.

    A rule the edit does not touch is not checked: a row left inconsistent in Excel does not
    block an edit of its person responsible.
    """
    out: dict[str, str] = {}
    status, progress = _status(row[ActionCol.STATUS]), _percent(row[ActionCol.PROGRESS])
    if touched & _STATUS_RULE and not consistent(status, progress):
        out[ActionCol.STATUS] = (
            f"status {status} tidak sesuai dengan progres {log_text(progress)} % "
            "(Selesai berarti 100 %, Belum Mulai berarti 0 %)"
        )
    start, end = _date(row[ActionCol.START]), _date(row[ActionCol.END])
    if touched & _DATE_RULE and start is not None and end is not None and end < start:
        out[ActionCol.END] = (
            f"tanggal Selesai {log_text(end)} sebelum tanggal Mulai {log_text(start)}"
        )
    return out


def plan_row(
    sheet: str,
    row_id: str,
    typed: Mapping[str, object],
    seen: Mapping[str, object],
    now: Mapping[str, object],
) -> RowOutcome:
    """Check, complete and merge one row's typed edits.

    `typed` is column -> value as typed; `seen` the row's editable values as the user saw them
    (missing columns count as `now`); `now` the row's editable values in the file at this moment.
    """
    spec = c.EDITABLE[sheet]
    seen_row = {col: plain(seen[col]) if col in seen else plain(v) for col, v in now.items()}
    out = RowOutcome(sheet, row_id, seen=seen_row)
    mine: dict[str, object] = {}
    for column, raw in typed.items():
        try:
            value = typed_value(spec.column(column).kind, raw)
            mine[column] = row_value(sheet, row_id, column, value)
        except CellError as exc:
            out.problems[column] = str(exc)
    if out.problems:
        return out
    if sheet == c.Sheet.ACTIONS:
        rule = reconcile(
            _status(seen_row[ActionCol.STATUS]), _percent(seen_row[ActionCol.PROGRESS]), mine
        )
        if rule.problems:
            out.problems[ActionCol.STATUS] = "; ".join(rule.problems)
            return out
        for column, value in rule.extra.items():
            mine[column] = value
            out.derived.add(column)
        out.notes.extend(rule.notes)
        intended = {**seen_row, **mine}
        for column, why in _rule_problems(intended, set(mine)).items():
            # Blame a column the user typed rather than one the rule or the file filled.
            blamed = (
                column if column in typed else next(col for col in RULE_COLUMNS if col in typed)
            )
            out.problems[blamed] = why
        if out.problems:
            return out
    _merge(out, spec, mine, seen_row, now)
    if sheet == c.Sheet.LKE:
        _recheck(out, now)
    return out


# The unit's cells whose change sends a question the TPI returned back to the TPI.
_RECHECKED: Final = frozenset({LkeCol.ANSWER, LkeCol.LINKS})


def _recheck(out: RowOutcome, now: Mapping[str, object]) -> None:
    """A new answer or evidence on a question marked Perlu Perbaikan: it becomes Dicek Ulang."""
    if out.conflicts or not _RECHECKED & out.changes.keys():
        return
    try:
        status = read_cell(Kind.REVIEW_STATUS, plain(now.get(LkeCol.REVIEW)))  # type: ignore[arg-type]
    except CellError:
        return  # an unreadable status typed in Excel: the reader names it, the save keeps it
    if status != c.ReviewStatus.NEEDS_FIX:
        return
    out.changes[LkeCol.REVIEW] = c.ReviewStatus.RECHECK
    out.derived.add(LkeCol.REVIEW)
    out.notes.append(
        f'{LkeCol.REVIEW} "{c.ReviewStatus.NEEDS_FIX}" menjadi "{c.ReviewStatus.RECHECK}": '
        "jawaban atau bukti diubah sesudah ditelaah TPI"
    )


def _merge(
    out: RowOutcome,
    spec: c.SheetSpec,
    mine: Mapping[str, object],
    seen: Mapping[str, object],
    now: Mapping[str, object],
) -> None:
    merged = {col: plain(v) for col, v in now.items()}
    for column, value in mine.items():
        kind = spec.column(column).kind
        base, theirs = seen[column], plain(now[column])
        if same(kind, value, base) and not _blank_vs_value(value, base):
            continue  # not a change of ours (e.g. the rule confirmed what was there)
        if same(kind, theirs, value):
            merged[column] = theirs
            continue  # they already made the same change
        if not same(kind, theirs, base) or _blank_vs_value(theirs, base):
            out.conflicts.append(Conflict(out.sheet, out.row_id, column, base, theirs, value))
            continue
        out.changes[column] = value
        merged[column] = value
    if out.conflicts or out.sheet != c.Sheet.ACTIONS or not out.changes:
        return
    for column, why in _rule_problems(merged, set(out.changes)).items():
        theirs_cols = [col for col in RULE_COLUMNS if not same_kind(spec, col, now[col], seen[col])]
        blamed = theirs_cols[0] if theirs_cols else column
        out.conflicts.append(
            Conflict(
                out.sheet,
                out.row_id,
                blamed,
                seen[blamed],
                plain(now[blamed]),
                {**seen, **mine}[blamed],  # what the editor meant the cell to be
                reason=(
                    f'orang lain mengubah "{blamed}" dari "{log_text(seen[blamed])}" menjadi '
                    f'"{log_text(now[blamed])}"; digabung dengan perubahan Anda hasilnya '
                    f"tidak sah: {why}."
                ),
            )
        )
    if out.conflicts:
        out.changes.clear()


def same_kind(spec: c.SheetSpec, column: str, a: object, b: object) -> bool:
    """`cells.same` for a column of this sheet, where blank and a value are never the same."""
    return same(spec.column(column).kind, a, b) and not _blank_vs_value(a, b)


def _blank_vs_value(a: object, b: object) -> bool:
    # A blank Status reads as Belum Mulai and a blank Progres as 0: equal values, but filling
    # the cell is still a change someone made.
    return is_blank(plain(a)) != is_blank(plain(b))
