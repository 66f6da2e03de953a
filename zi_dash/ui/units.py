"""Folder mode ($ZI_FOLDER): the satker and year picker, and the roll-up the Rekap page shows.

Every page then works on the picked unit's workbook (`session.current_workbook`), editing
and its drafts included. The roll-up is read through `analysis.rollup`, whose per-file cache
lives in this process: a rerun reads nothing, a saved file is read again alone.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from zi_dash.analysis import rollup
from zi_dash.analysis.rollup import RekapCol, UnitSummary
from zi_dash.base import UNIT_PARAM, escape_md, fmt, folder_path, workbooks_in
from zi_dash.edit import DraftStore
from zi_dash.export import rollup as export_rollup
from zi_dash.ui.editor import leave_workbook
from zi_dash.ui.reading import Reading
from zi_dash.ui.session import Key, context, current_workbook, in_app
from zi_dash.ui.widgets import lazy


@dataclass(frozen=True)
class Folder:
    """This run's folder: its files' summaries (as of the date on Rekap) and the unit picked."""

    path: Path
    as_of: date
    summaries: list[UnitSummary]
    chosen: UnitSummary | None
    paths: tuple[Path, ...] = ()
    problem: str = ""  # why the unit asked for (address or session) cannot be shown


def _name(s: UnitSummary) -> str:
    return s.unit or s.file


def choose(path: str) -> None:
    """Make a unit's workbook the one every page shows (a callback: before the picker runs)."""
    if path != st.session_state.get(Key.UNIT_FILE):
        leave_workbook()  # a cell typed just before belongs to the unit shown so far
        st.session_state[Key.UNIT_FILE] = path
    if st.query_params.get(UNIT_PARAM) != Path(path).name:
        st.query_params[UNIT_PARAM] = Path(path).name  # a reload, a bookmark, a link keep it


def _unit_changed(readable: list[UnitSummary]) -> None:
    # Another satker: its plan of the year shown if it has one, else its latest.
    unit = st.session_state[Key.UNIT]
    before = next((s for s in readable if s.path == st.session_state.get(Key.UNIT_FILE)), None)
    files = sorted((s for s in readable if _name(s) == unit), key=lambda s: (s.year, s.file))
    same = [s for s in files if before is not None and s.year == before.year]
    choose((same or files[-1:])[0].path)


def _year_changed() -> None:
    choose(st.session_state[Key.UNIT_YEAR])


def _year_label(files: list[UnitSummary]) -> Any:
    years = [s.year for s in files]
    labels = {
        s.path: f"{s.year}" if years.count(s.year) == 1 else f"{s.year} · {s.file}" for s in files
    }
    return labels.__getitem__


def _wanted(summaries: list[UnitSummary]) -> str | None:
    """The file name of the unit asked for: the address's, else this session's, else None."""
    # The address wins (a link or bookmark); a page switch clears it, so the session's follows.
    asked = st.query_params.get(UNIT_PARAM)
    if asked:
        return asked
    previous = st.session_state.get(Key.UNIT_FILE)
    return Path(previous).name if previous else None


def _problem(where: Path, name: str, summaries: list[UnitSummary]) -> tuple[str, str | None]:
    """Why the unit named cannot be shown ('' if it can), and its path when it is in the folder."""
    # Only a name the folder listing holds is ever turned into a path: the address is input.
    found = next((s for s in summaries if s.file == name), None)
    if found is None:
        return (
            f'Berkas "{escape_md(name)}" tidak ada di folder "{escape_md(where)}": mungkin '
            "dipindah, diganti nama, atau dihapus. Pilih satker lain di panel kiri, atau "
            "kembalikan berkasnya lalu muat ulang halaman."
        ), None
    if found.error:
        return (
            f'**Workbook "{escape_md(name)}" tidak dapat dibaca**, jadi halaman ini tidak '
            f"menampilkan satker lain sebagai gantinya. {escape_md(found.error)} Perbaiki atau "
            "pulihkan berkasnya (salinan cadangan ada di folder .backup/) lalu muat ulang "
            "halaman, atau pilih satker lain di panel kiri."
        ), found.path
    return "", found.path


def picker() -> Folder | None:
    """In folder mode, the sidebar's satker and year; None when one workbook is configured."""
    where = folder_path()
    if where is None:
        return None
    as_of = st.session_state.get(Key.AS_OF) or date.today()
    paths = tuple(workbooks_in(where))
    # Satuan kerja and year only: a new tanggal acuan on any page re-reads no file.
    summaries = rollup.identify_all(paths, as_of, progress=Reading())
    readable = [s for s in summaries if not s.error]
    name = _wanted(summaries) or (readable[0].file if readable else None)
    problem, path = _problem(where, name, summaries) if name else ("", None)
    if path is not None:
        choose(path)  # kept while its file is unreadable: it comes back once readable again
    chosen = next((s for s in readable if s.path == path), None)
    with st.sidebar:
        if not readable:
            st.warning(
                f'Tidak ada workbook yang dapat dibaca di folder "{escape_md(where)}". '
                "Lihat Rekap Satker untuk alasannya."
            )
        else:
            _pick(readable, chosen)
    folder = Folder(where, as_of, summaries, chosen, paths, problem)
    st.session_state[Key.FOLDER] = folder
    return folder


def _pick(readable: list[UnitSummary], chosen: UnitSummary | None) -> None:
    # Key.UNIT_FILE is the truth; the two widgets are set from it on every run (Streamlit
    # gives app.py's widgets a new identity after the first run, which would reset them).
    # None: the unit asked for cannot be shown, and the page says why; nothing is put instead.
    units = sorted({_name(s) for s in readable}, key=str.casefold)
    files = sorted(
        (s for s in readable if chosen is not None and _name(s) == _name(chosen)),
        key=lambda s: (s.year, s.file),
    )
    st.session_state[Key.UNIT] = _name(chosen) if chosen else None
    st.session_state[Key.UNIT_YEAR] = chosen.path if chosen else None
    st.selectbox("Satuan kerja", units, key=Key.UNIT, on_change=_unit_changed, args=(readable,),
                 placeholder="Pilih satker")  # fmt: skip
    # With no satker chosen the list is empty: Streamlit's own placeholder would be English.
    st.selectbox("Tahun rencana", [s.path for s in files], key=Key.UNIT_YEAR,
                 format_func=_year_label(files), on_change=_year_changed,
                 placeholder="Pilih satker dulu")  # fmt: skip
    st.divider()


def folder() -> Folder | None:
    """The folder app.py read for this run (None outside folder mode); for the Rekap page."""
    if not in_app():
        context()  # a deep link or AppTest: runs app.py in place, then stops
    found: Folder | None = st.session_state.get(Key.FOLDER)
    if found is None or folder_path() is None:
        return None
    # The figures as of the date: only files changed since, or never read at it, are read.
    summaries = rollup.read_all(found.paths, found.as_of, progress=Reading())
    return dataclasses.replace(found, summaries=summaries)


def other_drafts(user: str) -> None:
    """On a Sunting page in folder mode: the editor's unsaved drafts in other units, to open."""
    found: Folder | None = st.session_state.get(Key.FOLDER)
    if found is None or folder_path() is None:
        return
    here = str(current_workbook())
    stores = ((s, DraftStore(Path(s.path))) for s in found.summaries if s.path != here)
    waiting = [(s, n) for s, store in stores if (n := store.load(user).count())]
    if not waiting:
        return
    box = st.container(border=True)
    box.markdown(f"**Draf Anda di satker lain** ({len(waiting)}): belum disimpan ke workbook-nya.")
    for s, count in waiting:
        year = f" · {s.year}" if s.year else ""
        # A button, not st.page_link: a link to the same page with another ?berkas= was
        # overridden by the picker's widgets in Chromium; choose() sets the address as well.
        box.button(
            f"{escape_md(_name(s))}{year} ({escape_md(s.file)}): {count} perubahan",
            on_click=choose, args=(s.path,), key=f"open_draft_{s.file}",
            icon=":material/edit_note:", type="tertiary",
        )  # fmt: skip


def pages(sections: dict[str, list[Any]], found: Folder | None) -> dict[str, list[Any]]:
    """The navigation: the Rekap Satker first in folder mode; only it when nothing is readable."""
    if found is None:
        return sections
    alone = found.chosen is None and not found.problem  # the unit's pages then say why not
    rekap = st.Page("pages/rekap.py", title="Rekap Satker", icon=":material/table_chart:",
                    default=alone)  # fmt: skip
    if alone:
        return {"Satker": [rekap]}
    return {"Satker": [rekap], **sections}


# Widths in pixels up to Keterangan (flags and reason, rollup.RekapCol's order): together 790
# px, within the table's 818 px beside the sidebar on a 1280 px screen (measured in Chromium).
# The file stays pinned while the figures scroll past, so a row is always named.
COLUMN_CONFIG: dict[str, Any] = {
    RekapCol.FILE: st.column_config.TextColumn(RekapCol.FILE, width=150, pinned=True),
    RekapCol.UNIT: st.column_config.TextColumn(RekapCol.UNIT, width=160),
    RekapCol.YEAR: st.column_config.NumberColumn(RekapCol.YEAR, format="%d", width=55),
    RekapCol.STALE: st.column_config.CheckboxColumn(RekapCol.STALE, width=100),
    RekapCol.DUPLICATE: st.column_config.CheckboxColumn(RekapCol.DUPLICATE, width=75),
    RekapCol.NOTE: st.column_config.TextColumn(RekapCol.NOTE, width=250),
    RekapCol.LAST: st.column_config.DatetimeColumn(RekapCol.LAST, format="DD/MM/YYYY HH:mm"),
}
# Decimals the Indonesian way ("75,0", "11,50"): Streamlit's printf formats only write "75.0",
# so the numbers go through a pandas Styler (its text is shown, the numbers still sort).


def rekap_table(frame: pd.DataFrame) -> Any:
    """The roll-up table styled for the page: Indonesian decimals, blanks for unread files."""
    formats = {
        col: partial(fmt.number, digits=digits)
        for col, digits in rollup.DIGITS.items()
        if col in frame.columns
    }
    styled = frame.style.format(formats, na_rep="")
    if RekapCol.TPI in frame.columns:  # the TPI has reviewed nothing yet: a dash, not a blank
        shown = partial(fmt.number, digits=rollup.DIGITS[RekapCol.TPI])
        styled = styled.format(shown, na_rep="–", subset=[RekapCol.TPI])
    return styled


def unit_label(s: UnitSummary) -> str:
    """ "KPU Kota Tegal · 2022 (rencana_aksi.xlsx)"."""
    return f"{_name(s)} · {s.year} ({s.file})"


def rekap_downloads(found: Folder) -> None:
    """The roll-up as XLSX (Rekap and Per Area sheets) and as a DOCX section with its charts."""
    stem = export_rollup.file_stem(found.as_of)
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        "Unduh rekap (.xlsx)",
        lazy(partial(export_rollup.rekap_xlsx, found.summaries, found.as_of), f"{stem}.xlsx"),
        file_name=f"{stem}.xlsx", on_click="ignore", icon=":material/table:",
    )  # fmt: skip
    docx = partial(export_rollup.rekap_docx_with_charts, found.summaries, found.as_of, found.path)
    row.download_button(
        "Unduh bagian laporan (.docx)", lazy(docx, f"{stem}.docx"),
        file_name=f"{stem}.docx",
        on_click="ignore", icon=":material/description:",
    )  # fmt: skip
