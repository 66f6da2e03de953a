"""Evidence files uploaded from the dashboard, stored beside the workbook, one folder per action."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Final

import pandas as pd

from zi_dash.base import (
    EvidenceCol,
    EvidenceStatus,
    Role,
    Sheet,
    WorkbookError,
    add_link,
    durable,
    is_web_link,
    split_links,
    windows_reserved,
)
from zi_dash.workbook import Plan, load_plan, save_changes

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
# The columns and kinds of `listing`.
KIND: Final = "Jenis"
LINE: Final = "Isi"
KIND_FILE: Final = "Berkas"
KIND_WEB: Final = "Tautan"
KIND_MISSING: Final = "Berkas tidak ditemukan"
KIND_OTHER: Final = "Lainnya"
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
    if windows_reserved(stem):  # "CON.pdf" would be a device on a Windows server, not a file
        stem = f"berkas-{stem}"
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
    """Save an upload under bukti/<action ID>/ beside the workbook; returns its relative path.

    Never over an earlier file, even one stored at the same moment by another session: each
    name is created exclusively (O_EXCL) and a taken one moves on to "-2", "-3", ...
    durable.WriteError (Indonesian) when the folder cannot be written.
    """
    clean = check(name, data)
    folder = workbook.parent / UPLOAD_DIR / safe_name(action_id.replace("/", "-"))
    durable.make_dir(folder)
    stem, suffix = (path := PurePosixPath(clean)).stem, path.suffix
    target, n = folder / clean, 1
    while True:
        try:
            _write_new(target, data)
        except FileExistsError:
            n += 1
            target = folder / f"{stem}-{n}{suffix}"
            continue
        except OSError as exc:
            raise durable.write_error(target, exc) from exc
        return target.relative_to(workbook.parent).as_posix()


def _write_new(target: Path, data: bytes) -> None:
    """Create `target` (it must not exist yet) holding `data`; nothing is left if that fails."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        target.unlink(missing_ok=True)  # ours: created by this call, never an earlier upload
        raise


def linked_items(plan: Plan) -> pd.DataFrame:
    """The plan's evidence rows whose Tautan has a line: all `listing` and `downloads` need.

    Pure: the files those lines name are looked up on disk by `listing` and `downloads`.
    """
    evidence = plan.evidence
    keep = [bool(split_links(text)) for text in evidence[EvidenceCol.LINK]]
    return evidence.loc[pd.Series(keep, index=evidence.index, dtype=bool)]


def local_file(workbook: Path, link: str) -> Path | None:
    """The uploaded file one line of a Tautan names, if it is one: only inside bukti/ beside
    the workbook.

    A line typed in Excel as "../../etc/passwd", an absolute path or a symlink out of bukti/
    is never served.
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


def local_files(workbook: Path, links: Mapping[str, str]) -> dict[str, list[Path]]:
    """Evidence ID -> every uploaded file its Tautan names (one per line), in the cell's order.

    Each line is checked on its own by `local_file`; items without such a file are left out.
    """
    found: dict[str, list[Path]] = {}
    for item, text in links.items():
        paths = [local_file(workbook, line) for line in split_links(text)]
        if unique := list(dict.fromkeys(p for p in paths if p is not None)):
            found[item] = unique
    return found


def listing(workbook: Path, evidence: pd.DataFrame) -> pd.DataFrame:
    """One row per line of every item's Tautan: the item, what the line is, and its text.

    KIND says Berkas (an uploaded file that can be downloaded), Tautan (a web address, which
    alone goes into the LINK column, to be shown as a clickable link), Berkas tidak ditemukan
    (a path into bukti/ that names no file there) or Lainnya (any other text, shown as text).
    """
    rows = []
    for item, name, text in zip(
        evidence[EvidenceCol.ID], evidence[EvidenceCol.ITEM], evidence[EvidenceCol.LINK]
    ):
        for line in split_links(text):
            if is_web_link(line):
                kind = KIND_WEB
            elif local_file(workbook, line) is not None:
                kind = KIND_FILE
            elif line.replace("\\", "/").startswith(f"{UPLOAD_DIR}/"):
                kind = KIND_MISSING
            else:
                kind = KIND_OTHER
            url = line if kind == KIND_WEB else None
            rows.append((item, name, kind, url, line))
    columns = [EvidenceCol.ID, EvidenceCol.ITEM, KIND, EvidenceCol.LINK, LINE]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def downloads(workbook: Path, links: Mapping[str, str]) -> dict[str, Path]:
    """Every uploaded file under a label "ID bukti · name" (the path when names repeat)."""
    pairs = [(item, path) for item, paths in local_files(workbook, links).items() for path in paths]
    labels = [f"{item} · {path.name}" for item, path in pairs]
    root = (workbook.parent / UPLOAD_DIR).resolve()
    unique = [
        label if labels.count(label) == 1 else f"{item} · {path.relative_to(root).as_posix()}"
        for label, (item, path) in zip(labels, pairs)
    ]
    return {label: path for label, (_, path) in zip(unique, pairs)}


def attach(
    plan: Plan, item: str, name: str, data: bytes, user: str, role: Role = Role.EDITOR
) -> str:
    """Store an upload for evidence item `item`, add its path as a new line of Tautan (Belum
    Ada becomes Ada) and save; the stored file is removed again when the save is refused
    (also when `role` may not change Bukti: a penilai's upload).

    The Tautan is read from the file as it is now, so a link or file added since `plan` was
    loaded is kept, and a change made meanwhile to this very cell is a conflict, not a loss.
    """
    current = load_plan(plan.path)
    evidence = current.evidence.set_index(EvidenceCol.ID)
    if item not in evidence.index:
        raise WorkbookError(
            f'Butir bukti "{item}" tidak ada lagi di lembar "{Sheet.EVIDENCE}" workbook '
            f'"{plan.path.name}". Berkas tidak disimpan; muat ulang halaman.'
        )
    stored = store(plan.path, str(evidence.at[item, EvidenceCol.ACTION_ID]), name, data)
    change: dict[str, object] = {
        EvidenceCol.LINK: add_link(str(evidence.at[item, EvidenceCol.LINK]), stored)
    }
    if evidence.at[item, EvidenceCol.STATUS] == EvidenceStatus.MISSING:
        change[EvidenceCol.STATUS] = EvidenceStatus.PRESENT
    try:
        save_changes(
            plan.path,
            {Sheet.EVIDENCE: {item: change}},
            user=user,
            base_version=current.version,
            base_values={Sheet.EVIDENCE: {item: {k: evidence.at[item, k] for k in change}}},
            role=role,
        )
    except WorkbookError:
        (plan.path.parent / stored).unlink(missing_ok=True)
        raise
    return stored
