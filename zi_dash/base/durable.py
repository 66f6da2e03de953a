"""Durable file writes: atomic replace (old or new file, never half) and rotating backups."""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Final

import filelock

from zi_dash.base.errors import WorkbookBusyError

BACKUP_DIR: Final = ".backup"
_TEMP_PREFIX: Final = ".zi-simpan-"
# Why a write failed, in words for the user: the OS's own strerror is English.
_REASONS: Final = {
    errno.EACCES: "tidak ada izin menulis (hanya-baca)",
    errno.EPERM: "tidak ada izin menulis (hanya-baca)",
    errno.EROFS: "sistem berkasnya hanya-baca",
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.ENOTDIR: "sebagian jalurnya berkas, bukan folder",
    errno.EEXIST: "sudah ada berkas bernama sama",
    errno.ENAMETOOLONG: "nama atau jalurnya terlalu panjang",
    errno.EIO: "galat baca-tulis perangkat",
    errno.ENOENT: "berkas atau foldernya tidak ada",
    errno.EISDIR: "itu sebuah folder, bukan berkas",
}


class WriteError(WorkbookBusyError):
    """A file or folder the dashboard could not write; the message is Indonesian."""

    def __init__(self, message: str, code: int = 0) -> None:
        super().__init__(message)
        self.errno = code  # the OS's error number, 0 when unknown: callers may map it on


# Windows's sharing and lock violations (Excel holds the file) come as EACCES, PermissionError.
_WINDOWS_REASONS: Final = {
    32: "berkas sedang dibuka program lain (mungkin Excel)",
    33: "sebagian berkas dikunci program lain (mungkin Excel)",
    206: "nama atau jalurnya terlalu panjang untuk Windows (lebih dari 260 karakter)",
}


def reason(exc: OSError) -> str:
    """Why an OS call failed, in Indonesian (the errno's strerror is English)."""
    windows = getattr(exc, "winerror", None)
    if windows in _WINDOWS_REASONS:
        return _WINDOWS_REASONS[windows]
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return f"galat sistem berkas nomor {exc.errno}" if exc.errno else "galat sistem berkas"


def why(exc: OSError) -> str:
    """An OS error's reason in Indonesian: its own text when the app made it, else `reason`."""
    return str(exc.strerror) if isinstance(exc.__cause__, WriteError) else reason(exc)


def write_error(path: Path, exc: OSError, *, folder: bool = False) -> WriteError:
    """The WriteError for `exc` raised while writing `path` (a folder when `folder`)."""
    what = f'Folder "{path}"' if folder else f'Berkas "{path.name}" di folder "{path.parent}"'
    return WriteError(f"{what} tidak dapat ditulis: {reason(exc)}.", exc.errno or 0)


def make_dir(folder: Path, mode: int = 0o777) -> None:
    """Create `folder` and its parents (the last one with `mode`); WriteError when it cannot."""
    try:
        folder.mkdir(mode=mode, parents=True, exist_ok=True)
    except OSError as exc:  # a read-only share, a full disk, a file in the way
        raise write_error(folder, exc, folder=True) from exc


@contextlib.contextmanager
def locked(lock_file: Path, timeout: float) -> Iterator[None]:
    """Hold the inter-process lock `lock_file`; WriteError when it cannot even be created.

    filelock.Timeout (a TimeoutError, so an OSError) is raised as it is: the caller knows
    what a busy lock means for it.
    """
    lock = filelock.FileLock(lock_file, timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise
    except OSError as exc:  # a read-only folder: no lock file can be made
        raise write_error(lock_file, exc) from exc
    try:
        yield
    finally:
        lock.release()


def remove(path: Path) -> None:
    """Delete `path` if it is there; WriteError when the folder does not allow it."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from exc


def backup_dir(path: Path) -> Path:
    """Where the rotating backups of a workbook are kept."""
    return path.parent / BACKUP_DIR


def atomic_write(
    path: Path, data: bytes, *, clean_stale: bool = False, mode: int | None = None
) -> None:
    """Replace `path` with `data` so a crash leaves the old file or the new, never a mix.

    The new file gets `mode`, else the old file's mode, else 0644, before any byte is in it.
    `clean_stale` removes temp files of writers killed mid-write; only safe under the lock.
    Any OS error is a WriteError that says in Indonesian what could not be written and why.
    """
    try:
        if clean_stale:
            _remove_stale_temps(path.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    except OSError as exc:  # a read-only folder: no temp file to write
        raise write_error(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            # The mode while the file is empty: the data is never readable by more people
            # than it should be, not even for a moment.
            tmp.chmod(_mode_for(path, mode))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)  # atomic on POSIX and Windows (os.replace)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        error = write_error(path, exc)
        excel = getattr(exc, "winerror", None) in _WINDOWS_REASONS  # reason() said so already
        if isinstance(exc, PermissionError) and not excel:  # Windows refuses while Excel has it
            error = WriteError(f"{error} Mungkin berkas itu sedang dibuka di Excel.", error.errno)
        raise error from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _mode_for(path: Path, mode: int | None) -> int:
    if mode is not None:
        return mode
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o644  # mkstemp's 0600 would hide a new file from colleagues


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
    make_dir(folder)
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


def newest_backup(path: Path) -> Path | None:
    """The newest whole copy of the workbook the dashboard keeps in .backup/, if any."""
    folder = backup_dir(path)
    copies = [*folder.glob(_backup_pattern(path)), last_written_path(path)]
    try:
        dated = [(c.stat().st_mtime, c) for c in copies if c.is_file()]
    except OSError:  # a copy rotated away meanwhile: no advice beats a wrong one
        return None
    return max(dated)[1] if dated else None


def find_backup(path: Path, version: str) -> Path | None:
    """The backup holding exactly this version of the workbook, if one is kept."""
    folder = backup_dir(path)
    for candidate in sorted(folder.glob(_backup_pattern(path, version[:16]))):
        if hashlib.sha256(candidate.read_bytes()).hexdigest() == version:
            return candidate
    return None
