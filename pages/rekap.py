"""Rekap Satker: every workbook of the folder side by side, filters, charts, click-through."""

import streamlit as st

from zi_dash import ui
from zi_dash.analysis.rollup import COVERS, RekapCol
from zi_dash.analysis.summary import STALE_DAYS
from zi_dash.base import CAPAIAN_MEANS, escape_md, fmt, format_date

folder = ui.units.folder()
st.title("Rekap Satker")
if folder is None:
    st.info(
        "Rekap Satker menampilkan banyak satker berdampingan. Jalankan dasbor atas satu folder "
        "berisi workbook tiap satker dan tahun: `ZI_FOLDER=/srv/zi bash scripts/run.sh`."
    )
    st.stop()
as_of = folder.as_of
ui.rekap.year_notice(folder.summaries, as_of)  # the folder's years, not the picked unit's
frame = ui.rekap.table(folder)  # computed once per folder version and date
readable = frame[frame[RekapCol.YEAR].notna()]
st.caption(
    f"Folder {escape_md(folder.path)} · {len(frame)} berkas · status per {format_date(as_of)} "
    "(tanggal acuan di panel kiri). " + CAPAIAN_MEANS + " " + COVERS
)
cols = st.columns(5)
cols[0].metric("Berkas terbaca", f"{len(readable)} dari {len(frame)}")
cols[1].metric("Rata-rata capaian",  # NaN is truthy: no readable file means 0, not "nan%"
               fmt.pct(readable[RekapCol.COMPLETION].mean() if len(readable) else 0.0))  # fmt: skip
covered = readable[RekapCol.COVERAGE].mean() if len(readable) else 0.0
cols[2].metric("Rata-rata cakupan LKE", f"{fmt.number(covered, 2)} dari 60", help=COVERS)
cols[3].metric(f"Tak diperbarui > {STALE_DAYS} hari", int(frame[RekapCol.STALE].sum()))
cols[4].metric("Duplikat satker+tahun", int(frame[RekapCol.DUPLICATE].sum()))

left, right = st.columns([3, 2], vertical_alignment="bottom")
text = left.text_input("Cari satker atau berkas", key="rekap_text")
years = right.multiselect("Tahun", sorted(readable[RekapCol.YEAR].unique().tolist()),
                          key="rekap_years", placeholder="Semua")  # fmt: skip
attention = f"Tidak terbaca, duplikat, atau tidak diperbarui > {STALE_DAYS} hari"
# On a line of its own: beside the filters at 1280 px its label was cut.
flagged = st.toggle("Hanya yang perlu perhatian", key="rekap_flagged", help=attention)
picked = ui.rekap.shown(folder, text, years, flagged)
shown = picked.rows
st.dataframe(ui.rekap.styled(folder, picked), hide_index=True,
             column_config=ui.units.COLUMN_CONFIG, width="stretch", placeholder="")  # fmt: skip
if shown.empty:
    st.info("Tidak ada berkas yang cocok dengan saringan.")
    st.stop()

units = [folder.summaries[i] for i in shown.index if not folder.summaries[i].error]
if units:
    labels = {s.path: ui.units.unit_label(s) for s in units}
    row = st.container(horizontal=True, vertical_alignment="bottom")
    target = row.selectbox("Buka halaman satker", list(labels), key="rekap_target",
                           format_func=labels.__getitem__)  # fmt: skip
    if row.button("Buka Ringkasan", icon=":material/open_in_new:", on_click=ui.units.choose,
                  args=(target,), key="rekap_open"):  # fmt: skip
        st.switch_page("pages/ringkasan.py")

ui.chart(picked.heatmap, "rekap_capaian_satker_area", as_of)
ui.chart(picked.ranking, "rekap_peringkat_satker", as_of)
ui.rekap.readiness_view(folder, picked)
st.subheader("Unduh")
ui.units.rekap_downloads(folder)
