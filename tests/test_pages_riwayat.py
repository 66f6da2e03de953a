"""Riwayat page and outside edits on screen: one truth per screen at any tanggal acuan."""

from __future__ import annotations

import base64
import json
import os
from datetime import date, datetime
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from tests.factory import action, evidence, make_workbook
from tests.markup import shown
from zi_dash.analysis import tables
from zi_dash.base import OUTSIDE_USER, WORKBOOK_ENV, ActionCol, LogCol, Status
from zi_dash.base import contract as c
from zi_dash.ui import Key
from zi_dash.workbook import load_plan, load_tracked, save_changes

APP = str(Path(__file__).resolve().parent.parent / "app.py")
EXCEL_TIME = datetime(2022, 6, 20, 15, 30)


def _workbook(tmp_path: Path) -> Path:
    actions = [
        action("I.1.1", Status.IN_PROGRESS, 20, "Juni 2022"),
        action("II.1.1", Status.NOT_STARTED, 0, "Juli 2022"),
    ]
    path = make_workbook(tmp_path / "rencana.xlsx", actions, [evidence("I.1.1", 1)])
    load_tracked(path)  # the dashboard has seen it
    return path


def _typed_in_excel(path: Path, row_id: str, progress: int, status: str) -> None:
    plan = load_plan(path)
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.ACTIONS]
    row, cols = plan.rows[c.Sheet.ACTIONS][row_id], plan.columns[c.Sheet.ACTIONS]
    ws.cell(row, cols[ActionCol.PROGRESS] + 1).value = progress
    ws.cell(row, cols[ActionCol.STATUS] + 1).value = status
    book.save(path)
    os.utime(path, (EXCEL_TIME.timestamp(), EXCEL_TIME.timestamp()))


def _app(monkeypatch: pytest.MonkeyPatch, path: Path, as_of: date, page: str) -> AppTest:
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = as_of
    at.run()
    return at.switch_page(page).run()


def _rows(at: AppTest) -> list[dict[str, object]]:
    return at.dataframe[0].value.to_dict("records")


def test_riwayat_lists_outside_edits_not_yet_logged(monkeypatch, tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    _typed_in_excel(path, "I.1.1", 60, Status.IN_PROGRESS)
    at = _app(monkeypatch, path, date(2022, 6, 30), "pages/riwayat.py")
    assert not at.exception, at.exception
    assert "1 sel diubah di luar dasbor" in at.info[0].value
    assert "20 Juni 2022 15.30" in at.info[0].value
    [row] = _rows(at)
    assert row[LogCol.USER] == OUTSIDE_USER and row[LogCol.ID] == "I.1.1"
    assert (row[LogCol.OLD], row[LogCol.NEW]) == ("20", "60")
    assert row[tables.LOGGED] == tables.LOGGED_NOT_YET
    assert row[LogCol.TIME] == "20 Juni 2022 15.30"
    # The sidebar's "last change" names who made it: nobody the dashboard knows.
    assert any(f"oleh {OUTSIDE_USER}" in shown(cap.value) for cap in at.sidebar.caption)


def test_after_the_next_save_they_are_in_riwayat(monkeypatch, tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    _typed_in_excel(path, "I.1.1", 60, Status.IN_PROGRESS)
    save = datetime(2022, 6, 21, 8, 0)
    changes = {c.Sheet.ACTIONS: {"II.1.1": {ActionCol.NOTES: "dibahas"}}}
    save_changes(path, changes, user="ani", base_version=load_plan(path).version, now=save)
    at = _app(monkeypatch, path, date(2026, 11, 25), "pages/riwayat.py")
    assert not at.exception and not at.info
    rows = _rows(at)
    assert [r[LogCol.USER] for r in rows] == ["ani", OUTSIDE_USER]  # newest first
    assert [r[LogCol.TIME] for r in rows] == ["21 Juni 2022 08.00", "20 Juni 2022 15.30"]
    assert {r[tables.LOGGED] for r in rows} == {tables.LOGGED_YES}


def test_the_filters_narrow_the_log(monkeypatch, tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    _typed_in_excel(path, "I.1.1", 60, Status.IN_PROGRESS)
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AREAS] = ["II"]
    at.run()
    at.switch_page("pages/riwayat.py").run()
    assert not at.exception
    assert not at.dataframe  # the I.1.1 edit is outside the filter
    # The notice counts the whole file's outside edits; the table only the filtered ones.
    assert [i.value[:30] for i in at.info] == [
        "1 sel diubah di luar dasbor (b",
        "Belum ada perubahan yang terca",
    ]


@pytest.mark.parametrize(
    ("as_of", "capaian"),
    [(date(2022, 6, 19), "10,0%"), (date(2022, 6, 20), "50,0%"), (date(2022, 6, 30), "50,0%")],
)
def test_capaian_and_kurva_s_agree_before_and_after_an_excel_edit(
    monkeypatch, tmp_path: Path, as_of: date, capaian: str
) -> None:
    """Issue 12.6: 'Capaian 32,1 %' beside 'Kritis: realisasi 0,0 %' on one page."""
    path = _workbook(tmp_path)
    _typed_in_excel(path, "I.1.1", 100, Status.DONE)
    at = _app(monkeypatch, path, as_of, "pages/ringkasan.py")
    assert not at.exception, at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Capaian"] == capaian
    [kurva] = [
        json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
        if any(t.get("name") == "Realisasi" for t in json.loads(chart.proto.spec)["data"])
    ]
    realisasi = next(t for t in kurva["data"] if t["name"] == "Realisasi")
    assert _values(realisasi["y"])[-1] == pytest.approx(float(capaian[:-1].replace(",", ".")))


def _values(data: object) -> list[float]:
    if isinstance(data, dict) and "bdata" in data:
        return list(np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]))
    return list(data)  # type: ignore[call-overload]
