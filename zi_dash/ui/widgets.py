"""Shared widgets: charts with their downloads, read-only tables, the headline, projector type."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Final

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from zi_dash.base import ActionCol, EvidenceCol, WorkbookError, escape_md, format_date
from zi_dash.charts import render, style
from zi_dash.export import failure
from zi_dash.ui.session import Context

_LOG: Final = logging.getLogger(__name__)

# Mode Rapat: large type, no sidebar, one 1280×720 screen (Streamlit's own test IDs, checked
# in Chromium). No text below style.PROJECTOR_MIN_FONT px, none of Streamlit's grey: captions,
# the "Layar" line and the exit link are read from the back of the room like the figures.
PROJECTOR_CSS: Final = f"""<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {{display: none;}}
.stMainBlockContainer {{padding: 0.75rem 2rem 0; max-width: 100%;}}
.stMainBlockContainer [data-testid="stVerticalBlock"] {{gap: 0.5rem;}}
.stMainBlockContainer [data-testid="stMarkdownContainer"] p,
.stMainBlockContainer [data-testid="stCaptionContainer"],
.stMainBlockContainer [data-testid="stCaptionContainer"] p {{
  font-size: {style.PROJECTOR_MIN_FONT}px; color: {style.TEXT}; opacity: 1;}}
.stMainBlockContainer [data-testid="stMetricValue"] p {{font-size: 3rem; font-weight: 700;}}
.stMainBlockContainer [data-testid="stMetricLabel"] p {{font-size: 1.5rem;}}
[data-testid="stMarkdownContainer"] h3 {{font-size: 2.2rem; padding: 0;}}
[data-testid="stMarkdownContainer"] h4 {{font-size: 1.8rem; padding: 0 0 0.25rem;}}
[data-testid^="stBaseButton"] p {{font-size: 1.3rem !important;}}
.stMainBlockContainer [data-testid="stTable"] :is(td, th, p) {{font-size: 1.375rem;
  line-height: 1.35; color: {style.TEXT};}}
</style>"""


def chart(fig: go.Figure, name: str, as_of: date, downloads: bool = True) -> None:
    """Render a core figure as built (theme=None), with print-size PNG and SVG downloads.

    The camera button saves a PNG in the browser; the PNG/SVG buttons render on the server
    with the warm Kaleido, only when clicked.
    """
    st.plotly_chart(fig, theme=None, config=style.config(fig, name, as_of), width="stretch")
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
            data=lazy(partial(render.image, fig, fmt), f"{stem}.{fmt}"),
            file_name=f"{stem}.{fmt}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"download_{fmt}_{stem}",
            help=f"Unduh grafik ini sebagai {fmt.upper()} ukuran cetak",
            width="content",
        )


def lazy(make: Callable[[], bytes], file_name: str) -> Callable[[], bytes]:
    """A download's data made when clicked; if that fails, a file of its kind saying why.

    Streamlit answers a callable that raises with its English "Failed to generate file for
    download" under the button, and nothing else can be shown then: the file is the message.
    """

    def data() -> bytes:
        try:
            return make()
        except (render.RenderUnavailableError, WorkbookError) as exc:  # already in Indonesian
            reason = str(exc)
        except OSError:
            _LOG.warning("Download %s could not be read", file_name, exc_info=True)
            reason = "Berkasnya tidak dapat dibaca di server: mungkin sudah dipindah atau dihapus."
        except Exception:  # a bug: logged with its traceback, never Streamlit's English to users
            _LOG.exception("Download %s could not be made", file_name)
            reason = "Terjadi kesalahan di server; pengelolanya dapat melihat rinciannya di log."
        return failure.document(file_name, reason)

    return data


_COLUMN_CONFIG: Final = {
    ActionCol.PROGRESS: st.column_config.ProgressColumn(
        # %g: a typed 40,5 shows as 40.5, never rounded to 41 (printf cannot write a comma).
        ActionCol.PROGRESS,
        min_value=0,
        max_value=100,
        format="%g%%",
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
        f"{escape_md(ctx.plan.info.unit)} · status per {format_date(ctx.as_of)} · "
        f"{len(ctx.view.actions)} dari {len(ctx.plan.actions)} aksi{note}"
    )
