"""The shortest path to the next predicate: the questions whose answer raised one step gains most.

The target is WBK until its verdict is met, then WBBM, then nothing. Each question (not the hasil
surveys: answering does not raise them) offers one step up: a choice question its next better
option (a blank or refused answer its lowest option above 0), a percentage question its
numerator raised to make the ratio 1 ("100 %", skipped while the ratio is undefined or already
1). A step's points are what the total gains; its gain is what it brings toward the target's
unmet numeric minimums it touches (total, pengungkit, its area's %), each counted up to that
minimum's shortfall in points. Best first: gain, then points, then the progress of the
question's linked actions (missing = 0), then row order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zi_dash.base import fmt
from zi_dash.lke.answers import parse_answer
from zi_dash.lke.bank import AnswerType, Row, Thresholds, bank
from zi_dash.lke.scoring import QuestionScore, Score, score
from zi_dash.lke.verdict import TOLERANCE

FULL = "100 %"


@dataclass(frozen=True)
class Step:
    """One answer raised one step: the row, its answer now and after, points and gain."""

    baris: int
    now: str
    to: str
    points: float
    gain: float


def percent_text(value: float) -> str:
    """0.6667 -> "66,67 %"; 0.5 -> "50 %"."""
    return f"{fmt.number(value * 100, 2).removesuffix(',00')} %"


def _up(row: Row, scored: QuestionScore, raw: object) -> tuple[str, str, float] | None:
    """(answer now, answer one step up, its value), or None when there is no step up."""
    if row.type is AnswerType.PERSEN:
        if not scored.answered or scored.ratio is None or scored.value >= 1.0:
            return None
        return percent_text(scored.value), FULL, 1.0
    read = parse_answer(row, raw)
    better = [o for o in row.options if o.value > (read.value or 0.0)]
    if not better:
        return None
    nearest = min(better, key=lambda o: o.value)
    return read.shown, nearest.letter, nearest.value


def _shortfalls(now: Score, minimums: Thresholds) -> tuple[float, float, dict[str, float]]:
    areas = {a.area: minimums.area_pct_min / 100 * a.weight - a.total for a in now.areas.values()}
    return (minimums.total_min - now.total, minimums.pengungkit_min - now.pengungkit, areas)


def _toward(delta: float, shortfall: float) -> float:
    return min(delta, shortfall) if shortfall > TOLERANCE else 0.0


def next_steps(
    answers: Mapping[int, object],
    *,
    held: str = "",
    progress: Mapping[int, float] | None = None,
    limit: int = 5,
) -> tuple[str, list[Step]]:
    """The next predicate to reach ("" when WBBM is met) and its best steps, best first."""
    lke = bank()
    now = score(answers, held=held)
    if not now.wbk.met:
        target = "WBK"
    elif not now.wbbm.met:
        target = "WBBM"
    else:
        return "", []
    total_short, pengungkit_short, area_short = _shortfalls(now, lke.thresholds[target])
    steps: list[Step] = []
    for row in lke.questions:
        up = _up(row, now.questions[row.baris], answers.get(row.baris))
        if up is None or row.sub is None:
            continue
        shown, to, value = up
        sub = lke.row(row.sub)
        delta = (sub.weight or 0.0) * (value - now.questions[row.baris].value)
        delta /= len(lke.questions_of(row.sub))
        gain = (
            _toward(delta, total_short)
            + _toward(delta, pengungkit_short)
            + _toward(delta, area_short[row.area])
        )
        steps.append(Step(row.baris, shown, to, delta, gain))
    done = progress or {}
    steps.sort(key=lambda s: (-s.gain, -s.points, -done.get(s.baris, 0.0), s.baris))
    return target, steps[: max(limit, 0)]
