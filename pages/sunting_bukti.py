"""Sunting Bukti: staff update evidence status, links and notes, and upload evidence files."""

import streamlit as st

from zi_dash import ui
from zi_dash.base import EvidenceCol, escape_md
from zi_dash.base import contract as c
from zi_dash.edit import accounts, editing, uploads
from zi_dash.workbook import WorkbookError

ctx = ui.context()
st.title(f"Sunting Bukti Dukung · {escape_md(ctx.plan.info.unit)}")  # the unit being edited
user = ui.require_editor()
ui.unit_editor_only()  # a penilai writes only the TPI's columns, on Penilaian Mandiri
ui.units.other_drafts(user)
st.caption(
    "Isi Tautan dengan alamat folder atau berkas bukti (misalnya Google Drive), satu tautan "
    "per baris, atau unggah berkasnya di bawah tabel: berkas ditambahkan sebagai baris baru, "
    "tautan yang sudah ada tidak pernah dihapus."
)
ui.edit_sheet(ctx, c.Sheet.EVIDENCE, user)

items = dict(zip(ctx.view.evidence[EvidenceCol.ID], ctx.view.evidence[EvidenceCol.ITEM]))
with (
    st.expander("Unggah berkas bukti", icon=":material/upload_file:"),
    st.form("upload", clear_on_submit=True),
):
    item = st.selectbox("Butir bukti", list(items), format_func=lambda i: f"{i} · {items[i][:90]}")
    # No type= or size limit here: Streamlit's own refusals are English; the core checks
    # the kind, the content and the 20 MB and says why in Indonesian.
    file = st.file_uploader("Berkas (PDF, gambar, dokumen Office; paling besar 20 MB)")
    submitted = st.form_submit_button("Unggah dan simpan", icon=":material/upload:")
if submitted and file is not None and item is not None:
    try:
        role = ui.save_role(user)  # as the users file says now: the save decides
        stored = uploads.attach(ctx.plan, item, file.name, file.getvalue(), user, role)
    except uploads.UploadError as exc:
        st.error(escape_md(exc))  # it names the file as uploaded
    except (WorkbookError, accounts.AccountError) as exc:
        st.error("Berkas tidak disimpan dan workbook tidak diubah.")
        st.text(str(exc))
    else:
        note = ""
        try:
            editing.after_upload(ctx.plan.path, user, item, stored)
        except WorkbookError as exc:  # the draft's folder refused: the upload itself is saved
            note = f" Tautan di draf Anda belum memuatnya: {exc}"
        ui.saved(f"Berkas tersimpan untuk {item}: {stored}.{note}", c.Sheet.EVIDENCE)
