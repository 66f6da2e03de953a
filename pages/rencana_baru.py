"""Rencana Baru: a workbook from any satker's SK table, the next year's plan, a blank template."""

import streamlit as st

from zi_dash import ui
from zi_dash.base import escape_md
from zi_dash.newplan import next_year_bytes, template_bytes, workbook_name
from zi_dash.sk import SourceError

ctx = ui.context()
st.title("Rencana Baru")
st.caption(
    "Buat workbook dasbor untuk satker lain atau tahun berikutnya: dari tabel lampiran SK "
    "(Word, Excel atau CSV), dari rencana ini untuk tahun baru, atau dari templat kosong. "
    "Berkas baru diunduh, tidak pernah menimpa workbook yang sedang dipakai dasbor ini."
)
ui.require_editor()  # making a plan is an editor's act; viewers read the line above only
ui.unit_editor_only()  # a penilai's account reviews plans, it does not make them

st.subheader("Dari tabel rencana aksi (Word, Excel atau CSV)")
st.caption(
    "Unggah lampiran SK atau tabel rencana aksi unit. Wajib hanya kolom aksi dan petunjuk "
    "areanya (kolom area, judul area, lembar per area, kode atau pertanyaan LKE); kolom lain "
    "dibaca bila ada. Periksa pratinjaunya, lalu unduh workbook."
)
# No type= here: Streamlit's own refusal is English; the core names the kinds in Indonesian.
file = st.file_uploader("Tabel rencana aksi (.docx, .xlsx atau .csv; paling besar 20 MB)")
if file is not None:
    cols = st.columns(3)
    unit = cols[0].text_input("Satuan kerja", placeholder="dari berkas", key="newplan_unit")
    year = cols[1].number_input("Tahun rencana", 2000, 2100, value=None, key="newplan_year",
                                placeholder="dari berkas")  # fmt: skip
    sheet = cols[2].text_input("Lembar Excel", placeholder="otomatis", key="newplan_sheet")
    try:  # read once per file (and sheet), not on every rerun
        intake = ui.uploaded_intake(
            file.name, file.getvalue(), unit=unit or None, year=int(year) if year else None,
            sheet=sheet or None,
        )  # fmt: skip
    except SourceError as exc:
        st.error("**Tabel tidak dapat diimpor; tidak ada berkas yang dibuat.**  \n" +
                 escape_md(exc))  # fmt: skip
    else:
        ui.show_intake(intake)
        if not intake.missing() and st.checkbox(
            "Pratinjau sudah saya periksa; buat workbook-nya", key="newplan_confirm"
        ):
            name = workbook_name(intake.unit, intake.year)
            st.download_button(
                "Unduh workbook baru (.xlsx)", ui.lazy(intake.workbook, name),  # built on click
                name, type="primary", icon=":material/download:", on_click="ignore",
            )  # fmt: skip

st.subheader("Rencana tahun berikutnya")
plan = ctx.plan
st.caption(
    f"Aksi dan butir bukti {escape_md(plan.info.unit)} {plan.year} yang sama untuk tahun baru: "
    "tahun di Target Waktu, Mulai dan Selesai digeser; status Belum Mulai 0 %, bukti Belum Ada, "
    "tautan, catatan dan riwayat kosong; penanggung jawab tetap; dasar hukum ditandai untuk diisi."
)
ui.pengingat.unusable(plan, "ikut ke tahun baru apa adanya; perbaiki di halaman Pengingat")
new_year = st.number_input("Tahun baru", 2000, 2100, value=plan.year + 1, key="newplan_next")
if new_year == plan.year:
    st.warning(f"Rencana ini sudah untuk tahun {plan.year}; pilih tahun lain.")
else:
    st.download_button(
        f"Unduh rencana {new_year} (.xlsx)",  # built only when clicked
        data=ui.lazy(lambda: next_year_bytes(plan, int(new_year)),
                     name := workbook_name(plan.info.unit, int(new_year))),
        file_name=name,
        icon=":material/event_repeat:", on_click="ignore",
    )  # fmt: skip

st.subheader("Templat kosong")
st.caption("Lembar-lembar workbook dengan daftar pilihan dan Petunjuk, tanpa baris: isi sendiri.")
st.download_button(
    "Unduh templat (.xlsx)", data=ui.lazy(template_bytes, "templat_rencana_aksi_zi.xlsx"),
    file_name="templat_rencana_aksi_zi.xlsx",
    icon=":material/note_add:", on_click="ignore",
)  # fmt: skip
