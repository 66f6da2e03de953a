"""An LKE percentage question computed from its Jumlah rows, with the edge cases decided once.

The ratio is numerator / denominator over the rows of the formula (`Row.inputs`: the first is
the numerator, the others add up to the denominator), clamped to 0..1 as the LKE clamps it; the
raw ratio is kept beside it. The question counts as answered only when every input of its
formula is filled with a readable count; a partly filled question is simply unanswered.
Special cases:
- [151] discipline breaches: (last year − this year) / last year; both 0 → 1 (nothing to
  lower); last year 0 and this year > 0 → 0 (answered, ratio undefined); more breaches this
  year → a negative ratio, scored 0.
- [168] complaints: done / to be handled; both 0 → 1 (no complaints to handle).
- [174], [181] LHKPN and non-LHKPN reports: filed / obliged (the sum of the parts); more filed
  than obliged is a problem (unanswered); nobody obliged and nobody filed is undefined
  (unanswered).
- Any other x / 0 is undefined: unanswered, ratio None.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zi_dash.base import fmt
from zi_dash.lke.bank import Row

DECREASE = 151  # (last year − this year) / last year
NONE_IS_FULL = 168  # no complaints to handle is a full score
OBLIGED = (174, 181)  # filed / obliged: more filed than obliged is refused


@dataclass(frozen=True)
class Ratio:
    """A percentage question's scored value (0..1), whether answered, its raw ratio, a problem."""

    value: float
    answered: bool
    ratio: float | None
    problem: str | None = None


_UNANSWERED = Ratio(0.0, False, None)


def clamp(ratio: float) -> float:
    """The LKE's clamp of a ratio to 0..1."""
    return min(1.0, max(0.0, ratio))


def _count(value: float) -> str:
    return fmt.number(value, 0)


def _rows(rows: tuple[int, ...]) -> str:
    return " + ".join(f"[{n}]" for n in rows)


def _obliged(row: Row, filed: float, obliged: float) -> Ratio:
    numerator, parts = row.inputs[0], row.inputs[1:]
    ratio = filed / obliged if obliged else None
    if filed > obliged:
        text = (
            f"Jumlah yang sudah melaporkan [{numerator}] {_count(filed)} lebih dari jumlah yang "
            f"wajib {_rows(parts)} = {_count(obliged)}: lebih banyak yang melapor daripada "
            "yang wajib."
        )
        return Ratio(0.0, False, ratio, text)
    if ratio is None:
        return _UNANSWERED
    return Ratio(clamp(ratio), True, ratio)


def percent(row: Row, counts: Mapping[int, float | None]) -> Ratio:
    """Score a percentage question from the read counts of its Jumlah rows (None = blank)."""
    values = [counts.get(n) for n in row.inputs]
    if not values or any(v is None for v in values):
        return _UNANSWERED
    filled = [v for v in values if v is not None]  # all of them; narrowed for the type checker
    if row.baris == DECREASE:
        before, now = filled[0], filled[1]
        if before == 0:
            return Ratio(1.0, True, 1.0) if now == 0 else Ratio(0.0, True, None)
        ratio = (before - now) / before
        return Ratio(clamp(ratio), True, ratio)
    numerator, denominator = filled[0], sum(filled[1:])
    if row.baris in OBLIGED:
        return _obliged(row, numerator, denominator)
    if denominator == 0:
        if row.baris == NONE_IS_FULL and numerator == 0:
            return Ratio(1.0, True, 1.0)
        return _UNANSWERED
    ratio = numerator / denominator
    return Ratio(clamp(ratio), True, ratio)
