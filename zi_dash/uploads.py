"""Evidence files uploaded from the dashboard, stored beside the workbook, one folder per action."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Final

from zi_dash import durable
from zi_dash.contract import EvidenceCol, EvidenceStatus, Sheet
from zi_dash.saving import save_changes
from zi_dash.workbook import Plan, WorkbookError

UPLOAD_DIR: Final = "bukti"
MAX_BYTES: Final = 20 * 1024 * 1024
_ZIP: Final = (b"PK\x03\x04",)
_OLE: Final = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
# Extension -> the first bytes a real file of that type starts with.
ALLOWED: Final[dict[str, tuple[bytes, ...]]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": _ZIP,
    ".xlsx": _ZIP,
    ".pptx": _ZIP,
    ".doc": _OLE,
    ".xls": _OLE,
    ".ppt": _OLE,
}
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME: Final = 100


class UploadError(ValueError):
    """An upload that is refused; the message is Indonesian."""


def safe_name(name: str) -> str:
    """A plain file name (letters, digits, dot, dash) or UploadError for paths and odd names."""
    if "/" in name or "\\" in name or "\x00" in name or ".." in name:
        raise UploadError(f"Nama berkas {name!r} tidak boleh berisi folder atau '..'.")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem, dot, ext = ascii_name.strip().rpartition(".")
    if not dot:
        stem, ext = ext, ""
    stem = _UNSAFE.sub("-", stem).strip("-._")[:_MAX_NAME] or "berkas"
    return f"{stem}.{ext.lower()}" if ext else stem


def check(name: str, data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """The safe name of an acceptable upload; UploadError says why one is refused."""
    clean = safe_name(name)
    ext = PurePosixPath(clean).suffix
    if ext not in ALLOWED:
        raise UploadError(
            f"Jenis berkas {ext or '(tanpa ekstensi)'} tidak diterima. Yang diterima: "
            f"{', '.join(sorted(e.lstrip('.').upper() for e in ALLOWED))}."
        )
    if not data:
        raise UploadError(f'Berkas "{name}" kosong.')
    if len(data) > max_bytes:
        raise UploadError(
            f'Berkas "{name}" berukuran {len(data) / 1e6:.1f} MB; paling besar '
            f"{max_bytes / 1e6:.0f} MB."
        )
    if not data.startswith(ALLOWED[ext]):
        raise UploadError(f'Isi berkas "{name}" bukan berkas {ext.lstrip(".").upper()} yang sah.')
    return clean


def store(workbook: Path, action_id: str, name: str, data: bytes) -> str:
    """Save an upload under bukti/<action ID>/ beside the workbook; returns its relative path."""
    clean = check(name, data)
    folder_name = safe_name(action_id.replace("/", "-"))
    folder = workbook.parent / UPLOAD_DIR / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / clean
    stem, suffix = target.stem, target.suffix
    n = 2
    while target.exists():  # never overwrite an earlier upload
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    durable.atomic_write(target, data)
    return target.relative_to(workbook.parent).as_posix()


def local_file(workbook: Path, link: str) -> Path | None:
    """The uploaded file a Tautan names, if it is one: only inside bukti/ beside the workbook.

    A Tautan typed in Excel as "../../etc/passwd" or an absolute path is never served.
    """
    if not link or "://" in link or link.startswith(("/", "\\")):
        return None
    root = (workbook.parent / UPLOAD_DIR).resolve()
    try:
        target = (workbook.parent / link).resolve()
    except (OSError, ValueError):
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target


def local_files(workbook: Path, links: dict[str, str]) -> dict[str, Path]:
    """Evidence ID -> uploaded file, for the items whose Tautan names one."""
    found = {item: local_file(workbook, link) for item, link in links.items()}
    return {item: path for item, path in found.items() if path is not None}


def attach(plan: Plan, item: str, name: str, data: bytes, user: str) -> str:
    """Store an upload for evidence item `item`, put its path in Tautan (Belum Ada becomes
    Ada) and save; the stored file is removed again when the save is refused."""
    evidence = plan.evidence.set_index(EvidenceCol.ID)
    stored = store(plan.path, str(evidence.at[item, EvidenceCol.ACTION_ID]), name, data)
    change: dict[str, object] = {EvidenceCol.LINK: stored}
    if evidence.at[item, EvidenceCol.STATUS] == EvidenceStatus.MISSING:
        change[EvidenceCol.STATUS] = EvidenceStatus.PRESENT
    try:
        save_changes(
            plan.path,
            {Sheet.EVIDENCE: {item: change}},
            user=user,
            base_version=plan.version,
            base_values={Sheet.EVIDENCE: {item: {k: evidence.at[item, k] for k in change}}},
        )
    except WorkbookError:
        (plan.path.parent / stored).unlink(missing_ok=True)
        raise
    return stored
