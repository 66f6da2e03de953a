"""A filled LKE Excel compared with a plan's LKE sheet: what would change, or why nothing may.

Every row of the file is matched to the bank by its number, its Pilihan Jawaban and its text;
every answer goes through lke.parse_answer against its bank row. One wrong row refuses the whole
file (nothing is changed); a blank cell of the file leaves the workbook's value as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from openpyxl.utils import get_column_letter

from zi_dash.base import LkeCol, Role
from zi_dash.base import contract as c
from zi_dash.export.lke_excel import sheet_values, text
from zi_dash.export.lke_excel_read import FileRow, LkeFile, fold
from zi_dash.lke import AnswerType, Row, RowKind, bank, parse_answer
from zi_dash.workbook import Plan

_ALNUM: Final = re.compile(r"[\W_]+")
# The file's columns each role imports, and the LKE sheet's column each one fills: one role per
# save (roles.may_write), so a file's unit layer and its TPI layer are imported apart.
FIELDS: Final[dict[Role, dict[str, str]]] = {
    Role.EDITOR: {"answer": LkeCol.ANSWER, "notes": LkeCol.NOTES, "evidence": LkeCol.LINKS},
    Role.ASSESSOR: {"tpi_answer": LkeCol.TPI_ANSWER, "tpi_notes": LkeCol.TPI_NOTES},
}
_ANSWERS: Final = ("answer", "tpi_answer")
_NUMERIC: Final = (AnswerType.ANGKA, AnswerType.NILAI_0_4)


@dataclass(frozen=True)
class Change:
    """One cell of the LKE sheet the file would change."""

    baris: int
    column: str  # the LKE sheet's column
    old: object
    new: object
    cell: str  # the file's cell it comes from ("K18")

    def describe(self) -> str:
        """'Baris 18, kolom "Jawaban" (berkas K18): (kosong) → Ya'."""
        return (
            f'Baris {self.baris}, kolom "{self.column}" (berkas {self.cell}): '
            f"{_shown(self.old)} → {_shown(self.new)}"
        )


@dataclass(frozen=True)
class Comparison:
    """What importing the file would do: the changes, or the problems that refuse it."""

    changes: tuple[Change, ...]
    problems: tuple[str, ...]  # each names the file's row; any problem: nothing is changed
    notes: tuple[str, ...]  # what was read but not imported (said, never silent)


def _shown(value: object) -> str:
    shown = text(value)
    return f'"{shown}"' if shown else "(kosong)"


def _letters(value: object) -> str:
    return _ALNUM.sub("", fold(value))


def row_text(row: Row) -> str:
    """The text the LKE Excel shows for a row: a sub-component's name, else the question."""
    return row.sub_name if row.kind is RowKind.SUB else row.text


def _text_matches(row: Row, texts: tuple[str, ...]) -> bool:
    """Whether one of the file's text cells is the bank row's text (case, spacing, stops aside)."""
    if not texts:
        return True  # an instance without the texts: the number and type decide
    wanted = _letters(row_text(row))
    return any(_letters(t) == wanted for t in texts)


def _row_problem(row: Row | None, line: FileRow) -> str | None:
    where = f"baris Excel {line.excel_row} (ID {line.baris})"
    if row is None:
        filled = any(text(v) for v in line.cells.values())
        return f"{where}: bukan baris LKE ZI yang dinilai, tetapi terisi" if filled else None
    expected = fold(row.type.value) if row.type else ""
    # A sub-component's type cell is the instance's own (some say "%" where it averages).
    if row.kind is not RowKind.SUB and line.type_text != expected:
        got = line.type_text or "(kosong)"
        return (
            f'{where}: Pilihan Jawaban "{got}", menurut LKE ZI baris {row.baris} '
            f'"{row.type.value if row.type else "(kosong)"}"'
        )
    if not _text_matches(row, line.texts):
        return f'{where}: teksnya bukan "{row_text(row)}" (baris {row.baris} LKE ZI)'
    return None


def new_answer(row: Row, raw: object) -> tuple[object, str | None]:
    """The answer as the workbook stores it ("Ya", "B", 12, 3.6), or the problem of `raw`."""
    parsed = parse_answer(row, raw)
    if parsed.problem is not None or parsed.value is None:
        return None, parsed.problem or "tidak dikenali"
    if row.type in _NUMERIC:
        value = parsed.value
        return (int(value) if value.is_integer() else value), None
    return parsed.shown, None


def _same_answer(row: Row, old: object, new: object) -> bool:
    if not text(old):
        return False
    before = parse_answer(row, old)
    if before.problem is not None or before.value is None:
        return False
    return before.value == parse_answer(row, new).value


def _cell(file: LkeFile, field: str, line: FileRow) -> str:
    return f"{get_column_letter(file.columns[field] + 1)}{line.excel_row}"


def _row_changes(
    file: LkeFile, row: Row, line: FileRow, now: Mapping[str, object], fields: Mapping[str, str]
) -> tuple[list[Change], list[str]]:
    changes: list[Change] = []
    problems: list[str] = []
    for field, column in fields.items():
        raw = line.cells.get(field)
        if field not in file.columns or not text(raw):
            continue  # a blank cell of the file leaves the workbook's value
        old = now.get(column)
        if field in _ANSWERS:
            if row.type is AnswerType.PERSEN or row.kind is RowKind.SUB:
                continue  # not an input: a percentage is its Jumlah rows' ratio
            new, problem = new_answer(row, raw)
            if problem is not None:
                problems.append(f"baris Excel {line.excel_row} (ID {line.baris}): {problem}")
                continue
            if _same_answer(row, old, new):
                continue
        else:
            new = text(raw)
            if new == text(old):
                continue
        changes.append(Change(row.baris, column, old, new, _cell(file, field, line)))
    return changes, problems


def _unread(plan: Plan, file: LkeFile, fields: Mapping[str, str]) -> list[str]:
    """The file's filled columns this import does not read: another role's, or none here."""
    notes: list[str] = []
    for role, theirs in FIELDS.items():
        for field, column in theirs.items():
            mine = fields is theirs and plan.has(c.Sheet.LKE, column)
            if mine or field not in file.columns:
                continue
            if any(text(line.cells.get(field)) for line in file.rows):
                why = (
                    f"hanya dibaca untuk peran {role.value}"
                    if fields is not theirs
                    else "workbook belum punya kolom ini"
                )
                notes.append(f'Kolom "{column}" berkas ini terisi tetapi tidak dibaca: {why}.')
    return notes


def compare(plan: Plan, file: LkeFile, role: Role = Role.EDITOR) -> Comparison:
    """The changes the file would make to the plan's LKE sheet (the columns `role` writes), or
    the problems refusing it."""
    fields = {k: col for k, col in FIELDS[role].items() if plan.has(c.Sheet.LKE, col)}
    problems = list(file.problems)
    changes: list[Change] = []
    notes: list[str] = []
    now = sheet_values(plan)
    seen: dict[int, int] = {}
    for line in file.rows:
        if line.baris in seen:
            problems.append(
                f"baris Excel {line.excel_row}: ID {line.baris} sudah ada di baris Excel "
                f"{seen[line.baris]}"
            )
            continue
        seen[line.baris] = line.excel_row
        try:
            row: Row | None = bank().row(line.baris)
        except KeyError:
            row = None
        problem = _row_problem(row, line)
        if problem is not None:
            problems.append(problem)
        if row is None or problem is not None:
            continue
        found, bad = _row_changes(file, row, line, now.get(row.baris, {}), fields)
        changes += found
        problems += bad
    missing = [r.baris for r in bank().rows if r.answerable and r.baris not in seen]
    if missing:
        listed = ", ".join(map(str, missing[:20])) + (" …" if len(missing) > 20 else "")
        problems.append(f"baris LKE ZI {listed} tidak ada di berkas ({len(missing)} baris)")
    notes += _unread(plan, file, FIELDS[role])
    if problems:
        return Comparison((), tuple(problems), tuple(notes))
    return Comparison(tuple(changes), (), tuple(notes))


def as_changes(comparison: Comparison) -> dict[str, dict[str, dict[str, object]]]:
    """The comparison as save_changes' `changes`: {sheet: {Baris: {column: value}}}."""
    rows: dict[str, dict[str, object]] = {}
    for change in comparison.changes:
        rows.setdefault(str(change.baris), {})[change.column] = change.new
    return {c.Sheet.LKE: rows}
