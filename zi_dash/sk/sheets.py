"""The look every sheet the builder writes shares: headers, borders, wrapping, panes, printing."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Final

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zi_dash.base import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    HEADER_FILL,
    SOURCE_TEXT_FILL,
    Kind,
    SheetSpec,
)

_THIN = Side(style="thin", color="D1D5DB")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_WRAP = Alignment(wrap_text=True, vertical="top")
_FORMATS: Final = {Kind.DATE: DATE_FORMAT, Kind.DATETIME: DATETIME_FORMAT}


def fill(color: str) -> PatternFill:
    """A solid fill of a "#RRGGBB" colour."""
    return PatternFill("solid", start_color=color.lstrip("#"), end_color=color.lstrip("#"))


def write_sheet(
    ws: Worksheet,
    spec: SheetSpec,
    rows: Iterable[Sequence[object]],
    *,
    grey: Collection[str] = (),
) -> None:
    """Headers and rows of `spec`, styled; `grey` columns get the read-only (source text) look."""
    ws.append(list(spec.headers))
    for row in rows:
        ws.append(list(row))
    for idx, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(idx)
        ws.column_dimensions[letter].width = col.width
        header = ws.cell(row=1, column=idx)
        header.font = _HEADER_FONT
        header.fill = fill(HEADER_FILL)
        header.alignment = Alignment(wrap_text=True, vertical="center")
        header.border = _BORDER
        fmt = _FORMATS.get(col.kind)
        source = not col.editable and col.name in grey
        for cell in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
            cell[0].alignment = _WRAP
            cell[0].border = _BORDER
            if fmt:
                cell[0].number_format = fmt
            if source:
                cell[0].fill = fill(SOURCE_TEXT_FILL)
    ws.freeze_panes = spec.freeze
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{max(ws.max_row, 2)}"
    ws.row_dimensions[1].height = 30
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def list_rule(values: Sequence[str], column: str, error_title: str) -> DataValidation:
    """A dropdown of `values` for `column` that refuses anything else (Indonesian messages)."""
    shown = ", ".join(values)
    return DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=error_title,
        error=f"Pilih salah satu: {shown}.",
        promptTitle=column,
        prompt=f"Pilih: {shown}",
        showInputMessage=True,
    )


def bound_rule(
    kind: str,
    bounds: tuple[str, str | None],
    error: tuple[str, str],
    prompt: tuple[str, str] | None = None,
) -> DataValidation:
    """A `kind` (whole, decimal, date) rule between two bounds, or from the first up when the
    second is None; `error` and `prompt` are (title, text) in Indonesian."""
    low, high = bounds
    dv = DataValidation(
        type=kind,
        operator="between" if high is not None else "greaterThanOrEqual",
        formula1=low,
        formula2=high,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=error[0],
        error=error[1],
    )
    if prompt is not None:
        dv.promptTitle, dv.prompt = prompt
        dv.showInputMessage = True
    return dv
