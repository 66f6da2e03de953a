"""One-click addition of the LKE sheet to a workbook made before it: a logged save, nothing lost."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.workbook.workbook import Workbook

from tests.factory import mixed
from tests.lke_book import drop_lke_rows_column, lke_workbook
from zi_dash.base import ActionCol, LkeCol, LogCol, WorkbookBusyError, WorkbookError
from zi_dash.base import contract as c
from zi_dash.lke import bank
from zi_dash.workbook import (
    ConflictError,
    Plan,
    UnsupportedContentError,
    add_lke_sheet,
    load_plan,
    save_changes,
)
from zi_dash.workbook.addsheet import COLUMN_ADDED, SHEET_ADDED

NOW = datetime(2022, 6, 1, 10, 0)
_UNCHANGED: tuple[str, ...] = (c.Sheet.EVIDENCE, c.Sheet.AREAS, c.Sheet.INFO, c.Sheet.GUIDE)


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A workbook made before issue 20: no LKE sheet, no Baris LKE header."""
    return drop_lke_rows_column(mixed(tmp_path / "lama.xlsx"))


def _cells(wb: Workbook, sheet: str) -> dict[str, object]:
    """What a user sees of a sheet: every cell's value and look, widths, panes, rules."""
    ws = wb[sheet]
    return {
        "cells": {
            cell.coordinate: (
                cell.value,
                cell.number_format,
                cell.fill.fgColor.rgb,
                cell.font.bold,
                cell.alignment.wrap_text,
                cell.border.left.style,
            )
            for row in ws.iter_rows()
            for cell in row
        },
        "validations": sorted(
            (str(dv.sqref), dv.type, dv.formula1) for dv in ws.data_validations.dataValidation
        ),
        "conditional": sorted(str(r.sqref) for r in ws.conditional_formatting),
        "widths": {k: v.width for k, v in ws.column_dimensions.items()},
        "freeze": ws.freeze_panes,
    }


def _frames(plan: Plan) -> dict[str, pd.DataFrame]:
    return {
        c.Sheet.ACTIONS: plan.actions,
        c.Sheet.EVIDENCE: plan.evidence,
        c.Sheet.AREAS: plan.areas,
    }


def test_a_workbook_made_before_the_lke_loads_as_before_and_gains_the_sheet(old: Path) -> None:
    before = load_plan(old)
    assert before.lke is None and not before.has(c.Sheet.ACTIONS, ActionCol.LKE_ROWS)
    after = add_lke_sheet(old, "Budi", before.version, now=NOW)
    reread = load_plan(old)
    assert after.version == reread.version != before.version
    for sheet, frame in _frames(before).items():
        pd.testing.assert_frame_equal(_frames(reread)[sheet], frame, check_dtype=False)
    assert reread.info == before.info
    assert reread.lke is not None
    assert [int(b) for b in reread.lke[LkeCol.ROW]] == [r.baris for r in bank().rows]
    assert reread.lke[LkeCol.ANSWER].isna().all()
    assert reread.has(c.Sheet.ACTIONS, ActionCol.LKE_ROWS)
    names = openpyxl.load_workbook(old).sheetnames
    assert names == [s.name for s in c.DATA_SHEETS] + [c.Sheet.GUIDE, c.Sheet.CONTACTS, c.Sheet.LKE]


def test_riwayat_logs_the_sheet_and_the_column(old: Path) -> None:
    before = load_plan(old)
    add_lke_sheet(old, "Budi", before.version, now=NOW)
    history = load_plan(old).history
    assert len(history) == len(before.history) + 2
    new = history.tail(2)
    assert list(new[LogCol.USER]) == ["Budi", "Budi"]
    assert list(new[LogCol.SHEET]) == [c.Sheet.LKE, c.Sheet.ACTIONS]
    assert list(new[LogCol.COLUMN].fillna("")) == ["", ActionCol.LKE_ROWS]
    assert list(new[LogCol.NEW]) == [SHEET_ADDED, COLUMN_ADDED]
    assert list(new[LogCol.TIME]) == [NOW, NOW]


def test_untouched_cells_and_formats_survive(old: Path) -> None:
    wb_before = openpyxl.load_workbook(old)
    add_lke_sheet(old, "Budi", load_plan(old).version, now=NOW)
    wb_after = openpyxl.load_workbook(old)
    for sheet in _UNCHANGED:
        assert _cells(wb_after, sheet) == _cells(wb_before, sheet), sheet
    actions_before, actions_after = (_cells(w, c.Sheet.ACTIONS) for w in (wb_before, wb_after))
    header = wb_after[c.Sheet.ACTIONS]
    column = next(cell for cell in header[1] if cell.value == ActionCol.LKE_ROWS)
    # Only the new header cell differs; it looks like its neighbours.
    changed = {
        k
        for k in actions_after["cells"]  # type: ignore[attr-defined]
        if actions_after["cells"][k] != actions_before["cells"].get(k)  # type: ignore[index]
    }
    assert changed == {column.coordinate}
    neighbour = header.cell(1, column.column - 1)
    assert column.font.bold == neighbour.font.bold
    assert column.fill.fgColor.rgb == neighbour.fill.fgColor.rgb
    assert actions_after["validations"] == actions_before["validations"]
    assert actions_after["conditional"] == actions_before["conditional"]
    log_before = wb_before[c.Sheet.LOG].max_row
    assert wb_after[c.Sheet.LOG].max_row == log_before + 2


def test_the_header_is_not_written_twice(tmp_path: Path) -> None:
    path = mixed(tmp_path / "dengan_kolom.xlsx")  # has Baris LKE, lacks the sheet
    before = load_plan(path)
    add_lke_sheet(path, "Budi", before.version, now=NOW)
    headers = [cell.value for cell in openpyxl.load_workbook(path)[c.Sheet.ACTIONS][1]]
    assert headers.count(ActionCol.LKE_ROWS) == 1
    assert len(load_plan(path).history) == len(before.history) + 1


def test_a_second_addition_is_refused_and_writes_nothing(old: Path) -> None:
    plan = add_lke_sheet(old, "Budi", load_plan(old).version, now=NOW)
    data = old.read_bytes()
    with pytest.raises(WorkbookError, match='sudah punya lembar "LKE"'):
        add_lke_sheet(old, "Ani", plan.version, now=NOW)
    assert old.read_bytes() == data


def test_a_workbook_with_the_sheet_already_is_refused(tmp_path: Path) -> None:
    path = lke_workbook(tmp_path / "lke.xlsx")
    with pytest.raises(WorkbookError, match="sudah punya"):
        add_lke_sheet(path, "Budi", load_plan(path).version)


def test_a_stale_base_version_is_refused_and_writes_nothing(old: Path) -> None:
    stale = load_plan(old).version
    save_changes(
        old,
        {c.Sheet.ACTIONS: {"I.1.1": {ActionCol.NOTES: "diubah orang lain"}}},
        user="Ani",
        base_version=stale,
    )
    data = old.read_bytes()
    with pytest.raises(ConflictError, match="telah diubah sejak Anda memuatnya"):
        add_lke_sheet(old, "Budi", stale, now=NOW)
    assert old.read_bytes() == data


def test_a_nameless_user_is_refused(old: Path) -> None:
    with pytest.raises(WorkbookError, match="Nama pengguna wajib"):
        add_lke_sheet(old, "  ", load_plan(old).version)


def test_content_openpyxl_would_drop_is_refused_naming_it(old: Path) -> None:
    with zipfile.ZipFile(old, "a") as archive:
        archive.writestr("xl/slicers/slicer1.xml", "<slicers/>")
    data = old.read_bytes()
    with pytest.raises(UnsupportedContentError, match="slicer") as info:
        add_lke_sheet(old, "Budi", load_plan(old).version, now=NOW)
    assert "Tidak ada yang ditulis" in str(info.value)
    assert old.read_bytes() == data


def test_a_workbook_open_in_excel_is_refused(old: Path) -> None:
    (old.parent / f"~${old.name}").write_bytes(b"\x05Excel" + b" " * 50)
    with pytest.raises(WorkbookBusyError):
        add_lke_sheet(old, "Budi", load_plan(old).version)


def test_the_added_sheet_takes_answers_through_a_save(old: Path) -> None:
    plan = add_lke_sheet(old, "Budi", load_plan(old).version, now=NOW)
    save_changes(
        old,
        {
            c.Sheet.LKE: {"18": {LkeCol.ANSWER: "b"}},
            c.Sheet.ACTIONS: {"I.1.1": {ActionCol.LKE_ROWS: "18"}},
        },
        user="Budi",
        base_version=plan.version,
    )
    reread = load_plan(old)
    assert reread.lke is not None
    assert reread.lke.set_index(LkeCol.ROW).loc["18", LkeCol.ANSWER] == "B"
    assert reread.actions.set_index(ActionCol.ID).loc["I.1.1", ActionCol.LKE_ROWS] == "18"


def test_a_sheet_ending_before_the_column_gets_the_header_styled_and_filtered(
    tmp_path: Path,
) -> None:
    path = mixed(tmp_path / "tujuh_belas.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.ACTIONS]
    # 17 columns, as the builder wrote them before (Target Keluaran is written only by plans
    # that have one).
    ws.delete_cols(c.ACTIONS.headers.index(ActionCol.LKE_ROWS) + 1)
    ws.auto_filter.ref = f"A1:Q{ws.max_row}"
    book.save(path)
    add_lke_sheet(path, "Budi", load_plan(path).version, now=NOW)
    ws = openpyxl.load_workbook(path)[c.Sheet.ACTIONS]
    assert ws["R1"].value == ActionCol.LKE_ROWS
    assert ws["R1"].font.bold and ws["R1"].fill.fgColor.rgb == ws["Q1"].fill.fgColor.rgb
    assert ws.auto_filter.ref == f"A1:R{ws.max_row}"
    assert ws.column_dimensions["R"].width == c.ACTIONS.column(ActionCol.LKE_ROWS).width
