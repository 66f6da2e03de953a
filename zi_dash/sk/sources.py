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
from typing import TYPE_CHECKING, Final

import python_calamine

if TYPE_CHECKING:
    from docx.table import Table

from zi_dash.base import format_date, limits, tidy
from zi_dash.sk.multi import read_sheets
from zi_dash.sk.table import SourceError, TableRead, read_table
from zi_dash.sk.words import area_code

KINDS: Final = (".xlsx", ".csv", ".docx")
MAX_BYTES: Final = 20 * 1024 * 1024
_DELIMITERS: Final = (",", ";", "\t")
_CALAMINE_ERRORS: Final = (python_calamine.CalamineError, ValueError, TypeError, OverflowError)


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


def _not_whole(name: str, data: bytes, kind: str) -> SourceError:
    # A zip's signature makes it one of these files, damaged (cut off in a download, say);
    # anything else is another kind of file under this name.
    if data[:4] == b"PK\x03\x04":
        return SourceError(
            f'Berkas "{name}" adalah {kind} yang rusak: terpotong (terunduh atau tersalin '
            "setengah) atau isinya tidak utuh. Buka berkas aslinya lalu simpan lagi, atau "
            "unggah salinan yang utuh."
        )
    return SourceError(f'Berkas "{name}" bukan {kind}.')


def _xlsx_grids(name: str, data: bytes) -> dict[str, list[list[str]]]:
    # Bounded before calamine builds its dense grids (openpyxl's full load of a sparse 5 KB
    # file took 37 s and 1 GB); calamine gives cached values, as openpyxl's data_only did.
    try:
        sizes = limits.check_xlsx(name, data)
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except limits.LimitError as exc:  # a ValueError: before calamine's errors
        if not isinstance(exc, limits.DamagedError):
            raise SourceError(str(exc)) from exc
        raise _not_whole(name, data, "workbook Excel (.xlsx)") from exc
    except _CALAMINE_ERRORS as exc:
        raise _not_whole(name, data, "workbook Excel (.xlsx)") from exc
    grids: dict[str, list[list[str]]] = {}
    for sheet in book.sheets_metadata:
        if sheet.typ != python_calamine.SheetTypeEnum.WorkSheet or sheet.name not in sizes.sheets:
            continue
        try:
            ws = book.get_sheet_by_name(sheet.name)
            grid = [[_text(v) for v in row] for row in ws.to_python(skip_empty_area=False)]
            merged = ws.merged_cell_ranges or []
        except _CALAMINE_ERRORS as exc:
            raise SourceError(
                f'Berkas "{name}": lembar "{sheet.name}" rusak dan tidak dapat dibaca.'
            ) from exc
        for (top, col), (bottom, _) in merged:
            if top < len(grid) and col < len(grid[top]):
                value = grid[top][col]
                for r in range(top + 1, min(bottom + 1, len(grid))):
                    if col < len(grid[r]):
                        grid[r][col] = value
        grids[sheet.name] = grid
    if not grids:
        raise SourceError(f'Berkas "{name}" tidak memuat lembar kerja.')
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
        limits.check_csv(name, text, delimiter)
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:  # a cell over the csv module's 128 KB, a stray NUL
        raise SourceError(f'Berkas "{name}" bukan tabel CSV yang dapat dibaca.') from exc
    except limits.LimitError as exc:
        raise SourceError(str(exc)) from exc


def _docx_table(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    """The paragraphs above the document's largest table (its pages joined), and its grid."""
    import docx

    try:
        limits.check_zip_parts(name, data)  # a .docx is a zip: bounded before it is parsed
        document = docx.Document(io.BytesIO(data))
    except limits.LimitError as exc:
        if not isinstance(exc, limits.DamagedError):
            raise SourceError(str(exc)) from exc
        raise _not_whole(name, data, "dokumen Word (.docx)") from exc
    except Exception as exc:  # python-docx raises several unrelated types for a broken file
        raise _not_whole(name, data, "dokumen Word (.docx)") from exc
    tables = document.tables
    if not tables:
        raise SourceError(f'Dokumen "{name}" tidak memuat tabel.')
    # A table per page with its header repeated is one table: consecutive tables whose first
    # row reads the same are joined (read_table skips the repeated header rows).
    groups: list[tuple[Table, list[list[str]]]] = []
    for table in tables:
        grid = _word_grid(table)
        if groups and grid and groups[-1][1] and _same_row(grid[0], groups[-1][1][0]):
            groups[-1][1].extend(grid)
        else:
            groups.append((table, grid))
    first, grid = max(groups, key=lambda g: len(g[1]) * max((len(r) for r in g[1]), default=0))
    above: list[str] = []
    for block in document.element.body.iterchildren():
        if block is first._tbl:
            break
        if block.tag.endswith("}p"):
            above.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
    return above, grid


def _same_row(a: Sequence[str], b: Sequence[str]) -> bool:
    return [tidy(c) for c in a] == [tidy(c) for c in b] and any(tidy(c) for c in a)


def _word_grid(table: Table) -> list[list[str]]:
    """A Word table's cells as a grid: a cell merged down repeats, one merged across does not."""
    from docx.table import _Cell

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
    return grid


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
        # A heading above the table naming one area ("Manajemen Perubahan") is its area title.
        named = {code for code in map(area_code, above) if code}
        area = named.pop() if len(named) == 1 else None
        return _with_title(read_table(grid, area=area), above)
    grids = _xlsx_grids(name, data)
    if sheet is not None:
        if sheet not in grids:
            raise SourceError(
                f'Lembar "{sheet}" tidak ada di "{name}". Lembar yang ada: {", ".join(grids)}.'
            )
        return read_table(grids[sheet], area=area_code(sheet))
    return read_sheets(grids)


def _with_title(read: TableRead, above: Sequence[str]) -> TableRead:
    title = " ".join(t for t in (tidy(a) for a in above) if t)
    if not title:
        return read
    return dataclasses.replace(read, title=f"{title} {read.title}".strip())
