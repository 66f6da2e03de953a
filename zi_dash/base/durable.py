"""Durable file writes: atomic replace (old or new file, never half) and rotating backups."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Final

from zi_dash.base.errors import WorkbookBusyError

BACKUP_DIR: Final = ".backup"
_TEMP_PREFIX: Final = ".zi-simpan-"


def backup_dir(path: Path) -> Path:
    """Where the rotating backups of a workbook are kept."""
    return path.parent / BACKUP_DIR


def atomic_write(path: Path, data: bytes, *, clean_stale: bool = False) -> None:
    """Replace `path` with `data` so a crash leaves the old file or the new, never a mix.

    `clean_stale` removes temp files of writers killed mid-write; only safe under the lock.
    """
    if clean_stale:
        _remove_stale_temps(path.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    except PermissionError as exc:  # a read-only folder: no temp file to write
        raise WorkbookBusyError(
            f'Folder "{path.parent.name}" hanya-baca; berkas "{path.name}" tidak dapat '
            "ditulis. Minta pengelola berkas membuka izin tulisnya. Perubahan Anda masih ada "
            "di layar."
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            tmp.chmod(path.stat().st_mode & 0o777)
        except FileNotFoundError:
            tmp.chmod(0o644)  # mkstemp's 0600 would hide a new file from colleagues
        tmp.replace(path)  # atomic on POSIX and Windows (os.replace)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkbookBusyError(
            f'Berkas "{path.name}" tidak dapat ditulis ({exc.strerror}); mungkin sedang '
            "dibuka di Excel atau foldernya hanya-baca. Perubahan Anda masih ada di layar."
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale_temps(folder: Path) -> None:
    # Only a writer killed mid-save leaves these, and we hold the lock: none is in use.
    for stale in folder.glob(f"{_TEMP_PREFIX}*.tmp"):
        stale.unlink(missing_ok=True)


def write_backup(path: Path, data: bytes, version: str, now: datetime, keep: int) -> Path | None:
    """Keep `data` (the workbook before a save) in .backup/, the newest `keep` copies only."""
    if keep <= 0:
        return None
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem}_{now:%Y%m%d-%H%M%S-%f}_{version[:16]}{path.suffix}"
    atomic_write(target, data, clean_stale=True)
    backups = sorted(folder.glob(_backup_pattern(path)))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
    return target


def last_written_path(path: Path) -> Path:
    """Where the copy of the workbook as the dashboard last wrote (or first saw) it is kept."""
    # Not a rotating backup: the name has no timestamp, so _backup_pattern never matches it.
    return backup_dir(path) / f"{path.stem}.dasbor{path.suffix}"


def _backup_pattern(path: Path, version: str = "*") -> str:
    # Exactly this workbook's backups: "plan_2024.xlsx" must not match those of "plan.xlsx".
    stem, suffix = glob.escape(path.stem), glob.escape(path.suffix)  # "plan[1].xlsx" too
    return f"{stem}_????????-??????-??????_{version}{suffix}"


def find_backup(path: Path, version: str) -> Path | None:
    """The backup holding exactly this version of the workbook, if one is kept."""
    folder = backup_dir(path)
    for candidate in sorted(folder.glob(_backup_pattern(path, version[:16]))):
        if hashlib.sha256(candidate.read_bytes()).hexdigest() == version:
            return candidate
    return None
