"""Mode Rapat's parts drawn in projector type: its tables and the LKE screen."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from zi_dash.analysis import meeting
from zi_dash.base import escape_md
from zi_dash.charts import catalogue
from zi_dash.charts.lke import verdict_line
from zi_dash.ui.cache import cached
from zi_dash.ui.lke_summary import NO_SHEET, score_metrics
from zi_dash.ui.session import Context
from zi_dash.ui.widgets import chart


def big_table(frame: pd.DataFrame, empty: str, rows: int = meeting.TABLE_ROWS) -> None:
    """A plain table in projector type, cut to one screen; a sentence when empty."""
    if frame.empty:
        st.info(empty)
        return
    shown = frame.head(rows).set_index(frame.columns[0])
    # st.table draws each cell as Markdown: workbook text is escaped, at most a screenful.
    shown.index = shown.index.map(escape_md)
    st.table(shown.map(lambda v: escape_md(v) if isinstance(v, str) else v))
    if len(frame) > rows:
        st.caption(f"+{len(frame) - rows} lainnya (halaman Linimasa/Bukti).")


def lke_screen(ctx: Context) -> None:
    """The self-assessment on one screen: score, areas against minimums, the steps gaining most."""
    found = cached(meeting.lke_screen, ctx, whole_plan=True)
    if not found.assessment.present:
        st.info(NO_SHEET)
        return
    score = found.assessment.score
    score_metrics(score, "Predikat")
    whole = " · saringan tidak berlaku di layar ini" * ctx.filters.active
    st.markdown(
        f"Penilaian mandiri, bukan nilai resmi{whole}: **{escape_md(verdict_line(score))}**"
    )
    left, right = st.columns([4, 8], gap="medium")
    with left:
        fig = cached(catalogue.penilaian_mandiri_proyektor, ctx, ctx.as_of, whole_plan=True)
        chart(fig, "rapat_penilaian_mandiri_lke", ctx.as_of, downloads=False)
    with right:
        if found.target:
            st.markdown(f"#### {meeting.STEPS} langkah terdekat menuju {found.target}")
        else:
            st.markdown("#### Semua minimal WBBM terpenuhi")
        big_table(found.steps, "Tidak ada jawaban yang dapat dinaikkan.", meeting.STEPS)
