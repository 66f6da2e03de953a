"""Ringkasan: the plan's headline figures and completion by area."""

import streamlit as st

from zi_dash import metrics, ui
from zi_dash.schedule import format_date

ctx = ui.context()
plan = ctx.view
st.title("Ringkasan Rencana Aksi")
st.caption(f"Status per {format_date(ctx.as_of)} · {len(plan.actions)} aksi")

counts = metrics.status_counts(plan)
cols = st.columns(5)
cols[0].metric("Capaian keseluruhan", f"{metrics.completion_overall(plan):.1f}%")
cols[1].metric("Selesai", counts["Selesai"])
cols[2].metric("Dalam proses", counts["Dalam Proses"])
cols[3].metric("Belum mulai", counts["Belum Mulai"])
cols[4].metric("Terlambat", len(metrics.overdue(plan, ctx.as_of)))

st.subheader("Capaian per area")
st.dataframe(metrics.completion_by_area(plan), hide_index=True)
