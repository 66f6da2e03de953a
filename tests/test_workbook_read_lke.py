"""load_plan and the optional parts of issue 20: the LKE sheet and Baris LKE, present or not."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from zi_dash.base import LkeCol
from zi_dash.base import contract as c
from zi_dash.workbook import load_plan


def _without_lke_sheet(real_workbook: Path, tmp_path: Path) -> Path:
    """The committed workbook as made before its LKE sheet."""
    path = tmp_path / "tanpa_lke.xlsx"
    book = openpyxl.load_workbook(real_workbook)
    del book[c.Sheet.LKE]
    book.save(path)
    return path


def _with_lke_sheet(real_workbook: Path, tmp_path: Path, rows: list[list[object]]) -> Path:
    path = tmp_path / "lke.xlsx"
    book = openpyxl.load_workbook(_without_lke_sheet(real_workbook, tmp_path))
    sheet = book.create_sheet(c.Sheet.LKE)
    sheet.append(list(c.LKE.headers))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_workbook_without_the_lke_sheet_reads_as_before(
    real_workbook: Path, tmp_path: Path
) -> None:
    plan = load_plan(_without_lke_sheet(real_workbook, tmp_path))
    assert plan.lke is None and not plan.has(c.Sheet.LKE)
    assert plan.frame(c.Sheet.LKE).empty
    assert list(plan.frame(c.Sheet.LKE).columns) == list(c.LKE.headers)


def test_the_lke_sheet_is_read_with_answers_as_typed(real_workbook: Path, tmp_path: Path) -> None:
    blank = [None] * 8
    path = _with_lke_sheet(
        real_workbook,
        tmp_path,
        [[18, *blank, " b ", "ok"], [126, *blank, 12], [199, *blank, "3,6"], [6, *blank]],
    )
    plan = load_plan(path)
    assert plan.has(c.Sheet.LKE)
    answers = dict(zip(plan.lke[LkeCol.ROW], plan.lke[LkeCol.ANSWER]))
    # Whether "b" fits row 18 is zi_dash.lke's to say: the reader keeps what was typed.
    assert answers == {"18": "b", "126": 12.0, "199": "3,6", "6": None}
    assert plan.rows[c.Sheet.LKE] == {"18": 2, "126": 3, "199": 4, "6": 5}
    assert not load_plan(path, lke=False).has(c.Sheet.LKE)


def test_an_optional_column_may_be_missing(real_workbook: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    book = openpyxl.load_workbook(real_workbook)
    sheet = book[c.Sheet.ACTIONS]
    at = c.ACTIONS.headers.index(c.ActionCol.LKE_ROWS) + 1
    sheet.delete_cols(at)
    book.save(path)
    plan = load_plan(path)
    assert not plan.has(c.Sheet.ACTIONS, c.ActionCol.LKE_ROWS)
    assert plan.actions[c.ActionCol.LKE_ROWS].map(lambda v: v in ("", None)).all()
    assert plan.has(c.Sheet.ACTIONS, c.ActionCol.NOTES)
