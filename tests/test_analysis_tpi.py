"""The TPI's layer beside the unit's (analysis.tpi): per-question points and their difference,
the unreviewed count (a blank TPI cell scores as unanswered, never listed as a disagreement),
the disagreements by points at stake, bad TPI cells located in Jawaban TPI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from tests.lke_tpi import set_tpi
from zi_dash.analysis import tpi
from zi_dash.lke import bank, score
from zi_dash.workbook import load_plan


def _compare(tmp_path: Path, unit: dict, layer: dict, **kw: dict) -> tpi.Comparison:
    path = add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), unit)
    return tpi.compare(load_plan(set_tpi(path, layer, **kw)))


@pytest.mark.parametrize(
    ("unit", "layer", "disagree", "unreviewed"),
    [
        ({6: "Ya"}, {6: "Tidak"}, [6], 109),  # the TPI cuts [6]
        ({7: "A"}, {7: "A"}, [], 109),  # the same answer: no disagreement
        ({6: "Ya"}, {}, [], 110),  # nothing reviewed: counted, not listed
        ({}, {6: "Ya"}, [], 109),  # the unit has not answered: not a disagreement
        ({7: "B"}, {7: "D"}, [], 110),  # a bad TPI cell: unanswered, a problem
        ({199: 3.6}, {199: 3}, [199], 110),  # a hasil row
        ({126: 4, 127: 4}, {126: 4, 127: 2}, [125], 109),  # a percentage from its counts
        ({126: 3, 127: 4}, {126: 2}, [], 110),  # the TPI filled one count only: unanswered
        ({6: "Ya", 24: "A", 199: 4}, {6: "Tidak", 24: "B", 199: 3}, [199, 6, 24], 108),
    ],
)
def test_disagreements_and_unreviewed(tmp_path, unit, layer, disagree, unreviewed) -> None:
    found = _compare(tmp_path, unit, layer)
    assert [q.baris for q in found.disagreements] == disagree
    assert found.unreviewed == unreviewed
    assert tpi.unreviewed_text(found) == f"{unreviewed} dari 110 pertanyaan belum ditelaah TPI"


@pytest.mark.parametrize(
    ("unit", "layer", "baris"),
    [
        ({6: "Ya"}, {6: "Tidak"}, 6),
        ({7: "A"}, {7: "C"}, 7),
        ({24: "B"}, {24: "E"}, 24),
        ({199: 3.6}, {199: 2.5}, 199),
        ({200: "A"}, {200: "C"}, 200),
        ({126: 4, 127: 4}, {126: 4, 127: 1}, 125),
    ],
)
def test_one_question_difference_is_what_the_total_moves(tmp_path, unit, layer, baris) -> None:
    """Only one answer differs: its points difference is the whole total's, unrounded."""
    found = _compare(tmp_path, unit, layer)
    (pair,) = [q for q in found.questions if q.baris == baris]
    moved = score(layer).total - score(unit).total
    assert pair.difference == pytest.approx(moved, abs=1e-12)
    assert pair.difference < 0
    assert tpi.differences(found)["Total"][2] == pytest.approx(moved, abs=1e-12)
    assert found.tpi.score == score(layer)


def test_differences_per_area_and_part(tmp_path) -> None:
    found = _compare(tmp_path, {6: "Ya", 24: "A", 199: 4}, {6: "Tidak", 24: "A", 199: 4})
    diff = tpi.differences(found)
    assert list(diff) == ["I", "II", "III", "IV", "V", "VI", "Pengungkit", "Hasil", "Total"]
    assert diff["I"][2] < 0 and diff["II"][2] == 0 and diff["Hasil"][2] == 0
    assert diff["Pengungkit"][2] == pytest.approx(diff["I"][2])
    unit, layer, gap = diff["Total"]
    assert (unit, layer) == (found.unit.score.total, found.tpi.score.total)
    assert gap == layer - unit


def test_ties_sort_by_row(tmp_path) -> None:
    # [6] and [7] sit in one sub-component: Ya→Tidak and A→C move the same points
    found = _compare(tmp_path, {7: "A", 6: "Ya"}, {7: "C", 6: "Tidak"})
    assert [q.baris for q in found.disagreements] == [6, 7]


def test_review_and_notes_per_question(tmp_path) -> None:
    found = _compare(
        tmp_path,
        {6: "Ya", 7: "A"},
        {6: "Tidak", 7: "A"},
        review={6: "Perlu Perbaikan", 7: "Sesuai"},
        notes={6: "SK tim *belum* ditandatangani"},
    )
    by = {q.baris: q for q in found.questions}
    assert (by[6].review, by[6].notes) == ("Perlu Perbaikan", "SK tim *belum* ditandatangani")
    assert (by[7].review, by[7].notes) == ("Sesuai", "")
    assert by[13].review == "Belum Ditelaah"
    assert (by[6].unit_answer, by[6].tpi_answer) == ("Ya", "Tidak")


def test_every_question_and_hasil_row_is_paired_in_bank_order(tmp_path) -> None:
    found = _compare(tmp_path, {}, {})
    expected = [r.baris for r in bank().questions] + [199, 200, 202]
    assert [q.baris for q in found.questions] == expected
    assert not tpi.reviewed_any(found)


@pytest.mark.parametrize(
    ("cell", "start"),
    [
        ("D", 'Lembar "LKE", baris 4, kolom "Jawaban TPI" (O4): [7] Jawaban "D"'),
        (5, 'Lembar "LKE", baris 4, kolom "Jawaban TPI" (O4): [7] Jawaban "5"'),
    ],
)
def test_bad_tpi_cells_are_located_in_their_column(tmp_path, cell, start) -> None:
    found = _compare(tmp_path, {7: "A"}, {7: cell})
    (problem,) = found.tpi.problems
    assert problem.startswith(start)
    assert found.unit.problems == ()
    assert not found.disagreements
