"""Ekspor: every chart as PNG and SVG, the report (DOCX, PDF) and the tables (XLSX)."""

import streamlit as st

from zi_dash import analysis, ui
from zi_dash.base import escape_md, format_date
from zi_dash.charts import catalogue, render
from zi_dash.export import bundle

ctx = ui.context()
st.title("Ekspor untuk LAKIP dan Notulen")
st.caption(
    "Pilih grafik, lalu buat berkasnya: grafik PNG (cetak) dan SVG, laporan DOCX dan PDF "
    "(halaman judul, ringkasan, grafik berketerangan, aksi terlambat, kekurangan bukti) dan "
    "tabel Excel, dalam satu ZIP."
)
# One tanggal acuan and one set of filters for the whole session: the sidebar's.
as_of, filters = ctx.as_of, ctx.filters
st.info(
    f"Tanggal acuan {format_date(as_of)} · cakupan: {escape_md(ui.describe(ctx.plan, filters))}. "
    "Ubah keduanya di panel kiri.",
    icon=":material/event:",
)
keys = st.multiselect(
    "Grafik", catalogue.CHART_KEYS, default=list(catalogue.CHART_KEYS),
    format_func=lambda k: catalogue.spec(k).title, key="export_charts",
)  # fmt: skip
wanted = (ctx.plan.version, as_of, filters, tuple(keys))
if not render.available():
    st.warning(render.unavailable_message() + " Laporan dan tabel tetap dibuat, tanpa grafik.")

if st.button("Buat berkas ekspor", type="primary", icon=":material/package_2:"):
    bar = st.progress(0.0, text="Menyiapkan…")
    package = bundle.build_package(
        ctx.plan, as_of, filters, keys, progress=lambda done, text: bar.progress(done, text=text)
    )
    st.session_state[ui.Key.EXPORT] = (wanted, package)

made = st.session_state.get(ui.Key.EXPORT)
if made and made[0] == wanted:
    package = made[1]
    for warning in package.warnings:
        st.warning(escape_md(warning))
    st.success(f"{len(package.files)} berkas siap per {format_date(as_of)}.")
    stamp = as_of.isoformat()
    cols = st.columns(4)
    cols[0].download_button(
        "Semua (ZIP)", package.zip_bytes, f"ekspor_rencana_aksi_zi_{stamp}.zip",
        mime="application/zip", type="primary", icon=":material/folder_zip:", on_click="ignore",
    )  # fmt: skip
    for col, (name, data) in zip(cols[1:], package.documents()):
        col.download_button(name.rsplit(".", 1)[1].upper(), data, name, on_click="ignore",
                            icon=":material/download:")  # fmt: skip
    ui.table(package.listing())
elif made:
    st.info("Pilihan berubah sejak berkas terakhir dibuat; klik Buat berkas ekspor lagi.")

st.subheader("Tabel saja")
tables = f"tabel_rencana_aksi_zi_{as_of.isoformat()}.xlsx"
st.download_button(
    "Unduh tabel tersaring (.xlsx)",  # built only when clicked, not on every rerun
    data=ui.lazy(lambda: bundle.tables_xlsx(
        ctx.plan, analysis.view(ctx.plan, as_of, filters), as_of,
        bundle.scope_text(ctx.plan, filters),
    ), tables),
    file_name=tables,
    on_click="ignore", icon=":material/table:",
)  # fmt: skip
