"""Hand-made action-plan tables for the importer's tests, laid out as real satker files are.

Eight are built from the SK's own rows (zi_dash.sk.load_sk_rows), each with other variations
(title above the header, header words, order, two-row header, NO column, merged or first-row-only
area and component cells, "I. MANAJEMEN PERUBAHAN" titles, "1."/"a." numbers, spacer rows,
areas out of order); two are plans of other units, written with their own indicators and targets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path

import docx
import openpyxl

from zi_dash.base import AREA_CODES, AREA_NAMES
from zi_dash.sk import SkRow, load_sk_rows

SK_ROWS: list[SkRow] = load_sk_rows()
ROMAN = {code: code for code in AREA_CODES}


def _by_area(rows: Sequence[SkRow], order: Sequence[str] = AREA_CODES) -> list[list[SkRow]]:
    groups = {a: list(g) for a, g in groupby(rows, key=lambda r: r.area)}
    return [groups[a] for a in order if a in groups]


def _by_component(rows: Sequence[SkRow]) -> list[list[SkRow]]:
    return [list(g) for _, g in groupby(rows, key=lambda r: r.component_no)]


def _letter(n: int) -> str:
    return chr(ord("a") + n - 1)


# --- xlsx ------------------------------------------------------------------------------------


def _save(wb: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def xlsx_sk_titles(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """SK layout: a title and the SK's heading above, NO column, area rows merged across
    ("I. MANAJEMEN PERUBAHAN"), components numbered "1.", a spacer row after each area."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lampiran"
    ws.append(["LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA TEGAL NOMOR 5/2022"])
    ws.append(["RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KPU KOTA TEGAL TAHUN 2022"])
    ws.append([])
    ws.append(["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"])
    for area_rows in _by_area(rows):
        area = area_rows[0].area
        ws.append([f"{area}. {AREA_NAMES[area].upper()}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
        for comp in _by_component(area_rows):
            for i, r in enumerate(comp):
                no = f"{r.component_no}." if i == 0 else None
                name = r.component if i == 0 else None
                ws.append([no, name, r.indicator, r.step, r.evidence, r.target])
        ws.append([])
    return _save(wb)


def xlsx_area_column_merged(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """Header words in title case and another order, "Rencana Aksi"/"Output"/"Jadwal", an Area
    column, area and component cells merged down, no NO column, areas out of order."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Catatan"
    ws["A1"] = "lembar ini kosong"
    ws = wb.create_sheet("RA ZI")
    ws.append(["Rencana Aksi Zona Integritas"])
    ws.append(["Area Perubahan", "Komponen", "Indikator", "Jadwal", "Rencana Aksi", "Output"])
    for area_rows in _by_area(rows, ("III", "I", "VI", "II", "V", "IV")):
        area_start = ws.max_row + 1
        for comp in _by_component(area_rows):
            comp_start = ws.max_row + 1
            for r in comp:
                ws.append([AREA_NAMES[r.area], r.component, r.indicator, r.target, r.step,
                           r.evidence])  # fmt: skip
            ws.merge_cells(start_row=comp_start, start_column=2, end_row=ws.max_row, end_column=2)
        ws.merge_cells(start_row=area_start, start_column=1, end_row=ws.max_row, end_column=1)
    return _save(wb)


def xlsx_two_row_header(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """A two-row header (RENCANA AKSI over KEGIATAN / BUKTI DUKUNG / WAKTU, NO and KOMPONEN
    merged down), the column numbers below it, components "a.", area rows in mixed case."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "KOMPONEN", "INDIKATOR", "RENCANA AKSI", None, None])
    ws.append([None, None, None, "KEGIATAN", "BUKTI DUKUNG", "WAKTU"])
    for col in (1, 2, 3):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.merge_cells(start_row=1, start_column=4, end_row=1, end_column=6)
    ws.append([1, 2, 3, 4, 5, 6])
    for area_rows in _by_area(rows):
        area = area_rows[0].area
        ws.append([area, f"Area {AREA_NAMES[area]}"])
        ws.append([])
        for comp in _by_component(area_rows):
            for i, r in enumerate(comp):
                name = f"{_letter(r.component_no)}. {r.component}" if i == 0 else None
                ws.append([None, name, r.indicator, r.step, r.evidence, r.target])
    return _save(wb)


# --- csv -------------------------------------------------------------------------------------


def _csv(lines: Sequence[Sequence[object]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(lines)
    return buffer.getvalue().encode("utf-8")


def csv_first_row_only(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """Semicolons, lower-case headers, area and component written only on their first row,
    blank spacer rows, area names as "Area …" in mixed case."""
    lines: list[list[object]] = [
        ["area perubahan", "komponen", "indikator", "langkah aksi", "bukti fisik", "target waktu"]
    ]
    for area_rows in _by_area(rows):
        for j, comp in enumerate(_by_component(area_rows)):
            for i, r in enumerate(comp):
                area = f"Area {AREA_NAMES[r.area].title()}" if i == j == 0 else ""
                lines.append([area, r.component if i == 0 else "", r.indicator, r.step,
                              r.evidence, r.target])  # fmt: skip
        lines.append(["", "", "", "", "", ""])
    return _csv(lines, ";")


def csv_row_counter(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """A NO column counting rows 1..70, the component repeated on every row, the area as its
    numeral, a PIC column, "KEGIATAN" and "BUKTI DUKUNG"."""
    lines: list[list[object]] = [
        ["NO", "AREA", "KOMPONEN", "INDIKATOR", "KEGIATAN", "BUKTI DUKUNG", "TARGET WAKTU", "PIC"]
    ]
    for n, r in enumerate(rows, 1):
        lines.append([n, r.area, r.component, r.indicator, r.step, r.evidence, r.target,
                      f"Subbag {r.area}"])  # fmt: skip
    return _csv(lines)


def csv_tabs_titles(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """Tabs, Windows-1252, title lines above the header, the area as "I. Manajemen Perubahan" on
    every row, components as "1. Tim Kerja" in their cell, an empty PJ column."""
    lines: list[list[object]] = [
        ["RENCANA AKSI ZONA INTEGRITAS"],
        ["KPU KOTA TEGAL TAHUN 2022"],
        [],
        ["Area", "Komponen", "Indikator", "Langkah Aksi", "Bukti Fisik", "Target Waktu", "PJ"],
    ]
    for r in rows:
        lines.append([f"{r.area}. {AREA_NAMES[r.area]}", f"{r.component_no}. {r.component}",
                      r.indicator, r.step, r.evidence, r.target, ""])  # fmt: skip
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t").writerows(lines)
    return buffer.getvalue().encode("cp1252", errors="strict")


# --- docx ------------------------------------------------------------------------------------


def _docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill(row: object, values: Sequence[object]) -> None:
    for cell, value in zip(row.cells, values):  # type: ignore[attr-defined]
        if value is not None:
            cell.text = str(value)


def docx_sk_merged(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """Word: the SK's title paragraphs, area rows merged across, NO and KOMPONEN cells merged
    down over their indicators, the header and "1 2 3 4 5 6" repeated after area III."""
    document = docx.Document()
    document.add_paragraph("LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA TEGAL")
    document.add_paragraph("NOMOR: 5/2022")
    document.add_table(rows=2, cols=2)  # a small signature table: not the largest
    header = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"]
    table = document.add_table(rows=0, cols=6)
    _fill(table.add_row(), header)
    _fill(table.add_row(), range(1, 7))
    for area_rows in _by_area(rows):
        area = area_rows[0].area
        if area == "IV":
            _fill(table.add_row(), header)
            _fill(table.add_row(), range(1, 7))
        title = table.add_row()
        title.cells[0].merge(title.cells[5])
        title.cells[0].text = f"{area}. {AREA_NAMES[area].upper()}"
        for comp in _by_component(area_rows):
            first = len(table.rows)
            for r in comp:
                _fill(table.add_row(), [None, None, r.indicator, r.step, r.evidence, r.target])
            for col, text in ((0, f"{comp[0].component_no}."), (1, comp[0].component)):
                top = table.cell(first, col)
                merged = top.merge(table.cell(len(table.rows) - 1, col)) if len(comp) > 1 else top
                merged.text = text
    return _docx_bytes(document)


def docx_two_row_wrapped(rows: Sequence[SkRow] = SK_ROWS) -> bytes:
    """Word: header words wrapped over two rows ("BUKTI" over "FISIK", "TARGET" over "WAKTU"),
    area titles in the NO cell, components "a." written on their first row only."""
    document = docx.Document()
    document.add_paragraph("Rencana Aksi Pembangunan Zona Integritas")
    table = document.add_table(rows=0, cols=6)
    _fill(table.add_row(), ["No.", "Komponen", "Indikator", "Langkah Aksi", "Bukti", "Target"])
    _fill(table.add_row(), ["", "", "", "", "Fisik", "Waktu"])
    for area_rows in _by_area(rows, ("VI", "V", "IV", "III", "II", "I")):
        area = area_rows[0].area
        _fill(table.add_row(), [f"{area}. {AREA_NAMES[area]}"])
        for comp in _by_component(area_rows):
            for i, r in enumerate(comp):
                no = f"{_letter(r.component_no)}." if i == 0 else ""
                _fill(table.add_row(), [no, r.component if i == 0 else "", r.indicator, r.step,
                                        r.evidence, r.target])  # fmt: skip
    return _docx_bytes(document)


# --- other units -----------------------------------------------------------------------------

# KPU Kabupaten Brebes, 2023: (area, component, indicator, step, evidence, target, PIC).
BREBES: list[tuple[str, str, str, str, str, str, str]] = [
    ("I", "Tim Kerja", "Tim kerja ZI dibentuk dengan SK Ketua", "Menyusun SK tim kerja ZI 2023",
     "SK Tim Kerja ZI 2023, notulen rapat pembentukan", "Januari Minggu ke 2 2023", "Sekretaris"),
    ("I", "Tim Kerja", "Tim kerja melaporkan kemajuan ZI", "Rapat bulanan tim kerja",
     "Undangan, daftar hadir, notulen", "tiap bulan 2023", "Ketua Tim"),
    ("I", "Monitoring dan Evaluasi", "Monev pembangunan ZI berkala", "Rapat monev triwulanan",
     "Laporan monev triwulan I–IV", "Triwulan I 2023, tiap triwulan", "Kasubbag Perencanaan"),
    ("II", "SOP Kegiatan Utama", "SOP layanan informasi dievaluasi", "Evaluasi SOP PPID",
     "Berita acara evaluasi SOP", "Maret Minggu ke 2 2023", "Kasubbag Teknis"),
    ("III", "Pola Mutasi", "Mutasi mengikuti pola karier", "Menyusun pola mutasi internal",
     "Dokumen pola mutasi", "Semester I 2023", "Kasubbag SDM"),
    ("IV", "Perencanaan Kinerja", "Renja selaras dengan Renstra", "Reviu Renja 2024",
     "Renja 2024 dan berita acara reviu", "Juni dan Desember 2023", "Kasubbag Perencanaan"),
    ("V", "Pengendalian Gratifikasi", "Unit pengendalian gratifikasi aktif",
     "Sosialisasi gratifikasi kepada pegawai", "Foto kegiatan, daftar hadir",
     "Minggu ke-4 April 2023", "Kasubbag Hukum"),
    ("VI", "Standar Pelayanan", "Maklumat pelayanan dipublikasikan",
     "Memasang maklumat pelayanan di ruang layanan dan website", "Foto maklumat, tangkapan layar",
     "15 Maret 2023", "Kasubbag Teknis"),
]  # fmt: skip


def xlsx_brebes() -> bytes:
    """KPU Kabupaten Brebes 2023, Excel: areas and components in columns written once, a PIC
    column, numbered components in a NO column, titles above."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rencana Aksi 2023"
    ws.append(["RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"])
    ws.append(["KOMISI PEMILIHAN UMUM KABUPATEN BREBES TAHUN 2023"])
    ws.append(["NO", "AREA", "KOMPONEN", "INDIKATOR", "RENCANA AKSI", "OUTPUT", "WAKTU",
               "PENANGGUNG JAWAB"])  # fmt: skip
    last_area, last_comp, comp_no = "", "", 0
    for area, comp, ind, step, ev, target, pic in BREBES:
        if area != last_area:
            comp_no = 0
        new_comp = (area, comp) != (last_area, last_comp)
        comp_no += new_comp
        ws.append([comp_no if new_comp else None, f"{area}. {AREA_NAMES[area]}" if area != last_area
                   else None, comp if new_comp else None, ind, step, ev, target, pic])  # fmt: skip
        last_area, last_comp = area, comp
    return _save(wb)


# KPU Kota Pekalongan, 2024: four areas only, components lettered, targets across the year end.
PEKALONGAN: list[tuple[str, str, str, str, str, str]] = [
    ("II", "a. Keterbukaan Informasi Publik", "Daftar informasi publik dimutakhirkan",
     "Memutakhirkan DIP di laman PPID", "DIP 2024; tangkapan layar laman PPID",
     "Februari 2024"),
    ("II", "", "Layanan informasi dievaluasi", "Menyusun laporan layanan informasi",
     "Laporan layanan informasi publik 2024", "Desember 2024 – Januari 2025"),
    ("IV", "a. Penetapan Kinerja", "Perjanjian kinerja ditetapkan tepat waktu",
     "Menyusun dan menandatangani PK 2024", "PK 2024 Sekretaris dan Kasubbag", "Januari 2024"),
    ("IV", "b. Pelaporan Kinerja", "LKjIP disusun dan dipublikasikan", "Menyusun LKjIP 2023",
     "LKjIP 2023, tangkapan layar publikasi", "31 Januari 2024"),
    ("V", "a. Whistle Blowing System", "WBS disosialisasikan", "Sosialisasi WBS ke pegawai",
     "Undangan, daftar hadir dan foto sosialisasi", "Juli Minggu ke 1 2024"),
    ("VI", "a. Survei Kepuasan", "Survei kepuasan dilaksanakan", "Melaksanakan SKM semester",
     "Laporan SKM semester I dan II", "Juni, Desember 2024"),
]  # fmt: skip


def docx_pekalongan() -> bytes:
    """KPU Kota Pekalongan 2024, Word: title paragraphs, area rows merged across in upper
    case, lettered components written once, no NO column, four of the six areas."""
    document = docx.Document()
    document.add_paragraph("LAMPIRAN SURAT KEPUTUSAN KPU KOTA PEKALONGAN NOMOR 7 TAHUN 2024")
    table = document.add_table(rows=0, cols=5)
    _fill(table.add_row(), ["KOMPONEN", "INDIKATOR", "KEGIATAN", "BUKTI DUKUNG", "JADWAL"])
    last_area = ""
    roman = {"II": "B", "IV": "D", "V": "E", "VI": "F"}
    for area, comp, ind, step, ev, target in PEKALONGAN:
        if area != last_area:
            title = table.add_row()
            title.cells[0].merge(title.cells[4])
            title.cells[0].text = f"{roman[area]}. {AREA_NAMES[area].upper()}"
            last_area = area
        _fill(table.add_row(), [comp, ind, step, ev, target])
    return _docx_bytes(document)


SK_SOURCES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "xlsx_sk_titles": ("sk.xlsx", xlsx_sk_titles),
    "xlsx_area_column_merged": ("ra.xlsx", xlsx_area_column_merged),
    "xlsx_two_row_header": ("dua_baris.xlsx", xlsx_two_row_header),
    "csv_first_row_only": ("ra.csv", csv_first_row_only),
    "csv_row_counter": ("nomor.csv", csv_row_counter),
    "csv_tabs_titles": ("tab.csv", csv_tabs_titles),
    "docx_sk_merged": ("SK.docx", docx_sk_merged),
    "docx_two_row_wrapped": ("rencana.docx", docx_two_row_wrapped),
}


def write(folder: Path, name: str, data: bytes) -> Path:
    """Write a source file into a test's folder."""
    path = folder / name
    path.write_bytes(data)
    return path
