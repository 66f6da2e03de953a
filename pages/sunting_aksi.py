"""Sunting Aksi: staff update status, progress, person responsible, dates and notes."""

import streamlit as st

from zi_dash import ui
from zi_dash.base import contract as c
from zi_dash.base import escape_md

ctx = ui.context()
st.title(f"Sunting Rencana Aksi · {escape_md(ctx.plan.info.unit)}")  # the unit being edited
user = ui.require_editor()
ui.unit_editor_only()  # a penilai writes only the TPI's columns, on Penilaian Mandiri
ui.units.other_drafts(user)
st.caption(
    "Saring ke area atau penanggung jawab Anda di panel kiri, ubah sel di tabel, periksa "
    "daftar perubahan, lalu klik Simpan. Status Selesai berarti progres 100 %; progres boleh "
    "desimal (40,5)."
)
ui.edit_sheet(ctx, c.Sheet.ACTIONS, user)
ui.lke_for_actions(ctx, user)
