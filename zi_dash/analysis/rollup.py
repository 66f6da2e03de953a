"""The roll-up of a folder of workbooks: one summary per satker and year (the Rekap Satker).

Each file is read and summed up in a worker process (a few numbers travel back, never the
plan); summaries are kept per file version (path, mtime, size) and tanggal acuan, so a rerun
reads nothing and a saved file is read again alone. The figures are the unit pages' own, by
the same functions: the plan loaded with its outside edits (`load_tracked`), seen as of the
date by `filters.view`, summed up by `metrics.headline`. The LKE: the plan's coverage of it
(`coverage.coverage`), never a predicate (a plan's progress is not the LKE score), and apart
from it the LKE sheet's penilaian mandiri (`unit_lke`), read with the plan in the same load.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

import pandas as pd

from zi_dash.analysis import rollup_store
from zi_dash.analysis.coverage import coverage
from zi_dash.analysis.filters import Filters, view
from zi_dash.analysis.lke import area_means
from zi_dash.analysis.metrics import headline
from zi_dash.analysis.summary import COLUMNS, DIGITS, RekapCol, UnitSummary
from zi_dash.analysis.unit_lke import NO_SHEET, UNREADABLE, lke_summary
from zi_dash.base import (
    AREA_CODES,
    ActionCol,
    AreaCol,
    EvidenceCol,
    LogCol,
    fold,
    processes,
)
from zi_dash.base import contract as c
from zi_dash.workbook import Plan, WorkbookError, load_tracked, outside

# A file's time limit in a reader: far above any plan's read (40,000 rows: about 2 s), short
# enough for a page to wait on a file that hangs a reader.
FILE_SECONDS: Final = 20.0
# Files per step of a warm: each step's summaries are kept on disk before the next is read.
WARM_BATCH: Final = 64
# What the readers' fork server imports once, so that every reader starts with it (the
# `rekap` command names it too, to start the readers before it imports this module itself).
READER_MODULES: Final = (__name__,)
_log = logging.getLogger(__name__)


def _last_update(plan: Plan, then: Plan, end: datetime) -> datetime | None:
    """The latest change the Riwayat page lists, Diperbarui stamp or file modification to `end`.

    Riwayat lists the outside edits found too (dated at the file's modification); an Excel edit
    of a file with no copy to compare is found by no one: the modification time stands for it.
    """
    moments = [t for t in plan.log[LogCol.TIME].tolist() if isinstance(t, datetime)]
    for frame, column in ((then.actions, ActionCol.UPDATED), (then.evidence, EvidenceCol.UPDATED)):
        moments += [t for t in frame[column].tolist() if isinstance(t, datetime)]
    moments.append(plan.modified)
    moments = [t for t in moments if t == t and t <= end]  # NaT is not equal to itself
    return max(moments) if moments else None


def summarize(plan: Plan, as_of: date) -> UnitSummary:
    """The plan's roll-up row as it stood on `as_of` (the whole plan: no filter)."""
    then = view(plan, as_of, Filters())  # what the unit pages show of the whole plan then
    head = headline(then, as_of)  # the unit pages' own figures, by the same functions
    a = then.actions
    means = area_means(a[ActionCol.AREA].tolist(), a[ActionCol.PROGRESS].tolist())
    covers = coverage(then)
    return UnitSummary(
        path=str(plan.path),
        unit=plan.info.unit,
        year=plan.year,
        actions=head.actions,
        completion=head.completion,
        done=head.done,
        behind=head.behind,
        late=head.late,
        evidence=head.evidence,
        covered_weight=covers.covered_weight,
        lke_weight=covers.total_weight,
        covered_projection=covers.projection,
        uncovered=len(covers.uncovered),
        last_update=_last_update(plan, then, datetime.combine(as_of, time.max)),
        areas=tuple((area, means.get(area)) for area in then.areas[AreaCol.AREA].tolist()),
        lke=lke_summary(then),  # the answers as they stood on `as_of`, like the figures
    )


def summarize_file(path: str, as_of: date) -> UnitSummary:
    """One file's row; a file the loader refuses is a row with the loader's message."""
    try:
        # The unit pages' loader, so that both undo the same outside edits. Its look keeps no
        # copy of a file seen for the first time: the figures need none (with no copy a file
        # reads as it is, as it does on the unit page's first look, which keeps the very bytes
        # it read), and the roll-up reads every file of a folder that may be read-only to it:
        # 550 first looks would be 550 atomic writes with their fsyncs. The price, on Rekap and
        # the unit pages alike: an Excel edit before any unit page saw the file is undated.
        # The LKE sheet is read here, once per file version, with the plan (its own outside
        # edits undone too): the summary keeps its penilaian mandiri, a few numbers.
        plan = load_tracked(path, keep_first_look=False)
    except WorkbookError as exc:
        try:  # a broken LKE sheet costs the LKE columns only, never the plan's figures
            plan = load_tracked(path, keep_first_look=False, lke=False)
        except WorkbookError as plan_exc:
            return UnitSummary(path, error=str(plan_exc))
        return dataclasses.replace(summarize(plan, as_of), lke_error=str(exc))
    return summarize(plan, as_of)


def _failed_row(path: str, failure: processes.Failed) -> UnitSummary:
    """The row of a file whose reader crashed, hung or hit a bug: the reason in Indonesian."""
    if failure.kind == processes.TIMEOUT:
        reason = f"pembacaannya melebihi batas waktu {FILE_SECONDS:g} detik"
    elif failure.kind == processes.CRASH:
        reason = "proses pembacanya berhenti mendadak"
    else:  # a bug in the reader, not the file's fault: the server's log has the details
        reason = "terjadi kesalahan tak terduga saat membacanya (rincian di log server)"
        _log.error("Rekap: %s could not be summed up: %s", path, failure.detail)
    name = Path(path).name
    return UnitSummary(path, error=f'Berkas "{name}" tidak dapat diringkas: {reason}.')


# Told (files read so far, files to read) while a look reads files: the page's progress bar.
Progress = Callable[[int, int], None]


def _read_many(
    paths: Sequence[str], as_of: date, in_process: bool, progress: Progress | None = None
) -> list[UnitSummary]:
    """Each file's summary, read in the reader pool (in this process only when asked)."""
    told = (lambda done: progress(done, len(paths))) if progress else None
    if told:
        told(0)
    if not in_process:
        try:
            results = processes.run(
                summarize_file, paths, as_of, FILE_SECONDS, READER_MODULES, progress=told
            )
        except (OSError, RuntimeError):  # no processes allowed here: read them one by one
            _log.warning("Rekap: no reader processes; reading %d files in the server", len(paths))
        else:
            return [
                _failed_row(p, r) if isinstance(r, processes.Failed) else r
                for p, r in zip(paths, results)
            ]
    out = []
    for path in paths:
        out.append(summarize_file(path, as_of))
        if told:
            told(len(out))
    return out


# (path, mtime_ns, size, known state, as_of) -> summary; lives as long as the process.
_Key = tuple[str, int, int, tuple[int, ...], date]
_CACHE: dict[_Key, UnitSummary] = {}
# (path, mtime_ns, size) -> the last summary read of that file version, whatever its date.
_LAST: dict[tuple[str, int, int], UnitSummary] = {}


def _key(path: Path, as_of: date) -> _Key:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1, (), as_of)  # gone or unreadable: the loader says why
    # The copies outside edits are found against are part of the version: when one changes
    # (a save, a unit page's first look, a cleared .backup/) the file is summed up again.
    return (str(path), stat.st_mtime_ns, stat.st_size, outside.known_state(path), as_of)


def read_all(
    paths: Sequence[Path], as_of: date, in_process: bool = False, progress: Progress | None = None
) -> list[UnitSummary]:
    """Every file's summary as of `as_of`, in the given order; only changed files are read."""
    keys = [_key(p, as_of) for p in paths]
    # Local copies: another session may trim the shared cache meanwhile (Streamlit threads).
    found = {k: _CACHE.get(k) for k in keys}
    missing = [k for k, v in found.items() if v is None]
    if missing:
        kept = _kept_or_read(missing, as_of, in_process, len(keys), progress)
        for key, summary in kept.items():
            _CACHE[key] = _LAST[key[:3]] = found[key] = summary
    _trim(_CACHE, found, len(keys))
    return [found[k] for k in keys]  # type: ignore[misc]  # every key is filled above


def _kept_or_read(
    keys: Sequence[_Key], as_of: date, in_process: bool, files: int, progress: Progress | None
) -> dict[_Key, UnitSummary]:
    """Each key's summary: kept on disk beside its file (rollup_store), else read and kept
    (a few versions per file of the `files` asked for, as in memory)."""
    out: dict[_Key, UnitSummary] = {}
    folders: dict[Path, list[_Key]] = {}
    for key in keys:
        folders.setdefault(Path(key[0]).parent, []).append(key)
    for folder, group in folders.items():
        kept = rollup_store.found(folder, group)
        unread = [k for k in group if k not in kept]
        read = (
            dict(zip(unread, _read_many([k[0] for k in unread], as_of, in_process, progress)))
            if unread
            else {}  # the reader pool is not even started
        )
        if read:
            rollup_store.save(folder, read, max(4 * files, 256))
        out.update(kept)
        out.update(read)
    return out


def identify_all(
    paths: Sequence[Path], as_of: date, progress: Progress | None = None
) -> list[UnitSummary]:
    """Every file's satuan kerja, year or error (what does not depend on the date).

    A file version already summed up at any date is not read again; the others are read as of
    `as_of`. The sidebar's picker needs no more, and a new tanggal acuan re-reads nothing.
    """
    keys = [_key(p, as_of) for p in paths]
    found = {k[:3]: _LAST.get(k[:3]) for k in keys}  # the file's version, whatever its copies
    unknown = [k for k in keys if found[k[:3]] is None]
    if unknown:
        for key, summary in _kept_or_read(unknown, as_of, False, len(keys), progress).items():
            _CACHE[key] = _LAST[key[:3]] = found[key[:3]] = summary
    _trim(_LAST, found, len(keys))
    return [found[k[:3]] for k in keys]  # type: ignore[misc]  # every version is filled above


def warm(paths: Sequence[Path], as_of: date, batch: int = WARM_BATCH) -> int:
    """Keep every file's summary beside it (rollup_store) as a page's first look would, so that
    the page reads nothing; step by step, so a page opened meanwhile finds the steps done (and
    a warm stopped half-way keeps them). The number of files summed up."""
    done = 0
    for start in range(0, len(paths), batch):
        keys = [_key(p, as_of) for p in paths[start : start + batch]]
        # The folder's size, not the step's: the store keeps a few entries per file of it.
        done += len(_kept_or_read(keys, as_of, False, len(paths), None))
    return done


def _trim(cache: dict[Any, UnitSummary], asked: dict[Any, Any], count: int) -> None:
    """Keep the versions asked for last once the cache outgrows the folder several times."""
    if len(cache) > max(4 * count, 256):
        for key in [k for k in list(cache) if k not in asked]:
            cache.pop(key, None)


def forget() -> None:
    """Drop every cached summary (tests)."""
    _CACHE.clear()
    _LAST.clear()


def duplicates(summaries: Sequence[UnitSummary]) -> dict[str, list[str]]:
    """Path -> the other files claiming the same satuan kerja and year."""
    claims: dict[tuple[str, int], list[UnitSummary]] = {}
    for s in summaries:
        if not s.error:
            claims.setdefault((fold(s.unit), s.year), []).append(s)
    return {
        s.path: [o.file for o in group if o is not s]
        for group in claims.values()
        if len(group) > 1
        for s in group
    }


def area_codes(summaries: Sequence[UnitSummary]) -> list[str]:
    """The areas of the roll-up, in the LKE's order."""
    seen = {area for s in summaries for area, _ in s.areas}
    return [a for a in AREA_CODES if a in seen] + sorted(seen - set(AREA_CODES))


# What the LKE columns are, and are not: said under the page's figures and in the DOCX.
COVERS: Final = (
    "Cakupan LKE = bobot subkomponen LKE yang didukung aksi rencana (dari 60 poin pengungkit); "
    "proyeksi bagian tercakup = bobot tercakup × capaian aksinya. Keduanya bukan nilai LKE "
    "(nilai itu datang dari jawaban lembar LKE) dan tidak menentukan kelulusan satker."
)


def _round(value: float, column: str, readable: bool) -> float | None:
    return round(value, DIGITS[column]) if readable else None


def _lke_cells(s: UnitSummary) -> dict[str, object]:
    """The penilaian mandiri's cells: blank for an unreadable file, never 0 without a sheet."""
    u = s.lke
    if u is None:
        return {RekapCol.PREDICATE: None if s.error else UNREADABLE if s.lke_error else NO_SHEET}
    return {
        RekapCol.LKE_TOTAL: round(u.total, 2), RekapCol.PREDICATE: u.predicate,
        RekapCol.TPI: None if u.tpi is None else round(u.tpi, 2),
        RekapCol.PENGUNGKIT: round(u.pengungkit, 2), RekapCol.HASIL: round(u.hasil, 2),
        RekapCol.BELOW: ", ".join(u.below), RekapCol.ANSWERED: u.answered,
        RekapCol.EVIDENCED: u.evidenced, RekapCol.LKE_PROBLEMS: u.problems,
    }  # fmt: skip


def table(summaries: Sequence[UnitSummary], as_of: date) -> pd.DataFrame:
    """One row per file, in the given order: the Rekap sheet and the page's table."""
    dup = duplicates(summaries)
    rows = []
    for s in summaries:
        readable = not s.error
        note = s.error or " ".join(filter(None, (
            "Satker dan tahun sama dengan " + ", ".join(dup[s.path]) if s.path in dup else "",
            s.lke_error,
        )))  # fmt: skip
        rows.append({
            RekapCol.FILE: s.file,
            RekapCol.UNIT: s.unit,
            RekapCol.YEAR: s.year if readable else None,
            RekapCol.ACTIONS: s.actions if readable else None,
            RekapCol.COMPLETION: _round(s.completion, RekapCol.COMPLETION, readable),
            RekapCol.DONE: s.done if readable else None,
            RekapCol.BEHIND: s.behind if readable else None,
            RekapCol.LATE: s.late if readable else None,
            RekapCol.EVIDENCE: _round(s.evidence, RekapCol.EVIDENCE, readable),
            RekapCol.COVERAGE: _round(s.covered_weight, RekapCol.COVERAGE, readable),
            RekapCol.COVERED: _round(s.covered_projection, RekapCol.COVERED, readable),
            RekapCol.UNCOVERED: s.uncovered if readable else None,
            **_lke_cells(s),
            RekapCol.LAST: s.last_update,
            RekapCol.AGE: s.age(as_of),
            RekapCol.STALE: s.stale(as_of),
            RekapCol.DUPLICATE: s.path in dup,
            RekapCol.NOTE: note,
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in (RekapCol.YEAR, RekapCol.ACTIONS, RekapCol.DONE, RekapCol.BEHIND, RekapCol.LATE,
                RekapCol.UNCOVERED, RekapCol.AGE, RekapCol.ANSWERED, RekapCol.EVIDENCED,
                RekapCol.LKE_PROBLEMS):  # fmt: skip
        frame[col] = frame[col].astype("Int64")  # whole numbers, blank for an unreadable file
    return frame


def area_table(summaries: Sequence[UnitSummary]) -> pd.DataFrame:
    """Capaian (%) per area of each file (blank: no actions there, or unreadable)."""
    codes = area_codes(summaries)
    rows = []
    for s in summaries:
        row: dict[str, object] = {
            RekapCol.FILE: s.file, RekapCol.UNIT: s.unit, RekapCol.YEAR: s.year or None,
        }  # fmt: skip
        values = dict(s.areas)
        for code in codes:
            value = values.get(code)
            row[area_label(code)] = None if value is None else round(value, 1)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[RekapCol.FILE, RekapCol.UNIT, RekapCol.YEAR,
                                        *map(area_label, codes)])  # fmt: skip
    frame[RekapCol.YEAR] = frame[RekapCol.YEAR].astype("Int64")
    return frame


def area_label(code: str) -> str:
    """ "III" -> "III. Penataan Sistem Manajemen SDM"."""
    name = c.AREA_NAMES.get(code)
    return f"{code}. {name}" if name else code


def select(
    frame: pd.DataFrame,
    text: str = "",
    years: Sequence[int] = (),
    flagged: bool = False,
) -> pd.DataFrame:
    """The rows the Rekap page's filters keep: satker text, years, only flagged."""
    keep = pd.Series(True, index=frame.index)
    if text.strip():
        needle = text.strip().casefold()
        keep &= frame[RekapCol.UNIT].str.casefold().str.contains(needle, regex=False) | frame[
            RekapCol.FILE
        ].str.casefold().str.contains(needle, regex=False)
    if years:
        keep &= frame[RekapCol.YEAR].isin(list(years)).fillna(False).astype(bool)
    if flagged:
        keep &= frame[RekapCol.STALE] | frame[RekapCol.DUPLICATE] | frame[RekapCol.NOTE].ne("")
    return frame[keep]
