"""Folder mode under AppTest: the satker and year picker, every page on the picked unit, the
Rekap Satker page (an unreadable file, a duplicate, filters, click-through) and an edit that
lands in the picked unit's file only, its draft beside that file."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory, faulty_reader
from tests.factory import action, make_workbook
from tests.markup import shown
from zi_dash.analysis import rollup
from zi_dash.analysis.rollup import RekapCol
from zi_dash.base import FOLDER_ENV, WORKBOOK_ENV, ActionCol, Status, fmt
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore, accounts
from zi_dash.ui import Key, units
from zi_dash.ui import rekap as ui_rekap
from zi_dash.workbook import load_plan

APP = str(Path(__file__).resolve().parent.parent / "app.py")
AS_OF = date(2022, 5, 1)
PAGES = ["pages/ringkasan.py", "pages/linimasa.py", "pages/bukti.py", "pages/rapat.py",
         "pages/ekspor.py"]  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, real_workbook: Path) -> Path:
    """Tegal 2022 (the SK) and 2023, Brebes 2022 twice (a duplicate), one broken file."""
    where = tmp_path / "zi"
    where.mkdir()
    shutil.copyfile(real_workbook, where / "a_tegal_2022.xlsx")
    make_workbook(where / "b_tegal_2023.xlsx", [action("I.1.1", target="April 2023")], year=2023)
    brebes = [action("I.1.1", Status.DONE, 100), action("II.1.1", Status.IN_PROGRESS, 50)]
    make_workbook(where / "c_brebes.xlsx", brebes, unit="KPU Kabupaten Brebes")
    make_workbook(where / "d_brebes_salinan.xlsx", brebes, unit="KPU Kabupaten Brebes")
    (where / "e_rusak.xlsx").write_bytes(b"PK bukan workbook")
    return where


def _app(monkeypatch: pytest.MonkeyPatch, where: Path, user: str | None = None) -> AppTest:
    rollup.forget()
    monkeypatch.setenv(FOLDER_ENV, str(where))
    monkeypatch.delenv(WORKBOOK_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = AS_OF
    if user:
        at.session_state[Key.USER] = user
    return at.run()


def _editor_app(monkeypatch: pytest.MonkeyPatch, where: Path, tmp_path: Path) -> AppTest:
    """The app with the editor budi (an account in a users file) logged in."""
    users = tmp_path / "users.json"
    accounts.add_user(users, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(users))
    return _app(monkeypatch, where, user="budi")


def _caption(at: AppTest) -> str:
    return " ".join(shown(c.value) for c in at.sidebar.caption)


def test_the_picker_offers_each_readable_satker_and_its_years(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder)
    assert not at.exception
    unit, year = at.sidebar.selectbox
    assert (unit.label, year.label) == ("Satuan kerja", "Tahun rencana")
    assert unit.options == ["KPU Kabupaten Brebes", "KPU Kota Tegal"]
    # The first file in the listing is shown first: Tegal, its one 2022 plan.
    assert unit.value == "KPU Kota Tegal" and year.options == ["2022", "2023"]
    assert "a_tegal_2022.xlsx" in _caption(at)
    year.set_value(str(folder / "b_tegal_2023.xlsx")).run()
    assert "b_tegal_2023.xlsx" in _caption(at) and "Rencana Aksi ZI 2023" in _caption(at)
    # Brebes 2022 twice: the year names each file.
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    assert at.sidebar.selectbox[1].options == [
        "2022 · c_brebes.xlsx",
        "2022 · d_brebes_salinan.xlsx",
    ]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_works_on_the_picked_unit(monkeypatch, folder, page: str) -> None:
    at = _app(monkeypatch, folder)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.switch_page(page).run()
    assert not at.exception
    assert not [e for e in at.error if "Workbook" in e.value]  # (Kurva S may say "Kritis")
    assert "c_brebes.xlsx" in _caption(at)
    if page == "pages/ringkasan.py":
        assert {m.label: m.value for m in at.metric}["Capaian"] == "75,0%"


def test_the_rekap_page_lists_every_file_with_its_flags(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    assert not at.exception and at.title[0].value == "Rekap Satker"
    frame = at.dataframe[0].value.set_index(RekapCol.FILE)
    assert list(frame.index) == ["a_tegal_2022.xlsx", "b_tegal_2023.xlsx", "c_brebes.xlsx",
                                 "d_brebes_salinan.xlsx", "e_rusak.xlsx"]  # fmt: skip
    assert frame.at["e_rusak.xlsx", RekapCol.NOTE].startswith('Berkas "e_rusak.xlsx"')
    assert frame[RekapCol.DUPLICATE].to_dict() == {
        "a_tegal_2022.xlsx": False, "b_tegal_2023.xlsx": False, "c_brebes.xlsx": True,
        "d_brebes_salinan.xlsx": True, "e_rusak.xlsx": False,
    }  # fmt: skip
    assert frame.at["c_brebes.xlsx", RekapCol.COMPLETION] == 75.0
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Berkas terbaca"] == "4 dari 5" and metrics["Duplikat satker+tahun"] == "2"
    charts = at.get("plotly_chart")
    assert len(charts) == 2  # the heat map and the ranking
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh rekap (.xlsx)" in labels and "Unduh bagian laporan (.docx)" in labels


def test_a_file_that_crashes_or_hangs_its_reader_is_a_row_and_the_page_answers(
    monkeypatch, folder, real_workbook
) -> None:
    for name in ("f_crash.xlsx", "g_hang.xlsx", "h_bug.xlsx"):
        shutil.copyfile(real_workbook, folder / name)
    monkeypatch.setattr(rollup, "summarize_file", faulty_reader.read)
    monkeypatch.setattr(rollup, "FILE_SECONDS", 5.0)
    at = _app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    assert not at.exception and at.title[0].value == "Rekap Satker"
    notes = at.dataframe[0].value.set_index(RekapCol.FILE)[RekapCol.NOTE]
    assert notes["f_crash.xlsx"].endswith("proses pembacanya berhenti mendadak.")
    assert notes["g_hang.xlsx"].endswith("melebihi batas waktu 5 detik.")
    assert "kesalahan tak terduga" in notes["h_bug.xlsx"] and "TypeError" not in notes["h_bug.xlsx"]
    assert {m.label: m.value for m in at.metric}["Berkas terbaca"] == "4 dari 8"
    at.text_input(key="rekap_text").input("brebes").run()  # the next run answers at once
    assert list(at.dataframe[0].value[RekapCol.FILE]) == ["c_brebes.xlsx", "d_brebes_salinan.xlsx"]


def test_rekap_filters_narrow_the_table(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    at.text_input(key="rekap_text").input("brebes").run()
    assert list(at.dataframe[0].value[RekapCol.FILE]) == ["c_brebes.xlsx", "d_brebes_salinan.xlsx"]
    at.text_input(key="rekap_text").input("").run()
    at.multiselect(key="rekap_years").select(2023).run()
    assert list(at.dataframe[0].value[RekapCol.FILE]) == ["b_tegal_2023.xlsx"]


def test_click_through_opens_the_units_pages(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    at.selectbox(key="rekap_target").set_value(str(folder / "d_brebes_salinan.xlsx")).run()
    at.button(key="rekap_open").click().run()
    assert not at.exception
    assert at.title[0].value == "Ringkasan Rencana Aksi Zona Integritas"
    assert "d_brebes_salinan.xlsx" in _caption(at)
    assert at.sidebar.selectbox[0].value == "KPU Kabupaten Brebes"


def test_a_folder_without_a_readable_workbook_still_shows_the_rekap(monkeypatch, tmp_path) -> None:
    (tmp_path / "rusak.xlsx").write_bytes(b"")
    at = _app(monkeypatch, tmp_path)
    assert not at.exception and at.title[0].value == "Rekap Satker"
    assert "Tidak ada workbook yang dapat dibaca" in at.sidebar.warning[0].value
    assert at.dataframe[0].value[RekapCol.NOTE][0].startswith('Berkas "rusak.xlsx" kosong')
    assert {m.label: m.value for m in at.metric}["Rata-rata capaian"] == "0,0%"  # not "nan%"


def test_one_workbook_mode_has_no_picker_and_no_rekap(monkeypatch, workbook_copy) -> None:
    monkeypatch.delenv(FOLDER_ENV, raising=False)
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook_copy))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.sidebar.selectbox
    assert Key.FOLDER not in at.session_state


def test_an_edit_lands_in_the_picked_units_file_only(monkeypatch, folder, tmp_path) -> None:
    users = tmp_path / "users.json"
    accounts.add_user(users, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(users))
    before = {p.name: p.read_bytes() for p in folder.glob("*.xlsx")}
    at = _app(monkeypatch, folder, user="budi")
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.sidebar.selectbox[1].set_value(str(folder / "d_brebes_salinan.xlsx")).run()
    at.switch_page("pages/sunting_aksi.py").run()
    key = Key.EDITOR.format(c.Sheet.ACTIONS, at.session_state[Key.GRID.format(c.Sheet.ACTIONS)][0])
    at.session_state[key] = {
        "edited_rows": {1: {ActionCol.NOTES: "catatan Brebes"}}, "added_rows": [],
        "deleted_rows": [],
    }  # fmt: skip
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
    at = _editor_app(monkeypatch, folder, tmp_path)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()  # c_brebes.xlsx
    at.switch_page("pages/sunting_aksi.py").run()
    key = Key.EDITOR.format(c.Sheet.ACTIONS, at.session_state[Key.GRID.format(c.Sheet.ACTIONS)][0])
    # The edit and the switch to the other Brebes file reach the server in the same run.
    at.session_state[key] = {
        "edited_rows": {0: {ActionCol.NOTES: "untuk c"}}, "added_rows": [], "deleted_rows": [],
    }  # fmt: skip
    at.sidebar.selectbox[1].set_value(str(folder / "d_brebes_salinan.xlsx")).run()
    assert not at.exception and "d_brebes_salinan.xlsx" in _caption(at)
    assert DraftStore(folder / "c_brebes.xlsx").load("budi").count() == 1
    assert DraftStore(folder / "d_brebes_salinan.xlsx").load("budi").count() == 0
    assert at.dataframe[0].value.loc[0, ActionCol.NOTES] in ("", None)


def _errors(at: AppTest) -> str:
    return " ".join(shown(e.value) for e in at.error)


def test_the_picked_unit_lives_in_the_address_and_a_reload_keeps_it(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    assert at.query_params[units.UNIT_PARAM] == "c_brebes.xlsx"
    # A reload or a bookmark: a new session whose only memory is the address.
    rollup.forget()
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params[units.UNIT_PARAM] = "d_brebes_salinan.xlsx"
    again.session_state[Key.AS_OF] = AS_OF
    again.run()
    assert not again.exception and "c_brebes" not in _errors(again)
    assert "d_brebes_salinan.xlsx" in _caption(again)
    assert again.sidebar.selectbox[0].value == "KPU Kabupaten Brebes"
    again.switch_page("pages/linimasa.py").run()  # a page switch clears the address: kept
    assert "d_brebes_salinan.xlsx" in _caption(again)


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


def test_a_file_removed_from_the_folder_says_so_not_see_rekap(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder)
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
    at = _app(monkeypatch, folder)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.switch_page("pages/sunting_aksi.py").run()
    (folder / "c_brebes.xlsx").write_bytes(b"rusak")
    at.run()
    assert not at.exception
    assert 'Workbook "c_brebes.xlsx" tidak dapat dibaca' in _errors(at)
    assert at.title[0].value == "Sunting Aksi" and not at.dataframe  # no other unit's grid
    assert "a_tegal_2022.xlsx" not in _caption(at)
    assert at.query_params[units.UNIT_PARAM] == "c_brebes.xlsx"
    (folder / "c_brebes.xlsx").write_bytes(good)
    at.run()
    assert not at.exception and not at.error
    assert "c_brebes.xlsx" in _caption(at)


def test_buka_ringkasan_carries_the_date_and_the_filters(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder).switch_page("pages/rekap.py").run()
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
    at = _editor_app(monkeypatch, folder, tmp_path)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.switch_page("pages/sunting_aksi.py").run()
    assert at.title[0].value == "Sunting Rencana Aksi · KPU Kabupaten Brebes"
    key = Key.EDITOR.format(c.Sheet.ACTIONS, at.session_state[Key.GRID.format(c.Sheet.ACTIONS)][0])
    at.session_state[key] = {
        "edited_rows": {0: {ActionCol.NOTES: "untuk Brebes"}}, "added_rows": [],
        "deleted_rows": [],
    }  # fmt: skip
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


@pytest.mark.parametrize("day", factory.AROUND_EXCEL)
def test_the_rekap_row_is_the_units_ringkasan_around_an_excel_edit(
    monkeypatch, tmp_path, real_workbook, day: date
) -> None:
    where = tmp_path / "zi"
    where.mkdir()
    factory.edited_in_excel(shutil.copyfile(real_workbook, where / "a_tegal.xlsx"))
    shutil.copyfile(real_workbook, where / "b_lain.xlsx")
    rollup.forget()
    monkeypatch.setenv(FOLDER_ENV, str(where))
    monkeypatch.delenv(WORKBOOK_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = day
    at.run().switch_page("pages/rekap.py").run()
    row = at.dataframe[0].value.set_index(RekapCol.FILE).loc["a_tegal.xlsx"]
    at.switch_page("pages/ringkasan.py").run()
    assert not at.exception and "a_tegal.xlsx" in _caption(at)
    metrics = {m.label: m.value for m in at.metric}
    assert {
        "Capaian": fmt.pct(row[RekapCol.COMPLETION]),
        "Selesai": str(row[RekapCol.DONE]),
        "Terlambat": str(row[RekapCol.LATE]),
        "Tertinggal": str(row[RekapCol.BEHIND]),
        "Bukti lengkap": fmt.pct(row[RekapCol.EVIDENCE]),
    } == {k: metrics[k] for k in ("Capaian", "Selesai", "Terlambat", "Tertinggal", "Bukti lengkap")}
    layouts = [json.loads(el.proto.spec)["layout"] for el in at.get("plotly_chart")]
    (lke,) = [x for x in layouts if x["title"]["text"].startswith("Proyeksi Pengungkit LKE")]
    assert f"Total proyeksi {fmt.number(row[RekapCol.LKE], 2)} dari 60" in str(lke["annotations"])


def test_the_rekap_notice_names_the_folders_years_not_the_picked_units(monkeypatch, folder) -> None:
    at = _app(monkeypatch, folder)  # 1 May 2022: Tegal's 2023 plan lies ahead
    at.sidebar.selectbox[1].set_value(str(folder / "b_tegal_2023.xlsx")).run()
    assert any("Rencana aksi ini untuk tahun 2023" in w.value for w in at.warning)
    at.switch_page("pages/rekap.py").run()
    assert not at.exception
    warnings = [shown(w.value) for w in at.warning]
    assert not [w for w in warnings if "Rencana aksi ini untuk tahun" in w]
    assert warnings == [
        "Tanggal acuan 1 Mei 2022 di luar tahun rencana 1 dari 4 berkas terbaca: "
        "tahun 2023 (1 berkas): belum ada aksi yang dijadwalkan."
    ]
    at.button(key="rekap_as_of_2023").click().run()
    assert at.session_state[Key.AS_OF] == date(2023, 1, 1)
    warnings = [shown(w.value) for w in at.warning]
    assert warnings == [
        "Tanggal acuan 1 Januari 2023 di luar tahun rencana 3 dari 4 berkas terbaca: "
        "tahun 2022 (3 berkas): aksi yang belum selesai tampak terlambat."
    ]


def test_a_rerun_builds_no_rekap_chart_or_table_again(monkeypatch, folder) -> None:
    built: list[str] = []
    for name in ("heatmap", "ranking"):
        real = getattr(ui_rekap.charts, name)
        counted = lambda *a, _real=real, _name=name: built.append(_name) or _real(*a)  # noqa: E731
        monkeypatch.setattr(ui_rekap.charts, name, counted)
    real_table = ui_rekap.rollup.table
    monkeypatch.setattr(ui_rekap.rollup, "table",
                        lambda *a: built.append("table") or real_table(*a))  # fmt: skip
    ui_rekap.forget()
    at = _app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    assert sorted(built) == ["heatmap", "ranking", "table"]
    at.run()
    assert len(built) == 3  # nothing rebuilt for the same folder, date and filters
    at.text_input(key="rekap_text").input("brebes").run()
    assert sorted(built[3:]) == ["heatmap", "ranking"]  # new filters: the charts, not the table
    assert list(at.dataframe[0].value[RekapCol.FILE]) == ["c_brebes.xlsx", "d_brebes_salinan.xlsx"]
    (folder / "c_brebes.xlsx").write_bytes((folder / "d_brebes_salinan.xlsx").read_bytes())
    os.utime(folder / "c_brebes.xlsx", (1e9, 1e9))  # a saved file: a new version
    at.run()
    assert sorted(built[5:]) == ["heatmap", "ranking", "table"]
