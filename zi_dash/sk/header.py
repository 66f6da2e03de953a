"""Finding a plan table's header: the row (or two) whose words name the columns' roles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from zi_dash.base import tidy
from zi_dash.sk.words import BY_WORD, FULL, REQUIRED, letters

Grid = Sequence[Sequence[str]]

_HEADER_SEARCH_ROWS: Final = 40


class SourceError(ValueError):
    """A table (or the SK's text) that cannot be read as an action plan; nothing is written."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems) or [message]


def header_roles(row: Sequence[str]) -> dict[str, int]:
    """Each column role a row's header words name, at its first column."""
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        role = BY_WORD.get(letters(cell))
        if role and role not in found:
            found[role] = i
    return found


def _two_row_roles(upper: Sequence[str], lower: Sequence[str]) -> dict[str, int]:
    # A grouped or wrapped header: per column, "BUKTI" over "FISIK", else the lower word
    # ("KEGIATAN" under a merged "RENCANA AKSI"), else the upper one ("NO" merged down).
    found: dict[str, int] = {}
    for i in range(max(len(upper), len(lower))):
        up = upper[i] if i < len(upper) else ""
        low = lower[i] if i < len(lower) else ""
        for candidate in (f"{up} {low}", low, up):
            role = BY_WORD.get(letters(candidate))
            if role:
                found.setdefault(role, i)
                break
    return found


def header_score(found: dict[str, int]) -> tuple[int, int]:
    """How much of a header some roles make: the required ones, then all of them."""
    return sum(r in found for r in REQUIRED), len(found)


def _widest(grid: Grid) -> list[Sequence[str]]:
    # What a table that names no action column shows as its header: its fullest row near the
    # top, not a title line above it.
    rows = [row for row in grid[:_HEADER_SEARCH_ROWS] if any(tidy(c) for c in row)]
    return [max(rows, key=lambda row: sum(bool(tidy(c)) for c in row))] if rows else []


def find_header(grid: Grid) -> tuple[int, int, dict[str, int]]:
    """First and last row of the header and each role's column; SourceError naming what lacks."""
    best: tuple[int, int, dict[str, int]] = (-1, -1, {})
    for r, row in enumerate(grid[:_HEADER_SEARCH_ROWS]):
        candidates = [(r, r, header_roles(row))]
        if r + 1 < len(grid):
            # Two rows only when together they name more than either alone: a title line
            # above a one-row header stays title.
            two = _two_row_roles(row, grid[r + 1])
            if header_score(two) > max(
                header_score(candidates[0][2]), header_score(header_roles(grid[r + 1]))
            ):
                candidates.append((r, r + 1, two))
        for cand in candidates:
            if header_score(cand[2]) > header_score(best[2]):
                best = cand
        if all(role in best[2] for role in FULL):
            break
    first, last, found = best
    if first == last > 0 and header_score(header_roles(grid[first - 1]))[1] >= 2:
        first -= 1  # a group row above ("RENCANA AKSI" over three columns) is header too
    missing = [role for role in REQUIRED if role not in found]
    if missing:
        rows = grid[first : last + 1] if first >= 0 else _widest(grid)
        read = [tidy(cell) for row in rows for cell in row if tidy(cell)]
        listed = ", ".join(read) if read else "(tidak ada)"
        what = "kolom " + ", ".join(missing)
        raise SourceError(f"{what} tidak ditemukan; judul kolom yang terbaca: {listed}.")
    return first, last, found
