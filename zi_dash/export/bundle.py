"""Exports for the LAKIP and the meeting minutes: chart images, a report, the tables as Excel.

Everything is built from the same figure builders and tables as the pages.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final

import openpyxl
import pandas as pd
import plotly.graph_objects as go
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

import zi_dash.export.report as report
from zi_dash import analysis
from zi_dash.analysis import Filters, metrics, rewind, tables
from zi_dash.base import HEADER_FILL, ActionCol, Kind, format_date, format_datetime
from zi_dash.base import contract as c
from zi_dash.charts import catalogue, render
from zi_dash.workbook import Plan, put

Progress = Callable[[float, str], None]


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


def chart_images(
    view: Plan,
    as_of: date,
    keys: Sequence[str],
    progress: Progress | None = None,
    whole: Plan | None = None,
) -> list[report.ChartImage]:
    """PNG and SVG of each chosen chart; raises render.RenderUnavailableError without a browser.

    `whole` is the unfiltered plan as of the date, for charts about the whole plan (LKE).
    """
    out: list[report.ChartImage] = []
    for i, key in enumerate(keys):
        spec = catalogue.spec(key)
        if progress:
            # Charts take most of the time: they fill the first 80 % of the bar.
            progress(
                0.8 * i / max(len(keys), 1),
                f"Menggambar grafik {i + 1} dari {len(keys)}: {spec.title}…",
            )
        fig = spec.build(whole if spec.whole_plan and whole is not None else view, as_of)
        out.append(chart_image(fig, key, spec.title, catalogue.file_stem(key, as_of)))
    return out


def chart_image(
    fig: go.Figure, key: str, title: str, stem: str, *, svg: bool = True
) -> report.ChartImage:
    """A figure drawn for a document: print-size PNG, and SVG unless not wanted."""
    return report.ChartImage(
        key=key,
        title=title,
        stem=stem,
        png=render.image(fig, "png"),
        svg=render.image(fig, "svg") if svg else b"",
        width=render.EXPORT_WIDTH,
        height=int(fig.layout.height or 600),
    )


def scope_text(plan: Plan, filters: Filters) -> str:
    """Which part of the plan an export covers, in words: every active filter."""
    return analysis.describe(plan, filters)


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
        longest = max([len(str(name)), *(len(report.clean(v)) for v in frame[name].head(200))])
        ws.column_dimensions[get_column_letter(col)].width = min(max(10, longest + 2), 60)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = (
        f"A1:{get_column_letter(max(len(frame.columns), 1))}{max(len(frame) + 1, 2)}"
    )


def _plain(value: object) -> object:
    return report.clean(value) if isinstance(value, str) else value


def tables_xlsx(plan: Plan, view: Plan, as_of: date, scope: str) -> bytes:
    """The filtered tables as values (no formulas; text that looks like one stays text)."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Info"
    rows = (
        ("Satuan kerja", plan.info.unit),
        ("Tahun rencana", plan.year),
        ("Tanggal acuan", format_date(as_of)),
        ("Cakupan", scope),
        ("Sumber", Path(plan.path).name),
        ("Dibuat", format_datetime(datetime.now())),
    )
    for r, (label, value) in enumerate(rows, start=1):
        put(info.cell(r, 1), Kind.TEXT, label)
        put(info.cell(r, 2), _value_kind(value), value)
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
    keys: Sequence[str] = catalogue.CHART_KEYS,
    *,
    pdf: bool = True,
    progress: Progress | None = None,
) -> Package:
    """Charts (PNG, SVG), the report (DOCX, PDF) and the tables (XLSX) for one as-of date."""
    shown = analysis.view(plan, as_of, filters)
    scope = scope_text(plan, filters)
    package = Package()
    stamp = as_of.isoformat()
    images: list[report.ChartImage] = []
    notes: list[str] = []
    try:
        images = chart_images(shown, as_of, keys, progress, whole=rewind(plan, as_of))
    except render.RenderUnavailableError as exc:
        package.warnings.append(str(exc))
        notes.append("Grafik tidak disertakan: " + str(exc))
    for image in images:
        package.files[f"grafik/{image.stem}.png"] = image.png
        package.files[f"grafik/{image.stem}.svg"] = image.svg
    if progress:
        progress(0.85, "Menyusun laporan…")
    package.files[f"laporan_rencana_aksi_zi_{stamp}.docx"] = report.report_docx(
        plan, shown, as_of, images, scope, notes
    )
    if pdf and images:
        try:
            package.files[f"laporan_rencana_aksi_zi_{stamp}.pdf"] = report.report_pdf(
                report.report_html(plan, shown, as_of, images, scope)
            )
        except render.RenderUnavailableError as exc:
            package.warnings.append(str(exc))
    package.files[f"tabel_rencana_aksi_zi_{stamp}.xlsx"] = tables_xlsx(plan, shown, as_of, scope)
    if progress:
        progress(1.0, "Selesai.")
    return package
