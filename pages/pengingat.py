"""Pengingat: the week's reminders per penanggung jawab, ready to copy or open in WhatsApp."""

import streamlit as st

from zi_dash import ui
from zi_dash.base import escape_md, format_date

ctx = ui.context()
st.title(f"Pengingat · {escape_md(ctx.plan.info.unit)}")
st.caption(
    f"Per tanggal acuan {format_date(ctx.as_of)} (panel kiri), untuk seluruh rencana. Tidak ada "
    "yang terkirim sendiri: salin pesannya, atau klik tautan WhatsApp lalu tekan kirim di sana."
)
ui.pengingat.missing(ctx.plan)
ui.pengingat.unusable(ctx.plan)
ui.pengingat.messages(ctx)
st.subheader("Kontak penanggung jawab")
ui.pengingat.contacts_editor(ctx)
