"""The report for the LAKIP and the meeting minutes: DOCX, and the same as HTML printed to PDF.

Title page, headline figures, the LKE section (the penilaian mandiri: `report_lke`), each chart
with a numbered caption, late actions, evidence gaps.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

import zi_dash.export.report_lke as report_lke
from zi_dash.analysis import Assessment, metrics, tables
from zi_dash.base import (
    CAPAIAN_MEANS,
    ActionCol,
    AreaCol,
    EvidenceCol,
    escape_html,
    fmt,
    format_date,
)
from zi_dash.base import contract as c
from zi_dash.charts import render
from zi_dash.workbook import Plan

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TEXT_WIDTH_CM: Final = 16.0
_MAX_IMAGE_HEIGHT_CM: Final = 22.0
_PDF_TIMEOUT_S: Final = 90


@dataclass(frozen=True)
class ChartImage:
    """One exported chart: its catalogue entry and the two files."""

    key: str
    title: str
    stem: str
    png: bytes
    svg: bytes
    width: int
    height: int


def clean(value: object) -> str:
    """Cell text without the control characters a .docx or .xlsx cannot hold."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return _CONTROL.sub("", text)


def headline(plan: Plan, view: Plan, as_of: date) -> list[tuple[str, str]]:
    """The headline figures, as label and formatted value, so the text alone can be quoted.

    The LKE lines are about the whole plan as of the date, whatever the report's scope.
    """
    h = metrics.headline(view, as_of)
    kurva = metrics.kurva_s(view, as_of)
    return [
        ("Capaian keseluruhan (rata-rata progres)", fmt.pct(h.completion)),
        ("Aksi selesai", f"{h.done} dari {h.actions}"),
        ("Dalam proses", str(h.in_progress)),
        ("Belum mulai", str(h.not_started)),
        ("Terlambat", str(h.late)),
        ("Tertinggal", str(h.behind)),
        ("Kelengkapan bukti", fmt.pct(h.evidence)),
        ("Kurva S: rencana per tanggal acuan", fmt.pct(kurva.planned)),
        ("Kurva S: realisasi per tanggal acuan", fmt.pct(kurva.actual)),
        (
            "Kurva S: deviasi",
            f"{fmt.number(kurva.deviation)} poin" + (" (kritis)" if kurva.kritis else ""),
        ),
        *report_lke.headline(report_lke.assessment(plan, as_of)),
        *report_lke.coverage_headline(report_lke.plan_coverage(plan, as_of)),
    ]


AREA_HEADERS: Final = (
    "Area", "Aksi", "Selesai", "Terlambat", "Capaian (rata-rata progres)", "Bukti lengkap",
    "Penilaian mandiri LKE", "Cakupan LKE",
)  # fmt: skip


def area_rows(plan: Plan, view: Plan, as_of: date) -> list[list[str]]:
    """One row per area of the report's scope: actions, done, late, capaian, evidence, LKE."""
    found = report_lke.assessment(plan, as_of)
    covers = report_lke.plan_coverage(plan, as_of)
    names = dict(zip(plan.areas[AreaCol.AREA].tolist(), plan.areas[AreaCol.NAME].tolist()))
    state = metrics.action_state(view, as_of)
    rows = []
    for area, group in view.actions.groupby(c.ActionCol.AREA, sort=False):
        sub = dataclasses.replace(
            view,
            actions=group,
            evidence=view.evidence[
                view.evidence[c.EvidenceCol.ACTION_ID].isin(set(group[c.ActionCol.ID]))
            ],
        )
        late = int(state.loc[group.index, "overdue"].sum())
        rows.append([
            f"{area} · {names.get(area, '')}",
            str(len(group)),
            str(int(group[c.ActionCol.STATUS].eq(c.Status.DONE).sum())),
            str(late),
            fmt.pct(float(group[c.ActionCol.PROGRESS].mean())),
            fmt.pct(metrics.evidence_completeness(sub)),
            report_lke.area_value(found, str(area)),
            report_lke.area_coverage(covers, str(area)),
        ])  # fmt: skip
    return rows


LATE_COLUMNS: Final = (
    ActionCol.ID,
    ActionCol.INDICATOR,
    ActionCol.PIC,
    tables.SHOWN_STATUS,
    tables.MISSED,
    ActionCol.PROGRESS,
    tables.PLANNED,
    tables.DUE,
)
GAP_COLUMNS: Final = (
    tables.PRIORITY,
    EvidenceCol.ID,
    EvidenceCol.ITEM,
    ActionCol.PIC,
    tables.DUE,
    EvidenceCol.STATUS,
)


def report_docx(
    plan: Plan,
    view: Plan,
    as_of: date,
    images: Sequence[ChartImage],
    scope: str,
    notes: Sequence[str] = (),
) -> bytes:
    """The report for the LAKIP and the minutes: title page, figures, charts, late and gaps."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    doc.styles["Normal"].font.size = Pt(11)

    doc.add_paragraph(clean("Laporan Pemantauan Rencana Aksi Zona Integritas"), style="Title")
    for line in (
        plan.info.unit,
        f"Tahun rencana {plan.year}",
        f"Tanggal acuan: {format_date(as_of)}",
        f"Cakupan: {scope}",
        f"Dasar: {plan.info.legal_basis}" if plan.info.legal_basis else "",
        f"Dibuat {format_date(date.today())} dari workbook {Path(plan.path).name}",
    ):
        if line:
            doc.add_paragraph(clean(line))
    doc.add_page_break()

    doc.add_heading("1. Ringkasan", level=1)
    _docx_table(doc, ["Ukuran", "Nilai"], headline(plan, view, as_of), widths=(9, 7))
    doc.add_paragraph(
        f"{CAPAIAN_MEANS} Nilai LKE atas seluruh rencana per tanggal acuan: penilaian mandiri "
        "dari jawaban lembar LKE, bukan nilai resmi evaluasi."
    ).runs[0].italic = True
    doc.add_heading("Per area", level=2)
    _docx_table(doc, list(AREA_HEADERS), area_rows(plan, view, as_of),
                widths=(4.6, 1.1, 1.4, 1.7, 2.2, 1.6, 1.9, 1.9))  # fmt: skip
    _docx_lke(doc, report_lke.assessment(plan, as_of), as_of)
    doc.add_heading(report_lke.COVERED, level=2)
    for line in report_lke.coverage_lines(report_lke.plan_coverage(plan, as_of)):
        doc.add_paragraph(clean(line))

    doc.add_heading("2. Grafik", level=1)
    for note in notes:
        doc.add_paragraph(clean(note))
    for number, image in enumerate(images, start=1):
        width = Cm(_TEXT_WIDTH_CM)
        if _TEXT_WIDTH_CM * image.height / image.width > _MAX_IMAGE_HEIGHT_CM:
            doc.add_picture(io.BytesIO(image.png), height=Cm(_MAX_IMAGE_HEIGHT_CM))
        else:
            doc.add_picture(io.BytesIO(image.png), width=width)
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_paragraph(
            clean(f"Gambar {number}. {image.title}, per {format_date(as_of)}"), style="Caption"
        )

    day = format_date(as_of)
    _docx_section(
        doc, "3. Aksi terlambat dan tertinggal", tables.late(view, as_of), LATE_COLUMNS,
        f"Tabel 1. Aksi terlambat (tenggat akhir lewat) dan tertinggal (progres di bawah "
        f"rencana periodenya) per {day}",
        f"Tidak ada aksi terlambat atau tertinggal per {day}.",
        widths=(1.4, 4.6, 2.2, 1.8, 2.4, 1.2, 1.2, 1.8),
    )  # fmt: skip
    _docx_section(
        doc, "4. Kekurangan bukti dukung", tables.evidence_gaps(view, as_of), GAP_COLUMNS,
        f"Tabel 2. Kekurangan bukti dukung per {day}, paling mendesak dulu",
        f"Tidak ada kekurangan bukti yang mendesak per {day}.",
        widths=(3.0, 1.8, 5.0, 2.6, 2.2, 1.4),
    )  # fmt: skip
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_lke(doc: Document, found: Assessment, as_of: date) -> None:
    """The LKE section: the penilaian mandiri's words, its table and its problems."""
    doc.add_heading(report_lke.SELF, level=2)
    for line in report_lke.lines(found, as_of):
        doc.add_paragraph(clean(line))
    if found.present:
        for problem in report_lke.problems(found):
            doc.add_paragraph(clean(problem), style="List Bullet")
        _docx_table(doc, list(report_lke.HEADERS), report_lke.rows(found),
                    widths=(6.5, 1.9, 1.9, 1.9, 1.6, 1.9), size=9)  # fmt: skip


def _html_lke(found: Assessment, as_of: date) -> str:
    """The LKE section as HTML, every text escaped."""
    e = escape_html
    words = "".join(f"<p>{e(line)}</p>" for line in report_lke.lines(found, as_of))
    if not found.present:
        return f"<h3>{e(report_lke.SELF)}</h3>{words}"
    listed = "".join(f"<li>{e(p)}</li>" for p in report_lke.problems(found))
    head = "".join(f"<th>{e(h)}</th>" for h in report_lke.HEADERS)
    body = "".join(
        "<tr>" + "".join(f"<td>{e(v)}</td>" for v in r) + "</tr>" for r in report_lke.rows(found)
    )
    return (
        f"<h3>{e(report_lke.SELF)}</h3>{words}" + (f"<ul>{listed}</ul>" if listed else "")
        + f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )  # fmt: skip


def _cell_text(value: object) -> str:
    if isinstance(value, float):
        return fmt.number(value, 0 if value.is_integer() else 1)
    return clean(value)


def _docx_section(
    doc: Document, heading: str, frame: pd.DataFrame, columns: Sequence[str], caption: str,
    empty: str, widths: Sequence[float],
) -> None:  # fmt: skip
    doc.add_heading(heading, level=1)
    if frame.empty:
        doc.add_paragraph(empty)
        return
    doc.add_paragraph(clean(caption), style="Caption")
    _docx_frame(doc, frame, columns, widths)


def _docx_frame(doc: Document, frame: pd.DataFrame, columns: Sequence[str], widths) -> None:
    rows = [[_cell_text(v) for v in row] for row in frame[list(columns)].itertuples(index=False)]
    _docx_table(doc, list(columns), rows, widths, size=9)


def _docx_table(doc, headers, rows, widths, size: int = 11) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(clean(text))
        run.bold = True
        run.font.size = Pt(size)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = ""
            cell.paragraphs[0].add_run(clean(text)).font.size = Pt(size)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def report_html(
    plan: Plan, view: Plan, as_of: date, images: Sequence[ChartImage], scope: str
) -> str:
    """The same report as an A4 HTML page (for the PDF); every text is escaped."""
    e = escape_html

    def frame_html(frame: pd.DataFrame, columns: Sequence[str]) -> str:
        head = "".join(f"<th>{e(col)}</th>" for col in columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{e(_cell_text(v))}</td>" for v in row) + "</tr>"
            for row in frame[list(columns)].itertuples(index=False)
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    figures_html = "".join(
        f'<figure><img src="data:image/svg+xml;base64,{base64.b64encode(img.svg).decode()}">'
        f"<figcaption>Gambar {n}. {e(img.title)}, per {e(format_date(as_of))}</figcaption>"
        "</figure>"
        for n, img in enumerate(images, start=1)
    )
    late, gaps = tables.late(view, as_of), tables.evidence_gaps(view, as_of)
    day = e(format_date(as_of))
    late_html = frame_html(late, LATE_COLUMNS) if not late.empty else f"<p>Tidak ada per {day}.</p>"
    gaps_html = frame_html(gaps, GAP_COLUMNS) if not gaps.empty else f"<p>Tidak ada per {day}.</p>"
    rows = "".join(
        f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in headline(plan, view, as_of)
    )
    area_head = "".join(f"<th>{e(h)}</th>" for h in AREA_HEADERS)
    covers = "".join(
        f"<p>{e(line)}</p>"
        for line in report_lke.coverage_lines(report_lke.plan_coverage(plan, as_of))
    )
    area_body = "".join(
        "<tr>" + "".join(f"<td>{e(v)}</td>" for v in r) + "</tr>"
        for r in area_rows(plan, view, as_of)
    )
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<style>
@page {{ size: A4; margin: 20mm 18mm; }}
body {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111827; }}
h1 {{ font-size: 20pt; margin-top: 60mm; }} h2 {{ font-size: 14pt; break-after: avoid; }}
.title {{ break-after: page; }} figure {{ margin: 0 0 8mm; break-inside: avoid; }}
figure img {{ width: 100%; max-height: 230mm; object-fit: contain; }}
figcaption {{ font-style: italic; font-size: 9pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: 8.5pt; }}
th, td {{ border: 1px solid #9CA3AF; padding: 2px 4px; vertical-align: top; text-align: left; }}
th {{ background: #E5E7EB; }} tr {{ break-inside: avoid; }}
</style></head><body>
<div class="title"><h1>Laporan Pemantauan Rencana Aksi Zona Integritas</h1>
<p>{e(plan.info.unit)}<br>Tahun rencana {plan.year}<br>Tanggal acuan: {day}<br>
Cakupan: {e(scope)}<br>{e(plan.info.legal_basis)}</p></div>
<h2>1. Ringkasan</h2><table><tbody>{rows}</tbody></table>
<p><i>{e(CAPAIAN_MEANS)} Nilai LKE atas seluruh rencana per tanggal acuan: penilaian mandiri,
bukan nilai resmi.</i></p>
<h3>Per area</h3><table><thead><tr>{area_head}</tr></thead><tbody>{area_body}</tbody></table>
{_html_lke(report_lke.assessment(plan, as_of), as_of)}
<h3>{e(report_lke.COVERED)}</h3>{covers}
<h2>2. Grafik</h2>{figures_html}
<h2>3. Aksi terlambat dan tertinggal</h2>
{late_html}
<h2>4. Kekurangan bukti dukung</h2>
{gaps_html}
</body></html>"""


def report_pdf(page: str) -> bytes:
    """Print the HTML report to PDF with the machine's Chromium, or raise RenderUnavailableError."""
    browser = render.find_browser()
    if browser is None:
        raise render.RenderUnavailableError(render.unavailable_message())
    with tempfile.TemporaryDirectory(prefix="zi-pdf-") as folder:
        source, target = Path(folder) / "laporan.html", Path(folder) / "laporan.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            str(browser),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder}/profile",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=_PDF_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise render.RenderUnavailableError(
                f"PDF tidak dapat dibuat: Chromium tidak selesai dalam {_PDF_TIMEOUT_S} detik."
            ) from exc
        except OSError as exc:  # its text is English ("[Errno 13] Permission denied")
            raise render.RenderUnavailableError(
                f"PDF tidak dapat dibuat: Chromium di {browser} tidak dapat dijalankan."
            ) from exc
        if not target.is_file() or target.stat().st_size == 0:
            raise render.RenderUnavailableError("PDF tidak dapat dibuat oleh Chromium.")
        return target.read_bytes()
