"""In Chromium: a cell changed in Excel while the dashboard runs is found, shown, and logged."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.browser.grid import edit_cell, grid_ready, login, read_cell
from tests.browser.server import ROOT, Server, serve
from tests.browser.tabs import expect_rerun, shot, wait_ready
from zi_dash.base import OUTSIDE_USER, ActionCol, LogCol, Sheet, Status
from zi_dash.workbook import load_plan, save_changes

pytestmark = pytest.mark.browser


@pytest.fixture
def saved_once(tmp_path: Path) -> Iterator[Server]:
    """A server on a copy of the committed workbook that the dashboard has saved once."""
    workbook = tmp_path / "rencana_aksi.xlsx"
    shutil.copyfile(ROOT / "data" / "rencana_aksi.xlsx", workbook)
    plan = load_plan(workbook)
    changes = {Sheet.ACTIONS: {"I.2.1": {ActionCol.NOTES: "dibahas"}}}
    save_changes(workbook, changes, user="admin", base_version=plan.version)
    with serve(workbook, tmp_path) as running:
        yield running


def _typed_in_excel(workbook: Path) -> None:
    plan = load_plan(workbook)
    book = openpyxl.load_workbook(workbook)
    ws, row = book[Sheet.ACTIONS], plan.rows[Sheet.ACTIONS]["I.1.1"]
    columns = plan.columns[Sheet.ACTIONS]
    ws.cell(row, columns[ActionCol.PROGRESS] + 1).value = 60
    ws.cell(row, columns[ActionCol.STATUS] + 1).value = Status.IN_PROGRESS
    book.save(workbook)


def _riwayat_rows(page) -> list[tuple[str, str]]:
    """(Pengguna, Tercatat) of the Riwayat table's first rows."""
    return [
        (read_cell(page, i, LogCol.USER), read_cell(page, i, "Tercatat di Riwayat"))
        for i in range(3)
    ]


def test_an_excel_edit_is_shown_then_logged_by_the_next_save(page, saved_once: Server) -> None:
    page.goto(f"{saved_once.url}/riwayat")
    wait_ready(page)
    assert page.get_by_text("diubah di luar dasbor (berkas diubah").count() == 0
    _typed_in_excel(saved_once.workbook)
    page.reload()
    wait_ready(page)
    page.get_by_text("2 sel diubah di luar dasbor (berkas diubah").wait_for()
    grid_ready(page)
    assert _riwayat_rows(page)[:2] == [(OUTSIDE_USER, "belum")] * 2
    shot(page, "riwayat_di_luar_dasbor")
    # An editor sees Excel's value in the grid and saves another cell: both are logged.
    login(page, saved_once)
    grid_ready(page)
    assert read_cell(page, 0, ActionCol.PROGRESS) == "60"
    edit_cell(page, 1, ActionCol.NOTES, "rapat evaluasi Juni")
    with expect_rerun(page):
        page.get_by_role("button", name="Simpan 1 perubahan", exact=True).click()
    page.get_by_text("Tersimpan: 1 sel diubah oleh budi").wait_for()
    log = load_plan(saved_once.workbook).history
    assert log[[LogCol.USER, LogCol.ID, LogCol.COLUMN]].values.tolist() == [
        ["admin", "I.2.1", ActionCol.NOTES],
        [OUTSIDE_USER, "I.1.1", ActionCol.STATUS],
        [OUTSIDE_USER, "I.1.1", ActionCol.PROGRESS],
        ["budi", "I.2.1", ActionCol.NOTES],
    ]
    with expect_rerun(page):
        page.get_by_role("link", name="Riwayat Perubahan", exact=True).click()
    grid_ready(page)
    assert page.get_by_text("diubah di luar dasbor (berkas diubah").count() == 0
    assert _riwayat_rows(page) == [
        ("budi", "ya"),
        (OUTSIDE_USER, "ya"),
        (OUTSIDE_USER, "ya"),
    ]
