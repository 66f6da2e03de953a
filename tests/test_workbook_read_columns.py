"""The workbook reader's column-by-column tables equal the row-by-row reader they replaced.

The old reader is kept here verbatim: on the real workbook's sheets and on invented messy
grids (blank and short rows, a missing optional column, bad and blank required cells, values
that compare equal across types) both give the same frame (values and dtypes), rows, columns,
extent and problems in the same order, and the same duplicate-ID refusal.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from zi_dash.base import DuplicateIdError, SheetSpec
from zi_dash.base import contract as c
from zi_dash.workbook import tables as rd
from zi_dash.workbook.cells import CellError, CellValue, is_blank, reader
from zi_dash.workbook.frames import where
from zi_dash.workbook.package import read_grids

SPECS = (c.ACTIONS, c.EVIDENCE, c.AREAS, c.LOG, c.LKE, c.CONTACTS)


def _row_by_row(spec: SheetSpec, grid: list[list[CellValue]], problems: list[str]) -> rd.Table:
    """read_table as it was before it went column by column (e46cbba), verbatim."""
    header_row, index = rd.find_header(spec, grid)
    records: list[dict[str, object]] = []
    rows: dict[str, int] = {}
    # Plans repeat the same statuses, areas and names thousands of times: each column reads a
    # value once (its memo). Name, position, reader and memo are looked up once per column, not
    # per cell: this loop is most of a small plan's read, 550 times in the roll-up.
    memos: list[dict[tuple[type, CellValue], object]] = [{} for _ in spec.columns]
    # An optional column the sheet lacks reads from past the row's end: blank on every row.
    absent = max((len(row) for row in grid), default=0)
    columns = [
        (col.name, index.get(col.name, absent), reader(col.kind), col.required, memo)
        for col, memo in zip(spec.columns, memos)
    ]
    positions = [i for _, i, _, _, _ in columns]
    last_row = header_row + 1
    for r in range(header_row + 1, len(grid)):
        raw = grid[r]
        width = len(raw)
        values = [raw[i] if i < width else None for i in positions]
        if all(is_blank(v) for v in values):
            continue
        excel_row = last_row = r + 1
        record: dict[str, object] = {}
        for (name, i, read, required, seen), value in zip(columns, values):
            key = (type(value), value)
            if key in seen:
                record[name] = seen[key]
                continue
            if required and is_blank(value):
                problems.append(f"{where(spec.name, excel_row, name, i)}: wajib diisi.")
                record[name] = None
                continue
            try:
                record[name] = seen[key] = read(value)
            except CellError as exc:
                problems.append(f"{where(spec.name, excel_row, name, i)}: {exc}.")
                record[name] = None
        if spec.id_column:
            row_id = record[spec.id_column]
            if isinstance(row_id, str) and row_id:
                if row_id in rows:
                    raise DuplicateIdError(
                        f'{where(spec.name)}: ID "{row_id}" dipakai di baris {rows[row_id]} '
                        f"dan baris {excel_row}. Setiap ID harus unik."
                    )
                rows[row_id] = excel_row
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(spec.headers))
    return rd.Table(spec, frame, rows, index, (header_row + 1, last_row))


def _same(spec: SheetSpec, grid: list[list[CellValue]]) -> None:
    old_problems: list[str] = []
    new_problems: list[str] = []
    old = _row_by_row(spec, [list(r) for r in grid], old_problems)
    new = rd.read_table(spec, [list(r) for r in grid], new_problems)
    pd.testing.assert_frame_equal(new.frame, old.frame, check_exact=True)
    assert new.frame.dtypes.to_dict() == old.frame.dtypes.to_dict()
    assert (new.rows, new.columns, new.extent) == (old.rows, old.columns, old.extent)
    assert new_problems == old_problems


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_real_workbook_sheets_read_alike(real_workbook: Path, spec: SheetSpec) -> None:
    _, grids = read_grids(real_workbook)
    _same(spec, grids[spec.name])


def _messy(spec: SheetSpec, drop: str | None) -> list[list[CellValue]]:
    """A title row, the header (maybe without one optional column), then varied rows."""
    heads = [h for h in spec.headers if h != drop]
    cells: list[CellValue] = [
        "x", " ", "", None, 1, 1.0, True, 0, 2.5, "50%", "abc", date(2022, 4, 15),
        datetime(2022, 4, 15, 9, 30), "15/04/2022", "Selesai", "Dalam Proses", "I", "II.1",
        float("nan"), "Ya", -3, "  padded  ", "100", 1e20,
    ]  # fmt: skip
    grid: list[list[CellValue]] = [["Judul rencana aksi"], list(heads)]
    for r in range(40):
        if r % 9 == 4:
            grid.append(["", None, "  "])  # a blank row, shorter than the header
            continue
        row: list[CellValue] = [cells[(r * 7 + k * 3) % len(cells)] for k in range(len(heads))]
        if r % 5 == 0:
            row = row[: len(heads) // 2]  # a short row: the rest reads blank
        row[0] = f"ID-{r % 17}" if r % 6 else row[0]  # IDs repeat only where no table has one
        grid.append(row)
    return grid


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
@pytest.mark.parametrize("drop", ["none", "optional"])
def test_messy_grids_read_alike(spec: SheetSpec, drop: str) -> None:
    optional = next((col.name for col in spec.columns if col.optional), None)
    grid = _messy(spec, optional if drop == "optional" else None)
    try:
        _same(spec, grid)
    except DuplicateIdError as exc:  # then the old reader refuses the same ID, in the same words
        with pytest.raises(DuplicateIdError) as old:
            _row_by_row(spec, grid, [])
        assert str(old.value) == str(exc)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_header_only_and_unique_ids_read_alike(spec: SheetSpec) -> None:
    _same(spec, [list(spec.headers)])
    grid = _messy(spec, None)
    for r, row in enumerate(grid[2:]):
        if row and spec.id_column:
            row[0] = f"U-{r}"
    _same(spec, grid)
