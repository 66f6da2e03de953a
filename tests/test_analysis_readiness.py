"""The roll-up's penilaian mandiri per unit (analysis.unit_lke, the Rekap's LKE columns) and the
readiness list (analysis.readiness), on hand-made units: with and without an LKE sheet, a bad
answer, a broken sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke, best, set_predicate
from zi_dash import lke
from zi_dash.analysis import readiness, rollup
from zi_dash.analysis.readiness import ReadyCol
from zi_dash.analysis.rollup import RekapCol, UnitSummary
from zi_dash.analysis.unit_lke import NO_SHEET, UNREADABLE, LkeSummary
from zi_dash.base import LkeCol
from zi_dash.base import contract as c

AS_OF = date(2022, 5, 1)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    rollup.forget()


def unit(path: Path, answers: dict[int, object] | None, held: str = "") -> Path:
    """The mixed plan, with a full LKE sheet of these answers (None: no LKE sheet)."""
    factory.mixed(path)
    if answers is not None:
        add_bank_lke(path, answers)
    if held:
        set_predicate(path, held)
    return path


def read(*paths: Path) -> list[UnitSummary]:
    return rollup.read_all(list(paths), AS_OF, in_process=True)


def test_a_unit_with_its_lke_sheet_has_its_score_and_counts(tmp_path: Path) -> None:
    answers = {6: "Ya", 7: "A", 13: "B"}
    path = unit(tmp_path / "a.xlsx", answers)
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.LKE]
    heads = [cell.value for cell in ws[1]]
    for row in ws.iter_rows(min_row=2):  # Tautan Bukti on rows 6 and 24 (24 unanswered)
        if row[heads.index(LkeCol.ROW)].value in (6, 24):
            row[heads.index(LkeCol.LINKS)].value = "https://drive.example/bukti"
    book.save(path)
    (s,) = read(path)
    expected = lke.score(answers)
    u = s.lke
    assert u is not None and s.error == s.lke_error == ""
    assert (u.total, u.pengungkit, u.hasil) == pytest.approx(
        (expected.total, expected.pengungkit, expected.hasil)
    )
    assert (u.predicate, u.target, u.answered, u.evidenced, u.questions, u.problems) == (
        "Belum WBK", "WBK", 3, 2, 110, 0
    )  # fmt: skip
    assert u.gap == pytest.approx(lke.bank().thresholds["WBK"].total_min - expected.total)
    assert u.below == tuple(c.AREA_CODES)  # three answers leave every area under 60 %
    assert u.short == expected.wbk.short
    row = rollup.table([s], AS_OF).iloc[0]
    assert row[RekapCol.LKE_TOTAL] == round(expected.total, 2)
    assert row[RekapCol.PREDICATE] == "Belum WBK"
    counts = (row[RekapCol.ANSWERED], row[RekapCol.EVIDENCED], row[RekapCol.LKE_PROBLEMS])
    assert counts == (3, 2, 0)
    assert row[RekapCol.BELOW] == "I, II, III, IV, V, VI"
    assert pd.isna(row[RekapCol.TPI])  # no TPI score is read yet


def test_a_unit_without_an_lke_sheet_is_never_scored_0(tmp_path: Path) -> None:
    (s,) = read(unit(tmp_path / "n.xlsx", None))
    assert s.lke is None and s.error == "" and s.actions == 6
    row = rollup.table([s], AS_OF).iloc[0]
    assert row[RekapCol.PREDICATE] == NO_SHEET
    for col in (RekapCol.LKE_TOTAL, RekapCol.PENGUNGKIT, RekapCol.HASIL, RekapCol.ANSWERED,
                RekapCol.EVIDENCED, RekapCol.TPI):  # fmt: skip
        assert pd.isna(row[col]), col
    (ready,) = readiness.readiness([s]).to_dict("records")
    assert ready[ReadyCol.STATE] == NO_SHEET and pd.isna(ready[ReadyCol.TOTAL])


def test_a_bad_answer_is_counted_and_scores_as_unanswered(tmp_path: Path) -> None:
    (s,) = read(unit(tmp_path / "b.xlsx", {6: "Ya", 7: "Z"}))
    assert s.lke is not None
    assert (s.lke.answered, s.lke.problems) == (1, 1)
    assert s.lke.total == pytest.approx(lke.score({6: "Ya"}).total)
    assert rollup.table([s], AS_OF).iloc[0][RekapCol.LKE_PROBLEMS] == 1


def test_a_broken_lke_sheet_costs_only_the_lke_columns(tmp_path: Path) -> None:
    path = unit(tmp_path / "x.xlsx", {6: "Ya"})
    book = openpyxl.load_workbook(path)
    book[c.Sheet.LKE].delete_cols(1)  # its Baris column gone: no table
    book.save(path)
    (s,) = read(path)
    assert s.error == "" and (s.actions, s.done) == (6, 2) and s.lke is None
    assert 'Lembar "LKE"' in s.lke_error
    row = rollup.table([s], AS_OF).iloc[0]
    assert row[RekapCol.PREDICATE] == UNREADABLE and 'Lembar "LKE"' in row[RekapCol.NOTE]
    (ready,) = readiness.readiness([s]).to_dict("records")
    assert ready[ReadyCol.STATE] == UNREADABLE and 'Lembar "LKE"' in ready[ReadyCol.HOLDS]


def test_the_answers_are_those_of_the_date(tmp_path: Path) -> None:
    path = unit(tmp_path / "d.xlsx", {6: "Ya"})
    factory.save_now(path, {c.Sheet.LKE: {"7": {LkeCol.ANSWER: "A"}}})  # 2 May 2022
    before, after = (rollup.read_all([path], day, in_process=True)[0].lke
                     for day in (AS_OF, date(2022, 5, 2)))  # fmt: skip
    assert before is not None and after is not None
    assert (before.answered, after.answered) == (1, 2)


def _summary(name: str, total: float, target: str, short: tuple[str, ...] = ()) -> UnitSummary:
    wbk = lke.bank().thresholds["WBK" if target != "WBBM" else "WBBM"].total_min
    held = {"": "WBBM", "WBBM": "WBK"}.get(target, "Belum WBK")
    u = LkeSummary(total=total, pengungkit=0.0, hasil=0.0, predicate=held, target=target,
                   gap=wbk - total if target else 0.0, below=(), short=short, answered=0,
                   evidenced=0, questions=110, problems=0)  # fmt: skip
    return UnitSummary(f"/x/{name}.xlsx", unit=name, year=2022, lke=u)


@pytest.mark.parametrize(
    ("total", "target", "group"),
    [
        (95.0, "", readiness.MET_WBBM),
        (80.0, "WBBM", readiness.MET_WBK),
        (76.0, "WBK", readiness.TOTAL_MET),  # the total is met, another minimum is not
        (75.0, "WBK", readiness.TOTAL_MET),
        (74.99, "WBK", readiness.NEAR),
        (70.0, "WBK", readiness.NEAR),  # exactly 5 points short
        (69.99, "WBK", readiness.FAR),
        (0.0, "WBK", readiness.FAR),
    ],
)
def test_each_unit_is_in_one_group(total: float, target: str, group: str) -> None:
    assert readiness.state(_summary("u", total, target)) == group


def test_the_list_is_readiest_first_and_says_what_holds_each_back(tmp_path: Path) -> None:
    summaries = [
        _summary("far", 40.0, "WBK", ("Total 40,00, minimal 75,00",)),
        UnitSummary("/x/none.xlsx", unit="none", year=2022),
        _summary("near", 72.0, "WBK", ("Total 72,00, minimal 75,00", "IPAK 9,00, minimal 15,75")),
        UnitSummary("/x/bad.xlsx", error="rusak"),  # unreadable: not in the list
        _summary("wbbm", 96.0, ""),
        _summary("wbk", 81.0, "WBBM", ("Total 81,00, minimal 85,00",)),
    ]
    frame = readiness.readiness(summaries)
    assert list(frame.columns) == list(readiness.COLUMNS)
    assert frame[ReadyCol.UNIT].tolist() == ["wbbm", "wbk", "near", "far", "none"]
    by = frame.set_index(ReadyCol.UNIT)
    assert by.loc["near", ReadyCol.HOLDS] == "Total 72,00, minimal 75,00; IPAK 9,00, minimal 15,75"
    assert by.loc["near", ReadyCol.GAP] == 3.0 and pd.isna(by.loc["wbbm", ReadyCol.GAP])
    assert by.loc["wbk", ReadyCol.GAP] == 4.0  # toward WBBM's total minimum
    counts = readiness.counts(frame)
    assert counts == {readiness.MET_WBBM: 1, readiness.MET_WBK: 1, readiness.TOTAL_MET: 0,
                      readiness.NEAR: 1, readiness.FAR: 1, UNREADABLE: 0, NO_SHEET: 1}  # fmt: skip
    text = "\n".join(readiness.lines(frame))
    assert text.startswith(readiness.MANDIRI) and "penilaian mandiri" in text
    assert "near 2022 (near.xlsx): 72,00, Belum WBK, kurang 3,00 poin ke WBK; TPI –" in text


def test_a_unit_meeting_every_minimum_holding_wbk_reads_wbbm(tmp_path: Path) -> None:
    (top, fresh) = read(unit(tmp_path / "t.xlsx", best(), held="WBK"),
                        unit(tmp_path / "f.xlsx", best()))  # fmt: skip
    assert top.lke is not None and fresh.lke is not None
    total = lke.score(best()).total
    assert total > lke.bank().thresholds["WBBM"].total_min
    assert (top.lke.predicate, top.lke.target, top.lke.total) == ("WBBM", "", pytest.approx(total))
    assert (fresh.lke.predicate, fresh.lke.target) == ("WBK", "WBBM")  # WBBM needs WBK held
    states = readiness.readiness([top, fresh])[ReadyCol.STATE].tolist()
    assert states == [readiness.MET_WBBM, readiness.MET_WBK]
