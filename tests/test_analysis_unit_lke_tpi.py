"""The Rekap's Nilai TPI (analysis.unit_lke): the TPI's Jawaban TPI scored where the TPI has
answered something, blank (the page: "–") otherwise, never 0; as of the tanggal acuan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from tests.lke_tpi import set_tpi
from zi_dash import lke
from zi_dash.analysis import readiness, rollup
from zi_dash.analysis.readiness import ReadyCol
from zi_dash.analysis.rollup import RekapCol
from zi_dash.base import fmt
from zi_dash.ui.units import rekap_table

AS_OF = date(2022, 5, 1)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    rollup.forget()


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        ({}, None),  # nothing reviewed: no figure
        ({6: "Ya"}, lke.score({6: "Ya"}).total),
        ({6: "Tidak"}, 0.0),  # reviewed, and 0: a figure, not a blank
        ({6: "Ya", 199: 3}, lke.score({6: "Ya", 199: 3}).total),
        ({7: "D"}, 0.0),  # a bad cell is filled: reviewed, scored as unanswered
    ],
)
def test_the_tpi_total_where_the_tpi_has_answered(tmp_path: Path, layer, expected) -> None:
    path = add_bank_lke(factory.mixed(tmp_path / "u.xlsx"), {6: "Ya", 7: "A", 199: 4})
    set_tpi(path, layer)
    (s,) = rollup.read_all([path], AS_OF, in_process=True)
    assert s.lke is not None
    assert s.lke.tpi == (None if expected is None else pytest.approx(expected))
    cell = rollup.table([s], AS_OF).iloc[0][RekapCol.TPI]
    if expected is None:
        assert pd.isna(cell)
    else:
        assert cell == round(expected, 2)


def test_the_page_shows_a_dash_or_the_figure_the_indonesian_way(tmp_path: Path) -> None:
    a = add_bank_lke(factory.mixed(tmp_path / "a.xlsx"), {6: "Ya"})
    b = set_tpi(add_bank_lke(factory.mixed(tmp_path / "b.xlsx"), {6: "Ya"}), {6: "Ya", 199: 3})
    frame = rollup.table(rollup.read_all([a, b], AS_OF, in_process=True), AS_OF)
    html = rekap_table(frame).to_html()
    expected = lke.score({6: "Ya", 199: 3}).total
    assert f"{expected:.2f}".replace(".", ",") in html
    assert "–" in html


def test_the_readiness_list_shows_the_tpi_total_beside_never_deciding(tmp_path: Path) -> None:
    a = add_bank_lke(factory.mixed(tmp_path / "a.xlsx"), {6: "Ya"})
    b = set_tpi(add_bank_lke(factory.mixed(tmp_path / "b.xlsx"), {6: "Ya"}), {6: "Tidak"})
    summaries = rollup.read_all([a, b], AS_OF, in_process=True)
    frame = readiness.readiness(summaries).set_index(ReadyCol.FILE)
    assert pd.isna(frame.at["a.xlsx", ReadyCol.TPI]) and frame.at["b.xlsx", ReadyCol.TPI] == 0.0
    assert frame.at["a.xlsx", ReadyCol.STATE] == frame.at["b.xlsx", ReadyCol.STATE]
    said = "\n".join(readiness.lines(readiness.readiness(summaries)))
    total = fmt.number(lke.score({6: "Ya"}).total, 2)
    assert f"(a.xlsx): {total}, Belum WBK" in said and "(b.xlsx): " in said
    assert said.count("; TPI – —") == 1 and "; TPI 0,00 —" in said
