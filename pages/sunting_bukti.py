"""Sunting Bukti: staff update evidence status, links and notes, and upload evidence files."""

import streamlit as st

from zi_dash import contract as c
from zi_dash import ui, ui_edit

ctx = ui.context()
st.title("Sunting Bukti Dukung")
user = ui_edit.require_editor()
st.caption(
    "Isi Tautan dengan alamat folder atau berkas bukti (misalnya Google Drive), atau unggah "
    "berkasnya di bawah tabel."
)
ui_edit.edit_sheet(ctx, c.Sheet.EVIDENCE, user)
with st.expander("Unggah berkas bukti", icon=":material/upload_file:"):
    ui_edit.upload_form(ctx, user)
