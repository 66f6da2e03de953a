"""A workbook of several sheets read as one plan: every sheet that is a plan table, in order.

Offices keep a sheet per area ("Manajemen Perubahan", "2. Penataan Tatalaksana") beside sheets
that are not ("Sekretariat", a cover, a recap): a sheet's name gives the area of rows that do not
say theirs, and each sheet left out is named with the reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from zi_dash.base import AREA_CODES, tidy
from zi_dash.sk.header import Grid, SourceError, find_header
from zi_dash.sk.structure import absent_notes
from zi_dash.sk.table import SkRow, TableRead, read_table
from zi_dash.sk.words import area_code


def _renumbered(rows: list[SkRow], taken: Mapping[str, int]) -> list[SkRow]:
    # A second sheet of the same area continues its components' numbers: IDs stay unique.
    out = []
    for row in rows:
        shift = taken.get(row.area, 0)
        if shift:
            no = row.component_no + shift
            row = dataclasses.replace(
                row, component_no=no, id=f"{row.area}.{no}.{row.id.split('.')[-1]}"
            )
        out.append(row)
    return out


def read_sheets(grids: Mapping[str, Grid]) -> TableRead:
    """Every plan table of a workbook's sheets as one table; SourceError naming each sheet's."""
    reads: list[tuple[str, TableRead]] = []
    refused: list[tuple[str, SourceError]] = []
    why: dict[str, str] = {}
    for name, grid in grids.items():
        if not any(tidy(c) for row in grid for c in row):
            continue  # an empty sheet is no table and needs no reason
        try:
            find_header(grid)
        except SourceError as exc:
            refused.append((name, exc))
            why[name] = "bukan tabel rencana aksi"
            continue
        try:
            reads.append((name, read_table(grid, area=area_code(name))))
        except SourceError as exc:
            refused.append((name, exc))
            why[name] = "bukan area ZI" if area_code(name) is None else "tabelnya tidak terbaca"
    if not reads:
        if len(refused) == 1:
            raise refused[0][1]
        lines = [f'lembar "{name}": {exc}' for name, exc in refused]
        raise SourceError(
            "Tidak ada lembar yang dapat dibaca sebagai tabel rencana aksi:\n- "
            + "\n- ".join(lines),
            lines,
        )
    broken = [(name, exc) for name, exc in refused if why[name] == "tabelnya tidak terbaca"]
    if broken:  # a sheet of an area that does not read loses actions: refused, not left out
        lines = [f'lembar "{name}": {p}' for name, exc in broken for p in exc.problems]
        raise SourceError("Tabel tidak dapat dibaca:\n- " + "\n- ".join(lines), lines)
    rows: list[SkRow] = []
    headers: dict[str, str] = {}
    notes: list[str] = []
    for _, read in reads:
        taken: dict[str, int] = {}
        for row in rows:
            taken[row.area] = max(taken.get(row.area, 0), row.component_no)
        rows += _renumbered(read.rows, taken)
        for role, header in read.headers.items():
            headers.setdefault(role, header)
        notes += [n for n in read.notes if n not in notes]
    absent = absent_notes({r.area for r in rows})
    notes = [n for n in notes if not n.startswith("Area ") or n in absent]
    notes += [n for n in absent if n not in notes]
    if len(reads) > 1:
        notes.append("Lembar yang dibaca: " + ", ".join(f'"{n}"' for n, _ in reads) + ".")
    for name, exc in refused:
        notes.append(f'Lembar "{name}" tidak dibaca ({why[name]}): {exc.problems[0]}')
    order = {a: i for i, a in enumerate(AREA_CODES)}
    rows.sort(key=lambda row: order[row.area])
    return TableRead(rows, headers, reads[0][1].title, notes)
