"""The Rekap Satker as files: the XLSX (Rekap, Per Area, Kesiapan sheets) and a DOCX section.

The same tables as the page (`analysis.rollup`), written as values: no formulas, and text
that looks like one (a satker named "=...") stays text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import openpyxl
import pandas as pd
from docx import Document
from docx.shared import Cm, Pt

import zi_dash.export.report as report
from zi_dash.analysis import readiness as ready
from zi_dash.analysis.readiness import ReadyCol, readiness
from zi_dash.analysis.rollup import (
    COLUMNS,
    COVERS,
    DIGITS,
    RekapCol,
    UnitSummary,
    area_table,
    table,
)
from zi_dash.analysis.summary import STALE_DAYS
from zi_dash.base import CAPAIAN_MEANS, fmt, format_date
from zi_dash.charts import render
from zi_dash.charts import rollup as charts_rollup
from zi_dash.export.bundle import _sheet as write_sheet
from zi_dash.export.bundle import chart_image

REKAP_SHEET: Final = "Rekap"
AREA_SHEET: Final = "Per Area"
READY_SHEET: Final = "Kesiapan (Mandiri)"  # the readiness by the units' own LKE answers
_FLAGS: Final = (RekapCol.STALE, RekapCol.DUPLICATE)


def _values(frame: pd.DataFrame) -> pd.DataFrame:
    """Plain cell values: blanks as None, flags as "Ya" or blank."""
    out = frame.copy()
    for col in _FLAGS:
        if col in out:
            out[col] = ["Ya" if flag else "" for flag in out[col]]
    out = out.astype(object)
    return out.where(out.notna(), None)


def rekap_xlsx(summaries: Sequence[UnitSummary], as_of: date) -> bytes:
    """Sheets "Rekap" (one row per file, in the given order), "Per Area" (capaian per area) and
    the readiness list by the penilaian mandiri (analysis.readiness)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    write_sheet(book, REKAP_SHEET, _values(table(summaries, as_of)))
    write_sheet(book, AREA_SHEET, _values(area_table(summaries)))
    write_sheet(book, READY_SHEET, _values(readiness(summaries)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# The page's columns in the page's order (analysis.rollup.COLUMNS), those that fit on A4: the
# file names a row, so two files claiming one satker and year are told apart.
DOCX_COLUMNS: Final = tuple(
    col for col in COLUMNS
    if col in (RekapCol.FILE, RekapCol.UNIT, RekapCol.YEAR, RekapCol.COMPLETION, RekapCol.DONE,
               RekapCol.BEHIND, RekapCol.LATE, RekapCol.EVIDENCE, RekapCol.COVERAGE,
               RekapCol.COVERED, RekapCol.AGE)
)  # fmt: skip
_WIDTHS: Final = (2.4, 2.9, 1.0, 1.3, 1.1, 1.4, 1.4, 1.4, 1.3, 1.5, 1.2)  # 16.9 of A4's 17 cm


def _text(value: object, decimals: int = 1) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return fmt.number(value, decimals)
    return report.clean(value)


def rekap_docx(
    summaries: Sequence[UnitSummary],
    as_of: date,
    folder: str,
    images: Sequence[report.ChartImage] = (),
    notes: Sequence[str] = (),
) -> bytes:
    """The roll-up as a report section: figures per satker, flags, charts, capaian per area."""
    frame = table(summaries, as_of)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading("Rekap Rencana Aksi Zona Integritas per Satuan Kerja", level=1)
    readable = frame[frame[RekapCol.YEAR].notna()]
    doc.add_paragraph(report.clean(
        f"Tanggal acuan {format_date(as_of)} · {len(frame)} berkas dari folder {folder}, "
        f"{len(readable)} terbaca · dibuat {format_date(datetime.now().date())}."
    ))  # fmt: skip
    doc.add_paragraph(f"{CAPAIAN_MEANS} {COVERS}").runs[0].italic = True
    decimals = [DIGITS.get(col, 1) for col in DOCX_COLUMNS]
    rows = [
        [_text(v, d) for v, d in zip(row, decimals)]
        for row in readable[list(DOCX_COLUMNS)].itertuples(index=False)
    ]
    doc.add_paragraph("Tabel 1. Capaian, aksi terlambat dan tertinggal, bukti dan cakupan LKE "
                      "per satker", style="Caption")  # fmt: skip
    report._docx_table(doc, list(DOCX_COLUMNS), rows, _WIDTHS, size=8)
    flagged = _flag_lines(frame)
    if flagged:
        doc.add_heading("Perlu perhatian", level=2)
        for line in flagged:
            doc.add_paragraph(report.clean(line), style="List Bullet")
    for note in notes:
        doc.add_paragraph(report.clean(note))
    for number, image in enumerate(images, start=1):
        doc.add_picture(io.BytesIO(image.png), width=Cm(17))
        doc.add_paragraph(
            report.clean(f"Gambar {number}. {image.title}, per {format_date(as_of)}"),
            style="Caption",
        )
    areas = area_table(summaries)
    areas = areas[areas[RekapCol.YEAR].notna()]
    codes = [col for col in areas.columns[3:]]
    names = [RekapCol.FILE, RekapCol.UNIT, RekapCol.YEAR]
    doc.add_paragraph("Tabel 2. Capaian (%) per area", style="Caption")
    report._docx_table(
        doc, [*names, *(col.split(".")[0] for col in codes)],
        [[_text(v) for v in row] for row in areas[[*names, *codes]].itertuples(index=False)],
        (2.6, 3.8, 1.2, *([1.5] * len(codes))), size=8,
    )  # fmt: skip
    _readiness_section(doc, summaries)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# The readiness list's columns read (the file is in Tabel 1 and 2; the target is in the gap).
_READY_COLUMNS: Final = (
    ReadyCol.UNIT,
    ReadyCol.YEAR,
    ReadyCol.STATE,
    ReadyCol.TOTAL,
    ReadyCol.TPI,
    ReadyCol.PREDICATE,
    ReadyCol.TARGET,
    ReadyCol.GAP,
    ReadyCol.HOLDS,
)
_READY_HEADERS: Final = (
    "Satuan Kerja",
    "Tahun",
    "Kesiapan",
    "Nilai Mandiri",
    "Nilai TPI",
    "Predikat Mandiri",
    "Kurang dari Minimum Total",
    "Yang Menahan (minimum belum terpenuhi)",
)
_READY_WIDTHS: Final = (2.8, 1.0, 2.4, 1.4, 1.3, 1.5, 1.7, 4.9)  # 17 cm


def _readiness_section(doc: Any, summaries: Sequence[UnitSummary]) -> None:
    """Which units meet Menuju WBK / WBBM by the penilaian mandiri, which are near, what holds
    each back: always labelled penilaian mandiri, never the official score."""
    frame = readiness(summaries)
    doc.add_heading("Kesiapan Predikat (penilaian mandiri)", level=2)
    doc.add_paragraph(f"{ready.MANDIRI} {ready.NEAR_MEANS}").runs[0].italic = True
    for group, count in ready.counts(frame).items():
        doc.add_paragraph(report.clean(f"{group}: {count} satker"), style="List Bullet")
    rows = []
    for row in frame[list(_READY_COLUMNS)].itertuples(index=False):
        unit, year, state, total, tpi, predicate, target, gap, holds = row
        reviewed = "–" if pd.isna(tpi) else fmt.number(tpi, 2)  # beside, never deciding
        rows.append([
            _text(unit), _text(year), _text(state), _text(total, 2), reviewed, _text(predicate),
            "" if pd.isna(gap) else f"{fmt.number(gap, 2)} poin ke {target}", _text(holds),
        ])  # fmt: skip
    doc.add_paragraph("Tabel 3. Kesiapan predikat per satker menurut penilaian mandiri",
                      style="Caption")  # fmt: skip
    report._docx_table(doc, list(_READY_HEADERS), rows, _READY_WIDTHS, size=8)


def _flag_lines(frame: pd.DataFrame) -> list[str]:
    """Unreadable files, duplicate claims and units not updated for STALE_DAYS days."""
    lines = []
    for _, row in frame.iterrows():
        name = f"{row[RekapCol.FILE]}" + (f" ({row[RekapCol.UNIT]})" if row[RekapCol.UNIT] else "")
        if row[RekapCol.NOTE]:
            lines.append(f"{name}: {row[RekapCol.NOTE]}")
        if row[RekapCol.STALE]:
            age = row[RekapCol.AGE]
            when = "belum pernah diperbarui" if pd.isna(age) else f"terakhir {age} hari lalu"
            lines.append(f"{name}: tidak diperbarui lebih dari {STALE_DAYS} hari ({when}).")
    return lines


def file_stem(as_of: date) -> str:
    """rekap_satker_2022-06-30."""
    return f"rekap_satker_{as_of.isoformat()}"


def rekap_docx_with_charts(summaries: Sequence[UnitSummary], as_of: date, folder: Path) -> bytes:
    """rekap_docx with the heat map and the ranking drawn in; says so when none can be drawn."""
    figures = (
        ("Capaian per Satker dan Area", charts_rollup.heatmap(area_table(summaries), as_of)),
        ("Peringkat Capaian Satker", charts_rollup.ranking(table(summaries, as_of), as_of)),
    )
    images: list[report.ChartImage] = []
    notes: list[str] = []
    try:
        images += [chart_image(fig, title, title, title, svg=False) for title, fig in figures]
    except render.RenderUnavailableError as exc:
        notes.append("Grafik tidak disertakan: " + str(exc))
    return rekap_docx(summaries, as_of, folder_name(folder), images, notes)


def folder_name(folder: Path) -> str:
    """How the report names the folder."""
    return folder.name or str(folder)
