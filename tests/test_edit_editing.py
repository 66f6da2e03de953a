"""The Sunting pages' core: grid table, edits into the draft, the review and conflict choices."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from zi_dash.base import ActionCol, EvidenceCol, Status
from zi_dash.base import contract as c
from zi_dash.edit import Draft, editing, layout
from zi_dash.workbook import Plan, editable_values

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE
ALL = ["I.1.1", "I.1.2", "II.1.1", "II.2.1", "III.1.1", "III.1.2"]


def _typed(mixed: Plan, sheet: str, edits: dict[str, dict[str, object]]) -> Draft:
    draft = Draft("budi")
    shown = editing.shown_values(mixed, sheet, list(edits))
    for row_id, cols in edits.items():
        for column, value in cols.items():
            draft.type(sheet, row_id, column, value, shown[row_id])
    return draft


def test_the_editor_shows_sk_text_read_only_and_every_editable_column(mixed: Plan) -> None:
    columns = layout.editor_columns(mixed, A)
    # Target Keluaran only in plans whose Target column held outcomes (not this one).
    shown = set(layout.READ_ONLY[A]) - {ActionCol.OUTCOME}
    assert set(columns) == shown | set(layout.editable_columns(A))
    assert not set(layout.READ_ONLY[A]) & set(layout.editable_columns(A))
    assert columns[0] == ActionCol.ID and ActionCol.INDICATOR not in layout.editable_columns(A)


def test_rows_come_from_the_filtered_view(mixed: Plan) -> None:
    assert editing.row_ids(mixed, A) == ALL
    assert editing.row_ids(mixed, E)[:3] == ["I.1.1/1", "I.1.1/2", "I.1.2/1"]


def test_edits_are_mapped_from_positions_to_ids() -> None:
    state = {"edited_rows": {"1": {ActionCol.NOTES: "x", ActionCol.ID: "hack"}, 9: {"a": 1}}}
    assert editing.edits_from_state(["II.1.1", "II.2.1"], A, state) == {
        "II.2.1": {ActionCol.NOTES: "x"}
    }


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.0, "0"), (45.0, "45"), (40.5, "40,5"), (33.333, "33,333"), ("40.5", "40.5")],
)
def test_progress_is_shown_as_text_never_rounded(value: object, shown: str) -> None:
    assert editing.shown_text(c.Kind.PERCENT, value) == shown or value == shown


def test_the_grid_shows_the_draft_and_what_the_rule_adds(mixed: Plan) -> None:
    draft = _typed(
        mixed,
        A,
        {
            "II.1.1": {ActionCol.PROGRESS: "100", ActionCol.START: "2022-05-09"},
            "II.2.1": {ActionCol.PROGRESS: "abc"},
        },
    )
    found = editing.review(mixed, A, draft, ALL)
    frame = editing.editor_frame(mixed, A, ALL, draft, found).set_index(ActionCol.ID)
    assert frame.loc["II.1.1", ActionCol.STATUS] == Status.DONE  # derived, shown before saving
    assert frame.loc["II.1.1", ActionCol.START].date() == date(2022, 5, 9)
    assert frame.loc["II.2.1", ActionCol.PROGRESS] == "abc"  # as typed; the review says why
    assert frame.loc["I.1.2", ActionCol.PROGRESS] == "50"


def test_a_filtered_grid_keeps_its_dates(mixed: Plan) -> None:
    draft = _typed(mixed, A, {"II.2.1": {ActionCol.END: "2022-06-30"}})
    frame = editing.editor_frame(mixed, A, ["II.1.1", "II.2.1"], draft)
    assert frame[ActionCol.END].dt.date.tolist()[1] == date(2022, 6, 30)
    assert frame[ActionCol.START].isna().all()


def test_absorb_reads_edits_against_what_the_grid_showed(mixed: Plan) -> None:
    shown = editing.shown_values(mixed, A, ALL)
    draft = Draft("budi")
    state = {"edited_rows": {3: {ActionCol.PROGRESS: "60"}}}
    assert editing.absorb(draft, A, ALL, shown, state)
    assert not editing.absorb(draft, A, ALL, shown, state)  # the same state again: no change
    assert draft.seen(A)["II.2.1"][ActionCol.STATUS] == Status.IN_PROGRESS
    assert draft.typed(A) == {"II.2.1": {ActionCol.PROGRESS: "60"}}


def test_the_review_lists_changes_rules_problems_and_hidden_rows(mixed: Plan) -> None:
    draft = _typed(
        mixed,
        A,
        {
            "I.1.2": {ActionCol.STATUS: Status.DONE},
            "II.1.1": {ActionCol.PROGRESS: "150", ActionCol.NOTES: "x"},
            "III.1.1": {ActionCol.NOTES: "di luar saringan"},
        },
    )
    found = editing.review(mixed, A, draft, ["I.1.2", "II.1.1"])
    assert found.lines.values.tolist() == [
        ["I.1.2", ActionCol.STATUS, Status.IN_PROGRESS, Status.DONE, ""],
        ["I.1.2", ActionCol.PROGRESS, "50", "100", editing.Mark.AUTO],
        ["II.1.1", ActionCol.PROGRESS, "0", "150", "MASALAH: nilai 150 di luar rentang 0–100"],
        ["II.1.1", ActionCol.NOTES, "", "x", editing.Mark.HELD],
    ]
    assert found.problems == ['II.1.1, kolom "Progres (%)": nilai 150 di luar rentang 0–100.']
    assert found.hidden == 1 and found.cells == 2
    assert [o.row_id for o in found.saveable] == ["I.1.2"]


def test_conflicts_can_be_resolved_either_way(mixed: Plan) -> None:
    draft = _typed(mixed, A, {"II.2.1": {ActionCol.PROGRESS: "50"}})
    assert editable_values(mixed, A)["II.2.1"][ActionCol.PROGRESS] == 30
    draft.sheets[A]["II.2.1"].seen[ActionCol.PROGRESS] = 10.0  # the file moved 10 -> 30 since
    found = editing.review(mixed, A, draft)
    assert [x.column for x in found.conflicts] == [ActionCol.PROGRESS]
    assert found.lines.iloc[0][editing.ReviewHeader.NOTE] == (
        'BENTROK: diubah orang lain menjadi "30" (semula "10")'
    )
    editing.keep_mine(draft, mixed, A, found.outcomes)  # mine wins: 30 -> 50
    assert editing.review(mixed, A, draft).lines.values.tolist()[0][2:4] == ["30", "50"]
    draft.sheets[A]["II.2.1"].seen[ActionCol.PROGRESS] = 10.0
    editing.take_theirs(draft, A, editing.review(mixed, A, draft).outcomes)
    assert draft.count(A) == 0


def test_the_downloaded_draft_keeps_formula_text_as_text(mixed: Plan) -> None:
    draft = _typed(mixed, A, {"I.1.1": {ActionCol.NOTES: "=1+1"}})
    found = editing.review(mixed, A, draft)
    book = openpyxl.load_workbook(io.BytesIO(editing.draft_workbook(found.lines, A)))
    cell = book.active["E2"]
    assert cell.value == "=1+1" and cell.data_type == "s"
    assert book.active["A2"].value == A


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (5, "baru saja"),
        (61, "1 menit lalu"),
        (3 * 3600 + 5, "3 jam lalu"),
        (2 * 86400, "2 hari lalu"),
    ],
)
def test_age(seconds: int, text: str) -> None:
    now = datetime(2026, 11, 25, 12, 0)
    assert editing.age(datetime.fromtimestamp(now.timestamp() - seconds), now) == text


def test_evidence_rows_review_too(mixed: Plan) -> None:
    draft = _typed(mixed, E, {"I.1.1/2": {EvidenceCol.STATUS: "Ada"}})
    assert editing.review(mixed, E, draft).lines.values.tolist() == [
        ["I.1.1/2", EvidenceCol.STATUS, "Belum Ada", "Ada", ""]
    ]
