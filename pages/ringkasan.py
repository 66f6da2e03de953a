"""Ringkasan: headline figures, completion by area and component, the LKE self-assessment and
the plan's coverage of it, Kurva S."""

import streamlit as st

from zi_dash import ui
from zi_dash.analysis import metrics
from zi_dash.base import CAPAIAN_MEANS, TERLAMBAT_MEANS, TERTINGGAL_MEANS, fmt
from zi_dash.charts import catalogue

ctx = ui.context()
plan, as_of = ctx.view, ctx.as_of
st.title("Ringkasan Rencana Aksi Zona Integritas")
ui.headline(ctx)
if plan.actions.empty:
    st.warning("Tidak ada aksi yang cocok dengan saringan. Ubah saringan di panel kiri.")
    st.stop()

h = ui.cached(metrics.headline, ctx, as_of)
cols = st.columns(7)
cols[0].metric("Capaian", fmt.pct(h.completion), help=CAPAIAN_MEANS)
cols[1].metric("Selesai", h.done)
cols[2].metric("Dalam proses", h.in_progress)
cols[3].metric("Belum mulai", h.not_started)
cols[4].metric("Terlambat", h.late, help=TERLAMBAT_MEANS)
cols[5].metric("Tertinggal", h.behind, help=TERTINGGAL_MEANS)
cols[6].metric("Bukti lengkap", fmt.pct(h.evidence))
st.caption(CAPAIAN_MEANS)

# One chart per row: six long area names leave a half-width chart no room for its bars.
ui.chart(ui.cached(catalogue.capaian_per_area, ctx, as_of), "capaian_per_area", as_of)
ui.chart(ui.cached(catalogue.status_per_area, ctx, as_of), "status_per_area", as_of)

# The unit's own LKE answers, then what the plan covers: never one plan-only verdict.
ui.ringkasan.self_assessment(ctx)
ui.ringkasan.plan_coverage(ctx)

st.subheader("Kurva S")
kurva = ui.cached(metrics.kurva_s, ctx, as_of)
if kurva.kritis:
    st.error(
        f"Kritis: realisasi {fmt.pct(kurva.actual)} tertinggal "
        f"{fmt.number(-kurva.deviation)} poin dari rencana {fmt.pct(kurva.planned)}."
    )
ui.chart(ui.cached(catalogue.kurva_s, ctx, as_of), "kurva_s", as_of)

st.subheader("Capaian per komponen")
ui.chart(ui.cached(catalogue.capaian_per_komponen, ctx, as_of), "capaian_per_komponen", as_of)
