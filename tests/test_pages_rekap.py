"""Folder mode under AppTest: the satker and year picker, every page on the picked unit, the
Rekap Satker page (an unreadable file, a duplicate, filters, click-through, its figures beside
the unit's own and its cached charts). Editing and the unit in the address:
test_pages_folder_units.py."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory, faulty_reader
from tests.folder_app import APP, make_folder, open_app, sidebar_caption
from tests.lke_sheet import add_bank_lke
from tests.markup import shown
from tests.test_analysis_readiness import best
from zi_dash.analysis import readiness, rollup
from zi_dash.analysis.readiness import ReadyCol
from zi_dash.analysis.rollup import RekapCol
from zi_dash.analysis.unit_lke import NO_SHEET
from zi_dash.base import FOLDER_ENV, WORKBOOK_ENV, fmt
from zi_dash.lke import score
from zi_dash.ui import Key
from zi_dash.ui import rekap as ui_rekap

PAGES = ["pages/ringkasan.py", "pages/linimasa.py", "pages/bukti.py", "pages/rapat.py",
         "pages/ekspor.py"]  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, real_workbook: Path) -> Path:
    """Tegal 2022 and 2023, Brebes 2022 twice, one broken file (tests.folder_app)."""
    return make_folder(tmp_path, real_workbook)


def test_the_picker_offers_each_readable_satker_and_its_years(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder)
    assert not at.exception
    unit, year = at.sidebar.selectbox
    assert (unit.label, year.label) == ("Satuan kerja", "Tahun rencana")
    assert unit.options == ["KPU Kabupaten Brebes", "KPU Kota Tegal"]
    # The first file in the listing is shown first: Tegal, its one 2022 plan.
    assert unit.value == "KPU Kota Tegal" and year.options == ["2022", "2023"]
    assert "a_tegal_2022.xlsx" in sidebar_caption(at)
    year.set_value(str(folder / "b_tegal_2023.xlsx")).run()
    caption = sidebar_caption(at)
    assert "b_tegal_2023.xlsx" in caption and "Rencana Aksi ZI 2023" in caption
    # Brebes 2022 twice: the year names each file.
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    assert at.sidebar.selectbox[1].options == [
        "2022 · c_brebes.xlsx",
        "2022 · d_brebes_salinan.xlsx",
    ]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_works_on_the_picked_unit(monkeypatch, folder, page: str) -> None:
    at = open_app(monkeypatch, folder)
    at.sidebar.selectbox[0].set_value("KPU Kabupaten Brebes").run()
    at.switch_page(page).run()
    assert not at.exception
    assert not [e for e in at.error if "Workbook" in e.value]  # (Kurva S may say "Kritis")
    assert "c_brebes.xlsx" in sidebar_caption(at)
    if page == "pages/ringkasan.py":
        assert {m.label: m.value for m in at.metric}["Capaian"] == "75,0%"


def test_the_rekap_page_lists_every_file_with_its_flags(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
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
    mean = frame[RekapCol.COVERAGE].dropna().mean()
    assert metrics["Rata-rata cakupan LKE"] == f"{fmt.number(mean, 2)} dari 60"
    charts = at.get("plotly_chart")
    assert len(charts) == 2  # the heat map and the ranking
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh rekap (.xlsx)" in labels and "Unduh bagian laporan (.docx)" in labels


def test_the_rekap_claims_no_predicate_from_the_plan(monkeypatch, folder) -> None:
    """A plan's progress is not the LKE score: the predikat is only the LKE sheet's penilaian
    mandiri (its columns and the readiness section say so); the plan's figures claim none."""
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    assert not at.exception
    frame = at.dataframe[0].value
    plan_columns = [col for col in frame.columns if col not in LKE_COLUMNS]
    texts = [
        *plan_columns, *frame[plan_columns].astype(str).to_numpy().ravel(),
        *(m.label for m in at.metric[:5]), *(str(m.value) for m in at.metric[:5]),
        *(w.label for w in at.multiselect), at.caption[0].value,
        *(json.dumps(json.loads(el.proto.spec)) for el in at.get("plotly_chart")),
    ]  # fmt: skip
    said = " ".join(map(str, texts))
    for word in ("Predikat", "predikat", "WBK", "WBBM", "memenuhi"):
        assert word not in said, word
    assert all("Mandiri" in col or col == RekapCol.TPI for col in LKE_COLUMNS[:5])


LKE_COLUMNS = (RekapCol.LKE_TOTAL, RekapCol.PREDICATE, RekapCol.PENGUNGKIT, RekapCol.HASIL,
               RekapCol.TPI, RekapCol.BELOW, RekapCol.ANSWERED, RekapCol.EVIDENCED,
               RekapCol.LKE_PROBLEMS)  # fmt: skip


def test_the_rekap_shows_each_units_penilaian_mandiri_and_readiness(monkeypatch, folder) -> None:
    add_bank_lke(folder / "c_brebes.xlsx", best())  # every answer at its best: WBK by the LKE
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    assert not at.exception
    frame = at.dataframe[0].value.set_index(RekapCol.FILE)
    assert set(LKE_COLUMNS) <= set(frame.columns)
    assert frame[RekapCol.PREDICATE].fillna("").to_dict() == {
        "a_tegal_2022.xlsx": "Belum WBK", "b_tegal_2023.xlsx": "belum ada lembar LKE",
        "c_brebes.xlsx": "WBK", "d_brebes_salinan.xlsx": "belum ada lembar LKE",
        "e_rusak.xlsx": "",  # unreadable: its reason is the Keterangan
    }  # fmt: skip
    assert frame.at["c_brebes.xlsx", RekapCol.LKE_TOTAL] == round(score(best()).total, 2)
    assert frame.at["a_tegal_2022.xlsx", RekapCol.LKE_TOTAL] == 0.0  # a sheet, no answer yet
    assert frame[RekapCol.LKE_TOTAL].isna().tolist() == [False, True, False, True, True]
    assert frame.at["c_brebes.xlsx", RekapCol.ANSWERED] == 110
    assert frame[RekapCol.TPI].isna().all()
    assert "Kesiapan Predikat (penilaian mandiri)" in [h.value for h in at.subheader]
    assert any("bukan nilai resmi" in x.value for x in at.caption)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics[readiness.MET_WBK], metrics[readiness.FAR], metrics[NO_SHEET]) == (
        "1",
        "1",
        "2",
    )
    ready = at.dataframe[1].value
    order = ["c_brebes.xlsx", "a_tegal_2022.xlsx", "b_tegal_2023.xlsx", "d_brebes_salinan.xlsx"]
    assert ready[ReadyCol.FILE].tolist() == order
    holds = ready.set_index(ReadyCol.FILE)[ReadyCol.HOLDS]
    assert "Predikat WBK belum dimiliki" in holds["c_brebes.xlsx"]  # what keeps it from WBBM
    assert "Total 0,00, minimal 75,00" in holds["a_tegal_2022.xlsx"]


def test_a_file_that_crashes_or_hangs_its_reader_is_a_row_and_the_page_answers(
    monkeypatch, folder, real_workbook
) -> None:
    for name in ("f_crash.xlsx", "g_hang.xlsx", "h_bug.xlsx"):
        shutil.copyfile(real_workbook, folder / name)
    monkeypatch.setattr(rollup, "summarize_file", faulty_reader.read)
    monkeypatch.setattr(rollup, "FILE_SECONDS", 5.0)
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    assert not at.exception and at.title[0].value == "Rekap Satker"
    notes = at.dataframe[0].value.set_index(RekapCol.FILE)[RekapCol.NOTE]
    assert notes["f_crash.xlsx"].endswith("proses pembacanya berhenti mendadak.")
    assert notes["g_hang.xlsx"].endswith("melebihi batas waktu 5 detik.")
    assert "kesalahan tak terduga" in notes["h_bug.xlsx"] and "TypeError" not in notes["h_bug.xlsx"]
    assert {m.label: m.value for m in at.metric}["Berkas terbaca"] == "4 dari 8"
    at.text_input(key="rekap_text").input("brebes").run()  # the next run answers at once
    assert list(at.dataframe[0].value[RekapCol.FILE]) == ["c_brebes.xlsx", "d_brebes_salinan.xlsx"]


def test_rekap_filters_narrow_the_table(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    at.text_input(key="rekap_text").input("brebes").run()
    assert list(at.dataframe[0].value[RekapCol.FILE]) == ["c_brebes.xlsx", "d_brebes_salinan.xlsx"]
    at.text_input(key="rekap_text").input("").run()
    at.multiselect(key="rekap_years").select(2023).run()
    assert list(at.dataframe[0].value[RekapCol.FILE]) == ["b_tegal_2023.xlsx"]


def test_click_through_opens_the_units_pages(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
    at.selectbox(key="rekap_target").set_value(str(folder / "d_brebes_salinan.xlsx")).run()
    at.button(key="rekap_open").click().run()
    assert not at.exception
    assert at.title[0].value == "Ringkasan Rencana Aksi Zona Integritas"
    assert "d_brebes_salinan.xlsx" in sidebar_caption(at)
    assert at.sidebar.selectbox[0].value == "KPU Kabupaten Brebes"


def test_a_folder_without_a_readable_workbook_still_shows_the_rekap(monkeypatch, tmp_path) -> None:
    (tmp_path / "rusak.xlsx").write_bytes(b"")
    at = open_app(monkeypatch, tmp_path)
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
    assert not at.exception and "a_tegal.xlsx" in sidebar_caption(at)
    metrics = {m.label: m.value for m in at.metric}
    assert {
        "Capaian": fmt.pct(row[RekapCol.COMPLETION]),
        "Selesai": str(row[RekapCol.DONE]),
        "Terlambat": str(row[RekapCol.LATE]),
        "Tertinggal": str(row[RekapCol.BEHIND]),
        "Bukti lengkap": fmt.pct(row[RekapCol.EVIDENCE]),
    } == {k: metrics[k] for k in ("Capaian", "Selesai", "Terlambat", "Tertinggal", "Bukti lengkap")}
    # The plan's coverage of the LKE as the unit's Ringkasan says it (its whole plan, that day).
    said = " ".join(m.value for m in at.markdown)
    assert f"**{fmt.number(row[RekapCol.COVERAGE], 2)} dari 60 poin pengungkit**" in said
    assert f"dicakup: **{fmt.number(row[RekapCol.COVERED], 2)}**" in said
    assert f"{row[RekapCol.UNCOVERED]} sub-komponen belum didukung" in str(
        [e.label for e in at.expander]
    )


def test_the_rekap_notice_names_the_folders_years_not_the_picked_units(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder)  # 1 May 2022: Tegal's 2023 plan lies ahead
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
    at = open_app(monkeypatch, folder).switch_page("pages/rekap.py").run()
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


def test_a_first_look_at_the_folder_shows_its_reading_progress(monkeypatch, folder) -> None:
    at = open_app(monkeypatch, folder)  # nothing kept, nothing in memory: all 5 files are read
    (status,) = at.status
    assert (status.label, status.state) == ("5 berkas selesai dibaca.", "complete")
    (bar,) = at.progress
    assert (bar.value, bar.text) == (100, "Membaca 5 dari 5 berkas…")
    at.switch_page("pages/rekap.py").run()  # read already: nothing to wait for, no bar
    assert not at.status and not at.progress and at.title[0].value == "Rekap Satker"
    os.utime(folder / "c_brebes.xlsx")  # one saved file is read again alone: no bar either
    at.run()
    assert not at.status and not at.progress
