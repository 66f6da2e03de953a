"""Linimasa: Gantt of target weeks with progress, the as-of line and unreadable targets."""

import streamlit as st

from zi_dash import ui
from zi_dash.analysis import tables
from zi_dash.charts import catalogue, gantt

ctx = ui.context()
as_of = ctx.as_of
st.title("Linimasa Target")
ui.headline(ctx)

windows = gantt.zoom_windows(ctx.plan.year)
zoom = st.selectbox("Tampilkan", ["Seluruh jadwal", *windows], key="gantt_zoom")
window = windows.get(zoom)

unreadable = ui.cached(tables.unreadable, ctx)
chart_col, side = st.columns([4, 1]) if not unreadable.empty else (st.container(), None)
with chart_col:
    ui.chart(ui.cached(catalogue.linimasa, ctx, as_of, window), "linimasa", as_of)
if side is not None:
    with side:
        st.warning(f"{len(unreadable)} target tidak dapat dibaca dan tidak digambar:")
        ui.table(unreadable)

with st.expander("Cara setiap Target Waktu dibaca"):
    st.caption(
        "Minggu ke-N = tanggal 7(N−1)+1 sampai 7N; minggu ke-5 = tanggal 29 sampai akhir bulan. "
        "Isi kolom Mulai/Selesai di workbook untuk mengganti jadwal suatu aksi."
    )
    ui.table(ui.cached(tables.readings, ctx))
