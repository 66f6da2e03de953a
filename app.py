"""Dasbor Rencana Aksi Zona Integritas: page config, the shared sidebar and navigation."""

import streamlit as st

from zi_dash import ui

st.set_page_config(
    page_title="Dasbor Rencana Aksi ZI",
    page_icon=":material/verified:",
    layout="wide",
)
ui.sidebar(ui.load_current_plan())
pages = [
    st.Page("pages/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
    st.Page("pages/linimasa.py", title="Linimasa", icon=":material/view_timeline:"),
    st.Page("pages/bukti.py", title="Bukti", icon=":material/folder_open:"),
    st.Page("pages/rapat.py", title="Mode Rapat", icon=":material/co_present:"),
]
ui.run_pages(pages)
