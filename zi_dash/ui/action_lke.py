"""Sunting Aksi's LKE list: each action's questions, and suggestions a person takes into a draft.

A suggestion is never saved by itself: taking it types its rows into the editor's Baris LKE
draft cells, which the review above lists and the Save button saves like any other edit.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from zi_dash import lke
from zi_dash.analysis import lke_links
from zi_dash.base import ActionCol, LkeCol, durable, escape_md
from zi_dash.base import contract as c
from zi_dash.edit import Draft, DraftStore, editing
from zi_dash.ui.deeplink import linked_rows
from zi_dash.ui.session import Context, Key, current_workbook
from zi_dash.ui.widgets import table
from zi_dash.workbook import Plan

ALL = "Semua saran yang tampil"
IN_DRAFT = "diubah di draf"  # beside the source of a line whose Baris LKE the draft changes


def take(draft: Draft, plan: Plan, chosen: Mapping[str, tuple[int, ...]]) -> int:
    """Type each chosen action's suggested rows into its Baris LKE draft cell; how many changed."""
    shown = editing.shown_values(plan, c.Sheet.ACTIONS, list(chosen))
    changed = 0
    for action, rows in chosen.items():
        text = lke.format_rows(rows)
        changed += draft.type(c.Sheet.ACTIONS, action, ActionCol.LKE_ROWS, text, shown[action])
    return changed


def _open(frame: pd.DataFrame, draft: Draft) -> dict[str, tuple[int, ...]]:
    """The suggestions shown, per action, whose Baris LKE the draft does not hold yet."""
    typed = draft.typed(c.Sheet.ACTIONS)
    out: dict[str, list[int]] = {}
    lines = frame[frame[lke_links.SOURCE] == lke_links.SUGGESTED]
    for action, baris in zip(lines[ActionCol.ID], lines[LkeCol.ROW]):
        if ActionCol.LKE_ROWS not in typed.get(action, {}):
            out.setdefault(action, []).append(int(baris))
    return {action: tuple(rows) for action, rows in out.items()}


def _drafted(frame: pd.DataFrame, draft: Draft) -> pd.DataFrame:
    """The list with each line of an action whose Baris LKE the draft holds marked so."""
    typed = draft.typed(c.Sheet.ACTIONS)
    held = [ActionCol.LKE_ROWS in typed.get(a, {}) for a in frame[ActionCol.ID]]
    marked = [f"{s}, {IN_DRAFT}" if h and s else s for s, h in zip(frame[lke_links.SOURCE], held)]
    return frame.assign(**{lke_links.SOURCE: marked})


def lke_for_actions(ctx: Context, user: str) -> None:
    """Each shown action's LKE questions; where Baris LKE is blank, suggestions to take."""
    st.subheader("Pertanyaan LKE per aksi")
    # Under a reminder's link the grid above shows one action: so do these rows and suggestions.
    ids = linked_rows(ctx, c.Sheet.ACTIONS, editing.row_ids(ctx.view, c.Sheet.ACTIONS))
    frame = lke_links.questions_by_action(ctx.plan, ids)
    st.caption(
        f"Kolom {ActionCol.LKE_ROWS} menghubungkan aksi dengan pertanyaan LKE yang didukungnya. "
        f"Bila kosong, dasbor menyarankan pertanyaan dari teks aksinya (asal "
        f'"{lke_links.SUGGESTED}"): saran belum tersimpan sampai Anda memakainya, memeriksanya '
        "di daftar perubahan, lalu klik Simpan."
    )
    store = DraftStore(current_workbook())
    draft = store.load(user)
    offered = _open(frame, draft)
    table(_drafted(frame, draft), "Tidak ada aksi yang tampil.")
    if not offered:
        return
    if not ctx.plan.has(c.Sheet.ACTIONS, ActionCol.LKE_ROWS):
        st.info(
            f"Workbook ini belum punya kolom {ActionCol.LKE_ROWS} di lembar {c.Sheet.ACTIONS}: "
            "saran hanya dapat dilihat. Tambahkan kolomnya di halaman Penilaian Mandiri."
        )
        return
    left, right = st.columns([3, 2])
    which = left.selectbox("Saran yang dipakai", [ALL, *offered], key="lke_take_which")
    label = f"Pakai {len(offered)} saran" if which == ALL else f"Pakai saran {which}"
    if right.button(label, icon=":material/add_link:", key="lke_take"):
        chosen = offered if which == ALL else {which: offered[which]}
        if take(draft, ctx.plan, chosen):
            try:
                store.save(draft)
            except durable.WriteError as exc:
                st.error(f"Saran tidak dapat masuk ke draf. {escape_md(exc)}")
                return
            # A fresh grid on the next run, drawn from the draft that now holds the rows.
            st.session_state.pop(Key.GRID.format(c.Sheet.ACTIONS), None)
            st.session_state[Key.FLASH] = (
                f"{len(chosen)} saran {ActionCol.LKE_ROWS} masuk ke draf {user}: "
                "periksa di daftar perubahan, lalu Simpan."
            )
            st.rerun()
