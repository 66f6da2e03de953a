"""Exports for the LAKIP and the meeting minutes: chart images, a report, the tables as Excel.

Everything is built from the same figure builders and tables as the pages.
"""

from __future__ import annotations

import base64
import html
import io
import re
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final

import openpyxl
import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from zi_dash import contract as c
from zi_dash import figures, fmt, metrics, render, tables
from zi_dash.contract import ActionCol, EvidenceCol, Kind
from zi_dash.filters import Filters, apply
from zi_dash.history import rewind
from zi_dash.palette import HEADER_FILL
from zi_dash.saving import put
from zi_dash.schedule import format_date
from zi_dash.workbook import Plan

Progress = Callable[[float, str], None]
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


@dataclass
class Package:
    """The files of one export, by name, and what could not be made."""

    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def documents(self) -> list[tuple[str, bytes]]:
        """The report and table files (not the chart images), in DOCX, PDF, XLSX order."""
        order = {"docx": 0, "pdf": 1, "xlsx": 2}
        files = [(n, d) for n, d in self.files.items() if "/" not in n]
        return sorted(files, key=lambda item: order.get(item[0].rsplit(".", 1)[1], 9))

    def listing(self) -> pd.DataFrame:
        """Name and size of every file, for the page to list."""
        return pd.DataFrame(
            {
                "Berkas": list(self.files),
                "Ukuran (KB)": [round(len(d) / 1024) for d in self.files.values()],
            }
        )

    def zip_bytes(self) -> bytes:
        """All files in one ZIP."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.files.items():
                archive.writestr(name, data)
        return out.getvalue()


def view_for(plan: Plan, as_of: date, filters: Filters) -> Plan:
    """The plan as it stood on `as_of`, narrowed by `filters`: what the pages show."""
    return apply(rewind(plan, as_of), filters, as_of)


def headline(view: Plan, as_of: date) -> list[tuple[str, str]]:
    """The headline figures, as label and formatted value."""
    counts = metrics.status_counts(view)
    lke = metrics.lke_projection(view)
    return [
        ("Capaian keseluruhan", fmt.pct(metrics.completion_overall(view))),
        ("Aksi selesai", f"{counts[c.Status.DONE]} dari {len(view.actions)}"),
        ("Dalam proses", str(counts[c.Status.IN_PROGRESS])),
        ("Belum mulai", str(counts[c.Status.NOT_STARTED])),
        ("Terlambat", str(len(metrics.overdue(view, as_of)))),
        ("Kelengkapan bukti", fmt.pct(metrics.evidence_completeness(view))),
        (
            "Proyeksi pengungkit LKE",
            f"{fmt.number(lke.total, 2)} dari {fmt.number(lke.weight_total, 0)}",
        ),
    ]


def chart_images(
    view: Plan, as_of: date, keys: Sequence[str], progress: Progress | None = None
) -> list[ChartImage]:
    """PNG and SVG of each chosen chart; raises render.RenderUnavailableError without a browser."""
    out: list[ChartImage] = []
    for i, key in enumerate(keys):
        spec = figures.spec(key)
        if progress:
            # Charts take most of the time: they fill the first 80 % of the bar.
            progress(
                0.8 * i / max(len(keys), 1),
                f"Menggambar grafik {i + 1} dari {len(keys)}: {spec.title}…",
            )
        fig = spec.build(view, as_of)
        out.append(
            ChartImage(
                key=key,
                title=spec.title,
                stem=figures.file_stem(key, as_of),
                png=render.image(fig, "png"),
                svg=render.image(fig, "svg"),
                width=render.EXPORT_WIDTH,
                height=int(fig.layout.height or 600),
            )
        )
    return out


def _clean(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return _CONTROL.sub("", text)


def scope_text(plan: Plan, filters: Filters) -> str:
    """Which part of the plan an export covers, in words."""
    if not filters.active:
        return "Seluruh rencana aksi"
    if filters.areas and filters == Filters(areas=filters.areas):
        names = figures.area_names(plan)
        return "Area " + ", ".join(f"{a}. {names.get(a, '')}" for a in filters.areas)
    return "Sebagian rencana aksi (dengan saringan)"


LATE_COLUMNS: Final = (
    ActionCol.ID,
    ActionCol.INDICATOR,
    ActionCol.PIC,
    tables.DUE,
    tables.DAYS_LATE,
    ActionCol.PROGRESS,
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

    doc.add_paragraph(_clean("Laporan Pemantauan Rencana Aksi Zona Integritas"), style="Title")
    for line in (
        plan.info.unit,
        f"Tahun rencana {plan.year}",
        f"Tanggal acuan: {format_date(as_of)}",
        f"Cakupan: {scope}",
        f"Dasar: {plan.info.legal_basis}" if plan.info.legal_basis else "",
        f"Dibuat {format_date(date.today())} dari workbook {Path(plan.path).name}",
    ):
        if line:
            doc.add_paragraph(_clean(line))
    doc.add_page_break()

    doc.add_heading("1. Ringkasan", level=1)
    _docx_table(doc, ["Ukuran", "Nilai"], headline(view, as_of), widths=(9, 7))
    doc.add_paragraph(
        "Proyeksi pengungkit LKE = bobot area × capaian area; perkiraan dari progres rencana "
        "aksi, bukan nilai resmi evaluasi."
    ).runs[0].italic = True

    doc.add_heading("2. Grafik", level=1)
    for note in notes:
        doc.add_paragraph(_clean(note))
    for number, image in enumerate(images, start=1):
        width = Cm(_TEXT_WIDTH_CM)
        if _TEXT_WIDTH_CM * image.height / image.width > _MAX_IMAGE_HEIGHT_CM:
            doc.add_picture(io.BytesIO(image.png), height=Cm(_MAX_IMAGE_HEIGHT_CM))
        else:
            doc.add_picture(io.BytesIO(image.png), width=width)
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_paragraph(
            _clean(f"Gambar {number}. {image.title}, per {format_date(as_of)}"), style="Caption"
        )

    doc.add_heading("3. Aksi terlambat", level=1)
    late = tables.late(view, as_of)
    if late.empty:
        doc.add_paragraph(f"Tidak ada aksi terlambat per {format_date(as_of)}.")
    else:
        doc.add_paragraph(
            _clean(f"Tabel 1. Aksi terlambat per {format_date(as_of)}, paling lama dulu"),
            style="Caption",
        )
        _docx_frame(doc, late, LATE_COLUMNS, widths=(1.6, 6.4, 2.8, 2.4, 1.4, 1.4))

    doc.add_heading("4. Kekurangan bukti dukung", level=1)
    gaps = tables.evidence_gaps(view, as_of)
    if gaps.empty:
        doc.add_paragraph(f"Tidak ada kekurangan bukti yang mendesak per {format_date(as_of)}.")
    else:
        doc.add_paragraph(
            _clean(
                f"Tabel 2. Kekurangan bukti dukung per {format_date(as_of)}, paling mendesak dulu"
            ),
            style="Caption",
        )
        _docx_frame(doc, gaps, GAP_COLUMNS, widths=(3.0, 1.8, 5.0, 2.6, 2.2, 1.4))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _cell_text(value: object) -> str:
    if isinstance(value, float):
        return fmt.number(value, 0 if value.is_integer() else 1)
    return _clean(value)


def _docx_frame(doc: Document, frame: pd.DataFrame, columns: Sequence[str], widths) -> None:
    rows = [[_cell_text(v) for v in row] for row in frame[list(columns)].itertuples(index=False)]
    _docx_table(doc, list(columns), rows, widths, size=9)


def _docx_table(doc, headers, rows, widths, size: int = 11) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(_clean(text))
        run.bold = True
        run.font.size = Pt(size)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = ""
            cell.paragraphs[0].add_run(_clean(text)).font.size = Pt(size)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def report_html(
    plan: Plan, view: Plan, as_of: date, images: Sequence[ChartImage], scope: str
) -> str:
    """The same report as an A4 HTML page (for the PDF); every text is escaped."""
    e = html.escape

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
    rows = "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in headline(view, as_of))
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
<h2>2. Grafik</h2>{figures_html}
<h2>3. Aksi terlambat</h2>
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
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise render.RenderUnavailableError(f"PDF tidak dapat dibuat: {exc}") from exc
        if not target.is_file() or target.stat().st_size == 0:
            raise render.RenderUnavailableError("PDF tidak dapat dibuat oleh Chromium.")
        return target.read_bytes()


_HEADER_FONT: Final = Font(bold=True, color="FFFFFF")


def _value_kind(value: object) -> Kind:
    if isinstance(value, datetime):
        return Kind.DATETIME
    if isinstance(value, date):
        return Kind.DATE
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Kind.NUMBER
    return Kind.TEXT


def _sheet(book: openpyxl.Workbook, title: str, frame: pd.DataFrame) -> None:
    ws = book.create_sheet(title[:31])
    ws.append(list(frame.columns))
    for cell in ws[1]:
        cell.font = _HEADER_FONT
        cell.fill = PatternFill("solid", start_color=HEADER_FILL.lstrip("#"))
    for r, row in enumerate(frame.itertuples(index=False), start=2):
        for col, value in enumerate(row, start=1):
            plain = (
                None if value is None or (isinstance(value, float) and pd.isna(value)) else value
            )
            if hasattr(plain, "item") and not isinstance(plain, (str, date)):
                plain = plain.item()  # numpy scalars
            put(ws.cell(r, col), _value_kind(plain), plain if plain is None else _plain(plain))
    for col, name in enumerate(frame.columns, start=1):
        longest = max([len(str(name)), *(len(_clean(v)) for v in frame[name].head(200))])
        ws.column_dimensions[get_column_letter(col)].width = min(max(10, longest + 2), 60)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = (
        f"A1:{get_column_letter(max(len(frame.columns), 1))}{max(len(frame) + 1, 2)}"
    )


def _plain(value: object) -> object:
    return _clean(value) if isinstance(value, str) else value


def tables_xlsx(plan: Plan, view: Plan, as_of: date, scope: str) -> bytes:
    """The filtered tables as values (no formulas; text that looks like one stays text)."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Info"
    for row in (
        ("Satuan kerja", plan.info.unit),
        ("Tahun rencana", plan.year),
        ("Tanggal acuan", format_date(as_of)),
        ("Cakupan", scope),
        ("Sumber", Path(plan.path).name),
    ):
        info.append([])
        r = info.max_row
        put(info.cell(r, 1), Kind.TEXT, row[0])
        put(info.cell(r, 2), _value_kind(row[1]), row[1])
    info.delete_rows(1)
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 18, 70
    state = metrics.action_state(view, as_of)
    actions = view.actions.copy()
    actions.insert(
        actions.columns.get_loc(ActionCol.STATUS) + 1,
        "Status per tanggal acuan",
        state["display_status"].tolist(),
    )
    actions.insert(
        actions.columns.get_loc(ActionCol.TARGET) + 1, tables.READING, state["reading"].tolist()
    )
    actions.insert(actions.columns.get_loc(ActionCol.TARGET) + 2, tables.DUE, state["due"].tolist())
    _sheet(book, c.Sheet.ACTIONS, actions)
    _sheet(book, "Terlambat", tables.late(view, as_of))
    _sheet(book, "Kekurangan Bukti", tables.evidence_gaps(view, as_of))
    _sheet(book, c.Sheet.EVIDENCE, view.evidence)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build_package(
    plan: Plan,
    as_of: date,
    filters: Filters,
    keys: Sequence[str] = figures.CHART_KEYS,
    *,
    pdf: bool = True,
    progress: Progress | None = None,
) -> Package:
    """Charts (PNG, SVG), the report (DOCX, PDF) and the tables (XLSX) for one as-of date."""
    view = view_for(plan, as_of, filters)
    scope = scope_text(plan, filters)
    package = Package()
    stamp = as_of.isoformat()
    images: list[ChartImage] = []
    notes: list[str] = []
    try:
        images = chart_images(view, as_of, keys, progress)
    except render.RenderUnavailableError as exc:
        package.warnings.append(str(exc))
        notes.append("Grafik tidak disertakan: " + str(exc))
    for image in images:
        package.files[f"grafik/{image.stem}.png"] = image.png
        package.files[f"grafik/{image.stem}.svg"] = image.svg
    if progress:
        progress(0.85, "Menyusun laporan…")
    package.files[f"laporan_rencana_aksi_zi_{stamp}.docx"] = report_docx(
        plan, view, as_of, images, scope, notes
    )
    if pdf and images:
        try:
            package.files[f"laporan_rencana_aksi_zi_{stamp}.pdf"] = report_pdf(
                report_html(plan, view, as_of, images, scope)
            )
        except render.RenderUnavailableError as exc:
            package.warnings.append(str(exc))
    package.files[f"tabel_rencana_aksi_zi_{stamp}.xlsx"] = tables_xlsx(plan, view, as_of, scope)
    if progress:
        progress(1.0, "Selesai.")
    return package
