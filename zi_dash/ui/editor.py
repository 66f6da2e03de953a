"""Streamlit widgets of the Sunting pages: login and logout, the edit grid, review and save.

The logic is in the streamlit-free core (editing, drafts, merge, saving). Nothing a user
typed is rendered as Markdown or HTML: it goes through st.dataframe/st.text or escape_md.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Final

import streamlit as st
from streamlit import config as st_config
from streamlit.errors import StreamlitSecretNotFoundError

from zi_dash.base import (
    EDITABLE,
    ActionCol,
    EvidenceCol,
    Kind,
    LkeCol,
    WorkbookError,
    durable,
    escape_md,
    format_date,
)
from zi_dash.edit import Draft, DraftStore, accounts, editing, layout, throttle, versions
from zi_dash.ui import account
from zi_dash.ui.deeplink import asked_rows
from zi_dash.ui.session import Context, Key, clear_plan_cache, current_workbook
from zi_dash.ui.widgets import lazy
from zi_dash.workbook import ConflictError

_SHEETS: Final = tuple(layout.READ_ONLY)


def _secret_users() -> dict[str, str]:
    """The optional [users] name = "hash" of .streamlit/secrets.toml; AccountError if broken."""
    try:
        table = st.secrets.get("users", {})
    except StreamlitSecretNotFoundError:
        # Streamlit's word for a missing file (the usual case) and for a broken one alike:
        # the files themselves tell them apart.
        paths = [Path(p) for p in st_config.get_option("secrets.files")]
        return accounts.secret_users(paths)
    return accounts.users_from(table, "bagian [users] secrets.toml")


def draft_store() -> DraftStore:
    """The drafts of the workbook shown (Sunting's and Penilaian Mandiri's alike)."""
    # Beside the workbook shown: in folder mode the unit picked, so drafts follow its file.
    return DraftStore(current_workbook())


def keep_draft(store: DraftStore, draft: Draft, *, quiet: bool = False) -> bool:
    """Store the draft; when its folder refuses, say so (unless `quiet`) and go on.

    What was typed stays in the grid's own state, so it stays on screen; only the server copy
    that outlives a reload is missing, and the warning says how not to lose it.
    """
    try:
        store.save(draft)
    except durable.WriteError as exc:
        if not quiet:
            st.warning(
                f"**Draf tidak dapat disimpan di server.** {escape_md(exc)} Yang Anda ketik "
                "tetap tampil di tabel, tetapi akan hilang bila halaman dimuat ulang atau "
                "dipindah: simpan ke workbook atau unduh draf (.xlsx) dulu.",
                icon=":material/warning:",
            )
        return False
    return True


def when(moment: datetime) -> str:
    """'25 November 2026 pukul 14.05 (3 menit lalu)'."""
    return f"{format_date(moment.date())} pukul {moment:%H.%M} ({editing.age(moment)})"


def _log_out(discard: bool) -> None:
    user = st.session_state.pop(Key.USER, None)
    st.session_state.pop(Key.ASK_LOGOUT, None)
    account.forget()
    if discard and user:
        try:
            draft_store().clear(user)
        except durable.WriteError as exc:  # logged out all the same; the draft stays
            st.session_state[Key.FLASH] = f"Draf tidak dapat dibuang. {exc}"
    for sheet in _SHEETS:
        st.session_state.pop(Key.GRID.format(sheet), None)
    st.rerun()


def _absorb_all(user: str) -> Draft:
    """The editor's draft with every grid's pending edits in it (saved when they were new)."""
    store = draft_store()
    draft = store.load(user)
    changed = False
    for sheet in _SHEETS:
        grid = st.session_state.get(Key.GRID.format(sheet))
        if grid is not None:
            state = st.session_state.get(Key.EDITOR.format(sheet, grid[0]), {})
            changed |= editing.absorb(draft, sheet, grid[1], grid[2], state)
    if changed:
        keep_draft(store, draft, quiet=True)  # the Sunting page itself says so
    return draft


def leave_workbook() -> None:
    """Before another unit is shown: pending grid edits into this unit's draft, fresh grids."""
    if user := st.session_state.get(Key.USER):
        _absorb_all(user)
    for sheet in _SHEETS:
        st.session_state.pop(Key.GRID.format(sheet), None)


def _ask_logout(count: int) -> None:
    st.warning(
        f"Anda punya {count} perubahan yang belum disimpan. Simpan dulu di halaman Sunting, "
        "atau pilih:"
    )
    if st.button("Buang perubahan dan keluar", icon=":material/delete:", width="stretch"):
        _log_out(discard=True)
    if st.button("Keluar, simpan draf untuk nanti", icon=":material/save:", width="stretch"):
        _log_out(discard=False)
    if st.button("Batal", width="stretch"):
        st.session_state.pop(Key.ASK_LOGOUT, None)
        st.rerun()


def account_box() -> None:
    """Sidebar line: who is logged in, with a log-out button that asks about unsaved drafts."""
    user = st.session_state.get(Key.USER)
    if user is None:
        return
    with st.sidebar:
        st.caption(f"Masuk sebagai {account.label()} **{escape_md(user)}**")
        # A cell typed just before clicking Keluar may not have reached the draft yet (its run
        # was cut short by the click): take it from the grid's state first, then count.
        count = _absorb_all(user).count()
        if st.session_state.get(Key.ASK_LOGOUT) and count:
            _ask_logout(count)
        elif st.button("Keluar", icon=":material/logout:", key="logout"):
            if not count:
                _log_out(discard=False)
            st.session_state[Key.ASK_LOGOUT] = True
            st.rerun()


def client_address() -> str | None:
    """The browser's IP address as the server sees it; None for localhost (Streamlit's rule)."""
    return st.context.ip_address


def _log_in(users: dict[str, str], name: str, password: str) -> None:
    """Check a submitted login, counted across sessions (edit.throttle): a wait is refused."""
    guard, address = throttle.GUARD, client_address()
    if (wait := guard.wait(name, address)) > 0:
        st.error(throttle.locked_message(wait))  # not even checked: a guess costs nothing
        return
    if verified := accounts.verify(users, name, password):
        guard.succeeded(verified, address)
        try:
            account.remember(verified)  # the role as the users file says it now
        except accounts.AccountError as exc:
            st.error(escape_md(exc))
            return
        st.session_state[Key.USER] = verified
        st.rerun()
    guard.failed(name, address)
    wait = guard.wait(name, address)
    st.error(
        "Nama pengguna atau kata sandi salah."
        + (f" {throttle.locked_message(wait)}" if wait else "")
    )


def require_editor() -> str:
    """The logged-in editor's name; otherwise a login form and the page stops there."""
    if user := st.session_state.get(Key.USER):
        return user
    st.info("Halaman ini untuk penyunting. Masuk dengan akun Anda untuk mengubah data.")
    try:
        users = accounts.load_users(accounts.users_path())
    except accounts.AccountError as exc:
        st.error(escape_md(exc))
        st.stop()
    try:
        users |= _secret_users()
    except accounts.AccountError as exc:
        st.error(escape_md(exc))  # said; the users file's accounts can still log in
    if not users:
        st.warning(
            "Belum ada akun penyunting. Pengelola server menambahkannya dengan perintah "
            "`python -m zi_dash add-user NAMA` (lihat README)."
        )
        st.stop()
    with st.columns([2, 3])[0], st.form("login"):
        name = st.text_input("Nama pengguna", key=Key.LOGIN_NAME)
        password = st.text_input("Kata sandi", type="password", key=Key.LOGIN_PASSWORD)
        submitted = st.form_submit_button("Masuk", type="primary")
    if submitted:
        _log_in(users, name, password)
    st.stop()
    raise AssertionError("unreachable")


def _column(sheet: str, name: str) -> Any:
    cc, spec = st.column_config, EDITABLE[sheet]
    width = layout.WIDTHS.get(name)
    if name in layout.READ_ONLY[sheet]:
        return cc.TextColumn(name, disabled=True, width=width, pinned=name == spec.id_column)
    kind = spec.column(name).kind
    if kind in (Kind.STATUS, Kind.EVIDENCE_STATUS, Kind.REVIEW_STATUS):
        return cc.SelectboxColumn(name, options=list(spec.allowed[name]), required=True)
    if kind is Kind.PERCENT:
        # Text, not a number column: the grid's number editor clamps and drops the decimal
        # point silently; the core reads what was typed and refuses what is not 0–100.
        return cc.TextColumn(name, help="0–100; desimal boleh, misalnya 40,5 atau 40.5")
    if kind is Kind.DATE:
        return cc.DateColumn(name, format="DD/MM/YYYY")
    if kind is Kind.ANSWER:
        # Text as well: which answers fit depends on the row (its Pilihan Jawaban), checked
        # by the core, which names what the row allows.
        return cc.TextColumn(
            name, help="Sesuai Pilihan Jawaban barisnya: Ya/Tidak, huruf A–E, atau angka"
        )
    if name in (EvidenceCol.LINK, LkeCol.LINKS):
        return cc.TextColumn(name, width=width, help="Satu tautan atau berkas per baris")
    if name == ActionCol.LKE_ROWS:
        return cc.TextColumn(
            name, width=width, help="Baris LKE yang didukung aksi ini, misalnya 18 atau 18, 20"
        )
    return cc.TextColumn(name, width=width)  # no max_chars: the grid would cut silently


def _grid(ctx: Context, sheet: str, ids: list[str]) -> int:
    """The editor's generation: a new one (a new widget) when the rows shown change.

    The values drawn are kept too: the next run reads the user's edits against them.
    """
    grid = st.session_state.get(Key.GRID.format(sheet))
    generation = grid[0] if grid is not None and grid[1] == ids else None
    if generation is None:
        generation = st.session_state[Key.EDITOR_GEN] = st.session_state.get(Key.EDITOR_GEN, 0) + 1
    shown = editing.shown_values(ctx.plan, sheet, ids)
    st.session_state[Key.GRID.format(sheet)] = (generation, ids, shown)
    return generation


def _refresh(sheet: str) -> None:
    """A new editor widget on the next run (after the draft changed outside the grid)."""
    st.session_state.pop(Key.GRID.format(sheet), None)


def edit_sheet(ctx: Context, sheet: str, user: str) -> None:
    """The grid (sidebar filters apply), the draft's review, and one Save button."""
    store = draft_store()
    draft = store.load(user)
    grid = st.session_state.get(Key.GRID.format(sheet))
    if grid is not None:
        state = st.session_state.get(Key.EDITOR.format(sheet, grid[0]), {})
        if editing.absorb(draft, sheet, grid[1], grid[2], state):
            keep_draft(store, draft)  # at every change: a reload or page switch loses nothing
    ids = asked_rows(ctx, sheet, editing.row_ids(ctx.view, sheet))  # a reminder's ?aksi=ID
    found = editing.review(ctx.plan, sheet, draft, ids)
    frame = editing.editor_frame(ctx.plan, sheet, ids, draft, found)
    filtered = " (saringan panel kiri berlaku)" if ctx.filters.active else ""
    st.caption(
        f"{len(frame)} dari {len(editing.row_ids(ctx.plan, sheet))} baris{filtered}. Kolom "
        "bertanda pensil dapat diubah; teks SK hanya dapat dibaca. Yang diketik tersimpan "
        "sebagai draf di server sampai Anda klik Simpan."
    )
    st.data_editor(
        frame, key=Key.EDITOR.format(sheet, _grid(ctx, sheet, ids)), num_rows="fixed",
        hide_index=True, column_order=layout.editor_columns(ctx.plan, sheet),
        column_config={n: _column(sheet, n) for n in layout.editor_columns(ctx.plan, sheet)},
        disabled=layout.READ_ONLY[sheet], width="stretch", height=min(38 + 35 * len(frame), 560),
        placeholder="",  # an empty cell, not the English "None"
    )  # fmt: skip
    if not draft.count(sheet):
        st.caption("Belum ada perubahan. Klik dua kali sebuah sel untuk mengubahnya.")
        return
    review_changes(ctx, store, draft, sheet, found, user)


def review_changes(
    ctx: Context, store: DraftStore, draft: Draft, sheet: str, found: editing.Review, user: str
) -> None:
    """The draft's review of one sheet: lines, problems, conflicts, Simpan, Buang, Unduh."""
    st.subheader("Perubahan yang belum disimpan")
    last = f", terakhir {when(draft.updated)}" if draft.updated else ""
    st.caption(
        f"Draf {escape_md(user)}: {draft.count(sheet)} sel diubah{last}. Draf tetap ada bila "
        "halaman dipindah atau dimuat ulang; dihapus hanya oleh Simpan, "
        "Buang perubahan, atau Keluar."
    )
    if found.hidden:
        st.info(
            f"{found.hidden} perubahan lain ada pada baris di luar saringan. Tidak ikut "
            "ditinjau atau disimpan sekarang; kosongkan saringan untuk melihatnya."
        )
    clashing = {x.row_id for x in found.conflicts}  # shown apart: both versions, two choices
    lines = found.lines[~found.lines[editing.ReviewHeader.ID].isin(clashing)]
    if not lines.empty:
        st.dataframe(lines, hide_index=True, width="stretch")
    if found.problems:
        st.error("Nilai berikut ditolak dan tidak ikut disimpan. Perbaiki di tabel:")
        st.text("\n".join(found.problems))
    if found.conflicts:
        _conflicts(ctx, store, draft, sheet, found)
    cols = st.columns([2, 2, 2])
    # Nothing saveable (every row clashes or is refused): no button that cannot be pressed.
    save = found.saveable and cols[0].button(f"Simpan {found.cells} perubahan", type="primary")
    with cols[1].popover("Buang perubahan", icon=":material/delete:"):
        st.write(f"Buang {draft.count(sheet)} perubahan di lembar {sheet}? Tidak dapat dibatalkan.")
        if st.button("Ya, buang", key=f"discard_{sheet}"):
            draft.sheets.pop(sheet, None)
            if keep_draft(store, draft):
                _refresh(sheet)
                st.rerun()
    name = f"draf_belum_tersimpan_{datetime.now():%Y-%m-%d_%H%M}.xlsx"
    cols[2].download_button(
        "Unduh draf (.xlsx)", lazy(partial(editing.draft_workbook, found.lines, sheet), name),
        file_name=name,
        on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    if save:
        _save(ctx, store, draft, sheet, found, user)


def _conflicts(
    ctx: Context, store: DraftStore, draft: Draft, sheet: str, found: editing.Review
) -> None:
    st.warning(
        f"{len(found.conflicts)} sel diubah orang lain sejak Anda mengetiknya. Baris itu belum "
        "dapat disimpan: pilih versi yang dipakai, atau ubah selnya di tabel."
    )
    clash = versions.clash_versions(found, ctx.plan, sheet, draft.typed(sheet))
    st.dataframe(clash, hide_index=True, width="stretch")
    for conflict in found.conflicts:  # why, as typed: it quotes cells
        st.text(f"{conflict.row_id}, {conflict.column}: {conflict.short}")
    left, right = st.columns(2)
    if left.button("Pakai nilai saya untuk yang bentrok", key=f"mine_{sheet}"):
        editing.keep_mine(draft, ctx.plan, sheet, found.outcomes)
    elif right.button("Pakai nilai terbaru di workbook", key=f"theirs_{sheet}"):
        editing.take_theirs(draft, sheet, found.outcomes)
    else:
        return
    if keep_draft(store, draft):
        _refresh(sheet)
        st.rerun()


def _save(
    ctx: Context, store: DraftStore, draft: Draft, sheet: str, found: editing.Review, user: str
) -> None:
    try:  # the role as the users file says it now: a changed account writes as it is now
        result = editing.save(ctx.plan, draft, sheet, found, user, account.save_role(user))
    except (WorkbookError, accounts.AccountError) as exc:
        kind = "bentrok" if isinstance(exc, ConflictError) else "gagal"
        st.error(f"Penyimpanan {kind}. Perubahan Anda tetap di draf dan dapat diunduh.")
        st.text(str(exc))
        clear_plan_cache()  # the review shows the file as it is now on the next run
        return
    merged = " (digabung dengan perubahan orang lain)" if result.merged else ""
    held = draft.count(sheet)
    rest = f" {held} perubahan bermasalah tetap di draf." if held else ""
    if not keep_draft(store, draft, quiet=True):
        rest += " Draf di server belum diperbarui (foldernya tidak dapat ditulis)."
    saved(f"Tersimpan: {len(result.changes)} sel diubah oleh {user}{merged}.{rest}", sheet)


def saved(message: str, sheet: str | None = None) -> None:
    """After a save: fresh plan, a fresh editor, a toast on the next run."""
    clear_plan_cache()
    if sheet:
        _refresh(sheet)
    st.session_state[Key.FLASH] = message
    st.rerun()


def flash() -> None:
    """Show the toast a save left for the next run (as typed: it names users, items, files)."""
    if message := st.session_state.pop(Key.FLASH, None):
        st.toast(escape_md(message), icon=":material/check_circle:", duration="long")
