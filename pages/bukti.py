"""Bukti: evidence completeness by area, the gap list most urgent first, items to fix."""

import streamlit as st

from zi_dash import ui
from zi_dash.analysis import metrics, tables
from zi_dash.base import EvidenceCol, fmt
from zi_dash.charts import catalogue
from zi_dash.edit import uploads

ctx = ui.context()
plan, as_of = ctx.view, ctx.as_of
st.title("Bukti Dukung")
ui.headline(ctx)

per_action = metrics.evidence_by_action(plan)
done_gaps = metrics.done_without_evidence(plan)
fix = tables.needs_fix(plan)
cols = st.columns(4)
cols[0].metric("Kelengkapan bukti", fmt.pct(metrics.evidence_completeness(plan)))
cols[1].metric("Dokumen ada", f"{per_action['present'].sum()} dari {per_action['items'].sum()}")
cols[2].metric("Selesai tanpa bukti lengkap", len(done_gaps))
cols[3].metric("Perlu perbaikan", len(fix))

ui.chart(catalogue.kelengkapan_bukti(plan, as_of), "kelengkapan_bukti_per_area", as_of)
with st.expander("Jumlah dokumen per area dan status"):
    st.dataframe(metrics.evidence_matrix(plan), width="stretch")

st.subheader("Kekurangan bukti, paling mendesak dulu")
st.caption(
    "1: aksi sudah Selesai tetapi buktinya belum lengkap · 2: aksi terlambat · "
    "3: tenggat dalam 14 hari."
)
ui.table(
    tables.with_web_links(tables.evidence_gaps(plan, as_of)),
    "Tidak ada kekurangan bukti yang mendesak.",
)

st.subheader("Bukti yang perlu perbaikan")
ui.table(tables.with_web_links(fix), "Tidak ada bukti berstatus Perlu Perbaikan.")

# Every link and uploaded file of the shown items; workbook text is never rendered as Markdown.
listing = uploads.listing(ctx.plan.path, plan.evidence)
files = uploads.downloads(
    ctx.plan.path, dict(zip(plan.evidence[EvidenceCol.ID], plan.evidence[EvidenceCol.LINK]))
)
others = int((listing[uploads.KIND] != uploads.KIND_FILE).sum())
if not listing.empty:
    title = f"Berkas bukti yang diunggah ({len(files)}) dan tautan ({others})"
    with st.expander(title, icon=":material/attach_file:"):
        ui.table(listing)
        if files:
            label = st.selectbox("Butir bukti · berkas", list(files))
            st.download_button(
                "Unduh berkas", data=files[label].read_bytes, file_name=files[label].name,
                on_click="ignore", icon=":material/download:",
            )  # fmt: skip
