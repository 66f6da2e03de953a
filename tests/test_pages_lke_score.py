"""Penilaian Mandiri's comparison block under AppTest: the TPI's total beside the unit's with the
unreviewed count, per-area differences, the disagreements by points at stake, notes as typed;
labelled penilaian mandiri vs penilaian TPI, never the official score."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from tests.lke_tpi import set_tpi
from zi_dash.analysis import tpi
from zi_dash.base.fmt import number
from zi_dash.ui import lke_tpi
from zi_dash.workbook import load_plan

PAGE = "pages/penilaian_mandiri.py"
NOTE = "SK **belum** ada <b>x</b> [tautan](javascript:alert(1))"


def _page(monkeypatch, workbook: Path):
    at = factory.run_page(monkeypatch, workbook, PAGE, None)
    assert not at.exception, at.exception
    return at


def _frame(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    path = add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), {6: "Ya", 24: "A", 199: 4})
    return set_tpi(
        path, {6: "Tidak", 24: "B", 199: 3}, review={6: "Perlu Perbaikan"}, notes={6: NOTE}
    )


def test_the_block_shows_both_totals_areas_and_sorted_disagreements(monkeypatch, reviewed):
    at = _page(monkeypatch, reviewed)
    found = tpi.compare(load_plan(reviewed))
    assert lke_tpi.TITLE in [s.value for s in at.subheader]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Total penilaian mandiri"] == f"{number(found.unit.score.total, 2)} / 100"
    assert metrics["Total penilaian TPI"] == f"{number(found.tpi.score.total, 2)} / 100"
    assert metrics["Belum ditelaah TPI"] == "108 dari 110"
    captions = " ".join(c.value for c in at.caption)
    assert tpi.RULE in captions and "108 dari 110 pertanyaan belum ditelaah TPI" in captions
    assert "nilai resmi" not in metrics and "bukan nilai resmi" in captions
    areas = _frame(at, "Selisih (TPI − mandiri)")
    assert list(areas["Area"])[-3:] == ["Pengungkit", "Hasil", "Total"]
    assert areas["Selisih (TPI − mandiri)"].iloc[-1] == number(
        found.tpi.score.total - found.unit.score.total, 2
    )
    table = _frame(at, "Poin dipertaruhkan")
    assert list(table["Baris"]) == ["199", "6", "24"]
    assert list(table.columns) == [
        "Baris", "Pertanyaan", "Jawaban unit", "Jawaban TPI", "Poin dipertaruhkan",
        "Status Telaah", "Catatan TPI",
    ]  # fmt: skip
    six = table[table["Baris"] == "6"].iloc[0]
    assert (six["Jawaban unit"], six["Jawaban TPI"]) == ("Ya", "Tidak")
    assert six["Status Telaah"] == "Perlu Perbaikan"
    assert six["Catatan TPI"] == NOTE  # a dataframe cell: text as typed, never markup
    assert not any(NOTE in m.value for m in at.markdown)


def test_without_tpi_answers_the_block_says_so(monkeypatch, tmp_path: Path):
    path = add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), {6: "Ya"})
    at = _page(monkeypatch, path)
    assert lke_tpi.TITLE in [s.value for s in at.subheader]
    (info,) = [i.value for i in at.info if "Jawaban TPI" in i.value]
    assert "110 dari 110 pertanyaan belum ditelaah TPI" in info
    assert "Total penilaian TPI" not in {m.label for m in at.metric}


def test_a_bad_tpi_cell_is_listed_located(monkeypatch, tmp_path: Path):
    path = set_tpi(add_bank_lke(factory.mixed(tmp_path / "r.xlsx"), {7: "A"}), {6: "Ya", 7: "D"})
    at = _page(monkeypatch, path)
    assert any("isian Jawaban TPI tidak sesuai" in w.value for w in at.warning)
    assert any('kolom "Jawaban TPI" (O4): [7]' in t.value for t in at.text)
