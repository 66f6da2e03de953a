"""A reminder's deep link: `?aksi=ID` opens Sunting Aksi or Sunting Bukti at that action's rows."""

from __future__ import annotations

import streamlit as st

from zi_dash.analysis.reminder_text import ACTION_PARAM
from zi_dash.base import ActionCol, EvidenceCol, escape_md
from zi_dash.base import contract as c
from zi_dash.ui.session import Context

_OWNER = {c.Sheet.ACTIONS: ActionCol.ID, c.Sheet.EVIDENCE: EvidenceCol.ACTION_ID}


def _linked(ctx: Context, sheet: str) -> tuple[str, list[str]] | None:
    """The action a link asks for and its rows on this sheet (None when no link asks)."""
    asked = st.query_params.get(ACTION_PARAM)
    if not asked or sheet not in _OWNER:
        return None
    frame = ctx.plan.frame(sheet)
    owned = frame[_OWNER[sheet]].astype(str) == asked
    return asked, frame.loc[owned, c.EDITABLE[sheet].id_column].astype(str).tolist()


def linked_rows(ctx: Context, sheet: str, ids: list[str]) -> list[str]:
    """asked_rows without a word on the page, for a second table under the same link."""
    linked = _linked(ctx, sheet)
    return linked[1] if linked and linked[1] else ids


def asked_rows(ctx: Context, sheet: str, ids: list[str]) -> list[str]:
    """The rows of the action a link asks for (sidebar filters aside), else `ids` unchanged."""
    linked = _linked(ctx, sheet)
    if linked is None:
        return ids
    asked, mine = linked
    if not mine:
        st.warning(
            f"Aksi {escape_md(asked)} dari tautan tidak ada di rencana ini (atau tidak punya "
            "baris di lembar ini): semua baris ditampilkan."
        )
        return ids
    st.info(f"Hanya baris aksi {escape_md(asked)}, dari tautan pengingat.")
    if st.button("Tampilkan semua baris", key=f"deeplink-{sheet}"):
        del st.query_params[ACTION_PARAM]
        st.rerun()
    return mine
