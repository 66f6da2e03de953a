"""One data sheet of the workbook read as a table: its header found, its cells read by kind."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Final

import pandas as pd
from openpyxl.utils import get_column_letter

from zi_dash.base import DuplicateIdError, MissingColumnError, SheetSpec, fold
from zi_dash.workbook.cells import CellError, CellValue, as_text, is_blank, reader
from zi_dash.workbook.frames import where

_HEADER_SEARCH_ROWS: Final = 10


@dataclass
class Table:
    """One data sheet read: its frame, each ID's Excel row, each header's column, extent."""

    spec: SheetSpec
    frame: pd.DataFrame
    rows: dict[str, int]
    columns: dict[str, int]
    extent: tuple[int, int] = (1, 1)


def find_header(spec: SheetSpec, grid: list[list[CellValue]]) -> tuple[int, dict[str, int]]:
    """Row index of the header and each contract column's index; tolerant of a title above."""
    wanted = {fold(h): h for h in spec.headers}
    required = {col.name for col in spec.columns if not col.optional}
    best: tuple[int, dict[str, int]] = (-1, {})
    for r, row in enumerate(grid[:_HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        twice: tuple[str, int, int] | None = None
        for i, value in enumerate(row):
            header = wanted.get(fold(as_text(value)))
            if header is None:
                continue
            if header in found:
                twice = twice or (header, found[header], i)
                continue
            found[header] = i
        if required <= found.keys():
            # The first row naming every required column is the header: a data row below it
            # may hold header words too (Status "Selesai" and a note "selesai").
            if twice is not None:
                header, first, again = twice
                raise MissingColumnError(
                    f'{where(spec.name, r + 1)}: kolom "{header}" muncul dua kali '
                    f"({get_column_letter(first + 1)} dan {get_column_letter(again + 1)})."
                )
            return r, found
        if len(found) > len(best[1]):
            best = (r, found)
    row_idx, found = best
    missing = [col.name for col in spec.columns if col.name not in found and not col.optional]
    listed = ", ".join(f'"{m}"' for m in missing)
    at = f"baris judul {row_idx + 1}" if row_idx >= 0 else "baris judul"
    raise MissingColumnError(
        f"{where(spec.name)}: kolom {listed} tidak ditemukan di {at}. "
        "Judul kolom harus sama dengan kontrak workbook (lihat lembar Petunjuk)."
    )


def read_table(spec: SheetSpec, grid: list[list[CellValue]], problems: list[str]) -> Table:
    """The sheet's rows under its header, each cell read by its column's kind; cells that
    cannot be read are listed in `problems` (sheet order) and read as blank."""
    header_row, index = find_header(spec, grid)
    # An optional column the sheet lacks reads from past the row's end: blank on every row.
    absent = max((len(row) for row in grid), default=0)
    positions = [index.get(col.name, absent) for col in spec.columns]
    # A row as wide as the sheet (calamine pads every row to it) is picked in C, one call.
    pick, widest = itemgetter(*positions), max(positions, default=-1)
    lines: list[int] = []  # the Excel row of each non-blank row
    body: list[tuple[CellValue, ...]] = []
    for r in range(header_row + 1, len(grid)):
        raw = grid[r]
        width = len(raw)
        if width > widest and len(positions) > 1:
            values = pick(raw)
        else:
            values = tuple(raw[i] if i < width else None for i in positions)
        if not all(is_blank(v) for v in values):
            lines.append(r + 1)
            body.append(values)
    # Column by column (the rows turned into columns in C): name, reader and memo are looked
    # up once per column, and the frame is built from the column lists. This loop is most of
    # a small plan's read, 550 times in the roll-up.
    cells = list(zip(*body)) if body else [() for _ in positions]
    found: list[tuple[int, int, str]] = []  # (Excel row, column order, message): sheet order
    data: dict[str, list[object]] = {}
    for k, (col, i, values) in enumerate(zip(spec.columns, positions, cells)):
        # Plans repeat the same statuses, areas and names thousands of times: each column
        # reads a value once (its memo; the type too: 1 and True are different cells).
        seen: dict[tuple[type, CellValue], object] = {}
        read, required, out = reader(col.kind), col.required, []
        for excel_row, value in zip(lines, values):
            key = (type(value), value)
            if key in seen:
                out.append(seen[key])
                continue
            if required and is_blank(value):
                found.append(
                    (excel_row, k, f"{where(spec.name, excel_row, col.name, i)}: wajib diisi.")
                )
                out.append(None)
                continue
            try:
                out.append(seen.setdefault(key, read(value)))
            except CellError as exc:
                found.append((excel_row, k, f"{where(spec.name, excel_row, col.name, i)}: {exc}."))
                out.append(None)
        data[col.name] = out
    problems += [text for _, _, text in sorted(found, key=lambda f: f[:2])]
    rows: dict[str, int] = {}
    if spec.id_column:
        for excel_row, row_id in zip(lines, data[spec.id_column]):
            if isinstance(row_id, str) and row_id:
                if row_id in rows:
                    raise DuplicateIdError(
                        f'{where(spec.name)}: ID "{row_id}" dipakai di baris {rows[row_id]} '
                        f"dan baris {excel_row}. Setiap ID harus unik."
                    )
                rows[row_id] = excel_row
    # From column lists: the dtypes pandas infers per column are those of the records before.
    frame = (
        pd.DataFrame(data, columns=list(spec.headers))
        if body
        else pd.DataFrame.from_records([], columns=list(spec.headers))
    )
    last_row = lines[-1] if lines else header_row + 1
    return Table(spec, frame, rows, index, (header_row + 1, last_row))
