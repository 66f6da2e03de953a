"""The structure of tables without a Komponen column: which rows are component titles.

Offices write a component as a row of its own: a numbered title spanning the table ("1 |
Pembentukan Tim Kerja" over actions "a.", "b."), a title over the header repeated per component,
or a bold group row without an output above the actions it groups. Such rows are titles, never
actions; a table with a Komponen column keeps its own reading.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping, Sequence

from zi_dash.base import AREA_CODES, AREA_NAMES, ActionCol, fold, tidy
from zi_dash.lke import bank
from zi_dash.sk.words import NO

Grid = Sequence[Sequence[str]]
_DETAIL = (ActionCol.EVIDENCE, ActionCol.TARGET)
# The LKE numbers sub-components i., ii., iii.: a letter prefix would misread "i." as the 9th.
_ROMAN_PREFIX = re.compile(r"^\s*[ivx]{1,4}\s*[.)]\s+")


def leading_title(grid: Grid, first: int, roles: Mapping[str, int]) -> int:
    """The row a table's rows start at: the header's, or the component title just above it.

    A table without a component column that repeats its header under each component's title
    ("Pembentukan Tim" over "Rencana Kerja | Produk Output") has its first title there too.
    """
    if ActionCol.COMPONENT in roles or first < 1:
        return first
    # Only a header met again below is one per component: else the line above is the title.
    header = [tidy(c) for c in grid[first]]
    if not any([tidy(c) for c in row] == header for row in grid[first + 1 :]):
        return first
    above = [c for c in (tidy(c) for c in grid[first - 1]) if c]
    return first - 1 if len(set(above)) == 1 else first


def group_titles(
    records: Sequence[tuple[int, Mapping[str, str]]],
    roles: Mapping[str, int],
    heads: Collection[int],
) -> set[int]:
    """Rows (by grid index) holding only an action text, where the next row has the details
    or a repeated header (`heads`: the rows just above one) follows.

    Only in tables without a Komponen column, with an evidence or target column to tell by.
    """
    if ActionCol.COMPONENT in roles or not any(role in roles for role in _DETAIL):
        return set()
    found: set[int] = set()
    for (r, cells), (_, after) in itertools.pairwise([*records, (-1, {})]):
        filled = {role for role, text in cells.items() if text}
        if not cells or not filled <= {NO, ActionCol.STEP}:
            continue
        if r in heads or any(after.get(d) for d in _DETAIL):
            found.add(r)
    return found


def retitle(
    records: list[tuple[int, dict[str, str]]],
    titles: list[tuple[int, str]],
    grid: Grid,
    grouped: Collection[int],
) -> None:
    """Turn the records of `grouped` rows into title rows (their texts into `titles`)."""
    for k, (r, _) in enumerate(records):
        if r in grouped:
            titles.append((r, " ".join(dict.fromkeys(c for c in map(tidy, grid[r]) if c))))
            records[k] = (r, {})


def absent_notes(present: Collection[str]) -> list[str]:
    """A note per ZI area not in `present` (the areas of a table's rows)."""
    return [
        f"Area {a} ({AREA_NAMES[a]}) tidak ada di tabel." for a in AREA_CODES if a not in present
    ]


def title_text(raw: Sequence[str], roles: Mapping[str, int]) -> tuple[str, str]:
    """A title row's number cell and its text without it."""
    no_i = roles.get(NO)
    no_cell = tidy(raw[no_i]) if no_i is not None and no_i < len(raw) else ""
    cells = [tidy(c) for i, c in enumerate(raw) if i != no_i and tidy(c)]
    return no_cell, " ".join(dict.fromkeys(cells))


def bank_component(area: str, text: str) -> str | None:
    """ "n. name" when a component "ii. Pola Mutasi Internal" (numbered as the LKE numbers) is the
    area's n-th LKE sub-component (Pemenuhan then Reform, as LKE codes count); else None."""
    if not _ROMAN_PREFIX.match(text):
        return None
    name = _ROMAN_PREFIX.sub("", text, count=1)
    subs = [s for s in bank().subcomponents if s.area == area]
    for n, sub in enumerate(subs, start=1):
        if fold(sub.sub_name) == fold(name):
            return f"{n}. {name}"
    return None
