"""Mode Rapat: large type for the projector, an overview, the LKE, then one area per screen."""

import streamlit as st

from zi_dash import ui
from zi_dash.analysis import meeting
from zi_dash.base import escape_md, fmt, format_date
from zi_dash.charts import catalogue


def move(step: int, count: int) -> None:
    """Button callback: the previous or next meeting screen."""
    current = st.session_state.get(ui.Key.MEETING_SCREEN, 0)
    st.session_state[ui.Key.MEETING_SCREEN] = max(0, min(count - 1, current + step))


ctx = ui.context()
screens = ui.cached(meeting.screens, ctx)
st.html(ui.PROJECTOR_CSS)
top = st.container(horizontal=True, vertical_alignment="center", gap="medium")
top.page_link("pages/ringkasan.py", label="Keluar dari Mode Rapat", icon=":material/close:")
ui.projector_year_notice(top)  # a date outside the plan year: one line, not the page's box
if ctx.filters.active:  # the sidebar is hidden here: say what it narrows, on one line
    top.caption(f"Saringan aktif: {escape_md(ui.describe(ctx.plan, ctx.filters))}", wrap=False)
if ctx.view.actions.empty:
    st.warning("Tidak ada aksi yang cocok dengan saringan.")
    st.stop()
index = min(st.session_state.get(ui.Key.MEETING_SCREEN, 0), len(screens) - 1)
screen = screens[index]

prev, where, nxt = st.columns([1, 4, 1], vertical_alignment="center")
prev.button("◀ Sebelumnya", on_click=move, args=(-1, len(screens)), disabled=index == 0,
            width="stretch")  # fmt: skip
nxt.button("Berikutnya ▶", on_click=move, args=(1, len(screens)),
           disabled=index == len(screens) - 1, width="stretch")  # fmt: skip
where.markdown(
    f"### {escape_md(screen.title)}  \nLayar {index + 1} dari {len(screens)} · "
    f"status per {format_date(ctx.as_of)}"
)

if screen.part == meeting.Part.LKE:
    ui.rapat.lke_screen(ctx)
    st.stop()
h = ui.cached(meeting.screen_headline, ctx, screen, ctx.as_of)
cols = st.columns(4)
cols[0].metric("Rata-rata progres", fmt.pct(h.completion, 0))
cols[1].metric("Selesai", f"{h.done} / {h.actions}")
cols[2].metric("Terlambat · tertinggal", f"{h.late} · {h.behind}")
cols[3].metric("Bukti lengkap", fmt.pct(h.evidence, 0))

if screen.area is None:
    fig = ui.cached(catalogue.capaian_per_area_proyektor, ctx, ctx.as_of)
    ui.chart(fig, "rapat_capaian_per_area", ctx.as_of, downloads=False)
elif screen.part == meeting.Part.ACTIONS:
    st.markdown("#### Aksi terlambat dan tertinggal")
    late = ui.cached(meeting.late_rows, ctx, screen, ctx.as_of)
    ui.rapat.big_table(late, "Tidak ada aksi terlambat atau tertinggal di area ini.")
else:
    st.markdown("#### Kekurangan bukti")
    gaps = ui.cached(meeting.gap_rows, ctx, screen, ctx.as_of)
    ui.rapat.big_table(gaps, "Tidak ada kekurangan bukti yang mendesak.")
