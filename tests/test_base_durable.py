"""zi_dash.base.durable: atomic replace (old file or new, never half) and rotating backups."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.readonly import make_read_only
from zi_dash.base import WorkbookBusyError, durable

T0 = datetime(2022, 5, 2, 9, 30, 0, 123456)


def _version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".zi-simpan-"))


# --- atomic_write --------------------------------------------------------------------------


def test_a_new_file_is_written_readable_by_colleagues(tmp_path: Path) -> None:
    path = tmp_path / "baru.xlsx"
    assert durable.atomic_write(path, b"isi baru") is None
    assert path.read_bytes() == b"isi baru"
    assert _mode(path) == 0o644  # not mkstemp's 0600
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_replacing_keeps_the_file_mode_and_swaps_the_file(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(b"lama")
    path.chmod(mode)
    inode = path.stat().st_ino
    durable.atomic_write(path, b"baru")
    assert path.read_bytes() == b"baru"
    assert _mode(path) == mode
    assert path.stat().st_ino != inode  # a new file renamed over the old, not rewritten in place
    assert _temps(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "clean_stale", "removed"),
    [
        (".zi-simpan-abc.tmp", True, True),
        (".zi-simpan-x1y2.tmp", True, True),
        (".zi-simpan-abc.tmp", False, False),
        (".zi-simpan-abc.txt", True, False),  # not a temp file of ours
        ("zi-simpan-abc.tmp", True, False),
        ("catatan.tmp", True, False),
    ],
)
def test_stale_temp_files_are_removed_only_when_asked(
    tmp_path: Path, name: str, clean_stale: bool, removed: bool
) -> None:
    other = tmp_path / name
    other.write_bytes(b"setengah")
    durable.atomic_write(tmp_path / "rencana_aksi.xlsx", b"isi", clean_stale=clean_stale)
    assert other.exists() is not removed
    assert (tmp_path / "rencana_aksi.xlsx").read_bytes() == b"isi"


def test_a_refused_rename_is_a_busy_workbook_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(b"lama")

    def refuse(self: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")  # Windows while Excel has it

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(WorkbookBusyError) as info:
        durable.atomic_write(path, b"baru")
    message = str(info.value)
    assert '"rencana_aksi.xlsx" di folder' in message and "tidak dapat ditulis" in message
    assert "Excel" in message and "hanya-baca" in message
    assert "Permission denied" not in message  # the OS's English stays out
    assert isinstance(info.value.__cause__, PermissionError)
    assert path.read_bytes() == b"lama"
    assert _temps(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (errno.ENOSPC, "disk penuh"),
        (errno.EROFS, "sistem berkasnya hanya-baca"),
        (errno.EDQUOT, "kuota disk habis"),
        (errno.EIO, "galat baca-tulis perangkat"),
        (errno.ENOTSUP, f"galat sistem berkas nomor {errno.ENOTSUP}"),
    ],
)
def test_any_os_failure_is_said_in_indonesian_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, said: str
) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(b"lama")

    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(durable.WriteError) as info:
        durable.atomic_write(path, b"baru")
    assert str(info.value).endswith(f"tidak dapat ditulis: {said}.")
    assert os.strerror(code) not in str(info.value)
    assert isinstance(info.value, WorkbookBusyError)  # the pages' own handlers catch it
    assert path.read_bytes() == b"lama"
    assert _temps(tmp_path) == []


def test_any_other_failure_is_raised_as_it_is_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(b"lama")

    def bug(fd: int) -> None:
        raise TypeError("a bug, not the disk")

    monkeypatch.setattr(os, "fsync", bug)
    with pytest.raises(TypeError, match="a bug"):
        durable.atomic_write(path, b"baru")
    assert path.read_bytes() == b"lama"
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("mode", [0o600, 0o640])
def test_a_mode_asked_for_is_set_before_any_byte_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    path = tmp_path / "users.json"
    path.write_bytes(b"lama")
    path.chmod(0o644)
    seen: list[tuple[int, int]] = []
    real_fsync = os.fsync

    def observe(fd: int) -> None:
        seen.append((stat.S_IMODE(os.fstat(fd).st_mode), os.fstat(fd).st_size))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", observe)
    durable.atomic_write(path, b"rahasia", mode=mode)
    assert seen[0] == (mode, len(b"rahasia")) and _mode(path) == mode


def test_a_read_only_folder_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_read_only(monkeypatch, tmp_path)
    with pytest.raises(durable.WriteError, match="tidak ada izin menulis") as info:
        durable.make_dir(tmp_path / ".drafts" / "rencana_aksi.xlsx")
    assert str(info.value).startswith(f'Folder "{tmp_path / ".drafts"}')
    assert isinstance(info.value.__cause__, PermissionError)


def test_a_backup_into_a_read_only_folder_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(b"lama")
    make_read_only(monkeypatch, tmp_path)  # no .backup/ yet: its mkdir failed with a traceback
    with pytest.raises(durable.WriteError, match=r"\.backup.*hanya-baca"):
        durable.write_backup(path, b"lama", _version(b"lama"), T0, keep=3)


def test_a_read_only_folder_is_a_busy_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere, so the folder's refusal is simulated where it happens.
    def read_only_folder(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(kwargs.get("dir")))

    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(b"lama")
    monkeypatch.setattr(tempfile, "mkstemp", read_only_folder)
    with pytest.raises(WorkbookBusyError, match="hanya-baca"):
        durable.atomic_write(path, b"baru")


# --- backups --------------------------------------------------------------------------------


def test_the_backup_folder_is_hidden_beside_the_workbook(tmp_path: Path) -> None:
    assert durable.backup_dir(tmp_path / "rencana_aksi.xlsx") == tmp_path / ".backup"


def test_a_backup_is_named_by_workbook_time_and_version(tmp_path: Path) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    data = b"versi satu"
    version = _version(data)
    target = durable.write_backup(path, data, version, T0, keep=3)
    assert (
        target == tmp_path / ".backup" / f"rencana_aksi_20220502-093000-123456_{version[:16]}.xlsx"
    )
    assert target.read_bytes() == data


@pytest.mark.parametrize("keep", [0, -1])
def test_no_backup_is_kept_when_none_is_wanted(tmp_path: Path, keep: int) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    assert durable.write_backup(path, b"x", _version(b"x"), T0, keep) is None
    assert not durable.backup_dir(path).exists()


@pytest.mark.parametrize(("saves", "keep"), [(1, 3), (3, 3), (5, 3), (4, 1)])
def test_backups_rotate_keeping_the_newest(tmp_path: Path, saves: int, keep: int) -> None:
    # Moved from test_workbook_save_merge.py (test_backups_rotate's find_backup checks).
    path = tmp_path / "rencana_aksi.xlsx"
    versions = []
    for i in range(saves):
        data = f"isi {i}".encode()
        versions.append(_version(data))
        durable.write_backup(path, data, versions[-1], T0 + timedelta(seconds=i), keep)
    kept = sorted(durable.backup_dir(path).iterdir())
    assert [p.read_bytes() for p in kept] == [f"isi {i}".encode() for i in range(saves)][-keep:]
    for i, version in enumerate(versions):
        found = durable.find_backup(path, version)
        if i >= saves - keep:
            assert found is not None and found.read_bytes() == f"isi {i}".encode()
        else:
            assert found is None


def test_backups_of_another_workbook_in_the_folder_are_left_alone(tmp_path: Path) -> None:
    # Moved from test_workbook_save_merge.py: "plan_2023" must not count as one of "plan"'s.
    path = tmp_path / "rencana_aksi.xlsx"
    folder = durable.backup_dir(path)
    folder.mkdir()
    other = folder / "rencana_aksi_2023_20220101-000000-000000_0123456789abcdef.xlsx"
    other.write_bytes(b"x")
    for i in range(3):
        data = f"n{i}".encode()
        durable.write_backup(path, data, _version(data), T0 + timedelta(seconds=i), keep=1)
    assert other.read_bytes() == b"x"
    assert len(list(folder.iterdir())) == 2


def test_find_backup_checks_the_content_not_only_the_name(tmp_path: Path) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    data = b"asli"
    version = _version(data)
    target = durable.write_backup(path, data, version, T0, keep=3)
    assert target is not None and durable.find_backup(path, version) == target
    target.write_bytes(b"diubah tangan")  # same name, other bytes
    assert durable.find_backup(path, version) is None


def test_find_backup_without_a_backup_folder(tmp_path: Path) -> None:
    assert durable.find_backup(tmp_path / "rencana_aksi.xlsx", "0" * 64) is None


def test_backups_of_a_workbook_with_brackets_in_its_name(tmp_path: Path) -> None:
    path = tmp_path / "rencana_aksi[1].xlsx"
    versions = []
    for i in range(4):
        data = f"isi {i}".encode()
        versions.append(_version(data))
        durable.write_backup(path, data, versions[-1], T0 + timedelta(seconds=i), keep=2)
    assert len(list(durable.backup_dir(path).iterdir())) == 2
    assert durable.find_backup(path, versions[-1]) is not None
