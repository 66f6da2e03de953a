"""The one Streamlit module of the core: caching wrappers, session-state keys, shared widgets.

The logic behind every widget is in the streamlit-free core (editing, saving, uploads, ...).
"""

from __future__ import annotations

import runpy
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from zi_dash import chart_style, render
from zi_dash import filters as flt
from zi_dash.config import workbook_path
from zi_dash.contract import ActionCol, EvidenceCol
from zi_dash.history import rewind
from zi_dash.schedule import format_date
from zi_dash.workbook import Plan, WorkbookError, load_plan


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
    LOGIN_FAILS: Final = "login_failures"
    LOGIN_NAME: Final = "login_name"
    LOGIN_PASSWORD: Final = "login_password"
    FLASH: Final = "flash_message"
    EDITOR_GEN: Final = "editor_generation"  # bumped to give st.data_editor a fresh key
    EDITOR: Final = "editor_{}_{}"  # .format(sheet, generation): its st.data_editor
    IN_APP: Final = "_in_app"


@dataclass(frozen=True)
class Context:
    """What every page works from: the whole plan, the filtered plan and the as-of date."""

    plan: Plan
    view: Plan
    as_of: date
    filters: flt.Filters


@st.cache_data(show_spinner=False, max_entries=4)
def _load(path: str, mtime_ns: int, size: int) -> Plan:
    # mtime and size are part of the key: a saved workbook is read again, an unchanged one never.
    del mtime_ns, size
    return load_plan(path)


def load_current_plan() -> Plan:
    """The workbook's plan, cached on path and modification time; stops the page on error."""
    path = workbook_path()
    try:
        stat = path.stat()
    except OSError:
        st.error(
            f'Workbook "{path}" tidak ditemukan. Atur lokasinya dengan variabel lingkungan '
            "ZI_WORKBOOK atau letakkan berkas di data/rencana_aksi.xlsx."
        )
        st.stop()
    try:
        return _load(str(path), stat.st_mtime_ns, stat.st_size)
    except WorkbookError as exc:
        st.error(f"**Workbook tidak dapat dibaca.** {exc}")
        st.stop()
    raise AssertionError("unreachable")


def clear_plan_cache() -> None:
    """Forget cached plans (after a save)."""
    _load.clear()


def _multiselect(label: str, key: str, choices: list[tuple[str, str]]) -> tuple[str, ...]:
    labels = dict(choices)
    # Drop remembered choices the workbook no longer has, instead of failing the widget.
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in labels]
    picked = st.multiselect(
        label, list(labels), format_func=labels.__getitem__, key=key, placeholder="Semua"
    )
    return tuple(picked)


def sidebar(plan: Plan) -> Context:
    """The shared sidebar: workbook, tanggal acuan and filters; stores and returns the Context."""
    with st.sidebar:
        last = plan.history.iloc[-1] if not plan.history.empty else None
        who = f" oleh {last.iloc[1]}" if last is not None and last.iloc[1] else ""
        st.caption(
            f"**{plan.info.unit}** · Rencana Aksi ZI {plan.year}  \n"
            f"Workbook: `{Path(plan.path).name}`  \n"
            f"Diubah {format_date(plan.modified.date())} "
            f"{plan.modified:%H.%M}{who}"
        )
        if Key.AS_OF not in st.session_state:
            st.session_state[Key.AS_OF] = date.today()
        as_of = st.date_input("Tanggal acuan", key=Key.AS_OF, format="DD/MM/YYYY")
        choices = flt.options(plan)
        st.markdown("**Saring**")
        filters = flt.Filters(
            areas=_multiselect("Area", Key.AREAS, choices["areas"]),
            components=_multiselect("Komponen", Key.COMPONENTS, choices["components"]),
            statuses=_multiselect("Status", Key.STATUSES, choices["statuses"]),
            pics=_multiselect("Penanggung jawab", Key.PICS, choices["pics"]),
            months=_multiselect("Bulan target", Key.MONTHS, choices["months"]),
        )
    # Figures "per tanggal acuan" show the plan as it stood then, rebuilt from the Riwayat log.
    context = Context(plan, flt.apply(rewind(plan, as_of), filters, as_of), as_of, filters)
    st.session_state[Key.CONTEXT] = context
    return context


APP_SCRIPT: Final = Path(__file__).resolve().parent.parent / "app.py"


def run_pages(pages: dict[str, list[Any]]) -> None:
    """Run st.navigation over sections of pages; pages know they were entered through app.py."""
    navigation = st.navigation(pages)
    st.session_state[Key.IN_APP] = True
    try:
        navigation.run()
    finally:
        st.session_state[Key.IN_APP] = False


def context() -> Context:
    """The Context app.py prepared for this run.

    Streamlit runs a pages/ file on its own when the first request after a server start is a
    deep link (its legacy multipage mode), and AppTest does so on every run of a page. Such a
    run executes app.py in place, which runs this page again inside st.navigation, then stops:
    no rerun happens, so the page's widget values (an edit, a click) are kept.
    """
    if not st.session_state.get(Key.IN_APP):
        runpy.run_path(str(APP_SCRIPT), run_name="__main__")
        st.stop()
    return st.session_state[Key.CONTEXT]


def chart(fig: go.Figure, name: str, as_of: date, downloads: bool = True) -> None:
    """Render a core figure as built (theme=None), with print-size PNG and SVG downloads.

    The camera button saves a PNG in the browser; the PNG/SVG buttons render on the server
    with the warm Kaleido, only when clicked.
    """
    st.plotly_chart(fig, theme=None, config=chart_style.config(fig, name, as_of), width="stretch")
    if not downloads:
        return
    if not render.available():
        st.caption(render.unavailable_message())
        return
    stem = f"{name}_{as_of.isoformat()}"
    row = st.container(horizontal=True, gap="small")
    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
        row.download_button(
            fmt.upper(),
            data=partial(render.image, fig, fmt),
            file_name=f"{stem}.{fmt}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"download_{fmt}_{stem}",
            help=f"Unduh grafik ini sebagai {fmt.upper()} ukuran cetak",
            width="content",
        )


_COLUMN_CONFIG: Final = {
    ActionCol.PROGRESS: st.column_config.ProgressColumn(
        ActionCol.PROGRESS, min_value=0, max_value=100, format="%.0f%%"
    ),
    EvidenceCol.LINK: st.column_config.LinkColumn(EvidenceCol.LINK),
}


def table(frame: pd.DataFrame, empty: str = "Tidak ada.") -> None:
    """A read-only table with progress bars and clickable links; a sentence when empty."""
    if frame.empty:
        st.info(empty)
        return
    st.dataframe(
        frame, hide_index=True, column_config=_COLUMN_CONFIG, width="stretch", placeholder=""
    )


def headline(ctx: Context) -> None:
    """Where and when the figures come from, under every page title."""
    note = " · filter aktif" if ctx.filters.active else ""
    st.caption(
        f"{ctx.plan.info.unit} · status per {format_date(ctx.as_of)} · "
        f"{len(ctx.view.actions)} dari {len(ctx.plan.actions)} aksi{note}"
    )
