"""The roll-up's summaries kept on disk beside the workbooks, so a new server reads no workbook
that has not changed: one small JSON file per folder (`FILE_NAME`, hidden: never a workbook).

Safe by construction: an entry is used only for the very file version (path, mtime, size, the
outside-edit copies' state) and tanggal acuan it was computed for, and only when the file was
written by this very code (`code_version`: a hash of zi_dash's own files, so a changed scoring
rule or a new summary field drops every entry). A corrupt, foreign or unreadable cache file is
ignored as a whole; a folder the server may not write to simply has no cache. JSON, never
pickle: a file in a shared folder must not be able to run code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from zi_dash.analysis.summary import UnitSummary
from zi_dash.analysis.unit_lke import LkeSummary

FILE_NAME: Final = ".zi-rekap-cache.json"
_SHARED_MODE: Final = 0o644  # as base.durable gives a new file
# Off in the tests of other concerns (tests/conftest.py): they count the files read.
ENABLED = True
FORMAT: Final = 1
_PACKAGE: Final = Path(__file__).resolve().parent.parent
_log = logging.getLogger(__name__)
# (path, mtime_ns, size, known state, as_of): analysis.rollup's key of a summary.
Key = tuple[str, int, int, tuple[int, ...], date]
# Folder -> (the cache file's mtime, size and inode, its entries as written).
_PARSED: dict[Path, tuple[tuple[int, int, int], dict[str, Any]]] = {}


@functools.cache
def code_version() -> str:
    """A hash of zi_dash's own files (code and LKE data): what computed a summary."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for file in sorted(_PACKAGE.rglob("*")):
        if file.is_file() and file.suffix in (".py", ".tsv", ".json", ".csv"):
            digest.update(str(file.relative_to(_PACKAGE)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _entry_key(key: Key) -> str:
    path, mtime, size, known, as_of = key
    return json.dumps([path, mtime, size, list(known), as_of.isoformat()])


def _encode(s: UnitSummary) -> dict[str, Any]:
    # vars, not dataclasses.asdict: its deep copies were most of a save of 550 summaries.
    out = dict(vars(s))
    out["lke"] = None if s.lke is None else dict(vars(s.lke))
    out["last_update"] = None if s.last_update is None else s.last_update.isoformat()
    return out


def _plain(value: object) -> object:
    """A numpy number as the Python number it equals."""
    item = getattr(value, "item", None)
    if item is None:
        raise TypeError(f"{type(value).__name__} is not JSON")
    return item()


def _decode(raw: dict[str, Any]) -> UnitSummary:
    """The summary of an entry; raises (TypeError, ValueError, KeyError) on anything else."""
    names = {f.name for f in dataclasses.fields(UnitSummary)}
    if set(raw) != names:
        raise KeyError("fields")
    lke = raw["lke"]
    if lke is not None:
        if set(lke) != {f.name for f in dataclasses.fields(LkeSummary)}:
            raise KeyError("lke fields")
        lke = LkeSummary(**{**lke, "below": tuple(lke["below"]), "short": tuple(lke["short"])})
    last = raw["last_update"]
    summary = UnitSummary(**{
        **raw, "lke": lke, "last_update": None if last is None else datetime.fromisoformat(last),
        "areas": tuple((str(area), value) for area, value in raw["areas"]),
    })  # fmt: skip
    for field in dataclasses.fields(UnitSummary):  # a number where a number belongs
        value = getattr(summary, field.name)
        if field.type in ("int", "float", "str") and type(value).__name__ not in (
            field.type, "int" if field.type == "float" else field.type,
        ):  # fmt: skip
            raise TypeError(field.name)
    return summary


def _file(folder: Path) -> Path:
    return folder / FILE_NAME


def _stamp(file: Path) -> tuple[int, int, int] | None:
    try:
        stat = file.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _entries(folder: Path) -> dict[str, Any]:
    """The cache file's entries as written, not yet decoded; {} for a missing or foreign file.

    Parsed once per version of the file (its mtime, size, inode): one changed workbook of 550
    then costs its own entry, not a parse of them all."""
    if not ENABLED:
        return {}
    file = _file(folder)
    stamp = _stamp(file)
    known = _PARSED.get(folder)
    if stamp is None:
        return {}
    if known is not None and known[0] == stamp:
        return known[1]
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        _log.info("Rekap: cache %s ignored: %s", file, exc)
        return {}
    ours = isinstance(raw, dict) and raw.get("version") == code_version()
    entries = raw.get("entries") if ours else None
    if not isinstance(entries, dict):  # another code's or no cache at all: nothing kept
        entries = {}
    _PARSED[folder] = (stamp, entries)
    return entries


def found(folder: Path, keys: Iterable[Key]) -> dict[Key, UnitSummary]:
    """The kept summaries of these keys, each for the file its key names (never another's); an
    entry that is not what this code wrote is left out (its file is read)."""
    entries = _entries(folder)
    out: dict[Key, UnitSummary] = {}
    for key in keys:
        raw = entries.get(_entry_key(key))
        if raw is None or key[1] < 0:
            continue
        try:
            summary = _decode(raw)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            _log.info("Rekap: cache entry of %s ignored: %s", key[0], exc)
            continue
        if summary.path == key[0]:
            out[key] = summary
    return out


def save(folder: Path, summaries: dict[Key, UnitSummary], keep: int) -> None:
    """Write these summaries with the ones kept before (newest last, at most `keep` entries:
    a few per file of the folder); quietly nothing when the folder cannot be written.
    Unreadable files' rows are not kept: a reader's timeout is no property of the file."""
    if not ENABLED:
        return
    fresh = {_entry_key(k): _encode(s) for k, s in summaries.items() if not s.error and k[1] >= 0}
    if not fresh:
        return
    old = {k: v for k, v in _entries(folder).items() if k not in fresh}  # as written
    entries = list({**old, **fresh}.items())[-keep:]
    tmp = None
    try:
        text = json.dumps({"version": code_version(), "entries": dict(entries)},
                          ensure_ascii=False, default=_plain)  # fmt: skip
        handle, tmp = tempfile.mkstemp(dir=folder, prefix=FILE_NAME, suffix=".tmp")
        # Not durable.atomic_write: a workbook save, under the workbook's lock that this store
        # never takes, deletes that writer's temp files as stale. Its mode, though: mkstemp's
        # 0600 would hide the summaries from a colleague's server or `rekap` on the folder.
        Path(tmp).chmod(_SHARED_MODE)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(tmp).replace(_file(folder))  # atomic: a reader sees the old file or the new one
        tmp = None
        stamp = _stamp(_file(folder))
        if stamp is not None:
            _PARSED[folder] = (stamp, dict(entries))
    except (OSError, TypeError, ValueError) as exc:
        _log.info("Rekap: cache %s not written: %s", _file(folder), exc)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()
