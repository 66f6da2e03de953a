"""The Ringkasan's LKE part: the self-assessment from answers, beside it what the plan covers.

Two figures that are never one: the self-assessment is the unit's own reading of the LKE (never
the official score); the plan covers only some Pemenuhan sub-components, so its projection is
of that covered part only and is never held against the WBK/WBBM minimums.
"""

from __future__ import annotations

import streamlit as st

from zi_dash.analysis import assessment, coverage
from zi_dash.analysis import lke as plan_lke
from zi_dash.base import escape_md, fmt
from zi_dash.charts import catalogue
from zi_dash.charts.lke import verdict_line
from zi_dash.ui.cache import cached
from zi_dash.ui.lke_summary import NO_SHEET, score_metrics
from zi_dash.ui.session import Context
from zi_dash.ui.widgets import chart, table

_WHOLE = " Dihitung atas seluruh rencana: saringan tidak berlaku di sini."


def self_assessment(ctx: Context) -> None:
    """Total, pengungkit, hasil and the verdict from the LKE sheet's answers, and its chart."""
    st.subheader("Penilaian mandiri LKE")
    found = cached(assessment.assess, ctx, whole_plan=True)
    if not found.present:
        st.info(NO_SHEET)
        return
    score = found.score
    score_metrics(score)
    verdict = escape_md(verdict_line(score))
    whole = _WHOLE * ctx.filters.active
    st.caption(
        "Dari jawaban lembar LKE per tanggal acuan: penilaian mandiri unit, bukan nilai resmi "
        f"evaluasi TPI atau KemenPANRB. {verdict[0].upper() + verdict[1:]}.{whole}"
    )
    if found.problems:
        st.warning(
            f"{len(found.problems)} jawaban di lembar LKE tidak sesuai dan dihitung sebagai "
            "belum dijawab: perbaiki di halaman Penilaian Mandiri."
        )
    fig = cached(catalogue.penilaian_mandiri, ctx, ctx.as_of, whole_plan=True)
    chart(fig, "penilaian_mandiri_lke", ctx.as_of)


def plan_coverage(ctx: Context) -> None:
    """Which pengungkit sub-components the plan's actions support, and that part's projection."""
    st.subheader("Cakupan rencana aksi atas LKE")
    cov = cached(coverage.coverage, ctx, whole_plan=True)
    st.markdown(
        f"Rencana aksi mencakup **{fmt.number(cov.covered_weight, 2)} dari "
        f"{fmt.number(cov.total_weight, 0)} poin pengungkit**. Proyeksi bagian yang dicakup: "
        f"**{fmt.number(cov.projection, 2)}** (bobot yang dicakup × capaian aksinya)."
    )
    st.caption(
        "Proyeksi ini hanya atas sub-komponen yang punya aksi, bukan nilai LKE, dan tidak "
        "dibandingkan dengan minimal WBK/WBBM. Aksi ditautkan ke pertanyaan LKE lewat kolom "
        "Baris LKE." + _WHOLE * ctx.filters.active
    )
    unread = cached(coverage.link_problems, ctx, whole_plan=True)
    if unread:  # located messages quoting cells: drawn as typed
        st.warning(
            f"{len(unread)} sel Baris LKE tidak terbaca dan tidak dihitung dalam cakupan; "
            "perbaiki di halaman Sunting Aksi."
        )
        st.text("\n".join(unread))
    if cov.uncovered:
        with st.expander(f"{len(cov.uncovered)} sub-komponen belum didukung aksi apa pun"):
            table(plan_lke.uncovered_table(cov.uncovered))
    fig = cached(catalogue.cakupan_lke, ctx, ctx.as_of, whole_plan=True)
    chart(fig, "cakupan_rencana_lke", ctx.as_of)
