"""LKE scoring: every answer type, the percentage edge cases, problems and the totals."""

from __future__ import annotations

import math

import pytest

from zi_dash.lke import AnswerType, Problem, QuestionScore, bank, score

# rows of each type: 6 Ya/Tidak (sub 5, 3 questions), 7 A/B/C, 13 A/B/C/D, 200 A–E (hasil),
# 199/202 Nilai (0-4)


def full_answers() -> dict[int, object]:
    """Every choice at its best, every survey 4, every percentage at 100 %."""
    answers: dict[int, object] = {}
    for row in bank().rows:
        if row.answerable and row.type is not None and row.type.choices:
            answers[row.baris] = row.type.choices[0]
        elif row.type is AnswerType.NILAI_0_4:
            answers[row.baris] = 4
    for row in bank().questions:
        if row.type is AnswerType.PERSEN:
            numerator, *parts = row.inputs
            for n in parts:
                answers[n] = 1
            answers[numerator] = len(parts)
    answers[152], answers[153] = 3, 0  # breaches: 3 last year, none this year
    return answers


@pytest.mark.parametrize(
    ("baris", "raw", "value"),
    [
        (6, "Ya", 1.0),
        (6, "tidak", 0.0),
        (7, "A", 1.0),
        (7, "b", 0.5),
        (7, "C", 0.0),
        (13, "A", 1.0),
        (13, "B", 0.67),
        (13, "C", 0.33),
        (13, "D", 0.0),
    ],
)
def test_choice_values(baris: int, raw: str, value: float) -> None:
    assert score({baris: raw}).questions[baris] == QuestionScore(baris, value, True, None, None)


def test_a_question_scores_into_its_subcomponent_mean() -> None:
    sub = bank().row(6).sub
    assert sub is not None
    n = len(bank().questions_of(sub))
    weight = bank().row(sub).weight or 0.0
    assert score({6: "Ya"}).subcomponents[sub] == pytest.approx(weight / n)


@pytest.mark.parametrize(
    ("answers", "ratio", "value", "answered"),
    [
        ({127: 3, 126: 4}, 0.75, 0.75, True),
        ({127: 5, 126: 4}, 1.25, 1.0, True),  # [125] min(1, …)
        ({127: 0, 126: 0}, None, 0.0, False),  # x/0: undefined
        ({127: 3}, None, 0.0, False),  # partly filled
        ({127: 3, 126: "empat"}, None, 0.0, False),  # an input refused
    ],
)
def test_percent_125(
    answers: dict[int, object], ratio: float | None, value: float, answered: bool
) -> None:
    got = score(answers).questions[125]
    assert (got.ratio, got.value, got.answered, got.problem) == (ratio, value, answered, None)


def test_all_best_is_100_and_wbbm_with_wbk_held() -> None:
    s = score(full_answers(), held="WBK")
    assert s.problems == ()
    assert all(q.answered and q.value == 1.0 for q in s.questions.values())
    assert math.isclose(s.pengungkit, 60.0) and math.isclose(s.hasil, 40.0)
    assert math.isclose(s.total, 100.0)
    assert (s.wbk.met, s.wbbm.met, s.predicate) == (True, True, "WBBM")


def test_all_blank_is_zero_belum_wbk() -> None:
    s = score({})
    assert (s.total, s.pengungkit, s.hasil, s.predicate) == (0.0, 0.0, 0.0, "Belum WBK")
    assert not any(q.answered for q in s.questions.values())
    assert "Total 0,00, minimal 75,00" in s.wbk.short


def test_a_problem_scores_unanswered_and_is_listed() -> None:
    s = score({7: "D"})
    assert s.questions[7] == QuestionScore(7, 0.0, False, None, s.problems[0].text)
    assert s.problems == (Problem(7, 'Jawaban "D" tidak dikenali; yang boleh: A, B atau C.'),)
