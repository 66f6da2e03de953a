"""Streamlit widgets of the Sunting pages: login, the edit table, its preview, save and upload.

The pure logic is in zi_dash.editing and zi_dash.saving; this module only wires widgets.
Nothing typed by a user is rendered as Markdown or HTML: it goes through st.dataframe/st.text.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any, Final

import streamlit as st

from zi_dash import auth, editing, uploads
from zi_dash import contract as c
from zi_dash.contract import ActionCol, EvidenceCol
from zi_dash.saving import CellChange, ConflictError, check_changes, save_changes
from zi_dash.ui import Context, clear_plan_cache
from zi_dash.workbook import Plan, WorkbookError


class EditKey:
    """Session-state keys of the editing pages."""

    USER: Final = "editor_user"
    FAILS: Final = "login_failures"
    FLASH: Final = "flash_message"
    GEN: Final = "editor_generation"
    LOGIN_NAME: Final = "login_name"
    LOGIN_PASSWORD: Final = "login_password"


def _state_key(sheet: str) -> str:
    return f"edit_state_{sheet}"


def _editor_key(sheet: str, gen: int) -> str:
    return f"editor_{sheet}_{gen}"


def _users() -> dict[str, str]:
    users = auth.load_users(auth.users_path())
    try:
        extra = st.secrets.get("users", {})  # optional [users] name = "hash" in secrets.toml
    except Exception:  # no secrets.toml at all is the usual case
        extra = {}
    users.update({auth.normal_name(k): str(v) for k, v in dict(extra).items()})
    return users


def current_user() -> str | None:
    """The logged-in editor, if any."""
    return st.session_state.get(EditKey.USER)


def account_box() -> None:
    """Sidebar line: who is logged in, with a log-out button."""
    user = current_user()
    if user is None:
        return
    with st.sidebar:
        st.caption(f"Masuk sebagai penyunting **{user}**")
        if st.button("Keluar", icon=":material/logout:", key="logout"):
            del st.session_state[EditKey.USER]
            st.rerun()


def require_editor() -> str:
    """The logged-in editor's name; otherwise a login form and the page stops there."""
    user = current_user()
    if user:
        return user
    st.info("Halaman ini untuk penyunting. Masuk dengan akun Anda untuk mengubah data.")
    try:
        users = _users()
    except auth.AccountError as exc:
        st.error(str(exc))
        st.stop()
    if not users:
        st.warning(
            "Belum ada akun penyunting. Pengelola server menambahkannya dengan perintah "
            "`python -m zi_dash add-user NAMA` (lihat README)."
        )
        st.stop()
    with st.columns([2, 3])[0], st.form("login"):
        name = st.text_input("Nama pengguna", key=EditKey.LOGIN_NAME)
        password = st.text_input("Kata sandi", type="password", key=EditKey.LOGIN_PASSWORD)
        submitted = st.form_submit_button("Masuk", type="primary")
    if submitted:
        verified = auth.verify(users, name, password)
        if verified:
            st.session_state[EditKey.USER] = verified
            st.session_state[EditKey.FAILS] = 0
            st.rerun()
        fails = st.session_state.get(EditKey.FAILS, 0) + 1
        st.session_state[EditKey.FAILS] = fails
        time.sleep(min(fails, 5))  # slows guessing from one session
        st.error("Nama pengguna atau kata sandi salah.")
    st.stop()
    raise AssertionError("unreachable")


def flash() -> None:
    """Show the toast a save left for the next run."""
    message = st.session_state.pop(EditKey.FLASH, None)
    if message:
        st.toast(message, icon=":material/check_circle:", duration="long")


def _column_config(sheet: str) -> dict[str, Any]:
    text = st.column_config.TextColumn
    config: dict[str, Any] = {col: text(col, disabled=True) for col in editing.READ_ONLY[sheet]}
    config[editing.READ_ONLY[sheet][0]] = text(editing.READ_ONLY[sheet][0], pinned=True)
    if sheet == c.Sheet.ACTIONS:
        config[ActionCol.INDICATOR] = text(ActionCol.INDICATOR, disabled=True, width="medium")
        config[ActionCol.STEP] = text(ActionCol.STEP, disabled=True, width="large")
        config.update(
            {
                ActionCol.START: st.column_config.DateColumn(ActionCol.START, format="DD/MM/YYYY"),
                ActionCol.END: st.column_config.DateColumn(ActionCol.END, format="DD/MM/YYYY"),
                ActionCol.PIC: text(ActionCol.PIC, max_chars=120),
                ActionCol.STATUS: st.column_config.SelectboxColumn(
                    ActionCol.STATUS, options=list(c.ACTION_STATUSES), required=True
                ),
                ActionCol.PROGRESS: st.column_config.NumberColumn(
                    ActionCol.PROGRESS, min_value=0, max_value=100, step=1, format="%.0f"
                ),
                ActionCol.NOTES: text(ActionCol.NOTES, max_chars=2000, width="medium"),
            }
        )
    else:
        config[EvidenceCol.ITEM] = text(EvidenceCol.ITEM, disabled=True, width="medium")
        config.update(
            {
                EvidenceCol.STATUS: st.column_config.SelectboxColumn(
                    EvidenceCol.STATUS, options=list(c.EVIDENCE_STATUSES), required=True
                ),
                EvidenceCol.LINK: st.column_config.LinkColumn(
                    EvidenceCol.LINK, max_chars=2000, width="medium"
                ),
                EvidenceCol.NOTES: text(EvidenceCol.NOTES, max_chars=2000, width="medium"),
            }
        )
    return config


def _filters(ctx: Context, sheet: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    plan = ctx.plan
    areas = sorted(set(plan.actions[ActionCol.AREA]), key=c.AREA_CODES.index)
    pics = sorted({p for p in plan.actions[ActionCol.PIC] if p})
    left, right = st.columns(2)
    chosen_areas = left.multiselect(
        "Area",
        areas,
        format_func=lambda a: f"{a} · {c.AREA_NAMES.get(a, a)}",
        placeholder="Semua area",
        key=f"edit_areas_{sheet}",
    )
    chosen_pics = right.multiselect(
        "Penanggung jawab", pics, placeholder="Semua", key=f"edit_pics_{sheet}"
    )
    return tuple(chosen_areas), tuple(chosen_pics)


def edit_sheet(ctx: Context, sheet: str, user: str) -> None:
    """Filter, edit in a grid, preview old -> new, and save with one button."""
    state = st.session_state.setdefault(
        _state_key(sheet), {"base": ctx.plan, "earlier": {}, "filter": None, "frame": None}
    )
    gen = st.session_state.setdefault(EditKey.GEN, 0)
    editor_key = _editor_key(sheet, gen)
    edits: editing.Pending = {}
    if state["frame"] is not None:
        edits = editing.edits_from_state(
            state["frame"], sheet, st.session_state.get(editor_key, {})
        )
    pending = editing.merge_pending(state["base"], sheet, state["earlier"], edits)
    if not pending and state["base"].version != ctx.plan.version:
        state.update(base=ctx.plan, frame=None)  # nothing typed yet: show the newest data
    chosen = _filters(ctx, sheet)
    if chosen != state["filter"] or state["frame"] is None:
        # A new editor (new key) fed with the pending edits; the old one's state is dropped.
        gen = st.session_state[EditKey.GEN] = gen + 1
        editor_key = _editor_key(sheet, gen)
        ids = editing.row_ids(state["base"], sheet, *chosen)
        frame = editing.editor_frame(state["base"], sheet, ids, pending)
        state.update(filter=chosen, earlier=pending, frame=frame)
    st.caption(
        f"{len(state['frame'])} baris. Kolom bertanda pensil dapat diubah; kolom lain adalah "
        "teks SK dan hanya dapat dibaca."
    )
    st.data_editor(
        state["frame"],
        key=editor_key,
        num_rows="fixed",
        hide_index=True,
        column_order=editing.editor_columns(sheet),
        column_config=_column_config(sheet),
        disabled=editing.READ_ONLY[sheet],
        width="stretch",
        height=min(38 + 35 * len(state["frame"]), 560),
    )
    _review_and_save(ctx, sheet, user, state, pending)


def _review_and_save(
    ctx: Context, sheet: str, user: str, state: dict[str, Any], pending: editing.Pending
) -> None:
    if not pending:
        st.caption(
            "Belum ada perubahan. Klik sel untuk mengubahnya; perubahan disimpan dengan "
            "tombol Simpan yang muncul di bawah tabel."
        )
        return
    base = state["base"]
    st.subheader("Perubahan yang akan disimpan")
    if base.version != ctx.plan.version:
        st.info(
            "Workbook sudah diubah orang lain sejak Anda mulai menyunting. Saat disimpan, "
            "perubahan Anda digabung dengan perubahan mereka; sel yang sama akan dilaporkan."
        )
    problems: list[str] = []
    changes: list[CellChange] = []
    notes: list[str] = []
    try:
        changes, notes = check_changes(base, {sheet: pending})
    except WorkbookError as exc:
        problems = exc.problems
    if changes:
        st.dataframe(editing.preview(changes), hide_index=True, width="stretch")
    for note in notes:
        st.caption(f"Otomatis: {note}")
    if problems:
        st.error("Perbaiki dulu isian berikut; belum ada yang disimpan.")
        st.text("\n".join(problems))
    cols = st.columns([1, 1, 2])
    save = cols[0].button(
        f"Simpan {len(changes)} perubahan", type="primary", disabled=bool(problems or not changes)
    )
    if cols[1].button("Batalkan semua"):
        _reset(sheet)
        st.rerun()
    if changes:
        cols[2].download_button(
            "Unduh perubahan (.xlsx)",
            editing.pending_workbook(changes),
            file_name=f"perubahan_belum_tersimpan_{datetime.now():%Y-%m-%d_%H%M}.xlsx",
            on_click="ignore",
            icon=":material/download:",
        )
    if save:
        _save(ctx, sheet, user, base, pending)


def _save(ctx: Context, sheet: str, user: str, base: Plan, pending: editing.Pending) -> None:
    try:
        result = save_changes(
            ctx.plan.path,
            {sheet: pending},
            user=user,
            base_version=base.version,
            base_values=editing.base_values(base, sheet, pending),
        )
    except WorkbookError as exc:
        kind = "bentrok" if isinstance(exc, ConflictError) else "gagal"
        st.error(f"Penyimpanan {kind}. Perubahan Anda masih di layar dan dapat diunduh.")
        st.text(str(exc))
        return
    clear_plan_cache()
    _reset(sheet)
    merged = " (digabung dengan perubahan orang lain)" if result.merged else ""
    st.session_state[EditKey.FLASH] = (
        f"Tersimpan: {len(result.changes)} sel diubah oleh {user}{merged}."
    )
    st.rerun()


def _reset(sheet: str) -> None:
    st.session_state.pop(_state_key(sheet), None)
    st.session_state[EditKey.GEN] = st.session_state.get(EditKey.GEN, 0) + 1


def upload_form(ctx: Context, user: str) -> None:
    """Attach a file to one evidence item: stored beside the workbook, its path in Tautan."""
    plan = ctx.plan
    items = dict(zip(plan.evidence[EvidenceCol.ID], plan.evidence[EvidenceCol.ITEM]))
    with st.form("upload", clear_on_submit=True):
        item = st.selectbox(
            "Butir bukti", list(items), format_func=lambda i: f"{i} · {items[i][:90]}"
        )
        file = st.file_uploader(
            "Berkas (PDF, gambar, dokumen Office; paling besar 20 MB)",
            type=[e.lstrip(".") for e in uploads.ALLOWED],
            max_upload_size=uploads.MAX_BYTES // (1024 * 1024),
        )
        submitted = st.form_submit_button("Unggah dan simpan", icon=":material/upload:")
    if not submitted or file is None or item is None:
        return
    try:
        stored = uploads.store(plan.path, _action_of(plan, item), file.name, file.getvalue())
    except (uploads.UploadError, WorkbookError) as exc:
        st.error(str(exc))
        return
    change = {EvidenceCol.LINK: stored}
    row = plan.evidence.set_index(EvidenceCol.ID).loc[item]
    if row[EvidenceCol.STATUS] == c.EvidenceStatus.MISSING:
        change[EvidenceCol.STATUS] = c.EvidenceStatus.PRESENT
    try:
        save_changes(
            plan.path,
            {c.Sheet.EVIDENCE: {item: change}},
            user=user,
            base_version=plan.version,
            base_values={c.Sheet.EVIDENCE: {item: {k: row[k] for k in change}}},
        )
    except WorkbookError as exc:
        (plan.path.parent / stored).unlink(missing_ok=True)
        st.error("Berkas tidak disimpan karena workbook tidak dapat diperbarui.")
        st.text(str(exc))
        return
    clear_plan_cache()
    st.session_state[EditKey.FLASH] = f"Berkas tersimpan untuk {item}: {stored}"
    st.rerun()


def _action_of(plan: Plan, item: str) -> str:
    evidence = plan.evidence.set_index(EvidenceCol.ID)
    return str(evidence.at[item, EvidenceCol.ACTION_ID])
