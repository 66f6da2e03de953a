"""Mode Rapat: large type for the projector, an overview then one area per screen."""

import streamlit as st

from zi_dash import chart_style, charts, fmt, meeting, metrics, tables, ui
from zi_dash.contract import ActionCol, EvidenceCol, Status
from zi_dash.schedule import format_date

ctx = ui.context()
screens = meeting.screens(ctx.view)
st.html(ui.PROJECTOR_CSS)
if ctx.view.actions.empty:
    st.warning("Tidak ada aksi yang cocok dengan saringan.")
    st.stop()
index = min(st.session_state.get(ui.Key.MEETING_SCREEN, 0), len(screens) - 1)
screen = screens[index]

prev, where, nxt = st.columns([1, 4, 1], vertical_alignment="center")
prev.button(
    "◀ Sebelumnya",
    on_click=ui.move_screen,
    args=(-1, len(screens)),
    disabled=index == 0,
    width="stretch",
)
nxt.button(
    "Berikutnya ▶",
    on_click=ui.move_screen,
    args=(1, len(screens)),
    disabled=index == len(screens) - 1,
    width="stretch",
)
where.markdown(
    f"### {screen.title}  \nLayar {index + 1} dari {len(screens)} · "
    f"status per {format_date(ctx.as_of)}"
)

plan = meeting.area_plan(ctx.view, screen, ctx.as_of)
counts = metrics.status_counts(plan)
cols = st.columns(4)
cols[0].metric("Capaian", fmt.pct(metrics.completion_overall(plan), 0))
cols[1].metric("Selesai", f"{counts[Status.DONE]} / {len(plan.actions)}")
cols[2].metric("Terlambat", len(metrics.overdue(plan, ctx.as_of)))
cols[3].metric("Bukti lengkap", fmt.pct(metrics.evidence_completeness(plan), 0))

if screen.area is None:
    fig = charts.area_completion(metrics.completion_by_area(plan), ctx.as_of)
    ui.chart(chart_style.for_projector(fig), "rapat_capaian_per_area", ctx.as_of, downloads=False)
else:
    st.markdown("#### Aksi terlambat")
    late = tables.late(plan, ctx.as_of)
    ui.big_table(
        late[[ActionCol.ID, ActionCol.INDICATOR, ActionCol.PIC, tables.DUE]],
        "Tidak ada aksi terlambat di area ini.",
    )
    st.markdown("#### Kekurangan bukti")
    gaps = tables.evidence_gaps(plan, ctx.as_of)
    columns = [tables.PRIORITY, EvidenceCol.ACTION_ID, EvidenceCol.ITEM, EvidenceCol.STATUS]
    ui.big_table(gaps[columns], "Tidak ada kekurangan bukti yang mendesak.")
