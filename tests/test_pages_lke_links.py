"""Plan ↔ LKE links on the pages (AppTest): Sunting Aksi's suggestions, Bukti per LKE question."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from tests.factory import action, evidence, make_workbook
from tests.lke_book import drop_lke_rows_column
from zi_dash.analysis import lke_links
from zi_dash.base import ActionCol, LkeCol
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore, accounts, editing
from zi_dash.lke import suggest
from zi_dash.ui import action_lke
from zi_dash.workbook import load_plan

A = c.Sheet.ACTIONS
AGENT = {
    ActionCol.INDICATOR: "Telah menetapkan agen perubahan.",
    ActionCol.STEP: "Menetapkan SK Tim Agen Perubahan",
    ActionCol.EVIDENCE: "SK Agen Perubahan",
}
WBS = {
    ActionCol.INDICATOR: "Whistle Blowing System telah diterapkan",
    ActionCol.STEP: "Implementasi Whistle Blowing System",
    ActionCol.EVIDENCE: "Screenshot aplikasi WBS",
}


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    return path


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return make_workbook(tmp_path / "p.xlsx", [
        action("I.4.1", **AGENT),
        action("I.4.2", **AGENT, **{ActionCol.LKE_ROWS: "20"}),
        action("V.4.1", **WBS),
    ], [
        evidence("I.4.1", 1, c.EvidenceStatus.PRESENT),
        evidence("I.4.2", 1, c.EvidenceStatus.MISSING),
        evidence("V.4.1", 1, c.EvidenceStatus.MISSING),
    ])  # fmt: skip


def _lke_table(at: AppTest):
    return next(f.value for f in at.dataframe if lke_links.SOURCE in f.value.columns)


def _review(at: AppTest) -> list[list[object]]:
    frames = [f.value for f in at.dataframe if editing.ReviewHeader.NEW in f.value.columns]
    return frames[0].values.tolist() if frames else []


def _lines(at: AppTest, action_id: str) -> list[tuple[str, str, str]]:
    """The LKE list's lines of one action: (Baris, Pertanyaan LKE, Asal)."""
    frame = _lke_table(at)
    frame = frame[frame[ActionCol.ID] == action_id]
    return list(zip(frame[LkeCol.ROW], frame[lke_links.QUESTIONS], frame[lke_links.SOURCE]))


def test_sunting_aksi_shows_saved_links_and_suggestions(monkeypatch, plan_path, users) -> None:
    at = factory.run_page(monkeypatch, plan_path, "pages/sunting_aksi.py", "budi")
    assert not at.exception
    agent = suggest("I", *AGENT.values())
    assert _lines(at, "I.4.1") == [
        (str(b), lke_links.short_text(b), lke_links.SUGGESTED) for b in agent
    ]
    assert _lines(at, "I.4.1")[0][:2] == ("18", "Sudah ditetapkan agen perubahan")
    assert _lines(at, "I.4.2") == [
        ("20", lke_links.short_text(20), lke_links.SAVED)  # saved: no suggestion beside it
    ]
    assert _lines(at, "V.4.1")[0][0] == "88"
    assert next(b for b in at.button if b.key == "lke_take").label == "Pakai 2 saran"


def test_taking_a_suggestion_puts_it_in_the_draft_then_save(monkeypatch, plan_path, users) -> None:
    at = factory.run_page(monkeypatch, plan_path, "pages/sunting_aksi.py", "budi")
    at.selectbox(key="lke_take_which").select("V.4.1").run()
    at.button(key="lke_take").click().run()
    assert not at.exception
    wbs = ", ".join(map(str, suggest("V", *WBS.values())))
    assert DraftStore(plan_path).load("budi").typed(A) == {"V.4.1": {ActionCol.LKE_ROWS: wbs}}
    assert _review(at) == [["V.4.1", ActionCol.LKE_ROWS, "", wbs, ""]]
    assert load_plan(plan_path).actions[ActionCol.LKE_ROWS].tolist() == ["", "20", ""]  # not yet
    assert {source for _, _, source in _lines(at, "V.4.1")} == {
        f"{lke_links.SUGGESTED}, {action_lke.IN_DRAFT}"
    }
    # Offered no more (it is in the draft); the other one still is.
    assert next(b for b in at.button if b.key == "lke_take").label == "Pakai 1 saran"
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    assert load_plan(plan_path).actions[ActionCol.LKE_ROWS].tolist() == ["", "20", wbs]
    assert {source for _, _, source in _lines(at, "V.4.1")} == {lke_links.SAVED}


def test_suggestions_without_the_baris_lke_column_are_only_shown(
    monkeypatch, plan_path, users
) -> None:
    drop_lke_rows_column(plan_path)
    at = factory.run_page(monkeypatch, plan_path, "pages/sunting_aksi.py", "budi")
    assert not at.exception
    assert set(_lke_table(at)[lke_links.SOURCE]) == {lke_links.SUGGESTED}
    assert not [b for b in at.button if b.key == "lke_take"]
    assert any("belum punya kolom" in i.value for i in at.info)


def test_bukti_lists_evidence_gaps_per_lke_question(monkeypatch, plan_path) -> None:
    at = factory.run_page(monkeypatch, plan_path, "pages/bukti.py")
    assert not at.exception
    assert any(h.value == "Kekurangan bukti per pertanyaan LKE" for h in at.subheader)
    gaps = next(f.value for f in at.dataframe if lke_links.MISSING_ITEMS in f.value.columns)
    # Only I.4.2's saved link counts (I.4.1 and V.4.1 have suggestions, not links).
    assert gaps.values.tolist() == [[
        lke_links.short_question(20), "I.4.2", "0 dari 1", "I.4.2: Dokumen 1 untuk I.4.2", "",
    ]]  # fmt: skip


def test_bukti_without_linked_questions_says_so(monkeypatch, plan_path) -> None:
    drop_lke_rows_column(plan_path)
    at = factory.run_page(monkeypatch, plan_path, "pages/bukti.py")
    assert not at.exception
    assert any("Belum ada aksi yang terhubung ke pertanyaan LKE" in i.value for i in at.info)
