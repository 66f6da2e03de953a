"""The session: state keys, the cached plan, the shared sidebar and the Context pages read."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import CodeType
from typing import Any, Final, NoReturn

import pandas as pd
import streamlit as st

from zi_dash.analysis import filters as flt
from zi_dash.base import (
    PROJECT_ROOT,
    LogCol,
    WorkbookError,
    escape_md,
    folder_path,
    format_date,
    format_datetime,
    workbook_path,
)
from zi_dash.ui import cache
from zi_dash.workbook import Plan, load_tracked


class Key:
    """Session-state keys shared by app.py and the pages."""

    AS_OF: Final = "as_of"
    AREAS: Final = "filter_areas"
    COMPONENTS: Final = "filter_components"
    STATUSES: Final = "filter_statuses"
    PICS: Final = "filter_pics"
    MONTHS: Final = "filter_months"
    CONTEXT: Final = "context"
    MEETING_SCREEN: Final = "meeting_screen"
    EXPORT: Final = "export_package"
    USER: Final = "editor_user"
    ROLE: Final = "editor_role"  # the account's Role value, looked up at login (ui.account)
    LOGIN_NAME: Final = "login_name"
    LOGIN_PASSWORD: Final = "login_password"
    FLASH: Final = "flash_message"
    EDITOR_GEN: Final = "editor_generation"  # bumped to give st.data_editor a fresh key
    GRID: Final = "edit_grid_{}"  # .format(sheet): (editor generation, row IDs, values shown)
    ASK_LOGOUT: Final = "ask_logout"
    EDITOR: Final = "editor_{}_{}"  # .format(sheet, generation): its st.data_editor
    UNIT_FILE: Final = "unit_file"  # folder mode: the picked unit's workbook, a path
    UNIT: Final = "unit_satker"  # folder mode: the satker widget (follows UNIT_FILE)
    UNIT_YEAR: Final = "unit_year"  # folder mode: the year widget (a path; follows UNIT_FILE)
    FOLDER: Final = "folder"  # folder mode: this run's ui.units.Folder
    YEAR_NOTICE: Final = "year_notice"  # (the run's FOLDER, its plan-year notice's st.empty)


@dataclass(frozen=True)
class Context:
    """What every page works from: the whole plan, the filtered plan and the as-of date."""

    plan: Plan
    view: Plan
    as_of: date
    filters: flt.Filters


@st.cache_data(show_spinner=False, max_entries=4)
def load_plan_cached(path: str, mtime_ns: int, size: int) -> Plan:
    """The plan of a workbook version (path, mtime, size), read once per version."""
    # mtime and size are part of the key: a saved workbook is read again, an unchanged one never.
    del mtime_ns, size
    # With the cells changed outside the dashboard since its last save (Plan.outside).
    return load_tracked(path)


def current_workbook() -> Path:
    """The workbook pages show and edit: in folder mode the unit picked, else $ZI_WORKBOOK."""
    chosen = st.session_state.get(Key.UNIT_FILE)
    return Path(chosen) if chosen and folder_path() is not None else workbook_path()


def load_current_plan() -> Plan:
    """The workbook's plan, cached on path and modification time; stops the page on error."""
    path = current_workbook()
    try:
        stat = path.stat()
    except OSError:
        st.error(
            f'Workbook "{escape_md(path)}" tidak ditemukan. Atur lokasinya dengan variabel '
            "lingkungan ZI_WORKBOOK atau letakkan berkas di data/rencana_aksi.xlsx."
        )
        _stop_before_navigation()
    try:
        plan = cache.loaded((str(path), stat.st_mtime_ns, stat.st_size), load_plan_cached)
    except WorkbookError as exc:
        # The message quotes cell values: drawn as typed, its line breaks kept.
        st.error(f"**Workbook tidak dapat dibaca.** {escape_md(exc)}")
        _stop_before_navigation()
    if plan.warnings:
        _show_warnings(plan.warnings)
    return plan


def _nothing() -> None:
    """The only page while the workbook cannot be read: the message above is all it shows."""


def _stop_before_navigation() -> NoReturn:
    # Without an st.navigation in the run, Streamlit lists the raw pages/ file names.
    st.navigation([st.Page(_nothing, title="Dasbor Rencana Aksi ZI")], position="hidden")
    st.stop()
    raise AssertionError("unreachable")


def _show_warnings(warnings: tuple[str, ...]) -> None:
    # st.text: the lines quote workbook cells (IDs), never drawn as Markdown.
    st.warning(
        f"**{len(warnings)} aksi di workbook berisi Status dan Progres yang bertentangan**; "
        "angkanya dipakai apa adanya sampai diperbaiki di Excel atau di halaman Sunting."
    )
    with st.expander("Sel yang bertentangan"):
        for line in warnings:
            st.text(line)


def clear_plan_cache() -> None:
    """Forget cached plans and what was computed from them (after a save)."""
    load_plan_cached.clear()
    cache.forget()


def _multiselect(label: str, key: str, choices: list[tuple[str, str]]) -> tuple[str, ...]:
    labels = dict(choices)
    # Drop remembered choices the workbook no longer has, instead of failing the widget.
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in labels]
    picked = st.multiselect(
        label, list(labels), format_func=labels.__getitem__, key=key, placeholder="Semua"
    )
    return tuple(picked)


# A save stamps its Riwayat rows a moment before the file is written: within this, the file's
# time is that save's, so the logged user is who changed it.
_SAVE_SLACK: Final = timedelta(minutes=1)


def _changed_lines(plan: Plan) -> list[str]:
    # Who changed the file is said only when its time is that of the last logged change.
    changed = f"Diubah {format_datetime(plan.modified)}"
    log = plan.log  # outside edits come last
    if log.empty:
        return [changed]
    last = log.iloc[-1]
    when, user = last[LogCol.TIME], last[LogCol.USER]
    who = "" if pd.isna(user) else str(user).strip()
    if not isinstance(when, datetime) or pd.isna(when):  # a time typed by hand as text
        return [changed]
    by = f" oleh {escape_md(who)}" if who else ""
    if abs(plan.modified - when) <= _SAVE_SLACK:
        return [changed + by]
    # A copied file, a restored backup, a save that logged nothing: two unrelated facts.
    return [changed, f"Perubahan tercatat terakhir: {format_datetime(when)}{by}"]


_KEPT: Final = (Key.AS_OF, Key.AREAS, Key.COMPONENTS, Key.STATUSES, Key.PICS, Key.MONTHS)


def keep_choices() -> None:
    """Carry the tanggal acuan and filters over a page switch (call before any widget)."""
    # Streamlit gives app.py's widgets a new identity when the page changes and drops the
    # old one's value; a value set through session_state is kept instead.
    for key in _KEPT:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def sidebar(plan: Plan) -> Context:
    """The shared sidebar: workbook, tanggal acuan and filters; stores and returns the Context."""
    with st.sidebar:
        st.caption(
            f"**{escape_md(plan.info.unit)}** · Rencana Aksi ZI {plan.year}  \n"
            f"Workbook: {escape_md(Path(plan.path).name)}  \n" + "  \n".join(_changed_lines(plan))
        )
        if Key.AS_OF not in st.session_state:
            st.session_state[Key.AS_OF] = date.today()
        as_of = st.date_input("Tanggal acuan", key=Key.AS_OF, format="DD/MM/YYYY")
        choices = cache.options(plan)
        st.markdown("**Saring**")
        filters = flt.Filters(
            areas=_multiselect("Area", Key.AREAS, choices["areas"]),
            components=_multiselect("Komponen", Key.COMPONENTS, choices["components"]),
            statuses=_multiselect("Status", Key.STATUSES, choices["statuses"]),
            pics=_multiselect("Penanggung jawab", Key.PICS, choices["pics"]),
            months=_multiselect("Bulan target", Key.MONTHS, choices["months"]),
        )
    _outside_the_plan_year(plan, as_of)
    # Figures "per tanggal acuan" show the plan as it stood then, rebuilt from the Riwayat log.
    context = Context(plan, cache.view(plan, as_of, filters), as_of, filters)
    st.session_state[Key.CONTEXT] = context
    return context


def _set_as_of(day: date) -> None:
    st.session_state[Key.AS_OF] = day


def _outside_the_plan_year(plan: Plan, as_of: date) -> None:
    """Say so when the tanggal acuan lies outside the plan's year, and offer one in it."""
    st.session_state[Key.YEAR_NOTICE] = None
    if not plan.year or as_of.year == plan.year:
        return
    year_end = date(plan.year, 12, 31)
    choices = [year_end if as_of > year_end else date(plan.year, 1, 1)]
    last_change = plan.modified.date()
    if last_change.year == plan.year and last_change not in choices:
        choices.append(last_change)
    # In a slot: the Rekap page replaces it with the folder's years (ui.rekap.year_notice) and
    # Mode Rapat with one line. The run's Folder (a new one every run) tells this run's slot
    # from one of a run before.
    slot = st.empty()
    short = f"Tanggal acuan di luar tahun rencana {plan.year}"
    st.session_state[Key.YEAR_NOTICE] = (st.session_state.get(Key.FOLDER), slot, short, choices)
    box = slot.container(border=True)
    box.warning(
        f"Rencana aksi ini untuk tahun {plan.year}, sedangkan tanggal acuan "
        f"{format_date(as_of)} di luar tahun itu: "
        + ("semua aksi yang belum selesai tampak terlambat." if as_of > year_end else
           "belum ada aksi yang dijadwalkan.")
    )  # fmt: skip
    row = box.container(horizontal=True)
    for i, day in enumerate(choices):
        label = "perubahan terakhir workbook, " if i else ""
        row.button(
            f"Pakai {label}{format_date(day)}", on_click=_set_as_of, args=(day,),
            key=f"as_of_in_year_{i}", icon=":material/event:",
        )  # fmt: skip


def projector_year_notice(row: Any) -> None:
    """Mode Rapat: this run's plan-year notice as one line and one button in `row`.

    The full notice (a box, a sentence, up to two buttons) would push the screen past 720 px.
    Mode Rapat runs only after this run's sidebar, which resets the notice first, so a notice
    found here is this run's.
    """
    kept = st.session_state.get(Key.YEAR_NOTICE)
    if kept is None:
        return
    _, slot, short, choices = kept
    slot.empty()
    row.markdown(f"**⚠ {escape_md(short)}**")  # plain ink: colours fade on a projector
    row.button(
        f"Pakai {format_date(choices[0])}", on_click=_set_as_of, args=(choices[0],),
        key="as_of_in_year_rapat", icon=":material/event:",
    )  # fmt: skip


_RUN: Final = threading.local()  # Streamlit runs each script run in its own thread
REKAP_PATH: Final = "rekap"  # pages/rekap.py's address in st.navigation
APP_SCRIPT: Final = PROJECT_ROOT / "app.py"


def run_pages(pages: dict[str, list[Any]], blocked: str = "") -> None:
    """Run st.navigation over sections of pages; pages know they were entered through app.py.

    `blocked`: why the unit asked for cannot be shown; its pages say so instead of running
    (the Rekap Satker still runs, below the same message).
    """
    navigation = st.navigation(pages)
    if blocked:
        st.error(blocked, icon=":material/error:")
        if navigation.url_path != REKAP_PATH:
            st.title(navigation.title)
            return
    # A flag of this thread, not of session_state: a state write in `finally` is lost when
    # the page ends in st.stop/st.rerun, and a stale flag made later runs skip app.py.
    _RUN.in_app = True
    try:
        navigation.run()
    finally:
        _RUN.in_app = False


def in_app() -> bool:
    """True while app.py's st.navigation runs the page (not a page run on its own)."""
    return getattr(_RUN, "in_app", False)


@functools.cache
def _app_code_of(path: str, mtime_ns: int) -> CodeType:
    del mtime_ns  # part of the key: an edited app.py is compiled again
    return compile(Path(path).read_bytes(), path, "exec")


def _app_code() -> CodeType:
    return _app_code_of(str(APP_SCRIPT), APP_SCRIPT.stat().st_mtime_ns)


def context() -> Context:
    """The Context app.py prepared for this run.

    Streamlit runs a pages/ file on its own when the first request after a server start is a
    deep link (its legacy multipage mode), and AppTest does so on every run of a page. Such a
    run executes app.py in place, which runs this page again inside st.navigation, then stops:
    no rerun happens, so the page's widget values (an edit, a click) are kept.
    """
    if not in_app():
        # exec of app.py's code compiled once: runpy re-read, re-compiled and probed it as a zip
        # archive on every such run.
        exec(_app_code(), {"__name__": "__main__", "__file__": str(APP_SCRIPT)})
        st.stop()
    return st.session_state[Key.CONTEXT]
