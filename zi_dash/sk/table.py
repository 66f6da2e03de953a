"""Reading an action-plan table (the common SK layout) from a grid of cell texts into rows.

Real tables differ: a title above the header, header words in another case, spelling or order,
a two-row header, a NO column, area and component cells merged down or written only on their
first row, areas as title rows ("I. MANAJEMEN PERUBAHAN") or as a column, components numbered
"1." or "a.", blank spacer rows, the page header repeated. The reader accepts all of these,
keeps every text verbatim (tags dropped, white space tidied) and invents nothing: what it cannot
place is reported, all problems at once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from zi_dash.base import AREA_CODES, AREA_NAMES, ActionCol, fold, tidy, tidy_lines
from zi_dash.lke import format_rows
from zi_dash.sk.areas import is_section, row_place
from zi_dash.sk.columns import missing_notes, settle_step
from zi_dash.sk.header import Grid, SourceError, find_header, header_roles, header_score
from zi_dash.sk.structure import (
    absent_notes,
    bank_component,
    group_titles,
    leading_title,
    retitle,
    title_text,
)
from zi_dash.sk.words import LINKS, NO, YEAR, area_code

_MAX_LISTED_PROBLEMS: Final = 8

_COMPONENT_PREFIX = re.compile(r"^(?:(\d{1,2})[.)]\s*|([a-z])[.)]\s+)(?=\S)", re.IGNORECASE)
_NUMBER_CELL = re.compile(r"^\(?(\d{1,2}|[a-z])[.)]?$", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
# Texts kept with their own line breaks, as the plan wrote them (other cells are one line),
# and the link column as typed: tidy's unescaping would make "&region=" of an address "®ion="
# (zi_dash.sk.evidence_links reads the addresses).
_OWN_FORM: Final = {
    ActionCol.STEP: tidy_lines,
    ActionCol.INDICATOR: tidy_lines,
    ActionCol.NOTES: tidy_lines,
    LINKS: str,
}
# A row is an action when one of these holds text; else it is an area or component title.
_ACTION_CELLS: Final = (
    ActionCol.INDICATOR,
    ActionCol.STEP,
    ActionCol.EVIDENCE,
    ActionCol.TARGET,
)


@dataclass(frozen=True)
class SkRow:
    """One action row of a plan table: an indicator line with its component and area."""

    id: str
    area: str
    component_no: int
    component: str
    indicator: str
    step: str
    evidence: str
    target: str
    pic: str = ""
    outcome: str = ""  # a Target column of outcomes ("Terbentuk Agen Perubahan"), not times
    links: str = ""  # a link column's cell (zi_dash.sk.evidence_links pairs it with evidence)
    lke: str = ""  # the Baris LKE an LKE code or question text names ("6, 7"), else ""
    notes: str = ""  # a Keterangan column: the action's Catatan, its lines kept
    year: str = ""  # a tahun column's cell, as written (the plan's year is checked against it)


@dataclass(frozen=True)
class TableRead:
    """What a table held: its rows (areas in the LKE's order), header, title and remarks."""

    rows: list[SkRow]
    headers: dict[str, str]  # role (a contract header or NO) -> the header text read
    title: str = ""  # the text above the header: satker, SK number, year
    notes: list[str] = field(default_factory=list)

    @property
    def areas(self) -> dict[str, int]:
        """Action rows per area code, in the LKE's order."""
        counts = Counter(r.area for r in self.rows)
        return {a: counts[a] for a in AREA_CODES if counts[a]}


def _number(cell: str) -> int | None:
    """A component number written as "1", "1.", "(1)", "a" or "a."; None otherwise."""
    match = _NUMBER_CELL.match(cell.strip())
    if not match:
        return None
    token = match.group(1)
    return int(token) if token.isdigit() else ord(token.casefold()) - ord("a") + 1


def _split_component(text: str) -> tuple[int | None, str]:
    """ "1. Tim Kerja" or "a. Tim Kerja" -> (1, "Tim Kerja"); no number -> (None, text)."""
    match = _COMPONENT_PREFIX.match(text)
    if not match:
        return None, text
    token = match.group(1) or match.group(2)
    no = int(token) if token.isdigit() else ord(token.casefold()) - ord("a") + 1
    return no, text[match.end() :]


def _cell(row: Sequence[str], i: int) -> str:
    return tidy(row[i]) if i < len(row) else ""


def _is_column_numbering(cells: list[str]) -> bool:
    # The "1 2 3 4 5 6" row under a header, repeated on every page of an SK.
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(c) for c in filled)


@dataclass
class _Cursor:
    """Where the reader stands: the area and component the next rows continue."""

    area: str | None = None
    component_no: int = 0
    component: str = ""
    indicator: str = ""
    used: dict[tuple[str, int], str] = field(default_factory=dict)  # -> component text
    counts: Counter[tuple[str, int]] = field(default_factory=Counter)  # indicators so far


def _counter_column(records: list[tuple[int, dict[str, str]]]) -> bool:
    """True when NO numbers rows (it changes inside one component), not components."""
    previous_component, previous_no = "", ""
    for _, cells in records:
        component, no = cells.get(ActionCol.COMPONENT, ""), cells.get(NO, "")
        continues = not component or component == previous_component
        if continues and no and no != previous_no:
            return True
        previous_component = component or previous_component
        previous_no = no or previous_no
    return False


def read_table(grid: Grid, *, area: str | None = None) -> TableRead:
    """Read an action-plan table from rows of cell texts; raises SourceError with every problem.

    `area` is the ZI area of rows that do not say theirs (a sheet per area names it).
    """
    first, last, roles = find_header(grid)

    def header(i: int) -> str:
        texts = (_cell(grid[first], i), _cell(grid[last], i))
        return " ".join(dict.fromkeys(t for t in texts if t))

    notes = settle_step(grid, first, last, roles, header)
    headers = {role: header(i) for role, i in roles.items()}
    notes.extend(missing_notes(list(roles)))
    start = leading_title(grid, first, roles)
    title = " ".join(tidy(c) for row in grid[:start] for c in row if tidy(c))
    records: list[tuple[int, dict[str, str]]] = []
    titles: list[tuple[int, str]] = []  # rows without an action: area or component titles
    repeated = min(3, max(2, len(roles)))

    def is_header(r: int) -> bool:
        return (
            r < len(grid) and header_score(header_roles([tidy(c) for c in grid[r]]))[1] >= repeated
        )

    for r in [*range(start, first), *range(last + 1, len(grid))]:
        raw = [tidy(c) for c in grid[r]]
        if not any(raw) or _is_column_numbering(raw) or is_header(r):
            continue  # spacer, the column numbers or the header repeated on a new page
        cells = {role: raw[i] if i < len(raw) else "" for role, i in roles.items()}
        for role, own in _OWN_FORM.items():  # a cell's own lines or a link's own characters
            if (i := roles.get(role)) is not None and i < len(grid[r]):
                cells[role] = own(grid[r][i])
        distinct = list(dict.fromkeys(c for c in raw if c))
        # One text alone on its row is a title even in the action's column when it names an
        # area, or stands over the header met again (a header per component): a table of one
        # or two columns has no other place to write it.
        alone = len(distinct) == 1
        area_title = alone and (area_code(distinct[0]) is not None or is_header(r + 1))
        if any(cells.get(role) for role in _ACTION_CELLS) and not area_title:
            records.append((r, cells))
        else:
            titles.append((r, " ".join(distinct)))
            records.append((r, {}))
    heads = {r - 1 for r in range(last + 1, len(grid)) if is_header(r)}
    retitle(records, titles, grid, group_titles(records, roles, heads))
    counter = NO in roles and _counter_column([rc for rc in records if rc[1]])
    problems: list[str] = []
    cursor = _Cursor(area=area)
    rows: list[SkRow] = []
    title_text = dict(titles)
    for r, cells in records:
        if not cells:
            _title_row(r + 1, title_text[r], grid[r], roles, cursor, problems)
            continue
        row = _action_row(r + 1, cells, counter, cursor, problems)
        if row:
            rows.append(row)
    if not rows and not problems:
        problems.append("tabel tidak memuat satu pun baris aksi di bawah judul kolomnya")
    if problems:
        shown = problems[:_MAX_LISTED_PROBLEMS]
        more = len(problems) - len(shown)
        text = "Tabel tidak dapat dibaca:\n- " + "\n- ".join(shown)
        raise SourceError(text + (f"\n- dan {more} masalah lain." if more else ""), problems)
    order = {a: i for i, a in enumerate(AREA_CODES)}
    rows.sort(key=lambda row: order[row.area])  # stable: the table's order within an area
    return TableRead(rows, headers, title, [*notes, *absent_notes({r.area for r in rows})])


def _title_row(
    line: int,
    text: str,
    raw: Sequence[str],
    roles: dict[str, int],
    cursor: _Cursor,
    problems: list[str],
) -> None:
    code = area_code(text)
    if code:
        cursor.area, cursor.component_no, cursor.component, cursor.indicator = code, 0, "", ""
        return
    component_i = roles.get(ActionCol.COMPONENT)
    if component_i is None:
        # No component column: a title row that names no area is the next component's title.
        no_cell, component = title_text(raw, roles)
        if component and cursor.area:
            _start_component(line, no_cell, component, cursor, problems)
            return
    else:
        component = tidy(raw[component_i]) if component_i < len(raw) else ""
    if component and cursor.area:
        # A component written on its own row, its indicators on the rows below.
        no_i = roles.get(NO)
        no_cell = tidy(raw[no_i]) if no_i is not None and no_i < len(raw) else ""
        _start_component(line, no_cell, component, cursor, problems)
        return
    names = ", ".join(AREA_NAMES.values())
    problems.append(
        f"baris {line}: {text!r} tidak dikenali sebagai area ZI (yang dikenal: {names})"
    )


def _start_component(
    line: int, no_cell: str, text: str, cursor: _Cursor, problems: list[str]
) -> None:
    assert cursor.area is not None
    no, name = _split_component(text)
    if no is None and no_cell:
        no = _number(no_cell)
        if no is None:
            problems.append(f"baris {line}: nomor komponen {no_cell!r} bukan angka atau huruf")
            return
    if no is None:
        no = max((n for a, n in cursor.used if a == cursor.area), default=0) + 1
    seen = cursor.used.get((cursor.area, no))
    if seen is not None and fold(seen) != fold(name):
        problems.append(
            f"baris {line}: komponen {cursor.area}.{no} dipakai dua kali ({seen!r} dan {name!r})"
        )
    cursor.used[(cursor.area, no)] = name
    cursor.component_no, cursor.component, cursor.indicator = no, name, ""


def _action_row(
    line: int, cells: dict[str, str], counter: bool, cursor: _Cursor, problems: list[str]
) -> SkRow | None:
    place = row_place(cells, cells.get(ActionCol.INDICATOR) or cursor.indicator)
    area_cell = cells.get(ActionCol.AREA, "")
    if is_section(area_cell):
        area_cell = ""  # "I. Pemenuhan": the LKE's part, beside a `pilar` that names the area
    code = place.area if place else None
    if area_cell:
        code = area_code(area_cell)
        if code is None:
            problems.append(f"baris {line}: area {area_cell!r} tidak dikenali sebagai area ZI")
            return None
    if code and code != cursor.area:
        cursor.area, cursor.component_no, cursor.component, cursor.indicator = code, 0, "", ""
    if cursor.area is None:
        problems.append(f"baris {line}: baris aksi sebelum judul area (kolom Area tidak ada)")
        return None
    component = cells.get(ActionCol.COMPONENT, "")
    if component and NO not in cells:  # numbered as the LKE numbers it ("i.", "ii." are no letters)
        component = bank_component(cursor.area, component) or component
    component = component or (place.component if place else "")
    if not component and ActionCol.COMPONENT not in cells and not cursor.component:
        component = AREA_NAMES[cursor.area]  # no Komponen column, LKE code or title row above
    no_cell = "" if counter else cells.get(NO, "")
    new_number = _number(no_cell) if no_cell else None
    same = _split_component(component)[1] == cursor.component and (
        new_number is None or new_number == cursor.component_no
    )
    if component and not same:
        _start_component(line, no_cell, component, cursor, problems)
    elif not component and not cursor.component:
        problems.append(f"baris {line}: lanjutan tanpa komponen")
        return None
    if not cursor.component_no:
        return None  # the component's number was refused above
    # An indicator merged down or written once covers the rows below it in its component.
    if ActionCol.INDICATOR in cells:
        cursor.indicator = cells[ActionCol.INDICATOR] or cursor.indicator
    else:
        cursor.indicator = cursor.component  # said in the notes: no Indikator column
    if not cursor.indicator:
        problems.append(f"baris {line}: kolom {ActionCol.INDICATOR} kosong")
        return None
    key = (cursor.area, cursor.component_no)
    cursor.counts[key] += 1
    return SkRow(
        id=f"{cursor.area}.{cursor.component_no}.{cursor.counts[key]}",
        area=cursor.area,
        component_no=cursor.component_no,
        component=cursor.component,
        indicator=cursor.indicator,
        step=cells[ActionCol.STEP],
        evidence=cells.get(ActionCol.EVIDENCE, ""),
        target=cells.get(ActionCol.TARGET, ""),
        pic=cells.get(ActionCol.PIC, ""),
        notes=cells.get(ActionCol.NOTES, ""),
        year=cells.get(YEAR, ""),
        links=cells.get(LINKS, ""),
        lke=format_rows(place.rows) if place else "",
    )
