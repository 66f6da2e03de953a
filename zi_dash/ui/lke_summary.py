"""The top of the Penilaian Mandiri page: the live score, the WBK/WBBM checks, the next steps.

Always labelled a self-assessment: these figures come from the unit's own answers (the draft's
on top while an editor types), never the official score of the TPI or KemenPANRB.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd
import streamlit as st

from zi_dash import lke
from zi_dash.base import escape_md, number
from zi_dash.ui.lke_input import question_text

LABEL: Final = "penilaian mandiri, bukan nilai resmi"
_PART_MAX: Final = {"total": 100.0, "pengungkit": 60.0, "hasil": 40.0}


def _points(value: float, of: float) -> str:
    return f"{number(value, 2)} / {number(of, 0)}"


NO_SHEET: Final = (
    "Workbook ini belum punya lembar LKE, jadi belum ada penilaian mandiri. "
    "Tambahkan lembar itu dan isi jawabannya di halaman Penilaian Mandiri."
)


def score_metrics(score: lke.Score, predicate: str = "Predikat (penilaian mandiri)") -> None:
    """Total, pengungkit and hasil against their maxima, and the predicate, in one row."""
    cols = st.columns(4)
    cols[0].metric("Total", _points(score.total, _PART_MAX["total"]))
    cols[1].metric("Pengungkit", _points(score.pengungkit, _PART_MAX["pengungkit"]))
    cols[2].metric("Hasil", _points(score.hasil, _PART_MAX["hasil"]))
    cols[3].metric(predicate, score.predicate)


def headline(score: lke.Score, drafted: int) -> None:
    """Total, pengungkit, hasil and the predicate the answers reach, labelled as what they are."""
    note = f" Termasuk {drafted} jawaban draf yang belum disimpan." if drafted else ""
    st.caption(f"Nilai di bawah ini: **{LABEL}**, dihitung dari jawaban unit sendiri.{note}")
    score_metrics(score)


def area_table(score: lke.Score, bank: lke.Bank) -> pd.DataFrame:
    """Each area's points against the WBK and WBBM minimums (a share of its weight)."""
    wbk, wbbm = bank.thresholds["WBK"].area_pct_min, bank.thresholds["WBBM"].area_pct_min
    rows = []
    for area in score.areas.values():
        rows.append(
            {
                "Area": f"{area.area}. {area.name}",
                "Pemenuhan": number(area.fulfilment, 2),
                "Reform": number(area.reform, 2),
                "Nilai": _points(area.total, area.weight),
                "Persen": f"{number(area.percent, 1)} %",
                f"Min. WBK ({number(wbk, 0)} %)": _mark(area.percent >= wbk),
                f"Min. WBBM ({number(wbbm, 0)} %)": _mark(area.percent >= wbbm),
            }
        )
    return pd.DataFrame(rows)


def _mark(met: bool) -> str:
    return "memenuhi" if met else "belum"


def verdicts(score: lke.Score) -> None:
    """The WBK and WBBM checks side by side, each failing minimum named with its numbers."""
    for where, (name, verdict) in zip(
        st.columns(2), (("WBK", score.wbk), ("WBBM", score.wbbm)), strict=True
    ):
        if verdict.met:
            where.success(f"Memenuhi semua syarat minimal {name} ({LABEL}).")
            continue
        lines = "\n".join(f"- {escape_md(short)}" for short in verdict.short)
        where.warning(f"**Belum memenuhi syarat minimal {name}** ({LABEL}):\n\n{lines}")


def steps_table(
    steps: list[lke.Step], bank: lke.Bank, progress: Mapping[int, float]
) -> pd.DataFrame:
    """The questions whose answer raised one step gains most, with what each would add."""
    rows = []
    for step in steps:
        row = bank.row(step.baris)
        mean = progress.get(step.baris)
        rows.append(
            {
                "Baris": str(step.baris),
                "Pertanyaan": f"{row.area}. {question_text(row)}",
                "Sekarang": step.now or "(kosong)",
                "Naik ke": step.to,
                "Tambah nilai": number(step.points, 2),
                "Menuju syarat": number(step.gain, 2),
                "Progres aksi terkait": "–" if mean is None else f"{number(mean, 0)} %",
            }
        )
    return pd.DataFrame(rows)


def next_steps(target: str, steps: pd.DataFrame) -> None:
    """The shortest path to the next predicate (lke.next_steps), or that WBBM is met."""
    if not target:
        st.success(f"Semua syarat minimal WBBM terpenuhi ({LABEL}).")
        return
    st.subheader(f"Jalan terpendek menuju {target}")
    st.caption(
        "Pertanyaan yang, bila jawabannya naik satu tingkat, paling banyak mendekatkan ke syarat "
        f"minimal yang belum terpenuhi ({LABEL}). Bila sama, yang aksi terkaitnya paling maju "
        "didahulukan."
    )
    if not steps.empty:
        st.dataframe(steps, hide_index=True, width="stretch")
    else:
        st.caption("Tidak ada jawaban yang dapat dinaikkan untuk syarat yang belum terpenuhi.")


def problems(lines: tuple[str, ...], links: tuple[str, ...] = ()) -> None:
    """Answers in the LKE sheet that do not fit their row (scored as unanswered), and Baris LKE
    cells of the plan that name no question (their links skipped): listed, the page goes on."""
    if lines:
        st.error(
            f"**{len(lines)} isian di lembar LKE tidak sesuai** dan dihitung sebagai belum "
            "dijawab sampai diperbaiki:"
        )
        st.text("\n".join(lines))  # located messages quote cells: drawn as typed
    if links:
        st.warning(
            f"**{len(links)} sel Baris LKE di rencana aksi tidak terbaca**; tautan aksi itu ke "
            "pertanyaan LKE diabaikan sampai diperbaiki:"
        )
        st.text("\n".join(links))
