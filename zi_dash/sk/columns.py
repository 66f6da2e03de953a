"""Which column of a plan table feeds which role, when the header words alone do not say.

Real plans name two columns as the action ("rencana_kerja" holding the LKE indicator beside
"rencana_aksi"), or none as the indicator or component: the choice is made from the cells and
said in a note, never silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Final

from zi_dash.base import ActionCol, tidy
from zi_dash.lke import bank
from zi_dash.sk.words import BY_WORD, LKE_CODE, area_code, letters

_PREFIX: Final = 30  # letters of an LKE question compared: enough to tell questions apart
_QUESTION_SHARE: Final = 0.5


@cache
def _questions() -> frozenset[str]:
    return frozenset(letters(q.text)[:_PREFIX] for q in bank().questions)


def _question_share(cells: Sequence[str]) -> float:
    # An area's title row is no cell of the column.
    filled = [letters(c)[:_PREFIX] for c in cells if tidy(c) and area_code(c) is None]
    if not filled:
        return 0.0
    return sum(f in _questions() for f in filled) / len(filled)


def _step_columns(row: Sequence[str]) -> list[int]:
    """Every column a header row names as the action ("rencana_kerja" and "rencana_aksi")."""
    return [i for i, cell in enumerate(row) if BY_WORD.get(letters(cell)) == ActionCol.STEP]


def settle_step(
    grid: Sequence[Sequence[str]],
    first: int,
    last: int,
    roles: dict[str, int],
    header: Callable[[int], str],
) -> list[str]:
    """Of a header's action columns, set the action's (and the indicator's) in `roles`; why."""
    steps = _step_columns(grid[last]) or _step_columns(grid[first])
    if len(steps) < 2:
        return []
    texts = [header(i) for i in range(max(steps) + 1)]
    step, indicator, why = _choose_step(steps, grid[last + 1 :], texts)
    roles[ActionCol.STEP] = step
    if indicator is not None and ActionCol.INDICATOR not in roles:
        roles[ActionCol.INDICATOR] = indicator
    return [why]


def _choose_step(
    columns: Sequence[int], body: Sequence[Sequence[str]], headers: Sequence[str]
) -> tuple[int, int | None, str]:
    """Of two or more action columns: the action's, the indicator's (or None) and why."""
    cells = {i: [row[i] if i < len(row) else "" for row in body] for i in columns}
    shares = {i: _question_share(cells[i]) for i in columns}
    indicator = max(columns, key=lambda i: shares[i])
    if shares[indicator] >= _QUESTION_SHARE:
        step = next(i for i in columns if i != indicator)
        why = (
            f"Kolom “{headers[indicator]}” dibaca sebagai {ActionCol.INDICATOR} "
            f"({round(shares[indicator] * 100)}% isinya teks pertanyaan LKE); kolom "
            f"“{headers[step]}” sebagai {ActionCol.STEP}."
        )
        return step, indicator, why
    # No column reads as the LKE's questions: the last one named is the most specific.
    step = columns[-1]
    skipped = ", ".join(f"“{headers[i]}”" for i in columns if i != step)
    return (
        step,
        None,
        f"Kolom “{headers[step]}” dibaca sebagai {ActionCol.STEP}; kolom {skipped} tidak "
        "dipakai (isinya bukan teks pertanyaan LKE, jadi tidak dibaca sebagai Indikator).",
    )


def missing_notes(roles: Sequence[str]) -> list[str]:
    """What a table without some columns gets instead, as notes for the user (not errors)."""
    have = set(roles)
    notes = []
    if ActionCol.COMPONENT not in have and LKE_CODE in have:
        notes.append(
            f"Kolom {ActionCol.COMPONENT} tidak ada: komponen diisi sub-komponen LKE yang "
            f"disebut kolom {LKE_CODE}."
        )
    elif ActionCol.COMPONENT not in have:
        notes.append(
            f"Kolom {ActionCol.COMPONENT} tidak ada: komponen diisi judul komponen di atas "
            "baris aksi bila ada, selain itu nama areanya."
        )
    if ActionCol.INDICATOR not in have:
        notes.append(f"Kolom {ActionCol.INDICATOR} tidak ada: indikator diisi teks komponennya.")
    if ActionCol.EVIDENCE not in have:
        notes.append(
            f"Kolom {ActionCol.EVIDENCE} tidak ada: tidak ada butir bukti dukung yang dibuat."
        )
    if ActionCol.TARGET not in have:
        notes.append(
            f"Kolom {ActionCol.TARGET} tidak ada: semua aksi belum ada target waktu "
            "(diisi Mulai/Selesai nanti)."
        )
    return notes
