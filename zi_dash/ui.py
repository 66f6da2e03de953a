"""The one Streamlit module of the core: caching wrappers, session-state keys, shared widgets.

The logic behind every widget is in the streamlit-free core (editing, saving, uploads, ...).
"""

from __future__ import annotations

import runpy
import time
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from zi_dash import auth, chart_style, editing, render
from zi_dash import contract as c
from zi_dash import filters as flt
from zi_dash.config import workbook_path
from zi_dash.contract import ActionCol, EvidenceCol, Kind
from zi_dash.history import rewind
from zi_dash.saving import ConflictError
from zi_dash.schedule import format_date
from zi_dash.workbook import Plan, WorkbookError, load_plan


class Key:
    """Session-state keys shared by app.py and the pages."""

    AS_OF: Final = "as_of"
    AREAS: Final = "filter_areas"
    COMPONENTS: Final = "filter_components"
    STATUSES: Final = "filter_statuses"
    PICS: Final = "filter_pics"
    MONTHS: Final = "filter_months"
    CONTEXT: Final = "context"
    MEETING_SCREEN: Final = "meeting_screen"
    EXPORT: Final = "export_package"
    USER: Final = "editor_user"
    LOGIN_FAILS: Final = "login_failures"
    LOGIN_NAME: Final = "login_name"
    LOGIN_PASSWORD: Final = "login_password"
    FLASH: Final = "flash_message"
    EDITOR_GEN: Final = "editor_generation"  # bumped to give st.data_editor a fresh key
    DRAFT: Final = "edit_draft_{}"  # .format(sheet): its editing.Draft
    EDITOR: Final = "editor_{}_{}"  # .format(sheet, generation): its st.data_editor
    IN_APP: Final = "_in_app"


@dataclass(frozen=True)
class Context:
    """What every page works from: the whole plan, the filtered plan and the as-of date."""

    plan: Plan
    view: Plan
    as_of: date
    filters: flt.Filters


@st.cache_data(show_spinner=False, max_entries=4)
def _load(path: str, mtime_ns: int, size: int) -> Plan:
    # mtime and size are part of the key: a saved workbook is read again, an unchanged one never.
    del mtime_ns, size
    return load_plan(path)


def load_current_plan() -> Plan:
    """The workbook's plan, cached on path and modification time; stops the page on error."""
    path = workbook_path()
    try:
        stat = path.stat()
    except OSError:
        st.error(
            f'Workbook "{path}" tidak ditemukan. Atur lokasinya dengan variabel lingkungan '
            "ZI_WORKBOOK atau letakkan berkas di data/rencana_aksi.xlsx."
        )
        st.stop()
    try:
        return _load(str(path), stat.st_mtime_ns, stat.st_size)
    except WorkbookError as exc:
        st.error(f"**Workbook tidak dapat dibaca.** {exc}")
        st.stop()
    raise AssertionError("unreachable")


def clear_plan_cache() -> None:
    """Forget cached plans (after a save)."""
    _load.clear()


def _multiselect(label: str, key: str, choices: list[tuple[str, str]]) -> tuple[str, ...]:
    labels = dict(choices)
    # Drop remembered choices the workbook no longer has, instead of failing the widget.
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in labels]
    picked = st.multiselect(
        label, list(labels), format_func=labels.__getitem__, key=key, placeholder="Semua"
    )
    return tuple(picked)


def sidebar(plan: Plan) -> Context:
    """The shared sidebar: workbook, tanggal acuan and filters; stores and returns the Context."""
    with st.sidebar:
        last = plan.history.iloc[-1] if not plan.history.empty else None
        who = f" oleh {last.iloc[1]}" if last is not None and last.iloc[1] else ""
        st.caption(
            f"**{plan.info.unit}** · Rencana Aksi ZI {plan.year}  \n"
            f"Workbook: `{Path(plan.path).name}`  \n"
            f"Diubah {format_date(plan.modified.date())} "
            f"{plan.modified:%H.%M}{who}"
        )
        if Key.AS_OF not in st.session_state:
            st.session_state[Key.AS_OF] = date.today()
        as_of = st.date_input("Tanggal acuan", key=Key.AS_OF, format="DD/MM/YYYY")
        choices = flt.options(plan)
        st.markdown("**Saring**")
        filters = flt.Filters(
            areas=_multiselect("Area", Key.AREAS, choices["areas"]),
            components=_multiselect("Komponen", Key.COMPONENTS, choices["components"]),
            statuses=_multiselect("Status", Key.STATUSES, choices["statuses"]),
            pics=_multiselect("Penanggung jawab", Key.PICS, choices["pics"]),
            months=_multiselect("Bulan target", Key.MONTHS, choices["months"]),
        )
    # Figures "per tanggal acuan" show the plan as it stood then, rebuilt from the Riwayat log.
    context = Context(plan, flt.apply(rewind(plan, as_of), filters, as_of), as_of, filters)
    st.session_state[Key.CONTEXT] = context
    return context


APP_SCRIPT: Final = Path(__file__).resolve().parent.parent / "app.py"


def run_pages(pages: dict[str, list[Any]]) -> None:
    """Run st.navigation over sections of pages; pages know they were entered through app.py."""
    navigation = st.navigation(pages)
    st.session_state[Key.IN_APP] = True
    try:
        navigation.run()
    finally:
        st.session_state[Key.IN_APP] = False


def context() -> Context:
    """The Context app.py prepared for this run.

    Streamlit runs a pages/ file on its own when the first request after a server start is a
    deep link (its legacy multipage mode), and AppTest does so on every run of a page. Such a
    run executes app.py in place, which runs this page again inside st.navigation, then stops:
    no rerun happens, so the page's widget values (an edit, a click) are kept.
    """
    if not st.session_state.get(Key.IN_APP):
        runpy.run_path(str(APP_SCRIPT), run_name="__main__")
        st.stop()
    return st.session_state[Key.CONTEXT]


def chart(fig: go.Figure, name: str, as_of: date, downloads: bool = True) -> None:
    """Render a core figure as built (theme=None), with print-size PNG and SVG downloads.

    The camera button saves a PNG in the browser; the PNG/SVG buttons render on the server
    with the warm Kaleido, only when clicked.
    """
    st.plotly_chart(fig, theme=None, config=chart_style.config(fig, name, as_of), width="stretch")
    if not downloads:
        return
    if not render.available():
        st.caption(render.unavailable_message())
        return
    stem = f"{name}_{as_of.isoformat()}"
    row = st.container(horizontal=True, gap="small")
    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
        row.download_button(
            fmt.upper(),
            data=partial(render.image, fig, fmt),
            file_name=f"{stem}.{fmt}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"download_{fmt}_{stem}",
            help=f"Unduh grafik ini sebagai {fmt.upper()} ukuran cetak",
            width="content",
        )


_COLUMN_CONFIG: Final = {
    ActionCol.PROGRESS: st.column_config.ProgressColumn(
        ActionCol.PROGRESS, min_value=0, max_value=100, format="%.0f%%"
    ),
    EvidenceCol.LINK: st.column_config.LinkColumn(EvidenceCol.LINK),
}


def table(frame: pd.DataFrame, empty: str = "Tidak ada.") -> None:
    """A read-only table with progress bars and clickable links; a sentence when empty."""
    if frame.empty:
        st.info(empty)
        return
    st.dataframe(frame, hide_index=True, column_config=_COLUMN_CONFIG, width="stretch")


def headline(ctx: Context) -> None:
    """Where and when the figures come from, under every page title."""
    note = " · filter aktif" if ctx.filters.active else ""
    st.caption(
        f"{ctx.plan.info.unit} · status per {format_date(ctx.as_of)} · "
        f"{len(ctx.view.actions)} dari {len(ctx.plan.actions)} aksi{note}"
    )


# --- editing: login, the edit grid, preview and save, uploads ---------------------------
# Nothing a user typed is rendered as Markdown or HTML: it goes through st.dataframe/st.text.


def _users() -> dict[str, str]:
    users = auth.load_users(auth.users_path())
    try:
        extra = dict(st.secrets.get("users", {}))  # optional [users] name = "hash"
    except Exception:  # no secrets.toml at all is the usual case
        extra = {}
    return users | {auth.normal_name(k): str(v) for k, v in extra.items()}


def account_box() -> None:
    """Sidebar line: who is logged in, with a log-out button."""
    user = st.session_state.get(Key.USER)
    if user is None:
        return
    with st.sidebar:
        st.caption(f"Masuk sebagai penyunting **{user}**")
        if st.button("Keluar", icon=":material/logout:", key="logout"):
            del st.session_state[Key.USER]
            st.rerun()


def require_editor() -> str:
    """The logged-in editor's name; otherwise a login form and the page stops there."""
    if user := st.session_state.get(Key.USER):
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
        name = st.text_input("Nama pengguna", key=Key.LOGIN_NAME)
        password = st.text_input("Kata sandi", type="password", key=Key.LOGIN_PASSWORD)
        submitted = st.form_submit_button("Masuk", type="primary")
    if submitted:
        if verified := auth.verify(users, name, password):
            st.session_state[Key.USER] = verified
            st.session_state[Key.LOGIN_FAILS] = 0
            st.rerun()
        fails = st.session_state.get(Key.LOGIN_FAILS, 0) + 1
        st.session_state[Key.LOGIN_FAILS] = fails
        time.sleep(min(fails, 5))  # slows guessing from one session
        st.error("Nama pengguna atau kata sandi salah.")
    st.stop()
    raise AssertionError("unreachable")


def flash() -> None:
    """Show the toast a save left for the next run."""
    if message := st.session_state.pop(Key.FLASH, None):
        st.toast(message, icon=":material/check_circle:", duration="long")


def _column(sheet: str, name: str) -> Any:
    cc, spec = st.column_config, editing.spec(sheet)
    width = editing.WIDTHS.get(name)
    if name in editing.READ_ONLY[sheet]:
        return cc.TextColumn(name, disabled=True, width=width, pinned=name == spec.id_column)
    kind = spec.column(name).kind
    if kind in (Kind.STATUS, Kind.EVIDENCE_STATUS):
        return cc.SelectboxColumn(name, options=list(spec.allowed[name]), required=True)
    if kind is Kind.PERCENT:
        return cc.NumberColumn(name, min_value=0, max_value=100, step=1, format="%.0f")
    if kind is Kind.DATE:
        return cc.DateColumn(name, format="DD/MM/YYYY")
    if name == EvidenceCol.LINK:
        return cc.LinkColumn(name, max_chars=editing.MAX_CHARS, width=width)
    return cc.TextColumn(name, max_chars=editing.MAX_CHARS, width=width)


def _filters(plan: Plan, sheet: str) -> editing.Filter:
    areas = sorted(set(plan.actions[ActionCol.AREA]), key=c.AREA_CODES.index)
    pics = sorted({p for p in plan.actions[ActionCol.PIC] if p})
    left, right = st.columns(2)
    chosen_areas = left.multiselect(
        "Area", areas, format_func=lambda a: f"{a} · {c.AREA_NAMES.get(a, a)}",
        placeholder="Semua area", key=f"edit_areas_{sheet}",
    )  # fmt: skip
    chosen_pics = right.multiselect(
        "Penanggung jawab", pics, placeholder="Semua", key=f"edit_pics_{sheet}"
    )
    return tuple(chosen_areas), tuple(chosen_pics)


def edit_sheet(ctx: Context, sheet: str, user: str) -> None:
    """Filter, edit in a grid, preview old -> new, and save with one button."""
    draft = st.session_state.setdefault(Key.DRAFT.format(sheet), editing.Draft(sheet, ctx.plan))
    generation = st.session_state.setdefault(Key.EDITOR_GEN, 0)
    widget = st.session_state.get(Key.EDITOR.format(sheet, generation), {})
    pending, fresh = draft.advance(ctx.plan, _filters(ctx.plan, sheet), widget)
    if fresh:  # never feed an editor's output back into the same editor
        generation = st.session_state[Key.EDITOR_GEN] = generation + 1
    frame = draft.frame
    st.caption(
        f"{len(frame)} baris. Kolom bertanda pensil dapat diubah; kolom lain adalah "
        "teks SK dan hanya dapat dibaca."
    )
    st.data_editor(
        frame, key=Key.EDITOR.format(sheet, generation), num_rows="fixed", hide_index=True,
        column_order=editing.editor_columns(sheet),
        column_config={n: _column(sheet, n) for n in editing.editor_columns(sheet)},
        disabled=editing.READ_ONLY[sheet], width="stretch", height=min(38 + 35 * len(frame), 560),
    )  # fmt: skip
    if not pending:
        st.caption(
            "Belum ada perubahan. Klik sel untuk mengubahnya; perubahan disimpan dengan "
            "tombol Simpan yang muncul di bawah tabel."
        )
        return
    _review_and_save(ctx, draft, user, pending)


def _review_and_save(
    ctx: Context, draft: editing.Draft, user: str, pending: editing.Pending
) -> None:
    st.subheader("Perubahan yang akan disimpan")
    if draft.base.version != ctx.plan.version:
        st.info(
            "Workbook sudah diubah orang lain sejak Anda mulai menyunting. Saat disimpan, "
            "perubahan Anda digabung dengan perubahan mereka; sel yang sama akan dilaporkan."
        )
    found = editing.review(draft.base, draft.sheet, pending)
    if found.changes:
        st.dataframe(editing.preview(found.changes), hide_index=True, width="stretch")
    for note in found.notes:
        st.caption(f"Otomatis: {note}")
    if found.problems:
        st.error("Perbaiki dulu isian berikut; belum ada yang disimpan.")
        st.text("\n".join(found.problems))
    cols = st.columns([1, 1, 2])
    save = cols[0].button(
        f"Simpan {len(found.changes)} perubahan",
        type="primary",
        disabled=bool(found.problems or not found.changes),
    )
    if cols[1].button("Batalkan semua"):
        _reset(draft.sheet)
        st.rerun()
    if found.changes:
        cols[2].download_button(
            "Unduh perubahan (.xlsx)",
            partial(editing.pending_workbook, found.changes),
            file_name=f"perubahan_belum_tersimpan_{datetime.now():%Y-%m-%d_%H%M}.xlsx",
            on_click="ignore",
            icon=":material/download:",
        )
    if not save:
        return
    try:
        result = editing.save(draft, pending, user)
    except WorkbookError as exc:
        kind = "bentrok" if isinstance(exc, ConflictError) else "gagal"
        st.error(f"Penyimpanan {kind}. Perubahan Anda masih di layar dan dapat diunduh.")
        st.text(str(exc))
        return
    merged = " (digabung dengan perubahan orang lain)" if result.merged else ""
    saved(f"Tersimpan: {len(result.changes)} sel diubah oleh {user}{merged}.", draft.sheet)


def saved(message: str, sheet: str | None = None) -> None:
    """After a save: fresh plan, reset editor, a toast on the next run."""
    clear_plan_cache()
    if sheet:
        _reset(sheet)
    st.session_state[Key.FLASH] = message
    st.rerun()


def _reset(sheet: str) -> None:
    st.session_state.pop(Key.DRAFT.format(sheet), None)
    st.session_state[Key.EDITOR_GEN] = st.session_state.get(Key.EDITOR_GEN, 0) + 1
