"""Dasbor Rencana Aksi Zona Integritas: page config, the shared sidebar and navigation."""

import streamlit as st

from zi_dash import ui

st.set_page_config(
    page_title="Dasbor Rencana Aksi ZI",
    page_icon=":material/verified:",
    layout="wide",
)
ui.keep_choices()
folder = ui.units.picker()  # folder mode ($ZI_FOLDER): satker and year in the sidebar
if folder is None or folder.chosen is not None:
    ui.sidebar(ui.load_current_plan())
ui.account_box()
ui.flash()
pages = {
    "Pantau": [
        st.Page("pages/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
        st.Page("pages/linimasa.py", title="Linimasa", icon=":material/view_timeline:"),
        st.Page("pages/bukti.py", title="Bukti", icon=":material/folder_open:"),
        st.Page(
            "pages/penilaian_mandiri.py", title="Penilaian Mandiri", icon=":material/fact_check:"
        ),
        st.Page("pages/rapat.py", title="Mode Rapat", icon=":material/co_present:"),
    ],
    "Laporan": [
        st.Page("pages/ekspor.py", title="Ekspor", icon=":material/download:"),
        st.Page("pages/riwayat.py", title="Riwayat Perubahan", icon=":material/history:"),
        st.Page("pages/pengingat.py", title="Pengingat", icon=":material/notifications:"),
    ],
    "Sunting": [
        st.Page("pages/sunting_aksi.py", title="Sunting Aksi", icon=":material/edit_note:"),
        st.Page("pages/sunting_bukti.py", title="Sunting Bukti", icon=":material/upload_file:"),
    ],
    "Rencana": [
        st.Page("pages/rencana_baru.py", title="Rencana Baru", icon=":material/note_add:"),
    ],
}
ui.run_pages(ui.units.pages(pages, folder), folder.problem if folder else "")
