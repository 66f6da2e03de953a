"""Folder mode under AppTest: an edit lands in the picked unit's file only (its draft beside
it), the chosen unit lives in the address, an unreadable or removed unit is named on its
page, "Buka Ringkasan" keeps the date and filters, and drafts in other units are listed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from tests.folder_app import (
    APP,
    AS_OF,
    make_folder,
    open_app,
    open_editor_app,
    sidebar_caption,
    type_note,
)
from tests.markup import shown
from zi_dash.analysis import rollup
from zi_dash.base import FOLDER_ENV, WORKBOOK_ENV, ActionCol
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore
from zi_dash.ui import Key, units
from zi_dash.workbook import load_plan


@pytest.fixture
def folder(tmp_path: Path, real_workbook: Path) -> Path:
    """Tegal 2022 and 2023, Brebes 2022 twice, one broken file (tests.folder_app)."""
    return make_folder(tmp_path, real_workbook)


def test_an_edit_lands_in_the_picked_units_file_only(monkeypatch, folder, tmp_path) -> None:
    before = {p.name: p.read_bytes() for p in folder.glob("*.xlsx")}
    at = open_editor_app(monkeypatch, folder, tmp_path)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.sidebar.selectbox[1].set_value(str(folder / "d_brebes_salinan.xlsx")).run()
    at.switch_page("pages/sunting_aksi.py").run()
    type_note(at, 1, "catatan Brebes")
    at.run()
    # The draft lives beside the picked unit's file, not beside another unit's.
    target = folder / "d_brebes_salinan.xlsx"
    assert DraftStore(target).load("budi").count() == 1
    assert DraftStore(folder / "c_brebes.xlsx").load("budi").count() == 0
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    row = load_plan(target).actions.set_index(ActionCol.ID).loc["II.1.1"]
    assert row[ActionCol.NOTES] == "catatan Brebes"
    changed = {p.name for p in folder.glob("*.xlsx") if p.read_bytes() != before[p.name]}
    assert changed == {"d_brebes_salinan.xlsx"}
    assert factory.saved_row(target, c.Sheet.ACTIONS, "II.1.1")[ActionCol.UPDATED_BY] == "budi"


def test_a_cell_typed_just_before_switching_units_stays_with_its_unit(
    monkeypatch, folder, tmp_path
) -> None:
    at = open_editor_app(monkeypatch, folder, tmp_path)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()  # c_brebes.xlsx
    at.switch_page("pages/sunting_aksi.py").run()
    # The edit and the switch to the other Brebes file reach the server in the same run.
    type_note(at, 0, "untuk c")
    at.sidebar.selectbox[1].set_value(str(folder / "d_brebes_salinan.xlsx")).run()
    assert not at.exception and "d_brebes_salinan.xlsx" in sidebar_caption(at)
    assert DraftStore(folder / "c_brebes.xlsx").load("budi").count() == 1
    assert DraftStore(folder / "d_brebes_salinan.xlsx").load("budi").count() == 0
    assert at.dataframe[0].value.loc[0, ActionCol.NOTES] in ("", None)


def _errors(at: AppTest) -> str:
    return " ".join(shown(e.value) for e in at.error)


def test_the_picked_unit_lives_in_the_address_and_a_reload_keeps_it(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    assert at.query_params[units.UNIT_PARAM] == "c_brebes.xlsx"
    # A reload or a bookmark: a new session whose only memory is the address.
    rollup.forget()
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params[units.UNIT_PARAM] = "d_brebes_salinan.xlsx"
    again.session_state[Key.AS_OF] = AS_OF
    again.run()
    assert not again.exception and "c_brebes" not in _errors(again)
    assert "d_brebes_salinan.xlsx" in sidebar_caption(again)
    assert again.sidebar.selectbox[0].value == "KPU Kabupaten Brebes"
    again.switch_page("pages/linimasa.py").run()  # a page switch clears the address: kept
    assert "d_brebes_salinan.xlsx" in sidebar_caption(again)


@pytest.mark.parametrize(
    "value", ["tidak_ada.xlsx", "../../etc/passwd", "/etc/passwd", "a_tegal_2022.xlsx/..", "*"]
)
def test_an_unknown_unit_in_the_address_is_a_message_never_another_file(
    monkeypatch, folder, value: str
) -> None:
    monkeypatch.setenv(FOLDER_ENV, str(folder))
    monkeypatch.delenv(WORKBOOK_ENV, raising=False)
    rollup.forget()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[units.UNIT_PARAM] = value
    at.run()
    assert not at.exception
    assert f'Berkas "{value}" tidak ada di folder' in _errors(at)
    assert "dipindah, diganti nama, atau dihapus" in _errors(at)
    assert not at.sidebar.caption  # no unit's sidebar: nothing was shown in its place
    assert at.sidebar.selectbox[0].value is None
    assert at.sidebar.selectbox[1].proto.placeholder == "Pilih satker dulu"  # not English


def test_a_file_removed_from_the_folder_says_so_not_see_rekap(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    (folder / "c_brebes.xlsx").unlink()
    at.run()
    assert not at.exception and "Rekap Satker" not in _errors(at)
    assert 'Berkas "c_brebes.xlsx" tidak ada di folder' in _errors(at)
    assert "kembalikan berkasnya" in _errors(at)


def test_a_picked_file_that_breaks_is_an_error_naming_it_and_comes_back(
    monkeypatch, folder
) -> None:
    good = (folder / "c_brebes.xlsx").read_bytes()
    at = open_app(monkeypatch, folder)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.switch_page("pages/sunting_aksi.py").run()
    (folder / "c_brebes.xlsx").write_bytes(b"rusak")
    at.run()
    assert not at.exception
    assert 'Workbook "c_brebes.xlsx" tidak dapat dibaca' in _errors(at)
    assert at.title[0].value == "Sunting Aksi" and not at.dataframe  # no other unit's grid
    assert "a_tegal_2022.xlsx" not in sidebar_caption(at)
    assert at.query_params[units.UNIT_PARAM] == "c_brebes.xlsx"
    (folder / "c_brebes.xlsx").write_bytes(good)
    at.run()
    assert not at.exception and not at.error
    assert "c_brebes.xlsx" in sidebar_caption(at)


def test_buka_ringkasan_carries_the_date_and_the_filters(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    at.sidebar.date_input[0].set_value(date(2022, 6, 30)).run()
    at.sidebar.multiselect(key=Key.AREAS).select("II").run()
    at.selectbox(key="rekap_target").set_value(str(folder / "d_brebes_salinan.xlsx")).run()
    at.button(key="rekap_open").click().run()
    assert not at.exception
    assert at.title[0].value == "Ringkasan Rencana Aksi Zona Integritas"
    assert at.session_state[Key.AS_OF] == date(2022, 6, 30)
    assert at.sidebar.date_input[0].value == date(2022, 6, 30)
    assert at.sidebar.multiselect(key=Key.AREAS).value == ["II"]
    assert "status per 30 Juni 2022" in shown(at.caption[0].value)
    assert at.query_params[units.UNIT_PARAM] == "d_brebes_salinan.xlsx"


def _draft_buttons(at: AppTest) -> list:
    return [b for b in at.button if (b.key or "").startswith("open_draft_")]


def test_sunting_names_the_unit_and_lists_drafts_in_other_units(
    monkeypatch, folder, tmp_path
) -> None:
    at = open_editor_app(monkeypatch, folder, tmp_path)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.switch_page("pages/sunting_aksi.py").run()
    assert at.title[0].value == "Sunting Rencana Aksi · KPU Kabupaten Brebes"
    type_note(at, 0, "untuk Brebes")
    at.run()
    assert not _draft_buttons(at)  # its own draft is the grid, not a link
    at.sidebar.selectbox[0].set_value("KPU Kota Tegal").run()
    assert at.title[0].value == "Sunting Rencana Aksi · KPU Kota Tegal"
    buttons = _draft_buttons(at)
    assert [shown(b.label) for b in buttons] == [
        "KPU Kabupaten Brebes · 2022 (c_brebes.xlsx): 1 perubahan"
    ]
    at.switch_page("pages/sunting_bukti.py").run()
    assert at.title[0].value == "Sunting Bukti Dukung · KPU Kota Tegal"
    buttons = _draft_buttons(at)
    assert len(buttons) == 1
    buttons[0].click().run()
    assert at.title[0].value == "Sunting Bukti Dukung · KPU Kabupaten Brebes"
    assert at.query_params[units.UNIT_PARAM] == "c_brebes.xlsx" and not _draft_buttons(at)
