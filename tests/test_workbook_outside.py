"""Changes made outside the dashboard: found against its last write, dated, logged on save."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tests.factory import NOW, action, evidence, excel_edit, make_workbook, save_now
from tests.readonly import make_read_only
from zi_dash.analysis import metrics, rewind
from zi_dash.base import ActionCol, EvidenceCol, LogCol, WorkbookBusyError, durable
from zi_dash.base import contract as c
from zi_dash.workbook import load_plan, load_tracked, outside

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE
EXCEL_TIME = datetime(2022, 6, 20, 15, 30, 0)


def _plan_file(tmp_path: Path) -> Path:
    actions = [
        action("I.1.1", c.Status.IN_PROGRESS, 20, "Juni 2022"),
        action("I.1.2", c.Status.NOT_STARTED, 0, "Juli 2022"),
    ]
    items = [evidence("I.1.1", 1), evidence("I.1.2", 1)]
    return make_workbook(tmp_path / "rencana.xlsx", actions, items)


def test_the_first_look_remembers_the_file_and_finds_nothing(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    assert not durable.last_written_path(path).exists()
    plan = load_tracked(path)
    assert plan.outside.empty and list(plan.outside.columns) == list(c.LOG.headers)
    assert durable.last_written_path(path).read_bytes() == path.read_bytes()
    assert load_tracked(path).outside.empty  # the same bytes again: nothing


def test_cells_changed_in_excel_are_found_dated_and_named(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    load_tracked(path)
    excel_edit(
        path,
        [
            (A, "I.1.1", ActionCol.PROGRESS, 60),
            (A, "I.1.2", ActionCol.PIC, "Sekretaris"),
            (E, "I.1.1/1", EvidenceCol.LINK, "https://contoh.go.id/sk.pdf"),
        ],
        EXCEL_TIME,
    )
    found = load_tracked(path).outside
    rows = found[[LogCol.SHEET, LogCol.ID, LogCol.COLUMN, LogCol.OLD, LogCol.NEW]]
    assert rows.values.tolist() == [
        [A, "I.1.1", ActionCol.PROGRESS, "20", "60"],
        [A, "I.1.2", ActionCol.PIC, "", "Sekretaris"],
        [E, "I.1.1/1", EvidenceCol.LINK, "", "https://contoh.go.id/sk.pdf"],
    ]
    assert set(found[LogCol.USER]) == {c.OUTSIDE_USER}
    assert set(found[LogCol.TIME]) == {EXCEL_TIME}


def test_rows_added_in_excel_and_stamps_are_not_reported(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    base = load_plan(path)
    excel_edit(path, [(A, "I.1.1", ActionCol.UPDATED, datetime(2022, 1, 1))], EXCEL_TIME)
    assert outside.changes_between(base, load_plan(path)) == []


def test_a_damaged_copy_finds_nothing_rather_than_everything(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    load_tracked(path)
    durable.last_written_path(path).write_bytes(b"not a workbook")
    excel_edit(path, [(A, "I.1.1", ActionCol.PROGRESS, 60)], EXCEL_TIME)
    assert load_tracked(path).outside.empty


def test_the_next_save_appends_them_to_riwayat_above_its_own_rows(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    load_tracked(path)
    excel_edit(path, [(A, "I.1.1", ActionCol.PROGRESS, 60)], EXCEL_TIME)
    save_now(path, {A: {"I.1.2": {ActionCol.NOTES: "rapat 1"}}}, user="ani")
    log = load_plan(path).history
    assert log[
        [LogCol.TIME, LogCol.USER, LogCol.ID, LogCol.COLUMN, LogCol.OLD, LogCol.NEW]
    ].values.tolist() == [
        [EXCEL_TIME, c.OUTSIDE_USER, "I.1.1", ActionCol.PROGRESS, "20", "60"],
        [NOW, "ani", "I.1.2", ActionCol.NOTES, "", "rapat 1"],
    ]
    # Logged now: nothing outside any more, and a second save does not log it twice.
    assert load_tracked(path).outside.empty
    save_now(path, {A: {"I.1.2": {ActionCol.NOTES: "rapat 2"}}}, user="ani")
    assert len(load_plan(path).history) == 3


def test_a_save_on_a_file_never_seen_logs_nothing_extra_and_remembers(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    save_now(path, {A: {"I.1.2": {ActionCol.NOTES: "x"}}})
    assert len(load_plan(path).history) == 1
    assert durable.last_written_path(path).read_bytes() == path.read_bytes()


def test_a_read_only_folder_still_reads(tmp_path: Path, monkeypatch) -> None:
    path = _plan_file(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise WorkbookBusyError("hanya-baca")

    monkeypatch.setattr(durable, "atomic_write", refuse)
    assert load_tracked(path).outside.empty
    assert not durable.last_written_path(path).exists()


def test_a_truly_read_only_folder_still_reads_and_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every OS call that would make .backup/ or the copy is refused, mkdir included.
    path = _plan_file(tmp_path)
    make_read_only(monkeypatch, tmp_path)
    assert load_tracked(path).outside.empty
    assert load_tracked(path).outside.empty  # and again, trying to keep the copy once more
    with pytest.raises(WorkbookBusyError, match="tidak ada izin menulis"):
        save_now(path, {A: {"I.1.2": {ActionCol.NOTES: "x"}}})
    assert not durable.backup_dir(path).exists()


def test_the_issue_scenario_one_truth_per_screen(tmp_path: Path) -> None:
    """Progress typed in Excel on 20 June: per 15 June neither capaian nor Kurva S count it."""
    path = _plan_file(tmp_path)
    load_tracked(path)
    excel_edit(
        path,
        [(A, "I.1.1", ActionCol.PROGRESS, 100), (A, "I.1.1", ActionCol.STATUS, "Selesai")],
        EXCEL_TIME,
    )
    plan = load_tracked(path)
    for day, expected in ((date(2022, 6, 15), 10.0), (date(2022, 6, 30), 50.0)):
        headline = metrics.headline(rewind(plan, day), day)
        kurva = metrics.kurva_s(plan, day)
        assert headline.completion == pytest.approx(expected)
        assert kurva.actual == pytest.approx(expected)
    june_15 = rewind(plan, date(2022, 6, 15)).actions.set_index(ActionCol.ID)
    assert june_15.loc["I.1.1", ActionCol.STATUS] == c.Status.IN_PROGRESS


def _killed_save(path: Path, note: str, *, replaced: bool) -> None:
    """A dashboard save killed after staging its copy: before or after replacing the file."""
    plan = load_plan(path)
    staged = path.with_name("staged.xlsx")
    staged.write_bytes(path.read_bytes())
    save_now(staged, {A: {"I.1.2": {ActionCol.NOTES: note}}}, base_version=plan.version)
    outside.stage(path, staged.read_bytes())
    if replaced:
        durable.atomic_write(path, staged.read_bytes())


def test_a_save_killed_after_replacing_the_file_is_still_its_own(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    load_tracked(path)
    _killed_save(path, "rapat", replaced=True)
    assert load_tracked(path).outside.empty  # not its own save seen as an Excel edit
    assert durable.last_written_path(path).read_bytes() == path.read_bytes()  # committed now


def test_a_save_killed_after_replacing_then_anexcel_edit(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    load_tracked(path)
    _killed_save(path, "rapat", replaced=True)
    excel_edit(path, [(A, "I.1.1", ActionCol.PROGRESS, 60)], EXCEL_TIME)
    found = load_tracked(path).outside
    assert found[[LogCol.ID, LogCol.COLUMN]].values.tolist() == [["I.1.1", ActionCol.PROGRESS]]


def test_a_save_killed_before_replacing_the_file_changes_nothing(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    load_tracked(path)
    _killed_save(path, "rapat", replaced=False)
    assert load_tracked(path).outside.empty
    excel_edit(path, [(A, "I.1.1", ActionCol.PROGRESS, 60)], EXCEL_TIME)
    found = load_tracked(path).outside
    assert found[[LogCol.ID, LogCol.COLUMN]].values.tolist() == [["I.1.1", ActionCol.PROGRESS]]
