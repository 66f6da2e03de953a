"""Checks before writing the shared workbook: who holds it open, and what a save would lose.

On a Samba share Windows locks do not stop a Linux writer, so Excel's owner file and the version
check are what protect someone's unsaved work in Excel.
"""

from __future__ import annotations

import io
import os
import stat
import unicodedata
import warnings
import zipfile
from pathlib import Path
from typing import Final

UNKNOWN_USER: Final = "seseorang"  # the owner when the lock file names no plausible person
_MAX_NAME: Final = 54  # Excel's limit for a user name
_ANSI_FIELD: Final = 53  # bytes after the length byte in the ANSI part of Excel's owner file
_NAME_PUNCTUATION: Final = frozenset(" .-_'@(),")

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


def plausible_name(text: str) -> str | None:
    """`text` stripped, if it can be a person's or account's name to show in a message, else None.

    Letters of any script, digits, spaces and . - _ ' @ ( ) , at most 54 characters, at least one
    letter: bytes read in the wrong layout or encoding ("††††", U+FFFD, control characters)
    are not.
    """
    name = unicodedata.normalize("NFC", text).strip()
    if not name or len(name) > _MAX_NAME or not any(ch.isalpha() for ch in name):
        return None
    if not all(ch.isalnum() or ch in _NAME_PUNCTUATION for ch in name):
        return None
    return name


def _excel_owner(data: bytes) -> str:
    # Excel's owner file: a length byte and the ANSI user name padded with spaces to 54 bytes,
    # then the same name in UTF-16 after a two-byte length (at 54; some versions at 55). A name
    # is taken only when its length fits its field and it reads as a plausible name.
    for offset in (54, 55):
        if len(data) < offset + 2:
            continue
        count = int.from_bytes(data[offset : offset + 2], "little")
        raw = data[offset + 2 : offset + 2 + 2 * count]
        if not 0 < count <= _MAX_NAME or len(raw) != 2 * count:
            continue
        try:
            name = plausible_name(raw.decode("utf-16-le"))
        except UnicodeDecodeError:
            continue
        if name:
            return name
    if data and 0 < data[0] <= _ANSI_FIELD and len(data) > data[0]:
        try:
            name = plausible_name(data[1 : 1 + data[0]].decode("cp1252"))
        except UnicodeDecodeError:
            name = None
        if name:
            return name
    return UNKNOWN_USER


def _lock_fields(text: str) -> list[str]:
    # LibreOffice's lock file is one record: fields separated by "," and ended by ";", with
    # "\" escaping a literal comma, semicolon or backslash inside a field.
    fields, field, escaped = [], [], False
    for ch in text:
        if escaped:
            field.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ",":
            fields.append("".join(field))
            field = []
        elif ch == ";":
            break
        else:
            field.append(ch)
    fields.append("".join(field))
    return fields


def _libreoffice_owner(data: bytes) -> str:
    # ".~lock.name#" holds "full name,system user,host,time,profile;". The full name is empty
    # unless set in LibreOffice's options, so the account names the person then; the host is
    # only where they sit, never who they are.
    try:
        fields = _lock_fields(data.decode("utf-8"))
    except UnicodeDecodeError:
        return UNKNOWN_USER
    fields += [""] * (3 - len(fields))
    person = plausible_name(fields[0]) or plausible_name(fields[1])
    if person is None:
        return UNKNOWN_USER
    host = plausible_name(fields[2])
    return f"{person} (di komputer {host})" if host else person


def busy_message(path: Path, owner: str, lock: Path) -> str:
    """The Indonesian refusal when `owner` has the workbook open (their owner file is `lock`)."""
    folder = lock.parent.absolute()
    return (
        f'Workbook "{path.name}" sedang dibuka oleh {owner} (di Excel atau LibreOffice). '
        "Tidak ada yang disimpan, agar pekerjaannya tidak tertimpa. Minta orang tersebut "
        "menutup berkas itu, lalu simpan lagi; perubahan Anda masih ada di layar dan dapat "
        "diunduh. Bila tidak ada yang sedang membukanya (misalnya Excel tertutup secara tidak "
        f'wajar), berkas penanda "{lock.name}" yang tertinggal di folder "{folder}" hanya dapat '
        "dihapus oleh pengelola server."
    )


def open_by(path: Path) -> tuple[str, Path] | None:
    """Who has the workbook open in Excel or LibreOffice, and the lock file that says so."""
    for lock in owner_files(path):
        try:
            data = lock.read_bytes()[:512]
        except OSError:
            return UNKNOWN_USER, lock
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
