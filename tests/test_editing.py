"""Editor tables, pending edits by ID, the consistency rule and the downloadable pending file."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from zi_dash import contract as c
from zi_dash import editing
from zi_dash.consistency import reconcile
from zi_dash.contract import ActionCol, EvidenceCol, Status
from zi_dash.saving import CellChange
from zi_dash.workbook import Plan

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE


def test_the_editor_shows_sk_text_read_only_and_every_editable_column() -> None:
    columns = editing.editor_columns(A)
    assert set(columns) == set(editing.READ_ONLY[A]) | set(editing.editable_columns(A))
    assert not set(editing.READ_ONLY[A]) & set(editing.editable_columns(A))
    assert columns[0] == ActionCol.ID and ActionCol.INDICATOR not in editing.editable_columns(A)


@pytest.mark.parametrize(
    ("sheet", "areas", "pics", "expected"),
    [
        (A, (), (), ["I.1.1", "I.1.2", "II.1.1", "II.2.1", "III.1.1", "III.1.2"]),
        (A, ("II",), (), ["II.1.1", "II.2.1"]),
        (E, ("I",), (), ["I.1.1/1", "I.1.1/2", "I.1.2/1"]),
        (A, (), ("Nobody",), []),
    ],
)
def test_rows_are_filtered_by_area_and_person(mixed: Plan, sheet, areas, pics, expected) -> None:
    assert editing.row_ids(mixed, sheet, areas, pics) == expected


def test_edits_are_mapped_from_positions_to_ids(mixed: Plan) -> None:
    frame = editing.editor_frame(mixed, A, ["II.1.1", "II.2.1"], {})
    state = {"edited_rows": {"1": {ActionCol.NOTES: "x", ActionCol.ID: "hack"}, 9: {"a": 1}}}
    assert editing.edits_from_state(frame, A, state) == {"II.2.1": {ActionCol.NOTES: "x"}}


def test_earlier_edits_show_in_a_new_editor_and_dates_become_dates(mixed: Plan) -> None:
    pending = {"I.1.2": {ActionCol.START: "2022-04-18", ActionCol.PIC: "Ani"}}
    frame = editing.editor_frame(mixed, A, ["I.1.1", "I.1.2"], pending)
    row = frame.set_index(ActionCol.ID).loc["I.1.2"]
    assert row[ActionCol.PIC] == "Ani" and row[ActionCol.START].date() == date(2022, 4, 18)


def test_merge_keeps_later_edits_and_drops_cells_set_back(mixed: Plan) -> None:
    earlier = {"I.1.2": {ActionCol.PIC: "Ani", ActionCol.NOTES: "x"}}
    edits = {"I.1.2": {ActionCol.NOTES: ""}, "II.1.1": {ActionCol.PROGRESS: 0.0}}
    assert editing.merge_pending(mixed, A, earlier, edits) == {"I.1.2": {ActionCol.PIC: "Ani"}}


def test_base_values_are_what_the_user_saw(mixed: Plan) -> None:
    seen = editing.base_values(mixed, E, {"I.1.2/1": {EvidenceCol.NOTES: "y"}})
    assert seen == {E: {"I.1.2/1": {EvidenceCol.NOTES: "Belum ditandatangani"}}}


def test_the_pending_file_keeps_formula_text_as_text() -> None:
    changes = [CellChange(A, "I.1.1", ActionCol.NOTES, "", "=1+1")]
    book = openpyxl.load_workbook(io.BytesIO(editing.pending_workbook(changes)))
    cell = book.active["E2"]
    assert cell.value == "=1+1" and cell.data_type == "s"


@pytest.mark.parametrize(
    ("status", "progress", "edit", "extra", "problem"),
    [
        (Status.NOT_STARTED, 0, {ActionCol.STATUS: Status.DONE}, {ActionCol.PROGRESS: 100.0}, ""),
        (Status.DONE, 100, {ActionCol.STATUS: Status.NOT_STARTED}, {ActionCol.PROGRESS: 0.0}, ""),
        (Status.DONE, 100, {ActionCol.STATUS: Status.IN_PROGRESS}, {}, "turunkan"),
        (Status.IN_PROGRESS, 40, {ActionCol.STATUS: Status.IN_PROGRESS}, {}, ""),
        (Status.NOT_STARTED, 0, {ActionCol.PROGRESS: 100}, {ActionCol.STATUS: Status.DONE}, ""),
        (
            Status.NOT_STARTED,
            0,
            {ActionCol.PROGRESS: 5},
            {ActionCol.STATUS: Status.IN_PROGRESS},
            "",
        ),
        (Status.DONE, 100, {ActionCol.PROGRESS: 80}, {ActionCol.STATUS: Status.IN_PROGRESS}, ""),
        (Status.DONE, 100, {ActionCol.PROGRESS: 0}, {ActionCol.STATUS: Status.NOT_STARTED}, ""),
        (Status.IN_PROGRESS, 40, {ActionCol.PROGRESS: 0}, {}, ""),
        (Status.NOT_STARTED, 0, {ActionCol.STATUS: Status.DONE, ActionCol.PROGRESS: 90}, {}, "90"),
        (
            Status.NOT_STARTED,
            0,
            {ActionCol.STATUS: Status.NOT_STARTED, ActionCol.PROGRESS: 9},
            {},
            "9",
        ),
        (Status.DONE, 100, {ActionCol.STATUS: Status.IN_PROGRESS, ActionCol.PROGRESS: 0}, {}, ""),
        (Status.DONE, 50, {ActionCol.PIC: "Ani"}, {}, ""),  # Excel's inconsistency is not ours
    ],
)
def test_status_and_progress_rule(status, progress, edit, extra, problem) -> None:
    result = reconcile(status, progress, edit)
    assert result.extra == extra
    assert (problem in " ".join(result.problems)) if problem else not result.problems
    assert len(result.notes) == len(extra)
