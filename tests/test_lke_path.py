"""The shortest path to the next predicate: the target, each step up, its points and gain, order."""

from __future__ import annotations

import pytest

from tests.test_lke_scoring import full_answers
from zi_dash.lke import AnswerType, Step, bank, next_steps, score


def _points(answers: dict[int, object], baris: int, to: object) -> float:
    return score({**answers, baris: to}).total - score(answers).total


@pytest.mark.parametrize(
    ("baris", "now", "to"),
    [
        (6, None, "Ya"),  # Ya/Tidak, blank
        (6, "Tidak", "Ya"),
        (7, None, "B"),  # A/B/C blank: the lowest option above 0
        (7, "C", "B"),
        (7, "B", "A"),
        (7, "x", "B"),  # a refused answer is a blank one
        (13, None, "C"),
        (13, "C", "B"),
        (13, "B", "A"),
        (194, "D", "C"),
        (166, "E", "D"),  # A–E
        (166, "B", "A"),
        (166, None, "D"),
    ],
)
def test_one_step_up_of_a_choice(baris: int, now: object, to: str) -> None:
    answers = {} if now is None else {baris: now}
    _, steps = next_steps(answers, limit=200)
    step = next(s for s in steps if s.baris == baris)
    shown = "" if now is None or now == "x" else str(now)
    assert (step.now, step.to) == (shown, to)
    assert step.points == pytest.approx(_points(answers, baris, to))


@pytest.mark.parametrize(("baris", "best"), [(6, "Ya"), (7, "A"), (13, "A"), (166, "A")])
def test_the_best_answer_has_no_step(baris: int, best: str) -> None:
    _, steps = next_steps({baris: best}, limit=200)
    assert baris not in [s.baris for s in steps]


@pytest.mark.parametrize(
    ("answers", "step"),
    [
        ({127: 1, 126: 4}, Step(125, "25 %", "100 %", 0.75, 2.25)),
        ({127: 2, 126: 3}, Step(125, "66,67 %", "100 %", 1 / 3, 1.0)),
        ({152: 2, 153: 3}, Step(151, "0 %", "100 %", 2.0, 6.0)),  # more breaches: from 0
        ({179: 1, 176: 1, 177: 1, 178: 2}, Step(174, "25 %", "100 %", 0.75, 2.25)),
    ],
)
def test_a_percentage_is_raised_to_100(answers: dict[int, object], step: Step) -> None:
    _, steps = next_steps(answers, limit=200)
    got = next(s for s in steps if s.baris == step.baris)
    assert (got.now, got.to) == (step.now, step.to)
    assert (got.points, got.gain) == (pytest.approx(step.points), pytest.approx(step.gain))


@pytest.mark.parametrize(
    "answers",
    [
        {},  # blank
        {127: 3},  # partly filled
        {127: 0, 126: 0},  # undefined
        {127: 4, 126: 4},  # already 1
        {127: 5, 126: 4},  # above 1, clamped to 1
    ],
)
def test_no_step_for_an_undefined_or_full_percentage(answers: dict[int, object]) -> None:
    _, steps = next_steps(answers, limit=200)
    assert 125 not in [s.baris for s in steps]
    assert 151 not in [s.baris for s in next_steps({152: 0, 153: 2}, limit=200)[1]]


def test_hasil_surveys_are_never_steps() -> None:
    _, steps = next_steps({}, limit=200)
    assert {s.baris for s in steps} <= {r.baris for r in bank().questions}
    assert not {199, 200, 202} & {s.baris for s in steps}


def test_target_wbk_then_wbbm_then_none() -> None:
    assert next_steps({})[0] == "WBK"
    assert next_steps(full_answers())[0] == "WBBM"  # WBBM needs WBK held
    assert next_steps(full_answers(), held="WBK") == ("", [])


def test_gain_counts_only_up_to_each_shortfall() -> None:
    # everything full but area I's choices at their worst: only area I is short of WBK
    answers = full_answers()
    area_i = [r for r in bank().questions if r.area == "I" and r.type is not AnswerType.PERSEN]
    for row in area_i:
        answers[row.baris] = row.type.choices[-1] if row.type else None
    s = score(answers)
    assert s.areas["I"].percent < 60 and s.total >= 75 and s.pengungkit >= 40
    target, steps = next_steps(answers, limit=200)
    assert target == "WBK"
    short = 0.6 * s.areas["I"].weight - s.areas["I"].total
    for step in steps:
        in_area_i = bank().row(step.baris).area == "I"
        assert step.gain == pytest.approx(min(step.points, short) if in_area_i else 0.0)


def test_order_gain_points_progress_row() -> None:
    _, steps = next_steps({}, limit=200)
    keys = [(-s.gain, -s.points, s.baris) for s in steps]
    assert keys == sorted(keys)
    # equal gain and points: the one whose actions are further along first, then row order
    same = [s for s in steps if (s.gain, s.points) == (steps[1].gain, steps[1].points)]
    assert len(same) >= 2
    last = same[-1].baris
    _, ordered = next_steps({}, progress={last: 40.0}, limit=200)
    tied = [s.baris for s in ordered if (s.gain, s.points) == (same[0].gain, same[0].points)]
    assert tied[0] == last and tied[1:] == [s.baris for s in same if s.baris != last]


@pytest.mark.parametrize(("limit", "count"), [(5, 5), (1, 1), (0, 0), (-1, 0)])
def test_limit(limit: int, count: int) -> None:
    assert len(next_steps({}, limit=limit)[1]) == count


# choices at their worst that leave pengungkit 42,50 and every area ≥ 60 %, hasil at its minimums
WORST = (6, 7, 9, 10, 11, 13, 14, 15, 17, 23, 24, 25, 27, 28, 29, 32, 36, 37, 38, 40, 41, 42, 44)
WORST += (45, 46, 47, 48, 49, 51, 52, 53, 54, 61, 62, 63, 65, 66, 67, 68, 75, 76, 78, 79, 80, 81)
WORST += (83, 84, 85)


def test_gain_is_capped_by_the_only_shortfall_the_total() -> None:
    answers = {**full_answers(), 199: "3,6", 200: "C", 202: "3,2"}
    for baris in WORST:
        row = bank().row(baris)
        answers[baris] = row.type.choices[-1] if row.type else None
    s = score(answers)
    assert s.wbk.short == ("Total 74,75, minimal 75,00",)
    target, steps = next_steps(answers, limit=200)
    assert target == "WBK" and steps
    assert {s.baris for s in steps} == set(WORST)
    for step in steps:
        assert step.gain == pytest.approx(min(step.points, 0.25))
    assert steps[0].points == max(s.points for s in steps)  # equal gains: the points decide
