"""The LKE page's official LKE Excel: a download (as `lke-export`) and an upload with a preview.

The upload is `lke-import` on the page: the file is read and compared with the workbook, its
changes are shown, and an editor applies them as one logged save; a wrong file changes nothing.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from zi_dash.base import Role, WorkbookError, escape_md
from zi_dash.base import contract as c
from zi_dash.edit import accounts
from zi_dash.export import lke_excel as excel
from zi_dash.export.lke_excel_read import LkeFileError, read_lke_file
from zi_dash.export.lke_import import as_changes, compare
from zi_dash.ui import account
from zi_dash.ui.editor import saved
from zi_dash.ui.widgets import lazy
from zi_dash.workbook import Plan, save_changes

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(plan: Plan) -> None:
    """A button that makes the LKE Excel when clicked (the same file as `lke-export`)."""
    name = f"LKE_{plan.path.stem}.xlsx"
    st.download_button(
        "Unduh LKE Excel",
        data=lazy(partial(excel.export_bytes, plan), name),
        file_name=name,
        mime=XLSX_MIME,
        on_click="ignore",
        icon=":material/download:",
        key="lke_excel_download",
        help=(
            "Format LKE Excel resmi: lembar Jawaban dengan nomor baris resmi dan lembar Unit "
            "(penilaian mandiri, bukan nilai resmi TPI atau KemenPANRB)."
        ),
    )


def upload(plan: Plan, user: str | None, role: Role = Role.EDITOR) -> None:
    """A filled LKE Excel read back: what it would change, applied by an editor as one save.

    Only the columns `role` writes are read (the unit's, or a penilai's TPI columns).
    """
    with st.expander("Unggah LKE Excel yang terisi"):
        got = st.file_uploader("LKE Excel (.xlsx)", type=["xlsx"], key="lke_excel_upload")
        if got is None:
            return
        try:
            found = compare(plan, read_lke_file(got.name, got.getvalue()), role)
        except LkeFileError as exc:
            st.error(escape_md(str(exc)))
            return
        for note in found.notes:
            st.info(escape_md(note))
        if found.problems:
            listed = "\n".join(f"- {escape_md(p)}" for p in found.problems)
            st.error(f"Berkas tidak diimpor; tidak ada yang diubah:\n{listed}")
            return
        if not found.changes:
            st.success("Tidak ada yang berubah: isi berkas sama dengan workbook.")
            return
        rows = [
            {"Baris": x.baris, "Kolom": x.column, "Sel berkas": x.cell,
             "Lama": excel.text(x.old), "Baru": excel.text(x.new)}
            for x in found.changes
        ]  # fmt: skip
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        if user is None:
            st.caption("Masuk sebagai penyunting atau penilai untuk menerapkan perubahan ini.")
            return
        if st.button(f"Terapkan {len(rows)} perubahan", type="primary", key="lke_excel_apply"):
            try:  # the role as the users file says now: the save refuses what it may not write
                result = save_changes(
                    plan.path, as_changes(found), user=user, base_version=plan.version,
                    role=account.save_role(user),
                )  # fmt: skip
            except (WorkbookError, accounts.AccountError) as exc:
                st.error(escape_md(str(exc)))
                return
            saved(
                f"LKE Excel diterapkan: {len(result.changes)} sel diubah oleh {user}.", c.Sheet.LKE
            )
