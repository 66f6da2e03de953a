"""The save path when others are at work: merge and conflicts, Excel holding the file,
read-only files, backups, a change in the middle of a save."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import openpyxl
import pytest

from tests.factory import save_now as _save
from tests.factory import saved_row as _row
from tests.readonly import make_read_only
from zi_dash.base import ActionCol, durable
from zi_dash.base import contract as c
from zi_dash.workbook import ConflictError, WorkbookBusyError, load_plan, save_changes

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE


# --- merge and conflicts ----------------------------------------------------------------------


def test_changes_to_other_cells_since_loading_are_kept(workbook_copy: Path) -> None:
    start = load_plan(workbook_copy)
    _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Ani"}}}, user="ani")
    result = _save(
        workbook_copy,
        {A: {"I.2.1": {ActionCol.PIC: "Budi"}}},
        base_version=start.version,
    )
    assert result.merged
    assert _row(workbook_copy, A, "I.1.1")[ActionCol.PIC] == "Ani"
    assert _row(workbook_copy, A, "I.2.1")[ActionCol.PIC] == "Budi"


def test_a_cell_changed_by_someone_else_is_a_conflict(workbook_copy: Path) -> None:
    start = load_plan(workbook_copy)
    _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Ani"}}}, user="ani")
    after_ani = workbook_copy.read_bytes()
    with pytest.raises(ConflictError) as info:
        _save(
            workbook_copy,
            {A: {"I.1.1": {ActionCol.PIC: "Budi"}, "I.2.1": {ActionCol.PIC: "Budi"}}},
            base_version=start.version,
        )
    (conflict,) = info.value.conflicts
    assert (conflict.row_id, conflict.column, conflict.theirs, conflict.mine) == (
        "I.1.1",
        ActionCol.PIC,
        "Ani",
        "Budi",
    )
    assert '"Ani"' in str(info.value) and '"Budi"' in str(info.value)
    assert workbook_copy.read_bytes() == after_ani  # nothing of the refused save was written


def test_the_same_new_value_from_two_people_is_not_a_conflict(workbook_copy: Path) -> None:
    start = load_plan(workbook_copy)
    _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Ani"}}}, user="ani")
    result = _save(
        workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Ani"}}}, base_version=start.version
    )
    assert result.changes == ()


def test_an_excel_edit_is_merged_with_the_values_the_user_saw(workbook_copy: Path) -> None:
    start = load_plan(workbook_copy)
    book = openpyxl.load_workbook(workbook_copy)  # someone edits in Excel meanwhile
    book[A].cell(start.rows[A]["I.1.1"], c.ACTIONS.headers.index(ActionCol.PIC) + 1).value = "Excel"
    book.save(workbook_copy)
    seen = {A: {"I.1.1": {ActionCol.PIC: ""}, "I.2.1": {ActionCol.PIC: ""}}}
    result = save_changes(
        workbook_copy,
        {A: {"I.2.1": {ActionCol.PIC: "Budi"}}},
        user="budi",
        base_version=start.version,
        base_values=seen,
    )
    assert result.merged and _row(workbook_copy, A, "I.1.1")[ActionCol.PIC] == "Excel"
    with pytest.raises(ConflictError, match="Excel"):
        save_changes(
            workbook_copy,
            {A: {"I.1.1": {ActionCol.PIC: "Budi"}}},
            user="budi",
            base_version=start.version,
            base_values=seen,
        )


def test_an_unknown_base_without_values_is_refused(workbook_copy: Path) -> None:
    with pytest.raises(ConflictError, match="Muat ulang"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}}, base_version="0" * 64)


# --- guards -------------------------------------------------------------------------------------


def _excel_owner_file(user: str) -> bytes:
    ansi = user.encode("cp1252", errors="replace")
    head = bytes([len(ansi)]) + ansi.ljust(53, b" ")
    return head + bytes([len(user), 0]) + user.encode("utf-16-le") + b"\x20\x00" * 10


def test_an_excel_owner_file_refuses_with_the_user_name(workbook_copy: Path) -> None:
    owner = workbook_copy.with_name(f"~${workbook_copy.name}")
    owner.write_bytes(_excel_owner_file("Siti Rahayu"))
    before = workbook_copy.read_bytes()
    with pytest.raises(WorkbookBusyError, match="dibuka oleh Siti Rahayu") as info:
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}})
    assert owner.name in str(info.value) and workbook_copy.read_bytes() == before


def test_a_libreoffice_lock_file_names_its_user(workbook_copy: Path) -> None:
    lock = workbook_copy.with_name(f".~lock.{workbook_copy.name}#")
    lock.write_text(",dewi,pc-umum,25.04.2022 10:00,file:///x;", encoding="utf-8")
    with pytest.raises(WorkbookBusyError, match=r"dibuka oleh dewi \(di komputer pc-umum\)"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}})


def test_a_read_only_workbook_is_refused(workbook_copy: Path) -> None:
    workbook_copy.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(WorkbookBusyError, match="hanya-baca"):
            _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}})
    finally:
        workbook_copy.chmod(0o644)


def test_a_read_only_folder_is_refused_in_indonesian(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file itself may be written, its folder not: no lock file, no backup, no temp file.
    before = workbook_copy.read_bytes()
    make_read_only(monkeypatch, workbook_copy.parent)
    with pytest.raises(WorkbookBusyError, match="tidak ada izin menulis") as info:
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}})
    assert "Permission denied" not in str(info.value)
    assert workbook_copy.read_bytes() == before


# --- files ------------------------------------------------------------------------------------


def test_a_save_backs_up_the_file_it_replaces_keeping_keep_backups(workbook_copy: Path) -> None:
    # How backups are named, rotated and found: test_base_durable.py.
    results = []
    for i in range(5):
        before = workbook_copy.read_bytes()
        results.append(
            save_changes(
                workbook_copy,
                {A: {"I.1.1": {ActionCol.NOTES: f"catatan {i}"}}},
                user="budi",
                base_version=load_plan(workbook_copy).version,
                keep_backups=3,
            )
        )
        assert results[-1].backup is not None and results[-1].backup.read_bytes() == before
    backups = sorted(durable.backup_dir(workbook_copy).iterdir())
    last_written = durable.last_written_path(workbook_copy)
    assert backups == sorted([r.backup for r in results[-3:]] + [last_written])
    assert last_written.read_bytes() == workbook_copy.read_bytes()  # not rotated away


def test_a_base_version_kept_in_a_backup_is_used_to_find_conflicts(workbook_copy: Path) -> None:
    start = load_plan(workbook_copy)
    _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Ani"}}}, user="ani")
    with pytest.raises(ConflictError, match="Ani"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Budi"}}}, base_version=start.version)
    result = _save(
        workbook_copy, {A: {"I.2.1": {ActionCol.PIC: "Budi"}}}, base_version=start.version
    )
    assert result.merged and len(result.changes) == 1


def test_temp_files_of_a_killed_writer_are_cleaned_up(workbook_copy: Path) -> None:
    stale = workbook_copy.with_name(".zi-simpan-abc.tmp")
    stale.write_bytes(b"half")
    _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}})
    assert not stale.exists()
    leftovers = [p.name for p in workbook_copy.parent.iterdir() if re.match(r"\.zi-simpan", p.name)]
    assert leftovers == []


def test_a_sharing_violation_is_refused(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def locked(self: Path, mode: str = "r", *args, **kwargs):
        if self == workbook_copy and mode == "r+b":
            raise PermissionError(13, "Permission denied")  # what Windows says while Excel has it
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(WorkbookBusyError, match="dikunci program lain"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}})


def test_excel_saving_during_our_save_stops_it(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zi_dash.workbook import save

    real = save.writing.verify

    def meanwhile_excel_saves(path: Path, *args: object) -> None:
        real(path, *args)
        book = openpyxl.load_workbook(path)
        book[A]["O3"] = "diubah di Excel"  # Catatan of another row
        book.save(path)

    monkeypatch.setattr(save.writing, "verify", meanwhile_excel_saves)
    with pytest.raises(ConflictError, match="selama penyimpanan"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Ani"}}})
    assert load_plan(workbook_copy).history.empty
