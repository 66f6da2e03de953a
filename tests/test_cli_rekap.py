"""`python -m zi_dash rekap`: the roll-up of a folder as one .xlsx (sheet Rekap, one row per file
in the folder listing's order, Per Area, and the readiness by the penilaian mandiri), its
messages and exit codes (0 done, 1 failed, 2 wrong arguments)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from tests import factory, faulty_reader
from tests.lke_sheet import add_bank_lke, best
from zi_dash.analysis import readiness, rollup, rollup_store, summary
from zi_dash.analysis.rollup import RekapCol
from zi_dash.base import LogCol, fmt, workbooks_in
from zi_dash.base import contract as c
from zi_dash.cli import main
from zi_dash.export import report_lke
from zi_dash.lke import score
from zi_dash.workbook import load_tracked

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path, real_workbook: Path) -> Path:
    rollup.forget()
    where = tmp_path / "zi"
    where.mkdir()
    shutil.copyfile(real_workbook, where / "b_tegal.xlsx")
    factory.mixed(where / "a_mixed.xlsx")
    (where / "c_lama.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 64)
    return where


def _rows(path: Path, sheet: str) -> list[list[object]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def test_rekap_writes_one_row_per_file_in_listing_order(folder: Path, tmp_path: Path, capsys):
    out = tmp_path / "hasil" / "rekap.xlsx"
    assert main(["rekap", "--folder", str(folder), "--out", str(out), "--as-of", "2022-05-01"]) == 0
    said = capsys.readouterr()
    assert "3 berkas, 1 tidak terbaca" in said.out
    assert 'c_lama.xls tidak dapat dibaca: Berkas "c_lama.xls" berformat Excel lama' in said.err
    assert openpyxl.load_workbook(out).sheetnames == ["Rekap", "Per Area", "Kesiapan (Mandiri)"]
    header, *rows = _rows(out, "Rekap")
    assert header == list(rollup.COLUMNS)
    by = {r[0]: dict(zip(header, r)) for r in rows}
    assert [r[0] for r in rows] == ["a_mixed.xlsx", "b_tegal.xlsx", "c_lama.xls"]
    mixed = by["a_mixed.xlsx"]
    assert (mixed[RekapCol.UNIT], mixed[RekapCol.YEAR], mixed[RekapCol.ACTIONS]) == (
        "KPU Kota Tegal", 2022, 6
    )  # fmt: skip
    assert (mixed[RekapCol.COMPLETION], mixed[RekapCol.DONE], mixed[RekapCol.LATE]) == (46.7, 2, 1)
    assert mixed[RekapCol.DUPLICATE] == "Ya"
    assert by["c_lama.xls"][RekapCol.NOTE].startswith('Berkas "c_lama.xls" berformat Excel lama')
    assert by["c_lama.xls"][RekapCol.YEAR] is None
    area_header, *area_rows = _rows(out, "Per Area")
    assert area_header[:4] == [RekapCol.FILE, RekapCol.UNIT, RekapCol.YEAR,
                               "I. Manajemen Perubahan"]  # fmt: skip
    assert area_rows[0][3] == 75.0 and len(area_rows) == 3


def test_rekap_names_a_file_that_crashes_its_reader_and_still_writes(
    folder: Path, tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    shutil.copyfile(real_workbook, folder / "d_crash.xlsx")
    shutil.copyfile(real_workbook, folder / "e_bug.xlsx")
    monkeypatch.setattr(rollup, "summarize_file", faulty_reader.read)
    out = tmp_path / "rekap.xlsx"
    assert main(["rekap", "--folder", str(folder), "--out", str(out), "--as-of", "2022-05-01"]) == 0
    said = capsys.readouterr()
    assert "5 berkas, 3 tidak terbaca" in said.out
    assert "d_crash.xlsx tidak dapat dibaca: " in said.err and "berhenti mendadak" in said.err
    assert "e_bug.xlsx tidak dapat dibaca: " in said.err and "TypeError" not in said.err
    assert [r[0] for r in _rows(out, "Rekap")[1:]] == [
        "a_mixed.xlsx", "b_tegal.xlsx", "c_lama.xls", "d_crash.xlsx", "e_bug.xlsx"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "tidak-ada", "tidak ditemukan atau bukan folder"),
        (lambda d: (d / "kosong").mkdir() or d / "kosong", "Tidak ada workbook"),
    ],
    ids=["missing folder", "no workbook"],
)
def test_rekap_of_no_workbooks_exits_1(tmp_path: Path, capsys, make, message) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["rekap", "--folder", str(make(tmp_path)), "--out", str(out)]) == 1
    assert message in capsys.readouterr().err and not out.exists()


def test_rekap_into_a_folder_path_exits_1(folder: Path, tmp_path: Path, capsys) -> None:
    assert main(["rekap", "--folder", str(folder), "--out", str(tmp_path)]) == 1
    assert "Gagal menulis" in capsys.readouterr().err


def test_python_m_rekap_with_a_bad_date_exits_2_in_indonesian(folder: Path, tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "zi_dash", "rekap", "--folder", str(folder), "--out",
         str(tmp_path / "r.xlsx"), "--as-of", "30-06-2022"],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "harus berbentuk YYYY-MM-DD" in done.stderr and "Traceback" not in done.stderr


def _unit_export(path: Path, out: Path, day: date) -> dict[str, object]:
    """The unit's figures as its own export states them (`export`: its report and tables)."""
    assert main(["export", "--workbook", str(path), "--out", str(out), "--as-of", str(day),
                 "--no-pdf"]) == 3  # fmt: skip  # no browser: report and tables only
    report = docx.Document(out / f"laporan_rencana_aksi_zi_{day}.docx")
    head = {r.cells[0].text: r.cells[1].text for r in report.tables[0].rows}
    tables = openpyxl.load_workbook(out / f"tabel_rencana_aksi_zi_{day}.xlsx")
    info = {r[0]: r[1] for r in tables["Info"].iter_rows(values_only=True)}
    done, actions = head["Aksi selesai"].split(" dari ")
    uncovered = next(p.text for p in report.paragraphs if p.text.startswith("Subkomponen tanpa"))
    end = datetime.combine(day, time.max)
    # The last update as the unit's pages say it: the Riwayat page's rows (outside edits
    # included), the Diperbarui stamps as of the date, the file's modification (the sidebar).
    seen = load_tracked(path)
    riwayat = [*seen.history[LogCol.TIME], *seen.outside[LogCol.TIME]]
    stamps = [
        v for sheet in (c.Sheet.ACTIONS, c.Sheet.EVIDENCE)
        for v in _column(tables[sheet], c.UPDATE_STAMPS[sheet][0])
    ]  # fmt: skip
    moments = [*riwayat, *stamps, datetime.fromtimestamp(path.stat().st_mtime)]
    last = max((t for t in moments if isinstance(t, datetime) and t <= end), default=None)
    age = None if last is None else (day - last.date()).days
    return {
        RekapCol.FILE: info["Sumber"],
        RekapCol.UNIT: info["Satuan kerja"],
        RekapCol.YEAR: info["Tahun rencana"],
        RekapCol.ACTIONS: int(actions),
        RekapCol.COMPLETION: head["Capaian keseluruhan (rata-rata progres)"],
        RekapCol.DONE: int(done),
        RekapCol.BEHIND: int(head["Tertinggal"]),
        RekapCol.LATE: int(head["Terlambat"]),
        RekapCol.EVIDENCE: head["Kelengkapan bukti"],
        RekapCol.COVERAGE: head["Cakupan LKE oleh rencana aksi"].split(" dari ")[0],
        RekapCol.COVERED: head["Proyeksi bagian tercakup"].split(" dari ")[0],
        RekapCol.UNCOVERED: int(uncovered.split("(")[1].split(")")[0]),
        RekapCol.LAST: last,
        RekapCol.AGE: age,
        RekapCol.STALE: "Ya" if age is None or age > summary.STALE_DAYS else None,
        RekapCol.DUPLICATE: None,
        RekapCol.NOTE: None,
        **_lke_stated(report, head),
    }


def _lke_stated(report: Any, head: dict[str, str]) -> dict[str, object]:
    """The LKE columns as the unit's report states them (Tegal: a sheet with no answer yet)."""
    total, predicate = head[report_lke.SELF].split(" dari 100: ")
    table = next(t for t in report.tables
                 if tuple(c.text for c in t.rows[0].cells) == report_lke.HEADERS)  # fmt: skip
    points = {r.cells[0].text: r.cells[3].text for r in table.rows[1:]}
    return {
        RekapCol.LKE_TOTAL: total, RekapCol.PREDICATE: predicate, RekapCol.TPI: None,
        RekapCol.PENGUNGKIT: points["Pengungkit"], RekapCol.HASIL: points["Hasil"],
        RekapCol.BELOW: "I, II, III, IV, V, VI", RekapCol.ANSWERED: 0, RekapCol.EVIDENCED: 0,
        RekapCol.LKE_PROBLEMS: 0,
    }  # fmt: skip


def _column(sheet: Any, header: str) -> list[object]:
    rows = list(sheet.iter_rows(values_only=True))
    at = rows[0].index(header)
    return [r[at] for r in rows[1:]]


def _as_stated(row: dict[str, object]) -> dict[str, object]:
    """A Rekap row's figures written as the unit's report writes them."""
    return {
        **row,
        RekapCol.COMPLETION: fmt.pct(row[RekapCol.COMPLETION]),  # type: ignore[arg-type]
        RekapCol.EVIDENCE: fmt.pct(row[RekapCol.EVIDENCE]),  # type: ignore[arg-type]
        RekapCol.COVERAGE: fmt.number(row[RekapCol.COVERAGE], 2),  # type: ignore[arg-type]
        RekapCol.COVERED: fmt.number(row[RekapCol.COVERED], 2),  # type: ignore[arg-type]
        **{col: fmt.number(row[col], 2)  # type: ignore[arg-type]
           for col in (RekapCol.LKE_TOTAL, RekapCol.PENGUNGKIT, RekapCol.HASIL)},
    }  # fmt: skip


@pytest.mark.parametrize("day", factory.AROUND_EXCEL)
def test_rekap_as_of_agrees_with_the_units_export_around_an_excel_edit(
    tmp_path: Path, real_workbook: Path, no_browser: None, day: date
) -> None:
    """Every column of the Rekap row equals what the unit's own export says, per each date."""
    rollup.forget()
    where = tmp_path / "zi"
    where.mkdir()
    unit = factory.edited_in_excel(shutil.copyfile(real_workbook, where / "tegal.xlsx"))
    out = tmp_path / "rekap.xlsx"
    assert main(["rekap", "--folder", str(where), "--out", str(out), "--as-of", str(day)]) == 0
    header, row = _rows(out, "Rekap")
    expected = _unit_export(unit, tmp_path / "ekspor", day)
    assert _as_stated(dict(zip(header, row))) == expected
    assert sorted(expected) == sorted(rollup.COLUMNS)  # every column compared


def test_rekap_prints_and_writes_the_readiness_by_the_penilaian_mandiri(
    folder: Path, tmp_path: Path, capsys
) -> None:
    add_bank_lke(factory.mixed(folder / "d_siap.xlsx"), best())
    out = tmp_path / "rekap.xlsx"
    assert main(["rekap", "--folder", str(folder), "--out", str(out), "--as-of", "2022-05-01"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[1] == readiness.MANDIRI  # labelled penilaian mandiri, never the official score
    assert "Memenuhi Menuju WBK: 1 satker" in said
    total = fmt.number(score(best()).total, 2)
    assert (
        f"  KPU Kota Tegal 2022 (d_siap.xlsx): {total}, WBK; TPI – — Predikat WBK belum "
        "dimiliki (Predikat Saat Ini kosong)" in said
    )
    tegal = next(line for line in said if "(b_tegal.xlsx)" in line)
    assert tegal.startswith("  KPU Kota Tegal 2022 (b_tegal.xlsx): 0,00, Belum WBK, kurang 75,00")
    assert "belum ada lembar LKE: 1 satker" in said
    assert "  KPU Kota Tegal 2022 (a_mixed.xlsx): –, belum ada lembar LKE; TPI –" in said
    header, *rows = _rows(out, "Kesiapan (Mandiri)")
    assert header == list(readiness.COLUMNS)
    assert [r[2] for r in rows] == ["d_siap.xlsx", "b_tegal.xlsx", "a_mixed.xlsx"]
    rekap_header, *rekap_rows = _rows(out, "Rekap")
    by = {r[0]: dict(zip(rekap_header, r)) for r in rekap_rows}
    assert by["d_siap.xlsx"][RekapCol.LKE_TOTAL] == round(score(best()).total, 2)
    assert by["a_mixed.xlsx"][RekapCol.PREDICATE] == "belum ada lembar LKE"
    assert by["a_mixed.xlsx"][RekapCol.LKE_TOTAL] is None  # never 0 as if scored


def test_rekap_warm_keeps_the_summaries_a_page_then_needs_no_read_for(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = [sys.executable, "-m", "zi_dash", "rekap", "--folder", str(folder), "--warm",
               "--as-of", "2022-05-01"]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("3 berkas diringkas") and not list(folder.glob("*rekap*.xlsx"))
    assert (folder / rollup_store.FILE_NAME).is_file()
    monkeypatch.setattr(rollup_store, "ENABLED", True)
    rollup.forget()  # the server: it has read nothing itself
    read: list[str] = []
    original = rollup.summarize_file

    def recording(path: str, as_of: date) -> rollup.UnitSummary:
        read.append(path)
        return original(path, as_of)

    monkeypatch.setattr(rollup, "summarize_file", recording)
    summaries = rollup.read_all(workbooks_in(folder), date(2022, 5, 1), in_process=True)
    assert read == [str(folder / "c_lama.xls")]  # the unreadable file only: never kept
    assert [s.file for s in summaries if not s.error] == ["a_mixed.xlsx", "b_tegal.xlsx"]


def test_rekap_without_out_or_warm_says_what_is_missing(folder: Path, capsys) -> None:
    assert main(["rekap", "--folder", str(folder)]) == 2
    assert "Argumen --out wajib diisi (kecuali dengan --warm)." in capsys.readouterr().err


def test_rekap_warm_runs_where_the_os_has_no_nice(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # Windows has no os.nice: the server's background warm must still run there.
    import os

    monkeypatch.delattr(os, "nice", raising=False)
    monkeypatch.setattr(rollup_store, "ENABLED", True)  # as in the server's own child
    assert main(["rekap", "--folder", str(folder), "--warm", "--as-of", "2022-05-01"]) == 0
    assert capsys.readouterr().out.startswith("3 berkas diringkas")
    assert (folder / rollup_store.FILE_NAME).is_file()
