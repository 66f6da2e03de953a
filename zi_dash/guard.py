"""Checks before writing the shared workbook: who holds it open, and what a save would lose.

On a Samba share Windows locks do not stop a Linux writer, so Excel's owner file and the version
check are what protect someone's unsaved work in Excel.
"""

from __future__ import annotations

import io
import os
import re
import stat
import warnings
import zipfile
from pathlib import Path
from typing import Final

_UNKNOWN_USER: Final = "seseorang"
_PRINTABLE: Final = re.compile(r"^[^\x00-\x1f]+$")

# Parts of an .xlsx that openpyxl drops without a word when it saves.
_SILENT_LOSSES: Final[tuple[tuple[str, bytes | None, str], ...]] = (
    ("xl/drawings/drawing", b"<xdr:sp>", "bentuk atau kotak teks (shape)"),
    ("xl/drawings/drawing", b"<xdr:sp ", "bentuk atau kotak teks (shape)"),
    ("xl/drawings/drawing", b"<xdr:grpSp", "kelompok bentuk (grouped shapes)"),
    ("xl/drawings/drawing", b"<xdr:cxnSp", "garis penghubung (connector)"),
    ("xl/slicers/", None, "slicer"),
    ("xl/timelines/", None, "timeline"),
    ("xl/threadedComments/", None, "komentar berutas (threaded comments)"),
    ("xl/ctrlProps/", None, "kontrol formulir (form controls)"),
)

# What openpyxl's "... extension is not supported and will be removed" warnings are about.
_EXTENSION_NAMES: Final[tuple[tuple[str, str], ...]] = (
    ("data validation", "validasi data versi Excel 2010 (x14)"),
    ("conditional formatting", "format bersyarat versi Excel 2010 (mis. data bar, ikon)"),
    ("sparkline", "sparkline"),
    ("slicer", "slicer"),
)


def owner_files(path: Path) -> list[Path]:
    """Lock files Excel or LibreOffice keep beside a workbook they have open."""
    name = path.name
    candidates = [f"~${name}", f"~${name[2:]}", f".~lock.{name}#"]
    return [path.with_name(n) for n in dict.fromkeys(candidates) if path.with_name(n).is_file()]


def _excel_owner(data: bytes) -> str:
    # Excel's owner file: a length byte and the ANSI user name padded to 54 bytes, then the
    # name again in UTF-16 after a two-byte length.
    for offset in (54, 55):
        if len(data) > offset + 2:
            count = data[offset]
            raw = data[offset + 2 : offset + 2 + 2 * count]
            try:
                name = raw.decode("utf-16-le").strip()
            except UnicodeDecodeError:
                continue
            if count and len(name) == count and _PRINTABLE.match(name):
                return name
    if data:
        name = data[1 : 1 + data[0]].decode("cp1252", errors="replace").strip()
        if name and _PRINTABLE.match(name):
            return name
    return _UNKNOWN_USER


def _libreoffice_owner(data: bytes) -> str:
    # ".~lock.name#" holds "Full Name,host,user,date,path;".
    fields = data.decode("utf-8", errors="replace").split(",")
    for field in (fields[0], fields[2] if len(fields) > 2 else ""):
        if field.strip():
            return field.strip()
    return _UNKNOWN_USER


def open_by(path: Path) -> tuple[str, Path] | None:
    """Who has the workbook open in Excel or LibreOffice, and the lock file that says so."""
    for lock in owner_files(path):
        try:
            data = lock.read_bytes()[:512]
        except OSError:
            return _UNKNOWN_USER, lock
        owner = _libreoffice_owner(data) if lock.name.startswith(".~lock.") else _excel_owner(data)
        return owner, lock
    return None


def is_read_only(path: Path) -> bool:
    """True when the file is marked read-only or this process may not write it."""
    mode = path.stat().st_mode
    # Root may write a 0444 file, but the mark still says someone wants it left alone.
    return not mode & stat.S_IWUSR or not os.access(path, os.W_OK)


def silent_losses(data: bytes) -> list[str]:
    """Workbook parts that openpyxl would drop on save without warning."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            for prefix, marker, label in _SILENT_LOSSES:
                if not name.startswith(prefix) or label in found:
                    continue
                if marker is None or marker in archive.read(name):
                    found.append(label)
    return found


def describe_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    """Indonesian names for openpyxl's 'will be removed' warnings caught while loading."""
    found: list[str] = []
    for warning in caught:
        text = str(warning.message)
        if "removed" not in text and "not supported" not in text:
            continue
        label = next((n for key, n in _EXTENSION_NAMES if key in text.lower()), f"«{text}»")
        if label not in found:
            found.append(label)
    return found
