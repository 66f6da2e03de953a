"""Files holding an action-plan table (.xlsx, .csv, .docx) read into grids of cell texts.

A merged cell reaches the table reader as what a person sees: a cell merged down is written on
every row it covers (an area or component spanning its rows), a cell merged across only in its
first column (a title row spanning the table).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Final

from zi_dash.base import format_date, tidy
from zi_dash.sk.table import Grid, SourceError, TableRead, find_header, read_table

KINDS: Final = (".xlsx", ".csv", ".docx")
MAX_BYTES: Final = 20 * 1024 * 1024
_DELIMITERS: Final = (",", ";", "\t")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _xlsx_grids(name: str, data: bytes) -> dict[str, list[list[str]]]:
    import openpyxl  # only this kind of source needs it loaded

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a broken file
        raise SourceError(f'Berkas "{name}" bukan workbook Excel (.xlsx) yang utuh.') from exc
    grids: dict[str, list[list[str]]] = {}
    for ws in book.worksheets:
        grid = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:
            value = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row, merged.max_row):
                grid[r][merged.min_col - 1] = value
        grids[ws.title] = grid
    return grids


def _regularity(lines: list[str], delimiter: str) -> tuple[int, int]:
    # The delimiter that splits most lines into the same number (> 1) of fields: title lines
    # above the header have one, and commas inside texts split rows unevenly.
    widths = Counter(len(r) for r in csv.reader(lines, delimiter=delimiter) if len(r) > 1)
    if not widths:
        return (0, 0)
    width, count = widths.most_common(1)[0]
    return (count, width)


def _csv_grid(name: str, data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in the ANSI code page; "replace" reads any byte at all.
        text = data.decode("cp1252", errors="replace")
    try:
        delimiter = max(_DELIMITERS, key=lambda d: _regularity(text.splitlines()[:100], d))
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:  # a cell over the csv module's 128 KB, a stray NUL
        raise SourceError(f'Berkas "{name}" bukan tabel CSV yang dapat dibaca.') from exc


def _docx_table(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    """The paragraphs above the document's largest table, and that table as a grid."""
    import docx
    from docx.table import Table, _Cell

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for a broken file
        raise SourceError(f'Berkas "{name}" bukan dokumen Word (.docx) yang utuh.') from exc
    tables = document.tables
    if not tables:
        raise SourceError(f'Dokumen "{name}" tidak memuat tabel.')
    table: Table = max(tables, key=lambda t: len(t.rows) * len(t.columns))
    above: list[str] = []
    for block in document.element.body.iterchildren():
        if block is table._tbl:
            break
        if block.tag.endswith("}p"):
            above.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
    grid: list[list[str]] = []
    for tr in table._tbl.tr_lst:
        row: list[str] = [""] * tr.grid_before
        for tc in tr.tc_lst:
            col = len(row)
            if tc.vMerge == "continue":
                above_row = grid[-1] if grid else []
                text = above_row[col] if col < len(above_row) else ""
            else:
                text = _Cell(tc, table).text
            row += [text] + [""] * (tc.grid_span - 1)
        grid.append(row)
    return above, grid


def read_source(name: str, data: bytes, *, sheet: str | None = None) -> TableRead:
    """Read the action-plan table of an .xlsx, .csv or .docx file's bytes; SourceError if not."""
    kind = Path(name).suffix.casefold()
    if kind not in KINDS:
        raise SourceError(
            f'Berkas "{name}" tidak dapat dibaca: jenisnya harus .xlsx, .csv atau .docx.'
        )
    if not data:
        raise SourceError(f'Berkas "{name}" kosong.')
    if len(data) > MAX_BYTES:
        raise SourceError(f'Berkas "{name}" lebih besar dari 20 MB.')
    if kind == ".csv":
        return read_table(_csv_grid(name, data))
    if kind == ".docx":
        above, grid = _docx_table(name, data)
        return _with_title(read_table(grid), above)
    grids = _xlsx_grids(name, data)
    if sheet is not None:
        if sheet not in grids:
            raise SourceError(
                f'Lembar "{sheet}" tidak ada di "{name}". Lembar yang ada: {", ".join(grids)}.'
            )
        return read_table(grids[sheet])
    return read_table(_best_sheet(grids))


def _best_sheet(grids: dict[str, list[list[str]]]) -> Grid:
    """The sheet whose header names the most columns (the first sheet's error if none does)."""
    best: tuple[int, Grid] | None = None
    for grid in grids.values():
        try:
            _, _, found = find_header(grid)
        except SourceError:
            continue
        if best is None or len(found) > best[0]:
            best = (len(found), grid)
    return best[1] if best else next(iter(grids.values()))


def _with_title(read: TableRead, above: Sequence[str]) -> TableRead:
    title = " ".join(t for t in (tidy(a) for a in above) if t)
    if not title:
        return read
    return dataclasses.replace(read, title=f"{title} {read.title}".strip())
