"""The self-assessment of a workbook: its LKE sheet's answers scored by lke.score, every problem
located (sheet, Excel row, Jawaban cell, what is allowed), the held predicate read from Info."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke, set_predicate
from zi_dash.analysis import Assessment, answers_of, assess
from zi_dash.base import DuplicateIdError, LkeCol
from zi_dash.base import contract as c
from zi_dash.lke import bank, score
from zi_dash.workbook import load_plan

# The Excel row of a bank row in add_bank_lke's sheet: the header is row 1.
EXCEL_ROW = {row.baris: i for i, row in enumerate(bank().rows, start=2)}
J = "J"  # Jawaban's column in the contract's order


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return factory.mixed(tmp_path / "rencana.xlsx")


def _cell(baris: int, column: str = LkeCol.ANSWER, letter: str = J) -> str:
    row = EXCEL_ROW[baris]
    return f'Lembar "LKE", baris {row}, kolom "{column}" ({letter}{row}): '


def test_the_jawaban_column_is_j() -> None:
    assert c.LKE.headers.index(LkeCol.ANSWER) == ord(J) - ord("A")


def test_a_workbook_without_the_sheet_is_not_present_and_scores_nothing(book: Path) -> None:
    plan = load_plan(book)
    assert answers_of(plan) == {}
    result = assess(plan)
    assert isinstance(result, Assessment)
    assert not result.present and result.problems == ()
    assert result.score == score({})


def test_answers_of_reads_raw_cells_by_row_number(book: Path) -> None:
    plan = load_plan(add_bank_lke(book, {6: "ya", 7: "B", 126: 3, 199: 3.6}))
    answers = answers_of(plan)
    assert set(answers) == {row.baris for row in bank().rows}
    assert (answers[6], answers[7], answers[126], answers[199]) == ("ya", "B", 3, 3.6)
    assert answers[18] is None


def test_the_score_is_lke_score_of_the_sheet(book: Path) -> None:
    answers = {6: "Ya", 7: "B", 13: "C", 24: "A", 126: 3, 127: 4, 199: 3.6, 200: "B"}
    result = assess(load_plan(add_bank_lke(book, answers)))
    assert result.present and result.problems == ()
    assert result.score == score(answers)
    assert result.score.total > 0


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({7: "D"}, [(7, 'Jawaban "D" tidak dikenali; yang boleh: A, B atau C.')]),
        ({6: "ya kak"}, [(6, 'Jawaban "ya kak" tidak dikenali; yang boleh: Ya atau Tidak.')]),
        ({126: -2}, [(126, 'Jawaban "-2" negatif; yang boleh: bilangan bulat 0 atau lebih.')]),
        ({199: 5}, [(199, 'Jawaban "5" di luar rentang; yang boleh: nilai 0 sampai 4.')]),
        # a row the unit does not fill: a sub-component
        ({5: "Ya"}, [(5, 'Jawaban "Ya" tidak dipakai; yang boleh: tidak diisi (baris sub')]),
        # problems come in row order
        ({24: "F", 7: "D"}, [(7, 'Jawaban "D"'), (24, 'Jawaban "F"')]),
    ],
)
def test_answer_problems_are_located(book: Path, answers, expected) -> None:
    result = assess(load_plan(add_bank_lke(book, answers)))
    assert len(result.problems) == len(expected)
    for problem, (baris, text) in zip(result.problems, expected, strict=True):
        assert problem.startswith(f"{_cell(baris)}[{baris}] {text}")


def test_a_problem_scores_as_unanswered(book: Path) -> None:
    result = assess(load_plan(add_bank_lke(book, {6: "Ya", 7: "D"})))
    assert result.score == score({6: "Ya", 7: "D"})
    assert result.score.total == score({6: "Ya"}).total
    assert not result.score.questions[7].answered


def test_more_lhkpn_filed_than_obliged_names_the_filed_count(book: Path) -> None:
    row = bank().row(174)
    filed, *obliged = row.inputs
    answers = {filed: 10, **{n: 1 for n in obliged}}
    (problem,) = assess(load_plan(add_bank_lke(book, answers))).problems
    assert problem.startswith(_cell(filed))


@pytest.mark.parametrize(
    ("without", "extra", "expected"),
    [
        ((10, 11), (), ['Lembar "LKE": baris LKE 10–11 tidak ada di lembar ini']),
        ((8, 10, 11, 18), (), ['Lembar "LKE": baris LKE 8, 10–11, 18 tidak ada di lembar ini']),
        ((), ("999",), ['kolom "Baris" (A183): "999" bukan baris LKE ZI yang dinilai']),
        ((), ("abc", "018"), ['(A183): "abc" bukan baris LKE', '(A184): "018" bukan baris LKE']),
    ],
)
def test_sheet_rows_the_bank_does_not_know_and_bank_rows_missing(
    book: Path, without, extra, expected
) -> None:
    result = assess(load_plan(add_bank_lke(book, without=without, extra=extra)))
    assert len(result.problems) == len(expected)
    for problem, wanted in zip(result.problems, expected, strict=True):
        assert wanted in problem


def test_a_missing_question_scores_as_unanswered(book: Path) -> None:
    result = assess(load_plan(add_bank_lke(book, {6: "Ya", 18: "Ya"}, without=(18,))))
    assert result.score == score({6: "Ya"})


def test_a_baris_typed_twice_is_a_read_error(book: Path) -> None:
    with pytest.raises(DuplicateIdError, match='ID "18" dipakai di baris'):
        load_plan(add_bank_lke(book, extra=("18",)))


@pytest.mark.parametrize(
    ("typed", "held", "problem"),
    [
        (None, "", None),
        ("WBK", "WBK", None),
        ("wbbm", "WBBM", None),
        (" WBK ", "WBK", None),
        ("Menuju WBK", "", '"Menuju WBK" tidak dikenali; yang boleh: kosong'),
        (2022, "", '"2022" tidak dikenali'),
    ],
)
def test_the_held_predicate_comes_from_info(book: Path, typed, held, problem) -> None:
    path = add_bank_lke(book, {6: "Ya"})
    if typed is not None:
        set_predicate(path, typed)
    result = assess(load_plan(path))
    assert result.score == score({6: "Ya"}, held=held)
    if problem is None:
        assert result.problems == ()
    else:
        (said,) = result.problems
        assert said.startswith(f'Lembar "Info", butir "{c.InfoKey.PREDICATE}": ')
        assert problem in said


def test_the_held_predicate_changes_the_verdict(book: Path) -> None:
    # Every question at its top answer: the minimums met, WBBM only after WBK is held.
    top = {
        row.baris: (row.type.choices[0] if row.type and row.type.choices else 1)
        for row in bank().rows
        if row.answerable
    }
    top |= {199: 4, 202: 4}
    plan = load_plan(add_bank_lke(book, top))
    without = assess(plan).score
    held = assess(dataclasses.replace(plan, info=dataclasses.replace(
        plan.info, extra={c.InfoKey.PREDICATE: "WBK"}))).score  # fmt: skip
    assert without.wbbm != held.wbbm and held.predicate == "WBBM"


@pytest.mark.parametrize(
    ("sheet", "overlay", "expected"),
    [
        ({6: "Ya"}, {6: "Tidak"}, {6: "Tidak"}),
        ({6: "Ya"}, {6: None}, {}),
        ({6: "Ya"}, {6: ""}, {}),
        ({6: "Ya"}, {7: "B"}, {6: "Ya", 7: "B"}),
    ],
)
def test_an_overlay_draft_goes_on_top_of_the_sheet(book: Path, sheet, overlay, expected) -> None:
    plan = load_plan(add_bank_lke(book, sheet))
    assert assess(plan, overlay).score == score(expected)
    assert assess(plan).score == score(sheet)  # the plan itself is left as it was


def test_an_overlay_problem_is_located_at_its_cell(book: Path) -> None:
    plan = load_plan(add_bank_lke(book))
    (problem,) = assess(plan, {7: "E"}).problems
    assert problem.startswith(_cell(7) + '[7] Jawaban "E" tidak dikenali')
