"""A page that only draws pre-built elements, for the page-vs-bare ratio of `python -m bench`.

The elements (every text, metric, widget, table and figure of a real page run, the sidebar's
too) come from the pickle named by $BENCH_ELEMENTS. They are read and the figures built once
per session, so a rerun costs only drawing them: the floor a page with cached figures can reach.
"""

import os
import pickle
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

if "bench_elements" not in st.session_state:
    loaded = pickle.loads(Path(os.environ["BENCH_ELEMENTS"]).read_bytes())
    st.session_state["bench_elements"] = [
        (kind, side, go.Figure(payload) if kind == "plotly_chart" else payload)
        for kind, side, payload in loaded
    ]


def draw() -> None:
    """Every element of the page, pre-built."""
    for i, (kind, side, payload) in enumerate(st.session_state["bench_elements"]):
        where = st.sidebar if side else st
        if kind in ("title", "subheader", "caption", "markdown", "error", "warning", "info"):
            getattr(where, kind)(payload)
        elif kind == "metric":
            where.metric(*payload)
        elif kind == "plotly_chart":
            where.plotly_chart(payload, theme=None, width="stretch")
        elif kind == "dataframe":
            where.dataframe(payload, hide_index=True)
        elif kind == "table":
            where.table(payload)
        elif kind in ("selectbox", "multiselect"):
            getattr(where, kind)(payload[0], payload[1], key=f"bare_{i}")
        elif kind == "date_input":
            where.date_input(payload[0], payload[1], key=f"bare_{i}")
        elif kind == "download_button":
            where.download_button(payload, b"", key=f"bare_{i}", on_click="ignore")
        else:  # buttons and page links
            where.button(payload, key=f"bare_{i}")


def _other() -> None:
    """A page of the menu never opened here."""


# The app's navigation menu is an element of every page too: the same nine entries.
MENU = {
    "Pantau": ["Ringkasan", "Linimasa", "Bukti", "Mode Rapat"],
    "Laporan": ["Ekspor", "Riwayat Perubahan"],
    "Sunting": ["Sunting Aksi", "Sunting Bukti"],
    "Rencana": ["Rencana Baru"],
}
pages = {
    section: [
        st.Page(draw if n == 0 and section == "Pantau" else _other, title=title,
                url_path=f"bare_{section}_{n}", default=n == 0 and section == "Pantau")
        for n, title in enumerate(titles)
    ]
    for section, titles in MENU.items()
}  # fmt: skip
st.navigation(pages).run()
