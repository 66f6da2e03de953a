"""The Pengingat page's body: per PIC the message, a copy box and a wa.me link; the group summary.

Nothing is sent from here: a link opens WhatsApp with the text filled in, and the user presses
send there. The Kontak sheet is edited below, through the same draft, review and Simpan as
the other sheets.
"""

from __future__ import annotations

import streamlit as st

from zi_dash.analysis import contacts as kontak
from zi_dash.analysis import reminder_text, reminders
from zi_dash.base import (
    ContactCol,
    WorkbookError,
    base_url,
    escape_md,
    folder_path,
    format_date,
)
from zi_dash.base import contract as c
from zi_dash.ui.editor import edit_sheet, saved
from zi_dash.ui.session import Context, Key
from zi_dash.workbook import Plan, add_contacts

SHEET = c.Sheet.CONTACTS


def messages(ctx: Context) -> None:
    """The group summary, then one block per PIC with something to act on."""
    plan, base = ctx.plan, base_url()
    # Folder mode: the links name the unit's file, as the remind command's do.
    unit_file = plan.path.name if folder_path() is not None else ""
    found = reminders.reminders(plan, ctx.as_of)
    known = kontak.contacts(plan)
    st.subheader("Rekap untuk grup WhatsApp tim")
    group = reminder_text.group_message(found, ctx.as_of, plan.info.unit, base, unit_file)
    st.code(group, language=None, wrap_lines=True)  # the box's own button copies it
    st.link_button(
        "Kirim ke grup lewat WhatsApp", kontak.wa_link("", group), icon=":material/send:"
    )
    waiting = [r for r in found if not r.empty]
    st.subheader(f"Pesan per penanggung jawab ({len(waiting)})")
    if not waiting:
        st.success(f"Tidak ada aksi yang perlu diingatkan per {format_date(ctx.as_of)}.")
    for reminder in waiting:
        text = reminder_text.pic_message(reminder, ctx.as_of, plan.info.unit, base, unit_file)
        _one(reminder, known.get(reminder.pic), text)


def _one(reminder: reminders.Reminder, contact: kontak.Contact | None, text: str) -> None:
    counts = reminder_text.counts_line(reminder)
    with st.expander(f"{escape_md(reminder.pic)} · {escape_md(counts)}"):
        st.code(text, language=None, wrap_lines=True)
        if contact is None or not contact.phone:
            st.caption(f"Belum ada {ContactCol.PHONE} di lembar {SHEET}: salin pesannya.")
            return
        if not contact.wa:
            st.warning(
                f"{ContactCol.PHONE} {escape_md(contact.phone)}: {escape_md(contact.problem)}"
            )
            return
        st.link_button(
            f"Kirim lewat WhatsApp ke {escape_md(contact.phone)}",
            kontak.wa_link(contact.wa, text),
            icon=":material/send:",
        )


def missing(plan: Plan) -> None:
    """The PICs without a Kontak row (and the sheet itself when absent); an editor adds them."""
    names = kontak.without_contact(plan)
    if plan.has(SHEET) and not names:
        return
    if not plan.has(SHEET):
        st.info(
            f'Workbook "{escape_md(plan.path.name)}" belum punya lembar {SHEET} '
            f"({ContactCol.PIC}, {ContactCol.PHONE}, {ContactCol.EMAIL}). "
            "Lembar lain tidak berubah."
        )
    if names:
        shown = "\n".join(f"- {escape_md(n)}" for n in names)
        st.warning(f"Penanggung jawab di {c.Sheet.ACTIONS} tanpa baris {SHEET}:\n\n{shown}")
    user = st.session_state.get(Key.USER)
    if user is None:
        st.caption("Masuk sebagai penyunting untuk menambahkannya.")
        return
    label = f"Tambahkan ke lembar {SHEET}" if names else f"Tambahkan lembar {SHEET}"
    if st.button(label, type="primary", icon=":material/person_add:"):
        try:
            add_contacts(plan.path, user, plan.version, names)
        except WorkbookError as exc:
            st.error(f"**Kontak tidak dapat ditambahkan.** {escape_md(exc)}")
            return
        saved(f"{len(names)} penanggung jawab ditambahkan ke lembar {SHEET} oleh {user}.", SHEET)


def unusable(plan: Plan, fix: str = "perbaiki di tabel di bawah atau di Excel") -> None:
    """The Kontak cells typed in Excel that WhatsApp or e-mail cannot use, each with its cell."""
    if found := kontak.unusable(plan):
        shown = "\n".join(f"- {escape_md(line)}" for line in found)
        st.warning(f"Kontak yang belum dapat dipakai ({fix}):\n\n{shown}")


def contacts_editor(ctx: Context) -> None:
    """The Kontak grid for a logged-in editor (Nomor WA and Email), else a line on how."""
    user = st.session_state.get(Key.USER)
    if not ctx.plan.has(SHEET):
        return
    if user is None:
        st.caption(
            f"Masuk sebagai penyunting untuk mengubah {ContactCol.PHONE} dan {ContactCol.EMAIL}."
        )
        return
    edit_sheet(ctx, SHEET, user)
