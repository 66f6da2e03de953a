"""Bukti: evidence completeness by area, the gap list most urgent first, items to fix."""

from datetime import date

import pandas as pd
import streamlit as st

from zi_dash import ui
from zi_dash.analysis import metrics, tables
from zi_dash.base import EvidenceCol, fmt
from zi_dash.charts import catalogue
from zi_dash.edit import uploads
from zi_dash.workbook import Plan


def counts(plan: Plan) -> tuple[float, int, int, int]:
    """Completeness, items present, items, done actions without complete evidence."""
    per_action = metrics.evidence_by_action(plan)
    done_gaps = len(metrics.done_without_evidence(plan))
    present, items = int(per_action["present"].sum()), int(per_action["items"].sum())
    return metrics.evidence_completeness(plan), present, items, done_gaps


def gaps(plan: Plan, as_of: date) -> pd.DataFrame:
    """The gap list, its Tautan split for the screen."""
    return tables.with_web_links(tables.evidence_gaps(plan, as_of))


def to_fix(plan: Plan) -> pd.DataFrame:
    """Items marked Perlu Perbaikan, their Tautan split for the screen."""
    return tables.with_web_links(tables.needs_fix(plan))


ctx = ui.context()
as_of = ctx.as_of
st.title("Bukti Dukung")
ui.headline(ctx)

completeness, present, items, done_gaps = ui.cached(counts, ctx)
fix = ui.cached(to_fix, ctx)
cols = st.columns(4)
cols[0].metric("Kelengkapan bukti", fmt.pct(completeness))
cols[1].metric("Dokumen ada", f"{present} dari {items}")
cols[2].metric("Selesai tanpa bukti lengkap", done_gaps)
cols[3].metric("Perlu perbaikan", len(fix))

ui.chart(ui.cached(catalogue.kelengkapan_bukti, ctx, as_of), "kelengkapan_bukti_per_area", as_of)
with st.expander("Jumlah dokumen per area dan status"):
    st.dataframe(ui.cached(metrics.evidence_matrix, ctx), width="stretch")

st.subheader("Kekurangan bukti, paling mendesak dulu")
st.caption(
    "1: aksi sudah Selesai tetapi buktinya belum lengkap · 2: aksi terlambat · "
    "3: tenggat dalam 14 hari."
)
ui.table(ui.cached(gaps, ctx, as_of), "Tidak ada kekurangan bukti yang mendesak.")

st.subheader("Bukti yang perlu perbaikan")
ui.table(fix, "Tidak ada bukti berstatus Perlu Perbaikan.")
ui.question_gaps(ctx)

# Every link and uploaded file of the shown items; workbook text is never rendered as Markdown.
# The files are looked up on every run: only the lines' parse is cached.
linked = ui.cached(uploads.linked_items, ctx)
listing = uploads.listing(ctx.plan.path, linked)
links = dict(zip(linked[EvidenceCol.ID], linked[EvidenceCol.LINK]))
files = uploads.downloads(ctx.plan.path, links)
others = int((listing[uploads.KIND] != uploads.KIND_FILE).sum())
if not listing.empty:
    title = f"Berkas bukti yang diunggah ({len(files)}) dan tautan ({others})"
    with st.expander(title, icon=":material/attach_file:"):
        ui.table(listing)
        if files:
            label = st.selectbox("Butir bukti · berkas", list(files))
            st.download_button(
                "Unduh berkas", data=ui.lazy(files[label].read_bytes, files[label].name),
                file_name=files[label].name,
                on_click="ignore", icon=":material/download:",
            )  # fmt: skip
