"""The Rekap Satker page: its tables and charts computed once per folder version, tanggal acuan
and filters, and its plan-year notice (the folder's years, not the picked unit's).

The key is the folder's summaries: each one stands for a file version (path, mtime, size) as of
the date (`analysis.rollup.read_all`), so a saved file gives a new key and nothing stale is
served. Shared by every session in this process, like `ui.cache`; cached values are never
mutated (a DataFrame comes back as a shallow copy). The pandas Styler is kept per session:
Streamlit computes on it while drawing, so two sessions must not share one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, Final, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from zi_dash.analysis import readiness as ready
from zi_dash.analysis import rollup
from zi_dash.analysis.rollup import UnitSummary
from zi_dash.base import fmt, format_date
from zi_dash.charts import rollup as charts
from zi_dash.ui.session import Key
from zi_dash.ui.units import Folder, rekap_table

T = TypeVar("T")
SHARED_ENTRIES: Final = 16  # a few folders' versions, dates and filter combinations
STYLED_KEY: Final = "_rekap_styled"  # session-state key of the session's styled table
READY_STYLED_KEY: Final = "_rekap_ready_styled"  # and of its styled readiness list
NOTICE_BUTTONS: Final = 4  # at most this many "Pakai <date>" buttons, latest years first

_shared: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class Shown:
    """What the filters keep: the rows, and the heat map and ranking of those rows."""

    rows: pd.DataFrame
    heatmap: go.Figure
    ranking: go.Figure


def _version(found: Folder) -> tuple[UnitSummary, ...]:
    # Frozen summaries: hashing 550 costs about a millisecond; a hit compares them by identity.
    return tuple(found.summaries)


def _cached(key: Hashable, compute: Callable[[], T]) -> T:
    with _lock:
        if key in _shared:
            _shared.move_to_end(key)
            return _shared[key]
    value = compute()  # outside the lock: another session's page is not held up meanwhile
    with _lock:
        _shared[key] = value
        while len(_shared) > SHARED_ENTRIES:
            _shared.popitem(last=False)
    return value


def forget() -> None:
    """Drop every cached table and chart (tests)."""
    with _lock:
        _shared.clear()


def table(found: Folder) -> pd.DataFrame:
    """rollup.table of the folder as of its date, computed once per folder version and date."""
    frame = _cached(("table", _version(found), found.as_of),
                    lambda: rollup.table(found.summaries, found.as_of))  # fmt: skip
    return frame.copy(deep=False)


def shown(found: Folder, text: str, years: Sequence[int], flagged: bool) -> Shown:
    """The rows the filters keep and their charts, once per folder version, date and filters."""
    filters = (text, tuple(years), flagged)

    def compute() -> Shown:
        rows = rollup.select(table(found), text, years, flagged)
        areas = rollup.area_table(found.summaries).loc[rows.index]
        return Shown(rows, charts.heatmap(areas, found.as_of), charts.ranking(rows, found.as_of))

    return _cached(("shown", _version(found), found.as_of, filters), compute)


def readiness(found: Folder, picked: Shown) -> pd.DataFrame:
    """The readiness list (analysis.readiness) of the files the filters keep."""
    key = ("ready", _version(found), found.as_of, tuple(picked.rows.index))
    frame = _cached(key, lambda: ready.readiness([found.summaries[i] for i in picked.rows.index]))
    return frame.copy(deep=False)


def readiness_view(found: Folder, picked: Shown) -> None:
    """The readiness section: a count per group and the list, labelled penilaian mandiri."""
    frame = readiness(found, picked)
    st.subheader("Kesiapan Predikat (penilaian mandiri)")
    st.caption(
        f"{ready.MANDIRI} {ready.NEAR_MEANS} Yang menahan: setiap minimum yang belum terpenuhi."
    )
    counts = ready.counts(frame)
    for column, (group, count) in zip(st.columns(len(counts)), counts.items()):
        column.metric(group, count)
    kept = st.session_state.get(READY_STYLED_KEY)
    if kept is not None and kept[0] is picked:
        styler = kept[1]
    else:
        digits = {ready.ReadyCol.TOTAL: 2, ready.ReadyCol.TPI: 2, ready.ReadyCol.GAP: 2}
        formats = {col: partial(fmt.number, digits=d) for col, d in digits.items()}
        tpi = [ready.ReadyCol.TPI]  # the TPI has reviewed nothing yet: a dash, as on the Rekap
        styler = rendered_once(
            frame.style.format(formats, na_rep="").format(formats[tpi[0]], na_rep="–", subset=tpi)
        )
        st.session_state[READY_STYLED_KEY] = (picked, styler)
    st.dataframe(styler, hide_index=True, width="stretch",
                 column_config={ready.ReadyCol.HOLDS: st.column_config.TextColumn(width=420)},
                 placeholder="")  # fmt: skip


def rendered_once(styler: Any) -> Any:
    """The Styler with its rendering (pandas' `_compute` and `_translate`, which Streamlit calls
    on every run) worked out on the first run only: a kept Styler's data never changes, and
    redoing it was most of a warm rerun of 550 files. Keyed on the arguments, as pandas' own."""
    compute, translate = styler._compute, styler._translate
    done: dict[Any, Any] = {}

    def compute_once() -> Any:
        if "computed" not in done:
            done["computed"] = compute()
        return done["computed"]

    def translate_once(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(sorted(kwargs.items())), styler.uuid)
        if key not in done:
            done[key] = translate(*args, **kwargs)
        return done[key]

    styler._compute, styler._translate = compute_once, translate_once
    return styler


def styled(found: Folder, picked: Shown) -> Any:
    """The page's styled table of `picked.rows`, kept for this session while they stay."""
    kept = st.session_state.get(STYLED_KEY)
    if kept is not None and kept[0] is picked:
        return kept[1]
    value = rendered_once(rekap_table(picked.rows.copy(deep=False)))
    st.session_state[STYLED_KEY] = (picked, value)
    return value


def _set_as_of(day: date) -> None:
    st.session_state[Key.AS_OF] = day


def year_notice(summaries: Sequence[UnitSummary], as_of: date) -> None:
    """Say which plan years of the folder the tanggal acuan lies outside, and offer a date in each.

    Replaces the picked unit's own notice (ui.session), which on this page would speak of one
    file's year while the folder may hold several.
    """
    kept = st.session_state.get(Key.YEAR_NOTICE)
    if kept is not None and kept[0] is not None and kept[0] is st.session_state.get(Key.FOLDER):
        kept[1].empty()  # this run's: a slot of a run before is never touched
    years = pd.Series([s.year for s in summaries if not s.error and s.year], dtype="int64")
    counts = years[years != as_of.year].value_counts().sort_index()
    if counts.empty:
        return
    parts = [
        f"tahun {year} ({count} berkas): "
        + ("aksi yang belum selesai tampak terlambat" if year < as_of.year
           else "belum ada aksi yang dijadwalkan")
        for year, count in counts.items()
    ]  # fmt: skip
    box = st.container(border=True)
    box.warning(
        f"Tanggal acuan {format_date(as_of)} di luar tahun rencana {counts.sum()} dari "
        f"{len(years)} berkas terbaca: " + "; ".join(parts) + "."
    )
    row = box.container(horizontal=True)
    for year in sorted(counts.index, reverse=True)[:NOTICE_BUTTONS]:
        day = date(year, 12, 31) if year < as_of.year else date(year, 1, 1)
        row.button(
            f"Pakai {format_date(day)}", on_click=_set_as_of, args=(day,),
            key=f"rekap_as_of_{year}", icon=":material/event:",
        )  # fmt: skip
