"""The Ringkasan's and Mode Rapat's LKE parts under AppTest: the self-assessment from answers
(labelled penilaian mandiri), the plan's coverage beside it, never a plan-only verdict."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from tests.factory import action, make_workbook
from tests.lke_sheet import add_bank_lke
from tests.markup import shown as rendered
from zi_dash.analysis import meeting
from zi_dash.base import WORKBOOK_ENV, ActionCol, Status, fmt
from zi_dash.ui import Key
from zi_dash.workbook import load_plan

APP = str(Path(__file__).resolve().parent.parent / "app.py")
AS_OF = date(2022, 6, 30)
OLD_RULE = "bobot area × capaian area"
# Pemenuhan of area I answered at the top: Penyusunan Tim Kerja [5] (0,50) and Rencana
# Pembangunan Zona Integritas [8] (1,00) in full.
ANSWERS = {6: "Ya", 7: "A", 9: "Ya", 10: "A", 11: "A"}


def _app(monkeypatch: pytest.MonkeyPatch, workbook: Path, **state: object) -> AppTest:
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook))
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state[Key.AS_OF] = AS_OF
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def _said(at: AppTest) -> str:
    """Every text the page shows, its charts' titles and notes included."""
    charts = [json.loads(el.proto.spec)["layout"] for el in at.get("plotly_chart")]
    texts = [e.value for kind in (at.markdown, at.caption, at.info, at.warning) for e in kind]
    return "\n".join(texts + [str(c.get("title")) + str(c.get("annotations")) for c in charts])


def _titles(at: AppTest) -> list[str]:
    return [json.loads(el.proto.spec)["layout"]["title"]["text"] for el in at.get("plotly_chart")]


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_the_tegal_workbook_shows_its_coverage_and_its_blank_self_assessment(
    monkeypatch, workbook_copy
) -> None:
    # A copy: the worktree's own file may have a dashboard copy of an older build beside it,
    # and the difference would read as outside edits, undone as of 2022.
    at = _app(monkeypatch, workbook_copy)
    assert not at.exception
    shown = _metrics(at)
    assert (shown["Total"], shown["Pengungkit"], shown["Hasil"]) == (
        "0,00 / 100",
        "0,00 / 60",
        "0,00 / 40",
    )
    assert shown["Predikat (penilaian mandiri)"] == "Belum WBK"
    said = _said(at)
    assert "penilaian mandiri unit, bukan nilai resmi" in said
    # The SK's 23 components are 28 of the 60 pengungkit points; the rest has no action.
    assert "Rencana aksi mencakup **28,00 dari 60 poin pengungkit**" in said
    (uncovered,) = [e for e in at.expander if "belum didukung aksi" in e.label]
    assert uncovered.label == "20 sub-komponen belum didukung aksi apa pun"
    rows = uncovered.dataframe[0].value
    assert {"[110]", "[118]"} <= set(rows["Baris"])
    assert set(rows["Bagian"]) == {"Pemenuhan", "Reform"}
    titles = _titles(at)
    assert any(t.startswith("Penilaian Mandiri LKE (bukan nilai resmi)") for t in titles)
    assert any(t.startswith("Cakupan Rencana Aksi atas Pengungkit LKE") for t in titles)
    assert OLD_RULE not in said and "Proyeksi Pengungkit" not in said


def test_answers_are_the_score_and_a_finished_plan_is_not(monkeypatch, tmp_path: Path) -> None:
    done = [action(f"{a}.1.1", Status.DONE, 100) for a in ("I", "II", "III", "IV", "V", "VI")]
    path = add_bank_lke(make_workbook(tmp_path / "p.xlsx", done), ANSWERS)
    at = _app(monkeypatch, path)
    assert not at.exception
    assert _metrics(at)["Total"] == "1,50 / 100" == f"{fmt.number(1.5, 2)} / 100"
    assert _metrics(at)["Predikat (penilaian mandiri)"] == "Belum WBK"
    said = _said(at)
    assert "memenuhi minimal WBBM" not in said and OLD_RULE not in said
    # No action names a question: the plan covers nothing, whatever its progress.
    assert "Rencana aksi mencakup **0,00 dari 60 poin pengungkit**" in said


def test_the_self_assessment_ignores_the_filters_and_says_so(monkeypatch, tmp_path) -> None:
    path = add_bank_lke(factory.mixed(tmp_path / "m.xlsx"), ANSWERS)
    at = _app(monkeypatch, path, **{Key.AREAS: ["II"]})
    assert not at.exception
    assert _metrics(at)["Capaian"] == "15,0%"  # the filter applies to the plan's figures
    assert _metrics(at)["Total"] == "1,50 / 100"  # not to the unit's answers
    assert "saringan tidak berlaku di sini" in _said(at)


def test_answers_that_do_not_fit_are_counted_and_sent_to_the_lke_page(
    monkeypatch, tmp_path: Path
) -> None:
    path = add_bank_lke(factory.mixed(tmp_path / "m.xlsx"), {**ANSWERS, 7: "ya kak"})
    at = _app(monkeypatch, path)
    assert _metrics(at)["Total"] == "1,25 / 100"  # [7] scores as unanswered
    (warning,) = [w.value for w in at.warning if "jawaban di lembar LKE" in w.value]
    assert warning.startswith("1 jawaban di lembar LKE tidak sesuai")
    assert "halaman Penilaian Mandiri" in warning


def test_a_workbook_without_the_lke_sheet_points_to_the_lke_page(monkeypatch, tmp_path) -> None:
    at = _app(monkeypatch, factory.mixed(tmp_path / "m.xlsx"))
    assert not at.exception
    assert "Total" not in _metrics(at)
    (info,) = [i.value for i in at.info if "lembar LKE" in i.value]
    assert "belum punya lembar LKE" in info and "halaman Penilaian Mandiri" in info


def test_an_unreadable_baris_lke_is_named_not_counted(monkeypatch, tmp_path: Path) -> None:
    actions = [
        action("I.1.1", Status.DONE, 100, **{ActionCol.LKE_ROWS: "6, 7"}),
        action("I.2.1", Status.DONE, 100, **{ActionCol.LKE_ROWS: "enam"}),
    ]
    at = _app(monkeypatch, make_workbook(tmp_path / "l.xlsx", actions, lke=True))
    assert not at.exception
    assert "Rencana aksi mencakup **0,50 dari 60 poin pengungkit**" in _said(at)
    assert any(w.value.startswith("1 sel Baris LKE tidak terbaca") for w in at.warning)
    assert '"I.2.1"' in at.text[0].value


def _lke_screen(monkeypatch, workbook: Path) -> AppTest:
    at = _app(monkeypatch, workbook)
    at.switch_page("pages/rapat.py").run()
    next(b for b in at.button if "Berikutnya" in b.label).click().run()
    assert not at.exception, at.exception
    assert any("Layar 2 dari" in m.value for m in at.markdown)
    return at


def test_the_meeting_lke_screen_has_score_areas_and_five_steps(monkeypatch, tmp_path) -> None:
    path = add_bank_lke(factory.mixed(tmp_path / "m.xlsx"), ANSWERS)
    at = _lke_screen(monkeypatch, path)
    assert _metrics(at) == {
        "Total": "1,50 / 100",
        "Pengungkit": "1,50 / 60",
        "Hasil": "0,00 / 40",
        "Predikat": "Belum WBK",
    }
    assert any(m.value.startswith("Penilaian mandiri, bukan nilai resmi") for m in at.markdown)
    # One chart, the areas by their codes: its title and figures are the screen's own.
    (chart,) = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    assert "text" not in chart["layout"].get("title", {})
    assert chart["data"][1]["y"] == ["I", "II", "III", "IV", "V", "VI"]
    assert [m.value for m in at.markdown if m.value.startswith("####")] == [
        "#### 5 langkah terdekat menuju WBK"
    ]
    (steps,) = at.table
    assert list(steps.value.columns) == list(meeting.STEP_COLUMNS[1:])
    assert len(steps.value) == meeting.STEPS
    # The same steps as the LKE's own ranking, one step up each.
    expected = meeting.lke_screen(load_plan(path)).steps
    assert [rendered(i) for i in steps.value.index] == list(expected["Baris"])
    assert all("→" in s for s in steps.value["Jawaban"])


def test_the_meeting_lke_screen_without_the_sheet_says_where_to_start(monkeypatch, tmp_path):
    at = _lke_screen(monkeypatch, factory.mixed(tmp_path / "m.xlsx"))
    assert any("belum punya lembar LKE" in i.value for i in at.info)
    assert not at.table and not _metrics(at)
