"""The unit's LKE self-assessment (penilaian mandiri): the LKE sheet's answers scored by lke.score.

Every problem is located as the user finds it in Excel: the sheet, the Excel row, the Jawaban
cell and what is allowed. A problem never stops the rest: its row scores as unanswered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from zi_dash.base import InfoKey, LkeCol, fold
from zi_dash.base import contract as c
from zi_dash.lke import Problem, Score, bank, score
from zi_dash.workbook import Plan, where

# What Info's "Predikat Saat Ini" may hold: blank (none yet), WBK, or WBBM (held after WBK).
PREDICATES: Final = ("WBK", "WBBM")


def _raw(value: object) -> object:
    """A Jawaban cell as score() takes it: a blank (None, NaN, "") is None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _baris(text: object) -> int | None:
    """The bank row a Baris cell names ("18"), or None when it names none ("018" included)."""
    return bank().baris_of(text) if isinstance(text, str) else None


def _sheet_rows(plan: Plan, column: str = LkeCol.ANSWER) -> list[tuple[str, object]]:
    """(Baris text, raw cell of `column`) of every row of the LKE sheet, in sheet order."""
    if plan.lke is None:
        return []
    frame = plan.lke
    return list(zip(frame[LkeCol.ROW].tolist(), frame[column].tolist(), strict=True))


def answers_of(plan: Plan, column: str = LkeCol.ANSWER) -> dict[int, object]:
    """Raw answers (Jawaban, or Jawaban TPI) by Baris (int) of the sheet's bank rows."""
    out: dict[int, object] = {}
    for text, raw in _sheet_rows(plan, column):
        number = _baris(text)
        if number is not None:
            out[number] = _raw(raw)
    return out


def _cell(plan: Plan, baris: object, column: str = LkeCol.ANSWER) -> str:
    """Where a Baris's cell is: 'Lembar "LKE", baris 12, kolom "Jawaban" (J12)'."""
    row = plan.rows.get(c.Sheet.LKE, {}).get(str(baris))
    index = plan.columns.get(c.Sheet.LKE, {}).get(column, -1)
    return where(c.Sheet.LKE, row, column, index)


def _ranges(numbers: Iterable[int]) -> str:
    """Row numbers as short ranges: 8, 9, 10, 12 -> "8–10, 12"."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def _sheet_problems(plan: Plan) -> list[str]:
    """Rows of the sheet the bank does not know, and bank rows the sheet lacks."""
    if plan.lke is None:
        return []
    problems: list[str] = []
    seen: set[int] = set()
    for text, _ in _sheet_rows(plan):
        number = _baris(text)
        if number is None:
            problems.append(
                f'{_cell(plan, text, LkeCol.ROW)}: "{text}" bukan baris LKE ZI yang dinilai; '
                "jawabannya tidak dihitung. Yang boleh: nomor baris LKE sebagaimana dibuat "
                "dasbor (misalnya 18)."
            )
            continue
        seen.add(number)
    missing = [r.baris for r in bank().rows if r.baris not in seen]
    if missing:
        problems.append(
            f"{where(c.Sheet.LKE)}: baris LKE {_ranges(missing)} tidak ada di lembar ini; "
            "dinilai belum dijawab (0). Tambahkan barisnya kembali seperti dibuat dasbor."
        )
    return problems


def held_predicate(plan: Plan) -> tuple[str, str | None]:
    """The predicate the unit holds per Info ("", "WBK", "WBBM") and a problem if unreadable."""
    wanted = fold(InfoKey.PREDICATE)
    typed = next((v for k, v in plan.info.extra.items() if fold(k) == wanted), "").strip()
    if not typed:
        return "", None
    for predicate in PREDICATES:
        if typed.casefold() == predicate.casefold():
            return predicate, None
    return "", (
        f'Lembar "{c.Sheet.INFO}", butir "{InfoKey.PREDICATE}": "{typed}" tidak dikenali; '
        "yang boleh: kosong (belum punya predikat), WBK atau WBBM. Dinilai belum punya predikat."
    )


def _located(plan: Plan, problem: Problem, column: str = LkeCol.ANSWER) -> str:
    """A scoring problem with its cell and, unless it names it already, its Baris."""
    named = f"[{problem.baris}]" in problem.text
    cell = _cell(plan, problem.baris, column)
    return f"{cell}: {'' if named else f'[{problem.baris}] '}{problem.text}"


@dataclass(frozen=True)
class Assessment:
    """The self-assessment of one plan: never the official LKE score."""

    present: bool  # the workbook has an LKE sheet
    score: Score
    problems: tuple[str, ...]  # located, Indonesian


def assess(plan: Plan, overlay: Mapping[int, object] | None = None) -> Assessment:
    """The LKE sheet's answers (a draft's `overlay` on top) scored, with every problem located."""
    answers = answers_of(plan)
    answers.update({int(k): _raw(v) for k, v in (overlay or {}).items()})
    held, predicate_problem = held_predicate(plan)
    # score() reads every cell itself: a value in a row that takes none is its problem too.
    result = score(answers, held=held)
    problems = _sheet_problems(plan)
    problems += [_located(plan, p) for p in result.problems]
    if predicate_problem:
        problems.append(predicate_problem)
    return Assessment(plan.lke is not None, result, tuple(problems))


def assess_tpi(plan: Plan) -> Assessment:
    """The TPI's layer (Jawaban TPI) scored by the same rules; a blank cell is unanswered.

    Its problems are its own cells' only: the sheet's missing rows are the unit's list already.
    """
    held, _ = held_predicate(plan)
    result = score(answers_of(plan, LkeCol.TPI_ANSWER), held=held)
    problems = tuple(_located(plan, p, LkeCol.TPI_ANSWER) for p in result.problems)
    return Assessment(plan.lke is not None, result, problems)
