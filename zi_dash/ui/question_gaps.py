"""Bukti's view per LKE question: the linked actions' missing items beside the question's links."""

from __future__ import annotations

import streamlit as st

from zi_dash.analysis import lke_links
from zi_dash.base import ActionCol, LkeCol
from zi_dash.ui.cache import cached
from zi_dash.ui.session import Context
from zi_dash.ui.widgets import table


def question_gaps(ctx: Context) -> None:
    """The evidence gaps of each LKE question the (filtered) plan links to."""
    st.subheader("Kekurangan bukti per pertanyaan LKE")
    st.caption(
        f"Bukti sebuah pertanyaan LKE = {LkeCol.LINKS} di lembar LKE ditambah butir bukti aksi "
        f"yang terhubung lewat kolom {ActionCol.LKE_ROWS}. Tampil: pertanyaan yang butirnya "
        "belum ada, atau yang belum punya bukti sama sekali."
    )
    if not cached(lke_links.question_actions, ctx):
        empty = (
            f"Belum ada aksi yang terhubung ke pertanyaan LKE: isi kolom {ActionCol.LKE_ROWS} "
            "di Sunting Aksi (ada saran dari teks aksinya)."
        )
    else:
        empty = "Tidak ada kekurangan: setiap pertanyaan yang terhubung sudah punya buktinya."
    table(cached(lke_links.question_gaps, ctx), empty)
