"""Computed figures cached per (plan version, tanggal acuan, filters, arguments): a rerun reuses
them, another date, filter or workbook version computes anew, a save never serves an old one."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from zi_dash.base import WORKBOOK_ENV, ActionCol
from zi_dash.base import contract as c
from zi_dash.ui import Key, cache
from zi_dash.workbook import Plan, load_plan, save_changes

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/ringkasan.py", "pages/linimasa.py", "pages/bukti.py", "pages/rapat.py"]
AS_OF = date(2022, 5, 1)
computed: list[tuple[int, date, str]] = []
drawn: list[object] = []  # the figure objects each run of _figure_script got


def counted(plan: Plan, as_of: date) -> str:
    """What a figure is computed from, recorded each time it is actually computed."""
    computed.append((len(plan.actions), as_of, plan.version))
    return f"{len(plan.actions)} aksi per {as_of.isoformat()} versi {plan.version[:8]}"


def a_frame(plan: Plan) -> pd.DataFrame:
    return plan.actions[[ActionCol.ID, ActionCol.PROGRESS]]


def _script() -> None:
    import streamlit as st

    from tests.test_ui_cache import a_frame, counted
    from zi_dash import ui

    ctx = ui.sidebar(ui.load_current_plan())
    st.write(ui.cached(counted, ctx, ctx.as_of))
    frame = ui.cached(a_frame, ctx)
    st.write(f"kolom {len(frame.columns)}")
    frame["tambahan"] = 1  # a page may add a column to what it got: the cached one stays
    st.write(ui.cached(counted, ctx, ctx.as_of, whole_plan=True))


def a_figure(plan: Plan, as_of: date) -> go.Figure:
    return go.Figure(go.Bar(x=plan.actions[ActionCol.ID], y=plan.actions[ActionCol.PROGRESS]))


def _figure_script() -> None:
    from tests.test_ui_cache import a_figure, drawn
    from zi_dash import ui

    ctx = ui.sidebar(ui.load_current_plan())
    drawn.append(ui.cached(a_figure, ctx, ctx.as_of))


def _session(workbook: Path) -> AppTest:
    at = AppTest.from_function(_script, default_timeout=30)
    at.session_state[Key.AS_OF] = AS_OF
    return at


@pytest.fixture
def workbook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = factory.mixed(tmp_path / "mixed.xlsx")
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    computed.clear()
    return path


def test_a_rerun_reuses_the_figure_and_another_session_shares_it(workbook: Path) -> None:
    at = _session(workbook).run()
    assert not at.exception
    version = load_plan(workbook).version
    assert at.markdown[0].value == f"6 aksi per 2022-05-01 versi {version[:8]}"
    assert at.markdown[1].value == "kolom 2"  # the column added last run is not in the cache
    # Without a filter the whole plan is the filtered one: computed once for both.
    assert computed == [(6, AS_OF, version)]
    at.run()
    assert at.markdown[1].value == "kolom 2"
    _session(workbook).run()  # a new session finds the shared cache
    assert len(computed) == 1


def test_a_new_session_gets_the_computed_figure_itself_not_a_copy(workbook: Path) -> None:
    # A copy per session (st.cache_data's unpickling) re-validates every plotly figure: the
    # server's CPU per new viewer. Shared objects are never mutated (see zi_dash/ui/cache.py).
    drawn.clear()
    for _ in range(2):
        at = AppTest.from_function(_figure_script, default_timeout=30)
        at.session_state[Key.AS_OF] = AS_OF
        assert not at.run().exception
    assert len(drawn) == 2 and drawn[0] is drawn[1]


def test_another_date_filter_or_version_computes_anew(workbook: Path) -> None:
    at = _session(workbook).run()
    at.session_state[Key.AS_OF] = date(2022, 7, 1)
    at.run()
    assert at.markdown[0].value.startswith("6 aksi per 2022-07-01 ")
    assert len(computed) == 2  # for the new date
    at.session_state[Key.AREAS] = ["I"]
    at.run()
    filtered = at.markdown[0].value
    assert not filtered.startswith("6 aksi") and "per 2022-07-01" in filtered
    assert len(computed) == 3  # the whole plan's value of that date is the same: reused
    assert at.markdown[2].value.startswith("6 aksi per 2022-07-01 ")

    old = load_plan(workbook)
    row = next(iter(old.rows[c.Sheet.ACTIONS]))
    changes = {c.Sheet.ACTIONS: {row: {ActionCol.NOTES: "disimpan orang lain"}}}
    saved = save_changes(workbook, changes, user="ani", base_version=old.version)
    at.run()  # another user's save: a new version, a new key
    assert saved.version != old.version
    assert at.markdown[0].value.endswith(f"versi {saved.version[:8]}")
    assert computed[-1][2] == saved.version


def test_clearing_after_a_save_lets_every_session_go(workbook: Path) -> None:
    at = _session(workbook).run()
    cache.forget()
    at.run()
    assert len(computed) == 2


def _payloads(at: AppTest) -> list[object]:
    charts = [json.loads(ch.proto.spec) for ch in at.get("plotly_chart")]
    frames = [d.value.to_json() for d in at.dataframe] + [t.value.to_json() for t in at.table]
    return [charts, frames, [(m.label, m.value) for m in at.metric]]


@pytest.mark.parametrize("page", PAGES)
def test_a_cached_rerun_draws_what_the_first_run_drew(
    monkeypatch: pytest.MonkeyPatch, workbook_copy: Path, page: str
) -> None:
    # Nothing a page does to what it got (figures drawn, tables cut) changes the cached value.
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook_copy))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = AS_OF
    at.run()
    at.switch_page(page).run()
    first = _payloads(at)
    at.run()
    assert not at.exception
    assert _payloads(at) == first
    assert first[0] or first[1]


def test_a_save_in_the_app_shows_the_new_figures(
    monkeypatch: pytest.MonkeyPatch, workbook_copy: Path
) -> None:
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook_copy))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date.today()  # the save is logged today
    at.run()
    before = {m.label: m.value for m in at.metric}
    plan = load_plan(workbook_copy)
    undone = plan.actions[plan.actions[ActionCol.STATUS] != c.Status.DONE][ActionCol.ID]
    changes = {c.Sheet.ACTIONS: {row: {ActionCol.STATUS: c.Status.DONE} for row in undone}}
    save_changes(workbook_copy, changes, user="ani", base_version=plan.version)
    at.run()
    after = {m.label: m.value for m in at.metric}
    assert before["Selesai"] != after["Selesai"] == str(len(plan.actions))
