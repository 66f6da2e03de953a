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


@pytest.mark.parametrize(
    ("raw", "value"), [("A", 1.0), ("b", 0.75), ("C", 0.5), ("d.", 0.25), ("E", 0.0)]
)
def test_abcde_values(raw: str, value: float) -> None:
    assert score({24: raw}).questions[24] == QuestionScore(24, value, True, None, None)
    # the same letters on the hasil row [200] (capaian kinerja) are worth value × 5 points
    assert score({200: raw}).capaian == pytest.approx(value * 5)


@pytest.mark.parametrize(
    ("answers", "ipak", "ipkp"),
    [
        ({199: 4, 202: 4}, 17.5, 17.5),
        ({199: "3,6", 202: "3,2"}, 15.75, 14.0),
        ({199: 0}, 0.0, 0.0),
        ({199: "5"}, 0.0, 0.0),  # out of range: a problem, scored as blank
        ({}, 0.0, 0.0),
    ],
)
def test_survey_points(answers: dict[int, object], ipak: float, ipkp: float) -> None:
    s = score(answers)
    assert (s.ipak, s.ipkp) == (pytest.approx(ipak), pytest.approx(ipkp))
    assert s.hasil == pytest.approx(ipak + ipkp)


# (answers, question, raw ratio, value, answered, problem row or None)
PERCENT_CASES = [
    # [151] (last year − this year) / last year
    ({152: 4, 153: 1}, 151, 0.75, 0.75, True, None),
    ({152: 4, 153: 0}, 151, 1.0, 1.0, True, None),
    ({152: 0, 153: 0}, 151, 1.0, 1.0, True, None),  # no breaches either year
    ({152: 0, 153: 2}, 151, None, 0.0, True, None),  # from none to some: 0, ratio undefined
    ({152: 2, 153: 3}, 151, -0.5, 0.0, True, None),  # more breaches: the raw ratio kept
    ({152: 2}, 151, None, 0.0, False, None),  # partly filled
    ({152: 2, 153: 3, 154: 1}, 151, -0.5, 0.0, True, None),  # [154] is not in the formula
    # [168] done / to be handled
    ({169: 4, 171: 3}, 168, 0.75, 0.75, True, None),
    ({169: 0, 171: 0}, 168, 1.0, 1.0, True, None),  # no complaints
    ({169: 2, 171: 3}, 168, 1.5, 1.0, True, None),  # more done than to handle: clamped
    ({169: 0, 171: 3}, 168, None, 0.0, False, None),  # x/0
    ({169: 4, 170: 9}, 168, None, 0.0, False, None),  # [170] is not in the formula
    # [174] LHKPN filed / (head + obliged officials + others)
    ({179: 3, 176: 1, 177: 2, 178: 1}, 174, 0.75, 0.75, True, None),
    ({179: 4, 176: 1, 177: 2, 178: 1}, 174, 1.0, 1.0, True, None),
    ({179: 5, 176: 1, 177: 2, 178: 1}, 174, 1.25, 0.0, False, 179),  # more filed than obliged
    ({179: 1, 176: 0, 177: 0, 178: 0}, 174, None, 0.0, False, 179),
    ({179: 0, 176: 0, 177: 0, 178: 0}, 174, None, 0.0, False, None),  # nobody obliged
    ({179: 3, 176: 1, 177: 2}, 174, None, 0.0, False, None),  # partly filled
    ({179: 3, 176: 1, 177: 2, 178: 1, 175: 99}, 174, 0.75, 0.75, True, None),  # [175] not used
    # [181] non-LHKPN filed / (eselon III + eselon IV + fungsional & pelaksana)
    ({186: 2, 183: 1, 184: 1, 185: 2}, 181, 0.5, 0.5, True, None),
    ({186: 7, 183: 1, 184: 1, 185: 2}, 181, 1.75, 0.0, False, 186),
    ({186: 0, 183: 0, 184: 0, 185: 0}, 181, None, 0.0, False, None),
    # the plain ratios: x/0 undefined, above 1 clamped
    ({130: 1, 129: 2}, 128, 0.5, 0.5, True, None),
    ({130: 0, 129: 0}, 128, None, 0.0, False, None),
    ({159: 3, 158: 0}, 157, None, 0.0, False, None),
    ({159: 0, 158: 3}, 157, 0.0, 0.0, True, None),
    ({192: 9, 191: 3}, 190, 3.0, 1.0, True, None),
    ({192: "2", 191: "-3"}, 190, None, 0.0, False, 191),  # a refused input: unanswered
]


@pytest.mark.parametrize(("answers", "baris", "ratio", "value", "answered", "where"), PERCENT_CASES)
def test_percent_edge_cases(
    answers: dict[int, object],
    baris: int,
    ratio: float | None,
    value: float,
    answered: bool,
    where: int | None,
) -> None:
    s = score(answers)
    got = s.questions[baris]
    assert (got.ratio, got.value, got.answered) == (ratio, value, answered)
    assert [p.baris for p in s.problems] == ([] if where is None else [where])
    if where is not None and where != 191:
        assert got.problem == s.problems[0].text
        assert "lebih banyak yang melapor daripada yang wajib" in got.problem
    else:
        assert got.problem is None


def test_lhkpn_problem_names_its_numbers() -> None:
    s = score({179: 5, 176: 1, 177: 2, 178: 1})
    assert s.problems[0].text == (
        "Jumlah yang sudah melaporkan [179] 5 lebih dari jumlah yang wajib [176] + [177] + [178]"
        " = 4: lebih banyak yang melapor daripada yang wajib."
    )


def test_the_formula_inputs_are_numerator_then_denominator() -> None:
    inputs = {r.baris: r.inputs for r in bank().questions if r.type is AnswerType.PERSEN}
    assert inputs == {
        125: (127, 126),
        128: (130, 129),
        151: (152, 153),
        157: (159, 158),
        168: (171, 169),
        174: (179, 176, 177, 178),
        181: (186, 183, 184, 185),
        190: (192, 191),
    }


@pytest.mark.parametrize(
    ("answers", "where", "says"),
    [
        ({7: "D"}, 7, 'Jawaban "D" tidak dikenali'),
        ({6: "ya kak"}, 6, 'Jawaban "ya kak" tidak dikenali'),
        ({126: -1}, 126, "negatif"),
        ({125: "100%"}, 125, "tidak dipakai"),  # a percentage is computed, not typed
        ({5: "A"}, 5, "tidak dipakai"),  # a sub-component row
        ({999: "Ya"}, 999, "Baris [999] tidak ada dalam LKE"),
        ({200: "F"}, 200, 'Jawaban "F" tidak dikenali'),
    ],
)
def test_problems_are_listed_and_score_nothing(
    answers: dict[int, object], where: int, says: str
) -> None:
    s = score(answers)
    assert [p.baris for p in s.problems] == [where]
    assert says in s.problems[0].text
    assert s.total == 0.0
    if where in s.questions:
        assert not s.questions[where].answered and s.questions[where].value == 0.0


def test_problems_in_row_order_and_the_rest_still_scores() -> None:
    s = score({13: "Z", 6: "Ya", 7: "D", 999: 1})
    assert [p.baris for p in s.problems] == [7, 13, 999]
    assert s.questions[6].answered and s.subcomponents[5] == pytest.approx(0.25)


def test_unanswered_stays_in_the_mean() -> None:
    s = score({189: "A"})  # [188] weight 2.5, questions [189] and the blank [190]
    assert s.subcomponents[188] == pytest.approx(1.25)
    assert not s.questions[190].answered


def test_172_is_173_plus_180() -> None:
    s = score({179: 1, 176: 1, 177: 0, 178: 0, 186: 1, 183: 1, 184: 1, 185: 0})
    assert (s.subcomponents[173], s.subcomponents[180]) == (1.0, 0.5)
    assert s.subcomponents[172] == 1.5
    assert s.areas["V"].reform == pytest.approx(1.5)  # counted once, not twice
    assert len(s.subcomponents) == 44 and list(s.subcomponents) == [
        r.baris for r in bank().subcomponents
    ]


def test_a_whole_score_by_hand() -> None:
    # area I Pemenuhan: [5] 0.5 × mean(Ya, B) = 0.375; Reform [124] 2 × mean(0.75, blank) = 0.75
    # hasil: IPAK 3 → 13.125, capaian C → 2.5, IPKP 2 → 8.75
    s = score({6: "Ya", 7: "B", 127: 3, 126: 4, 199: 3, 200: "C", 202: 2})
    area = s.areas["I"]
    assert (area.fulfilment, area.reform, area.weight) == (0.375, 0.75, 8.0)
    assert area.total == 1.125 and area.percent == pytest.approx(1.125 / 8 * 100)
    assert area.name == bank().row(5).area_name
    assert s.pengungkit == 1.125
    assert (s.ipak, s.capaian, s.ipkp) == (13.125, 2.5, 8.75)
    assert s.hasil == 24.375 and s.total == 25.5
    assert list(s.areas) == ["I", "II", "III", "IV", "V", "VI"]
    assert [a.weight for a in s.areas.values()] == [8, 7, 10, 10, 15, 10]


def test_the_full_score_sums_each_area_to_its_weight() -> None:
    s = score(full_answers(), held="WBK")
    for area in s.areas.values():
        assert area.total == pytest.approx(area.weight)
        assert area.fulfilment == pytest.approx(area.weight / 2)
        assert area.percent == pytest.approx(100.0)
    assert (s.ipak, s.capaian, s.ipkp) == (17.5, 5.0, 17.5)


@pytest.mark.parametrize(
    "raw", [True, math.inf, -math.inf, 1e300, -0.0, "1.000", [1], {}, "100%", 4.5, object()]
)
def test_hostile_cells_never_raise_and_stay_in_bounds(raw: object) -> None:
    rows = [r.baris for r in bank().rows]
    s = score(dict.fromkeys(rows, raw), held="?")
    assert 0.0 <= s.total <= 100.0
    assert all(0.0 <= q.value <= 1.0 for q in s.questions.values())
    assert s.problems  # every such cell is somewhere refused, none silently taken
