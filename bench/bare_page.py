"""A page that only draws pre-built elements: the floor of `python -m bench` and bench.load.

The elements (every text, metric, widget, table and figure of a real page run, the sidebar's
too) come from a pickle: $BENCH_ELEMENTS names one, drawn as the default page (python -m
bench); $BENCH_PAGES maps URL paths to pickles, the first the default (python -m bench.load:
Ringkasan at / and Mode Rapat at /rapat, as in the app). They are read and the figures built
once per process, so a run costs only drawing them: the floor a page with cached figures can
reach.
"""

import json
import os
import pickle
from collections.abc import Callable
from functools import partial
from pathlib import Path

# Imported here, before any session's thread: plotly imports numpy and pandas lazily on the
# first figure, and two sessions building their first figures at once saw a half-imported module
# (AttributeError: partially initialized module 'numpy' / 'pandas', in bench.load's warm-up).
import numpy  # noqa: F401
import pandas  # noqa: F401
import plotly.graph_objects as go
import streamlit as st


@st.cache_resource(show_spinner=False)
def prebuilt(path: str) -> list[tuple[str, bool, object]]:
    """The elements of one page, figures built, once per process."""
    loaded = pickle.loads(Path(path).read_bytes())
    return [
        (kind, side, go.Figure(payload) if kind == "plotly_chart" else payload)
        for kind, side, payload in loaded
    ]


def draw(path: str) -> None:
    """Every element of the page, pre-built."""
    for i, (kind, side, payload) in enumerate(prebuilt(path)):
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
        elif kind == "radio":
            where.radio(payload[0], payload[1], index=payload[2], key=f"bare_{i}")
        elif kind in ("text_input", "text_area"):
            getattr(where, kind)(payload[0], payload[1], key=f"bare_{i}")
        elif kind == "download_button":
            where.download_button(payload, b"", key=f"bare_{i}", on_click="ignore")
        else:  # buttons and page links
            where.button(payload, key=f"bare_{i}")


def never_opened(url: str) -> Callable[[], None]:
    """A page of the menu never opened here: a function of its own, named for its URL."""

    def page() -> None:
        pass

    page.__name__ = url
    return page


drawn = json.loads(os.environ.get("BENCH_PAGES") or "{}") or {
    "bare_Pantau_0": os.environ["BENCH_ELEMENTS"]
}
# The app's navigation menu is an element of every page too: the same ten entries.
MENU = {
    "Pantau": ["Ringkasan", "Linimasa", "Bukti", "Penilaian Mandiri", "Mode Rapat"],
    "Laporan": ["Ekspor", "Riwayat Perubahan"],
    "Sunting": ["Sunting Aksi", "Sunting Bukti"],
    "Rencana": ["Rencana Baru"],
}
URLS = {"Ringkasan": "ringkasan", "Mode Rapat": "rapat"}  # bench.load's pages, as in the app
first = next(iter(drawn))
pages = {}
for section, titles in MENU.items():
    pages[section] = []
    for n, title in enumerate(titles):
        url = URLS.get(title, "") if "BENCH_PAGES" in os.environ else ""
        url = url if url in drawn else f"bare_{section}_{n}"
        if url in drawn:
            page = partial(draw, drawn[url])
            page.__name__ = url  # type: ignore[attr-defined]
        else:
            page = never_opened(url)
        pages[section].append(st.Page(page, title=title, url_path=url, default=url == first))
st.navigation(pages).run()
