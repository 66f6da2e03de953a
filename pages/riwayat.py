"""Riwayat: every change to the plan, newest first, including those made outside the dashboard."""

import streamlit as st

from zi_dash import ui
from zi_dash.analysis import tables
from zi_dash.base import OUTSIDE_USER, format_datetime

ctx = ui.context()
st.title("Riwayat Perubahan")
st.caption(
    "Setiap perubahan yang disimpan lewat dasbor tercatat di lembar Riwayat workbook. "
    f"Baris **{OUTSIDE_USER}** adalah sel yang diubah langsung di berkas (misalnya di Excel) "
    "sejak dasbor terakhir menyimpannya; waktunya adalah saat berkas terakhir diubah. "
    "Saringan di panel kiri berlaku."
)
outside = len(ctx.plan.outside)
if outside:
    when = ctx.plan.modified
    st.info(
        f"{outside} sel diubah di luar dasbor (berkas diubah {format_datetime(when)}). "
        "Sel itu dihitung sejak waktu tersebut di semua angka per tanggal "
        "acuan, dan akan ditambahkan ke lembar Riwayat pada penyimpanan berikutnya.",
        icon=":material/edit_document:",
    )
ui.table(ui.cached(tables.change_log, ctx), "Belum ada perubahan yang tercatat.")
