"""The report's LKE section: the penilaian mandiri as assess() scores it (the numbers of
`lke-score`), labelled, never the official score; a workbook without an LKE sheet says so; no
plan-only verdict anywhere in the report."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest

from tests import factory
from tests.factory import action, make_workbook
from tests.lke_sheet import add_bank_lke, set_predicate
from zi_dash import analysis
from zi_dash.analysis import Filters, coverage
from zi_dash.base import ActionCol, LkeCol, fmt
from zi_dash.base import contract as c
from zi_dash.cli import main
from zi_dash.export import report, report_lke
from zi_dash.lke import bank
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)
# A few answers of every kind: Ya/Tidak, A/B/C, A–E, a percentage's Jumlah rows, IPAK, capaian,
# IPKP; and one that does not fit its row (D on an A/B/C question).
SOME = {6: "Ya", 7: "B", 24: "A", 126: 4, 127: 3, 199: 3.6, 200: "B", 202: 3.2}
BAD = {**SOME, 10: "D"}


def _top(row) -> object:
    """The highest answer a row takes (None for rows the unit does not fill)."""
    if row.options:
        return row.options[0].letter
    kind = row.type.name if row.type else ""
    return {"NILAI_0_4": 4, "ANGKA": 10}.get(kind)


TOP = {r.baris: _top(r) for r in bank().rows if _top(r) is not None}


def _plan(tmp_path: Path, answers: dict[int, object] | None, held: str = "") -> Plan:
    path = factory.mixed(tmp_path / "m.xlsx")
    if answers is not None:
        add_bank_lke(path, answers)
    if held:
        set_predicate(path, held)
    return load_plan(path)


def _docx_text(plan: Plan, view: Plan | None = None, day: date = AS_OF) -> str:
    data = report.report_docx(plan, view or plan, day, [], "Semua")
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@pytest.mark.parametrize("answers", [{}, SOME, BAD, TOP], ids=["blank", "some", "bad", "top"])
def test_the_figures_are_assess_of_the_same_workbook(tmp_path: Path, answers) -> None:
    plan = _plan(tmp_path, answers)
    s = analysis.assess(plan).score  # what lke-score prints, by the same function
    figures = dict(report.headline(plan, plan, AS_OF))
    assert figures[report_lke.SELF] == f"{fmt.number(s.total, 2)} dari 100: {s.predicate}"
    found = report_lke.assessment(plan, AS_OF)
    table = report_lke.rows(found)
    assert [r[3] for r in table[:6]] == [fmt.number(a.total, 2) for a in s.areas.values()]
    assert [r[1] for r in table[:6]] == [fmt.number(a.fulfilment, 2) for a in s.areas.values()]
    assert [r[2] for r in table[:6]] == [fmt.number(a.reform, 2) for a in s.areas.values()]
    assert [r[3] for r in table[6:]] == [fmt.number(v, 2) for v in (s.pengungkit, s.hasil, s.total)]
    per_area = {r[0].split(" · ")[0]: r[-2] for r in report.area_rows(plan, plan, AS_OF)}
    assert per_area == {
        a: f"{fmt.number(s.areas[a].total, 2)} dari {fmt.number(s.areas[a].weight, 0)}"
        for a in ("I", "II", "III")  # the mixed plan's areas
    }


def test_top_answers_meet_wbk_and_the_report_names_it_penilaian_mandiri(tmp_path: Path) -> None:
    plan = _plan(tmp_path, TOP)
    s = analysis.assess(plan).score
    assert s.predicate == "WBK" and s.wbk.met and not s.wbbm.met  # WBBM needs WBK held
    text = _docx_text(plan)
    assert "Menuju WBK: memenuhi seluruh minimal." in text
    assert "Menuju WBBM: belum memenuhi; " + "; ".join(s.wbbm.short) in text
    assert "penilaian mandiri, bukan nilai resmi TPI atau KemenPANRB" in text
    held = _plan(tmp_path / "held", TOP, held="WBK")
    total = fmt.number(analysis.assess(held).score.total, 2)  # below 100: [151] counts a drop
    assert dict(report.headline(held, held, AS_OF))[report_lke.SELF] == f"{total} dari 100: WBBM"


def test_each_failing_minimum_is_named_with_its_numbers(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SOME)
    s = analysis.assess(plan).score
    assert not s.wbk.met and s.wbk.short
    text = _docx_text(plan)
    assert "Menuju WBK: belum memenuhi; " + "; ".join(s.wbk.short) + "." in text
    assert all(short in text for short in s.wbbm.short)


def test_a_problem_is_listed_with_its_cell(tmp_path: Path) -> None:
    plan = _plan(tmp_path, BAD)
    problems = analysis.assess(plan).problems
    assert any('kolom "Jawaban"' in p and "D" in p for p in problems)
    text = _docx_text(plan)
    assert "masalah pada lembar LKE" in text and all(p in text for p in problems[:10])
    page = report.report_html(plan, plan, AS_OF, [], "Semua")
    assert "<li>" in page and "Lembar &quot;LKE&quot;" in page


def test_without_an_lke_sheet_the_report_says_so_and_scores_nothing(tmp_path: Path) -> None:
    plan = _plan(tmp_path, None)
    figures = dict(report.headline(plan, plan, AS_OF))
    assert figures[report_lke.SELF] == "belum ada lembar LKE"
    assert {r[-2] for r in report.area_rows(plan, plan, AS_OF)} == {"–"}
    text = _docx_text(plan)
    assert "Workbook ini belum ada lembar LKE: penilaian mandiri belum dapat dihitung" in text
    page = report.report_html(plan, plan, AS_OF, [], "Semua")
    assert "belum ada lembar LKE" in page and "Pemenuhan" not in page


def test_a_plan_done_everywhere_claims_no_predicate(tmp_path: Path) -> None:
    """The plan's progress is not the LKE score: 100 % done, no sheet, no WBK anywhere."""
    done = [action(f"{a}.1.1", c.Status.DONE, 100) for a in c.AREA_CODES]
    plan = load_plan(make_workbook(tmp_path / "d.xlsx", done))
    page = report.report_html(plan, plan, AS_OF, [], "Semua")
    for said in (_docx_text(plan), page):
        # (a sub-component's own name says WBK: "[12] Pemantauan dan Evaluasi Pembangunan WBK")
        for word in ("Menuju WBK", "Menuju WBBM", "minimal WBK", ": WBK", ": WBBM", "Belum WBK",
                     "memenuhi", "Proyeksi pengungkit", "bobot area × capaian"):  # fmt: skip
            assert word not in said, word
        assert "belum ada lembar LKE" in said


def test_the_lke_section_is_the_whole_plan_whatever_the_scope(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SOME)
    area_two = analysis.view(plan, AS_OF, Filters(areas=("II",)))
    assert dict(report.headline(plan, area_two, AS_OF))[report_lke.SELF] == dict(
        report.headline(plan, plan, AS_OF)
    )[report_lke.SELF]  # fmt: skip
    assert report_lke.rows(report_lke.assessment(plan, AS_OF))[-1][3] == fmt.number(
        analysis.assess(plan).score.total, 2
    )


def test_answers_are_rewound_to_the_tanggal_acuan(tmp_path: Path) -> None:
    path = add_bank_lke(factory.mixed(tmp_path / "m.xlsx"), {})
    factory.save_now(path, {c.Sheet.LKE: {"6": {LkeCol.ANSWER: "Ya"}}})  # 2 May 2022
    plan = load_plan(path)
    before = report_lke.assessment(plan, AS_OF).score
    after = report_lke.assessment(plan, date(2022, 5, 2)).score
    assert before.total == 0
    assert after.total > before.total
    assert after.total == pytest.approx(analysis.assess(plan).score.total)


def _linked(tmp_path: Path) -> Plan:
    """Actions linked to LKE questions: [6]/[7] (sub-component 5) and [18] (sub-component 16)."""
    actions = [
        action("I.1.1", c.Status.DONE, 100, **{ActionCol.LKE_ROWS: "6, 7"}),
        action("I.1.2", c.Status.IN_PROGRESS, 50, **{ActionCol.LKE_ROWS: "6"}),
        action("I.4.1", c.Status.IN_PROGRESS, 40, **{ActionCol.LKE_ROWS: "18"}),
        action("II.1.1"),
    ]
    return load_plan(make_workbook(tmp_path / "l.xlsx", actions))


def test_the_coverage_is_analysis_coverage_of_the_whole_plan(tmp_path: Path) -> None:
    plan = _linked(tmp_path)
    cov = coverage.coverage(analysis.rewind(plan, AS_OF))
    assert cov.covered_weight > 0 and cov.uncovered
    figures = dict(report.headline(plan, plan, AS_OF))
    covered = fmt.number(cov.covered_weight, 2)
    assert figures[report_lke.COVERED] == f"{covered} dari 60 poin pengungkit"
    assert figures[report_lke.PROJECTED] == f"{fmt.number(cov.projection, 2)} dari {covered}"
    per_area = {r[0].split(" · ")[0]: r[-1] for r in report.area_rows(plan, plan, AS_OF)}
    covered_i, weight_i, _ = cov.areas["I"]
    assert per_area["I"] == f"{fmt.number(covered_i, 2)} dari {fmt.number(weight_i, 0)}"
    assert per_area["II"] == "0,00 dari 7"
    text = _docx_text(plan)
    names = [f"[{b}] {bank().row(b).sub_name}" for b in cov.uncovered]
    assert f"Subkomponen tanpa aksi ({len(names)}): " + "; ".join(names) + "." in text
    assert "[110] Pengelolaan Pengaduan" in text and "[5] " not in text.split("tanpa aksi")[1]
    page = report.report_html(plan, plan, AS_OF, [], "Semua")
    assert f"<td>{report_lke.COVERED}</td><td>{covered} dari 60 poin pengungkit</td>" in page


def test_the_coverage_is_never_a_verdict(tmp_path: Path) -> None:
    """A plan finished to 100 % brings its covered weight only, and names no predikat."""
    done = [action(f"{a}.1.1", c.Status.DONE, 100, **{ActionCol.LKE_ROWS: row})
            for a, row in (("I", "6"), ("II", "23"), ("III", "36"))]  # fmt: skip
    plan = load_plan(make_workbook(tmp_path / "d.xlsx", done))
    cov = coverage.coverage(plan)
    assert cov.projection == pytest.approx(cov.covered_weight) and cov.covered_weight < 60
    said, uncovered = report_lke.coverage_lines(cov)
    assert uncovered.startswith("Subkomponen tanpa aksi")  # names only ("[12] … WBK/WBBM")
    for word in ("WBK", "WBBM", "memenuhi", "lulus"):
        assert word not in said


@pytest.mark.parametrize("day", [AS_OF, date(2022, 5, 2)])
def test_the_report_says_what_lke_score_json_prints(tmp_path: Path, capsys, day: date) -> None:
    """The report's LKE figures are those of `lke-score --json --as-of` for the same workbook."""
    path = add_bank_lke(factory.mixed(tmp_path / "m.xlsx"), SOME)
    factory.save_now(path, {c.Sheet.LKE: {"24": {LkeCol.ANSWER: "C"}}})  # 2 May 2022
    assert main(["lke-score", "--workbook", str(path), "--as-of", str(day), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    plan = load_plan(path)
    report_day = report.headline(plan, plan, day)
    assert dict(report_day)[report_lke.SELF] == (
        f"{fmt.number(printed['total'], 2)} dari 100: {printed['predikat']}"
    )
    table = report_lke.rows(report_lke.assessment(plan, day))
    assert [r[1:4] for r in table[:6]] == [
        [fmt.number(a[k], 2) for k in ("pemenuhan", "reform", "nilai")]
        for a in printed["area"].values()
    ]
    assert [r[3] for r in table[6:]] == [
        fmt.number(printed[k], 2) for k in ("pengungkit", "hasil", "total")
    ]
    text = _docx_text(plan, day=day)
    for verdict in ("wbk", "wbbm"):
        assert all(short in text for short in printed[verdict]["kurang"])
