"""The plan beside the LKE on hand-made plans: suggestions, linked actions, evidence, attention."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest

from tests.factory import action, evidence, make_workbook
from tests.lke_book import add_lke
from zi_dash.analysis.lke_links import (
    HAVE,
    LINKED,
    MISSING_ITEMS,
    QUESTIONS,
    SAVED,
    SOURCE,
    SUGGESTED,
    UNREADABLE,
    QuestionEvidence,
    attention,
    question_actions,
    question_evidence,
    question_gaps,
    questions_by_action,
    short_question,
    short_text,
    suggested_links,
)
from zi_dash.base import ActionCol, LkeCol
from zi_dash.base import contract as c
from zi_dash.lke import bank, score, suggest
from zi_dash.workbook import Plan, load_plan

DONE, DOING = c.Status.DONE, c.Status.IN_PROGRESS
PRESENT, MISSING = c.EvidenceStatus.PRESENT, c.EvidenceStatus.MISSING
AGENT = {
    ActionCol.INDICATOR: "Telah menetapkan agen perubahan.",
    ActionCol.STEP: "Menetapkan SK Tim Agen Perubahan",
    ActionCol.EVIDENCE: "SK Agen Perubahan",
}


def linked(id_: str, rows: str, status: str = c.Status.NOT_STARTED) -> dict[str, object]:
    """An action with this Baris LKE text (Selesai at 100 %, Sedang Berjalan at 50 %)."""
    progress = {DONE: 100, DOING: 50}.get(status, 0)
    return action(id_, status, progress, **{ActionCol.LKE_ROWS: rows})


def _plan(tmp_path: Path, actions, items=None, links: dict[int, str] | None = None) -> Plan:
    """A workbook of these actions and items; with `links`, an LKE sheet with these Tautan."""
    path = make_workbook(tmp_path / "p.xlsx", actions, items)
    if links is not None:
        add_lke(path)
        book = openpyxl.load_workbook(path)
        ws = book[c.Sheet.LKE]
        col = list(c.LKE.headers).index(LkeCol.LINKS) + 1
        for row in ws.iter_rows(min_row=2):
            row[col - 1].value = links.get(int(row[0].value))
        book.save(path)
    return load_plan(path)


def test_suggested_links_only_where_baris_lke_is_blank(tmp_path: Path) -> None:
    plan = _plan(tmp_path, [
        action("I.4.1", **AGENT),                                   # blank: suggested
        action("I.4.2", **AGENT, **{ActionCol.LKE_ROWS: "20"}),     # saved: a person's link
        action("I.4.3", **AGENT, **{ActionCol.LKE_ROWS: "  "}),     # spaces are blank
        action("I.4.4", **AGENT, **{ActionCol.LKE_ROWS: "abc"}),    # unreadable: not blank
        action("II.1.1", **{ActionCol.INDICATOR: "Dilaksanakan", ActionCol.STEP: "di KPU",
                            ActionCol.EVIDENCE: "tahun 2022"}),            # nothing to go on
    ])  # fmt: skip
    expected = suggest("I", *AGENT.values())
    assert expected[0] == 18
    assert suggested_links(plan) == {"I.4.1": expected, "I.4.3": expected}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({}, {}),
        ({"I.1.1": "18"}, {18: ("I.1.1",)}),
        ({"I.1.1": "18, 6", "I.1.2": "[6]"}, {6: ("I.1.1", "I.1.2"), 18: ("I.1.1",)}),
        ({"I.1.2": "6", "I.1.1": "6"}, {6: ("I.1.1", "I.1.2")}),  # plan order
        ({"I.1.1": "18", "I.1.2": "5"}, {18: ("I.1.1",)}),  # a sub-component row: unreadable
        ({"I.1.1": "18; x"}, {}),  # one wrong part: the cell is unreadable, none taken
    ],
)
def test_question_actions(tmp_path: Path, cells: dict[str, str], expected) -> None:
    ids = ("I.1.1", "I.1.2", "I.2.1")
    plan = _plan(tmp_path, [action(i, **{ActionCol.LKE_ROWS: cells.get(i, "")}) for i in ids])
    assert question_actions(plan) == expected


def test_question_evidence(tmp_path: Path) -> None:
    plan = _plan(
        tmp_path,
        [linked("I.1.1", "6, 7"), linked("I.1.2", "6"), action("I.2.1")],
        [evidence("I.1.1", 1, PRESENT), evidence("I.1.1", 2, MISSING),
         evidence("I.1.2", 1, c.EvidenceStatus.NEEDS_FIX),
         evidence("I.1.2", 2, c.EvidenceStatus.VERIFIED),
         evidence("I.2.1", 1, MISSING)],
        links={6: "https://drive.example/sk-tim\n\n  folder/notulen.pdf ",
               24: "https://x.example/sop"},
    )  # fmt: skip
    found = question_evidence(plan)
    assert set(found) == {q.baris for q in bank().questions}  # every question, linked or not
    assert found[6] == QuestionEvidence(
        links=("https://drive.example/sk-tim", "folder/notulen.pdf"),
        items=("I.1.1: Dokumen 1 untuk I.1.1", "I.1.1: Dokumen 2 untuk I.1.1",
               "I.1.2: Dokumen 1 untuk I.1.2", "I.1.2: Dokumen 2 untuk I.1.2"),
        missing=("I.1.1: Dokumen 2 untuk I.1.1", "I.1.2: Dokumen 1 untuk I.1.2"),
    )  # fmt: skip
    assert found[7] == QuestionEvidence(
        (), ("I.1.1: Dokumen 1 untuk I.1.1", "I.1.1: Dokumen 2 untuk I.1.1"),
        ("I.1.1: Dokumen 2 untuk I.1.1",),
    )  # fmt: skip
    assert found[24] == QuestionEvidence(("https://x.example/sop",), (), ())  # own links only
    assert found[9] == QuestionEvidence((), (), ())


def test_question_evidence_without_an_lke_sheet(tmp_path: Path) -> None:
    plan = _plan(tmp_path, [action("I.1.1", **{ActionCol.LKE_ROWS: "6"})])
    assert plan.lke is None
    assert question_evidence(plan)[6] == QuestionEvidence(
        (), ("I.1.1: Dokumen 1 untuk I.1.1",), ("I.1.1: Dokumen 1 untuk I.1.1",)
    )


@pytest.mark.parametrize(
    ("statuses", "answers", "expected"),
    [
        ((DONE, DONE), {}, (6, 7)),  # done, unanswered
        ((DONE, DONE), {6: "Ya", 7: "A"}, ()),  # done, top answers
        ((DONE, DONE), {6: "Tidak", 7: "A"}, (6,)),  # Tidak is below the top
        ((DONE, DONE), {6: "Ya", 7: "B"}, (7,)),  # B is below A
        ((DONE, DONE), {6: "ya kak", 7: "A"}, (6,)),  # a problem scores as unanswered
        ((DONE, DOING), {}, (7,)),  # 6 also has I.1.2, not done yet
        ((DOING, DOING), {}, ()),
    ],
)
def test_attention(tmp_path: Path, statuses, answers, expected) -> None:
    plan = _plan(tmp_path, [
        linked("I.1.1", "6, 7", statuses[0]),
        linked("I.1.2", "6", statuses[1]),
        action("I.2.1", DONE, 100),  # done, linked to nothing: no question to flag
    ])  # fmt: skip
    assert attention(plan, score(answers)) == expected


def test_question_gaps(tmp_path: Path) -> None:
    plan = _plan(
        tmp_path,
        [linked("I.1.1", "7, 6"), linked("I.1.2", "9"), linked("I.2.1", "13"),
         linked("I.1.3", "6")],
        [evidence("I.1.1", 1, PRESENT), evidence("I.1.1", 2, MISSING),
         evidence("I.1.2", 1, PRESENT),  # I.2.1 has no item at all
         evidence("I.1.3", 1, MISSING), evidence("I.1.3", 2, MISSING)],
        links={7: "https://drive.example/a", 24: "https://x.example/sop"},
    )  # fmt: skip
    frame = question_gaps(plan)
    assert frame.columns.tolist() == [QUESTIONS, LINKED, HAVE, MISSING_ITEMS, LkeCol.LINKS]
    assert frame.values.tolist() == [
        # most missing first: 6 (three, of two actions), 7 (one); 13, no evidence at all
        [short_question(6), "I.1.1, I.1.3", "1 dari 4",
         "I.1.1: Dokumen 2 untuk I.1.1 · I.1.3: Dokumen 1 untuk I.1.3; Dokumen 2 untuk I.1.3", ""],
        [short_question(7), "I.1.1", "1 dari 2", "I.1.1: Dokumen 2 untuk I.1.1",
         "https://drive.example/a"],
        [short_question(13), "I.2.1", "0 dari 0", "", ""],
    ]  # fmt: skip
    # 9: its one item is present; 24: its own link, no action; neither is a gap.


@pytest.mark.parametrize(
    ("baris", "expected"),
    [
        (18, "18 · Sudah ditetapkan agen perubahan"),  # short enough: whole
        (
            6,
            "6 · Unit kerja telah membentuk tim untuk melakukan pembangunan Zona …",
        ),  # cut at a word
        (36, "36 · Kebutuhan pegawai yang disusun oleh unit kerja mengacu kepada peta …"),
    ],
)
def test_short_question(baris: int, expected: str) -> None:
    assert short_question(baris) == expected


def test_questions_by_action(tmp_path: Path) -> None:
    plan = _plan(tmp_path, [
        action("I.4.1", **AGENT), linked("I.4.2", "20, 18"), linked("I.4.3", "5"),
        action("II.1.1", **{ActionCol.INDICATOR: "Dilaksanakan", ActionCol.STEP: "di KPU",
                            ActionCol.EVIDENCE: "tahun 2022"}),
    ])  # fmt: skip
    frame = questions_by_action(plan, ["I.4.2", "I.4.1", "I.4.3", "II.1.1"])
    assert frame.columns.tolist() == [ActionCol.ID, LkeCol.ROW, QUESTIONS, SOURCE]
    lines = frame.values.tolist()
    assert lines[:2] == [  # the order asked for, the cell's order kept
        ["I.4.2", "20", short_text(20), SAVED],
        ["I.4.2", "18", "Sudah ditetapkan agen perubahan", SAVED],
    ]
    suggested = suggest("I", *AGENT.values())
    assert suggested
    assert lines[2 : 2 + len(suggested)] == [
        ["I.4.1", str(b), short_text(b), SUGGESTED] for b in suggested
    ]
    unreadable, nothing = lines[2 + len(suggested) :]
    assert unreadable[:2] == ["I.4.3", "5"] and unreadable[3] == UNREADABLE
    assert "subkomponen" in unreadable[2]  # what is wrong, from lke.parse_rows
    assert nothing == ["II.1.1", "", "", ""]


@pytest.mark.parametrize("empty", [None, float("nan"), "", " \n "])
def test_an_empty_cell_however_read_is_blank(tmp_path: Path, empty: object) -> None:
    plan = _plan(tmp_path, [action("I.4.1", **AGENT)])
    frame = plan.actions.astype({ActionCol.LKE_ROWS: object})
    frame.loc[0, ActionCol.LKE_ROWS] = empty
    plan = dataclasses.replace(plan, actions=frame)
    assert suggested_links(plan) == {"I.4.1": suggest("I", *AGENT.values())}
    assert set(questions_by_action(plan, ["I.4.1"])[SOURCE]) == {SUGGESTED}
