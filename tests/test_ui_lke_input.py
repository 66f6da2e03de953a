"""The Penilaian Mandiri widgets' values as cells and back (pure: no Streamlit run)."""

from __future__ import annotations

import pytest

from zi_dash import lke
from zi_dash.base import LkeCol
from zi_dash.ui import lke_input as inp

COUNT = 126  # Jumlah Agen Perubahan (ANGKA)
SURVEY = 199  # IPAK (NILAI_0_4)
ABC = 7


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (12, "12"), (12.0, "12"), (3.6, "3,6"), (0.125, "0,125"), ("dua", "dua")],
)
def test_a_cell_in_a_text_box(value, text) -> None:
    assert inp.text_of_cell(value) == text


@pytest.mark.parametrize(
    ("baris", "typed", "cell"),
    [
        (COUNT, "", None),
        (COUNT, "  ", None),
        (COUNT, "12", 12),
        (COUNT, " 7 ", 7),
        (COUNT, "dua", "dua"),  # kept as typed: the review names what is allowed
        (COUNT, "-3", "-3"),
        (SURVEY, "3,6", 3.6),
        (SURVEY, "4", 4),
        (SURVEY, "5", "5"),
    ],
)
def test_a_typed_count_or_survey_value(baris, typed, cell) -> None:
    got = inp.cell_of_text(lke.bank().row(baris), typed)
    assert got == cell and type(got) is type(cell)


@pytest.mark.parametrize(
    ("value", "shown"), [(None, ""), ("B", "B"), ("b", "B"), (" C ", "C"), ("D", ""), (1.0, "")]
)
def test_the_radio_shows_a_fitting_answer_only(value, shown) -> None:
    assert inp.chosen(lke.bank().row(ABC), value) == shown


def test_each_option_is_read_with_what_it_means() -> None:
    row = lke.bank().row(ABC)
    labels = [inp.choice_label(row, x) for x in inp.choices(row)]
    assert labels[0] == inp.BLANK_LABEL
    assert [label[:3] for label in labels[1:]] == ["A. ", "B. ", "C. "]
    assert "sebagian" in labels[2]
    assert inp.cell_of_choice(inp.BLANK) is None and inp.cell_of_choice("B") == "B"


def test_the_drafts_answers_by_row_number() -> None:
    typed = {"6": {LkeCol.ANSWER: "Ya", LkeCol.NOTES: "x"}, "7": {LkeCol.NOTES: "y"}, "x": {}}
    assert inp.overlay(typed, LkeCol.ANSWER) == {6: "Ya"}
