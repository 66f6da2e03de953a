"""Penilaian mandiri vs penilaian TPI on the Penilaian Mandiri page: both totals, per-area
differences and the disagreements sorted by points at stake (analysis.tpi).

The unit sees what the TPI will cut before the TPI does. Neither figure is the official score;
the TPI's total is always shown with how many questions it has not reviewed (RULE).
"""

from __future__ import annotations

from typing import Final

import pandas as pd
import streamlit as st

from zi_dash import lke
from zi_dash.analysis import tpi
from zi_dash.base import number
from zi_dash.ui.cache import of_plan
from zi_dash.ui.lke_input import question_text
from zi_dash.workbook import Plan

TITLE: Final = "Penilaian mandiri vs penilaian TPI"
LABEL: Final = "penilaian mandiri dan penilaian TPI, keduanya bukan nilai resmi KemenPANRB"


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + number(value, 2)


def area_frame(found: tpi.Comparison) -> pd.DataFrame:
    """Per area, then Pengungkit, Hasil and Total: both layers and TPI − mandiri."""
    names = {a.area: f"{a.area}. {a.name}" for a in found.unit.score.areas.values()}
    return pd.DataFrame(
        [
            {
                "Area": names.get(key, key),
                "Penilaian mandiri": number(unit, 2),
                "Penilaian TPI": number(layer, 2),
                "Selisih (TPI − mandiri)": _signed(gap),
            }
            for key, (unit, layer, gap) in tpi.differences(found).items()
        ]
    )


def disagreement_frame(found: tpi.Comparison) -> pd.DataFrame:
    """The questions both answered whose points differ, most points at stake first."""
    bank = lke.bank()
    rows = []
    for p in found.disagreements:
        row = bank.row(p.baris)
        rows.append(
            {
                "Baris": str(p.baris),
                "Pertanyaan": f"{row.area}. {question_text(row)}",
                "Jawaban unit": p.unit_answer,
                "Jawaban TPI": p.tpi_answer,
                "Poin dipertaruhkan": _signed(p.difference),
                "Status Telaah": p.review,
                "Catatan TPI": p.notes,
            }
        )
    return pd.DataFrame(rows)


def _compare(plan: Plan) -> tpi.Comparison:
    return tpi.compare(plan)


def block(plan: Plan) -> None:
    """The comparison block: TPI total beside the mandiri total, areas, disagreements."""
    found = of_plan(_compare, plan)
    st.subheader(TITLE)
    st.caption(f"{tpi.RULE} Dari jawaban yang tersimpan; draf belum ikut dihitung ({LABEL}).")
    if not tpi.reviewed_any(found):
        st.info(
            f"Belum ada jawaban TPI di lembar LKE: {tpi.unreviewed_text(found)}. Penilaian TPI "
            "tampil di sini setelah TPI mengisi kolom Jawaban TPI."
        )
        return
    unit, layer = found.unit.score, found.tpi.score
    cols = st.columns(3)
    cols[0].metric("Total penilaian mandiri", f"{number(unit.total, 2)} / 100")
    cols[1].metric(
        "Total penilaian TPI",
        f"{number(layer.total, 2)} / 100",
        delta=_signed(layer.total - unit.total),
        help="Selisih dengan penilaian mandiri, dalam poin.",
    )
    cols[2].metric("Belum ditelaah TPI", f"{found.unreviewed} dari {found.total_questions}")
    st.caption(
        f"Predikat: penilaian mandiri {unit.predicate}; penilaian TPI {layer.predicate}. "
        f"{tpi.unreviewed_text(found)}: nilai TPI yang rendah belum tentu potongan."
    )
    st.dataframe(area_frame(found), hide_index=True, width="stretch")
    count = len(found.disagreements)
    st.markdown(f"**Perbedaan jawaban unit dan TPI ({count})**, poin terbesar dulu")
    if count:
        # a dataframe draws its cells as text: a note's markdown is shown as typed
        st.dataframe(disagreement_frame(found), hide_index=True, width="stretch")
    else:
        st.caption("Tidak ada perbedaan pada pertanyaan yang dijawab unit dan TPI.")
    if found.tpi.problems:
        st.warning(
            f"**{len(found.tpi.problems)} isian Jawaban TPI tidak sesuai** dan dihitung belum "
            "dijawab di penilaian TPI sampai diperbaiki:"
        )
        st.text("\n".join(found.tpi.problems))
