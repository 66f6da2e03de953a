"""Penilaian Mandiri (LKE): the unit's own LKE answers, scored live, editable by editors."""

import streamlit as st

from zi_dash import ui
from zi_dash.base import escape_md

ctx = ui.context()
st.title(f"Penilaian Mandiri LKE · {escape_md(ctx.plan.info.unit)}")
st.caption(
    "Lembar Kerja Evaluasi Zona Integritas (PermenPANRB 90/2021) diisi unit sendiri: "
    "penilaian mandiri, bukan nilai resmi TPI atau KemenPANRB. Pilih area dan sub-komponen, "
    "jawab dengan membaca kriterianya, lalu periksa perubahan dan klik Simpan."
)
ui.lke.page(ctx)
