"""One rule for typed and derived changes: validated, completed against what the user saw, merged.

The two-editor cases replay on a real workbook: Ani saves first, Budi saves from the values he
saw before Ani's save (his base_values), as the Sunting pages do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factory
from zi_dash.base import ActionCol, LogCol, Status
from zi_dash.base import contract as c
from zi_dash.workbook import ConflictError, editable_values, load_plan, plan_row, save_changes

A = c.Sheet.ACTIONS
ROW = {
    ActionCol.START: None,
    ActionCol.END: None,
    ActionCol.PIC: "",
    ActionCol.STATUS: Status.IN_PROGRESS,
    ActionCol.PROGRESS: 0.0,
    ActionCol.NOTES: "",
}


@pytest.mark.parametrize(
    ("typed", "changes", "problem"),
    [
        ({ActionCol.PROGRESS: "40,5"}, {ActionCol.PROGRESS: 40.5}, None),
        ({ActionCol.PROGRESS: "40.5"}, {ActionCol.PROGRESS: 40.5}, None),
        ({ActionCol.PROGRESS: "33.3333"}, {ActionCol.PROGRESS: 33.3333}, None),
        ({ActionCol.PROGRESS: "-5"}, {}, "nilai -5 di luar rentang 0–100"),
        ({ActionCol.PROGRESS: "150"}, {}, "nilai 150 di luar rentang 0–100"),
        ({ActionCol.PROGRESS: "100.5"}, {}, "nilai 100.5 di luar rentang 0–100"),
        ({ActionCol.PROGRESS: "4o"}, {}, "bukan angka"),
        ({ActionCol.NOTES: "x" * 32_767}, {ActionCol.NOTES: "x" * 32_767}, None),
        ({ActionCol.NOTES: "x" * 32_768}, {}, "32.768 karakter"),
        (
            {ActionCol.START: "2022-04-15", ActionCol.END: "2022-04-14"},
            {},
            "tanggal Selesai 14/04/2022 sebelum tanggal Mulai 15/04/2022",
        ),
        (
            {ActionCol.START: "2022-04-15", ActionCol.END: "2022-04-15"},
            {ActionCol.START: "d", ActionCol.END: "d"},
            None,
        ),
        (
            {ActionCol.PROGRESS: "100"},
            {ActionCol.PROGRESS: 100.0, ActionCol.STATUS: "Selesai"},
            None,
        ),
        ({ActionCol.STATUS: Status.DONE, ActionCol.PROGRESS: "50"}, {}, "tidak sesuai"),
    ],
)
def test_typed_values_are_kept_exactly_or_refused(typed, changes, problem) -> None:
    out = plan_row(A, "I.1.1", typed, ROW, ROW)
    if problem:
        assert problem in " ".join(out.problems.values()) and not out.changes
        return
    assert not out.problems
    assert set(out.changes) == set(changes)
    for column, value in changes.items():
        if value != "d":
            assert out.changes[column] == value


def test_a_problem_is_blamed_on_a_column_the_user_typed() -> None:
    seen = {**ROW, ActionCol.START: "2022-04-15"}
    out = plan_row(A, "I.1.1", {ActionCol.END: "2022-04-01"}, seen, seen)
    assert list(out.problems) == [ActionCol.END]
    ends = {**ROW, ActionCol.END: "2022-04-30"}
    out = plan_row(A, "I.1.1", {ActionCol.START: "2022-05-01"}, ends, ends)
    assert list(out.problems) == [ActionCol.START]


def test_excel_inconsistency_does_not_block_another_column() -> None:
    odd = {**ROW, ActionCol.STATUS: Status.DONE, ActionCol.PROGRESS: 50.0}
    out = plan_row(A, "I.1.1", {ActionCol.PIC: "Ani"}, odd, odd)
    assert out.clean and out.changes == {ActionCol.PIC: "Ani"}


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """One action II.2.1 at Dalam Proses, 0 %: the issue's starting point."""
    return factory.make_workbook(
        tmp_path / "rencana_aksi.xlsx",
        [factory.action("II.2.1", Status.IN_PROGRESS, 0, "Juni 2022")],
    )


def _seen(path: Path) -> dict[str, dict[str, dict[str, object]]]:
    return {A: {"II.2.1": editable_values(load_plan(path), A)["II.2.1"]}}


def _save(path: Path, user: str, typed: dict[str, object], seen) -> None:
    save_changes(path, {A: {"II.2.1": typed}}, user=user, base_version="(lama)", base_values=seen)


def _row(path: Path) -> tuple[object, object]:
    row = load_plan(path).actions.set_index(ActionCol.ID).loc["II.2.1"]
    return row[ActionCol.STATUS], row[ActionCol.PROGRESS]


# (Ani's typed edit, Budi's typed edit, the column named in Budi's conflict)
SEQUENCES = [
    # The case: Ani Belum Mulai; Budi 50 % from Dalam Proses -> Belum Mulai at 50 %.
    ({ActionCol.STATUS: Status.NOT_STARTED}, {ActionCol.PROGRESS: 50}, ActionCol.STATUS),
    # Derived Status (Ani's 100 % made it Selesai) against a typed Status.
    ({ActionCol.PROGRESS: 100}, {ActionCol.STATUS: Status.NOT_STARTED}, ActionCol.STATUS),
    # Typed Progres against a derived Progres (Budi's Selesai makes it 100).
    ({ActionCol.PROGRESS: 40}, {ActionCol.STATUS: Status.DONE}, ActionCol.PROGRESS),
    # Its mirror: a derived Progres (Ani's Selesai made it 100) against a typed Progres.
    ({ActionCol.STATUS: Status.DONE}, {ActionCol.PROGRESS: 40}, ActionCol.PROGRESS),
]


@pytest.mark.parametrize(("ani", "budi", "column"), SEQUENCES)
def test_a_second_editor_never_overwrites_the_first_silently(book, ani, budi, column) -> None:
    seen = _seen(book)  # both opened the grid now
    _save(book, "ani", ani, seen)
    after_ani = _row(book)
    with pytest.raises(ConflictError) as info:
        _save(book, "budi", budi, seen)
    assert _row(book) == after_ani  # nothing of Budi's was written
    assert [x.column for x in info.value.conflicts] == [column]
    message = str(info.value)
    assert "II.2.1" in message and f'kolom "{column}"' in message
    log = load_plan(book).history
    assert set(log[LogCol.USER]) == {"ani"}  # Riwayat never credits Budi with Ani's change


def test_changes_to_other_cells_of_the_row_merge(book) -> None:
    seen = _seen(book)
    _save(book, "ani", {ActionCol.NOTES: "dari Ani"}, seen)
    _save(book, "budi", {ActionCol.PROGRESS: 50}, seen)
    row = load_plan(book).actions.set_index(ActionCol.ID).loc["II.2.1"]
    assert (row[ActionCol.NOTES], row[ActionCol.PROGRESS]) == ("dari Ani", 50)
    log = load_plan(book).history
    assert log[[LogCol.USER, LogCol.COLUMN]].values.tolist() == [
        ["ani", ActionCol.NOTES],
        ["budi", ActionCol.PROGRESS],
    ]


def test_the_same_change_by_both_is_no_conflict(book) -> None:
    seen = _seen(book)
    _save(book, "ani", {ActionCol.STATUS: Status.DONE}, seen)
    _save(book, "budi", {ActionCol.PROGRESS: 100}, seen)  # implies Selesai: what Ani did
    assert _row(book) == (Status.DONE, 100)
    assert len(load_plan(book).history) == 2  # Ani's two cells; Budi had nothing left to do


def test_a_derived_change_is_checked_against_what_the_user_saw(book) -> None:
    # Budi saw Belum Mulai (after Ani's save) and types 50 %: Dalam Proses is his, honestly.
    _save(book, "ani", {ActionCol.STATUS: Status.NOT_STARTED}, _seen(book))
    _save(book, "budi", {ActionCol.PROGRESS: 50}, _seen(book))
    assert _row(book) == (Status.IN_PROGRESS, 50)
    log = load_plan(book).history
    assert log[[LogCol.USER, LogCol.OLD, LogCol.NEW]].values.tolist()[-2:] == [
        ["budi", "0", "50"],
        ["budi", Status.NOT_STARTED, Status.IN_PROGRESS],
    ]
