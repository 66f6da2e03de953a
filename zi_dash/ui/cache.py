"""Figures and tables computed once per (plan version, tanggal acuan, filters, arguments).

Two levels, both keyed on the plan's path, version and time (never on its frames):

- shared by every session, `st.cache_resource`: a first visit, another user or a page switch
  gets the very objects computed before, in the server's process. Not `st.cache_data`: it
  hands each session a pickled copy, and unpickling a plotly figure re-validates it (a new
  viewer of Ringkasan spent about 70 ms of server CPU unpickling its five figures; profiled
  with `python -m bench.load --profile`);
- in front of it, the session's own memo of the objects of its current scope (plan version,
  tanggal acuan, filters): a rerun finds them without hashing the key again.

A save gives the file a new version, hence new keys: no old figure is served, and forget()
drops both levels. What depends on an editor's draft is never cached here, except through
of_plan with the draft's answers as an argument (a pure function of plan and answers). Cached
values are shared by every session: never mutate one (draw a changed copy of a figure, as
charts.style.for_projector does); a DataFrame comes back as a shallow copy, so a page may add
or replace its columns (pandas' copy-on-write keeps the cached one intact).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Protocol, TypeVar

import pandas as pd
import streamlit as st

from zi_dash.analysis import filters as flt
from zi_dash.workbook import Plan

T = TypeVar("T")

MEMO_KEY: Final = "_computed_memo"  # session-state key of the session's memo
PLAN_KEY: Final = "_loaded_plan"  # session-state key of the session's plan and its source
MEMO_ENTRIES: Final = 64  # per scope: charts, tables, meeting screens, Gantt windows
SHARED_ENTRIES: Final = 256  # computed values kept for all sessions
SHARED_VIEWS: Final = 4  # filtered plans kept for all sessions (~30 MB each at 40,000 rows)
WHOLE: Final = flt.Filters()

PlanKey = tuple[str, str, str]  # (path, version, modified)


def plan_key(plan: Plan) -> PlanKey:
    """What identifies a plan: the workbook's path, the sha256 of its bytes, and the file's
    modification time (cells changed outside the dashboard are dated by it)."""
    return str(plan.path), plan.version, plan.modified.isoformat()


# Bumped by forget(): every session's memo and plan made before are let go at its next run.
_generation = 0


@dataclass
class _Memo:
    scope: tuple[PlanKey, date, flt.Filters]
    generation: int
    entries: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)


def _current(memo: object) -> _Memo | None:
    return memo if isinstance(memo, _Memo) and memo.generation == _generation else None


def _memo(scope: tuple[PlanKey, date, flt.Filters]) -> _Memo:
    """The session's memo for this scope; a new, empty one when the scope changed."""
    memo = _current(st.session_state.get(MEMO_KEY))
    if memo is None or memo.scope != scope:
        memo = st.session_state[MEMO_KEY] = _Memo(scope, _generation)
    return memo


def _remember(memo: _Memo, key: Hashable, compute: Callable[[], T]) -> T:
    if key in memo.entries:
        memo.entries.move_to_end(key)
        return memo.entries[key]
    value = memo.entries[key] = compute()
    if len(memo.entries) > MEMO_ENTRIES:
        memo.entries.popitem(last=False)
    return value


def forget() -> None:
    """Drop every computed value and kept plan, shared and of every session (after a save)."""
    global _generation
    _generation += 1
    _shared_view.clear()
    _shared_options.clear()
    _shared_value.clear()
    _shared_describe.clear()
    _shared_of_plan.clear()


def loaded(source: tuple[str, int, int], load: Callable[[str, int, int], Plan]) -> Plan:
    """The plan of a workbook version (path, mtime_ns, size): `load`'s, kept for the session.

    `load` is the st.cache_data loader: it reads a version once for all sessions, but hands
    each call an unpickled copy (70 ms at 40,000 rows); a rerun of an unchanged file reuses
    the session's copy instead.
    """
    kept = st.session_state.get(PLAN_KEY)
    if kept is not None and kept[:2] == (_generation, source):
        return kept[2]
    plan = load(*source)
    st.session_state[PLAN_KEY] = (_generation, source, plan)
    return plan


@st.cache_resource(show_spinner=False, max_entries=SHARED_VIEWS)
def _shared_view(key: PlanKey, as_of: date, filters: flt.Filters, _plan: Plan) -> Plan:
    del key  # the key stands for _plan, which is not hashed
    return flt.view(_plan, as_of, filters)


@st.cache_resource(show_spinner=False, max_entries=SHARED_VIEWS)
def _shared_options(key: PlanKey, _plan: Plan) -> dict[str, list[tuple[str, str]]]:
    del key
    return flt.options(_plan)


def view(plan: Plan, as_of: date, filters: flt.Filters) -> Plan:
    """flt.view(plan, as_of, filters), computed once per plan version, date and filters.

    Sets the session's scope: values of another version, date or filters are let go.
    """
    key = plan_key(plan)
    memo = _memo((key, as_of, filters))
    return _remember(memo, ("view", filters), lambda: _shared_view(key, as_of, filters, plan))


def options(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """The sidebar's filter choices (flt.options), computed once per plan version."""
    key = plan_key(plan)
    memo = _current(st.session_state.get(MEMO_KEY))
    if memo is not None and memo.scope[0] == key:
        return _remember(memo, "options", lambda: _shared_options(key, plan))
    return _shared_options(key, plan)


@st.cache_resource(show_spinner=False, max_entries=SHARED_ENTRIES)
def _shared_describe(key: PlanKey, filters: flt.Filters, _plan: Plan) -> str:
    del key
    return flt.describe(_plan, filters)


def describe(plan: Plan, filters: flt.Filters) -> str:
    """Every active filter in words (flt.describe), computed once per plan version and filters."""
    key = plan_key(plan)
    memo = _current(st.session_state.get(MEMO_KEY))
    if memo is not None and memo.scope[0] == key:
        return _remember(memo, ("describe", filters), lambda: _shared_describe(key, filters, plan))
    return _shared_describe(key, filters, plan)


def _function_key(fn: Callable[..., Any]) -> str:
    """Names a function by where it is defined and its bytecode (a page's own function too)."""
    code = getattr(fn, "__code__", None)
    where = f"{fn.__module__}.{fn.__qualname__}"
    if code is None:
        return where
    digest = hashlib.blake2b(code.co_code, digest_size=8).hexdigest()
    return f"{where}@{code.co_filename}:{code.co_firstlineno}:{digest}"


@st.cache_resource(show_spinner=False, max_entries=SHARED_ENTRIES)
def _shared_value(
    fn_key: str,
    key: PlanKey,
    as_of: date,
    filters: flt.Filters,
    args: tuple[Any, ...],
    _fn: Callable[..., Any],
    _view: Plan,
) -> Any:
    del fn_key, key, as_of, filters  # they stand for _fn and _view, which are not hashed
    return _fn(_view, *args)


class Scope(Protocol):
    """What a value is computed for: ui.Context has these."""

    @property
    def plan(self) -> Plan: ...
    @property
    def as_of(self) -> date: ...
    @property
    def filters(self) -> flt.Filters: ...


def cached(fn: Callable[..., T], ctx: Scope, *args: Hashable, whole_plan: bool = False) -> T:
    """`fn(ctx.view, *args)`, computed once per plan version, tanggal acuan, filters and args.

    `whole_plan` gives `fn` the whole plan as of the date (the LKE self-assessment, the plan's
    coverage of it), whatever the filters. `args` must be hashable values (dates, strings,
    tuples, frozen dataclasses).
    """
    plan, as_of, filters = ctx.plan, ctx.as_of, ctx.filters
    key = plan_key(plan)
    memo = _memo((key, as_of, filters))
    scope = WHOLE if whole_plan else filters
    fn_key = _function_key(fn)

    def compute() -> T:
        base = _remember(memo, ("view", scope), lambda: _shared_view(key, as_of, scope, plan))
        return _shared_value(fn_key, key, as_of, scope, args, fn, base)

    value = _remember(memo, (fn_key, whole_plan, args), compute)
    if isinstance(value, pd.DataFrame):
        return value.copy(deep=False)  # type: ignore[return-value]
    return value


@st.cache_resource(show_spinner=False, max_entries=SHARED_ENTRIES)
def _shared_of_plan(
    fn_key: str, key: PlanKey, args: tuple[Any, ...], _fn: Callable[..., Any], _plan: Plan
) -> Any:
    del fn_key, key  # they stand for _fn and _plan, which are not hashed
    return _fn(_plan, *args)


def of_plan(fn: Callable[..., T], plan: Plan, *args: Hashable) -> T:
    """`fn(plan, *args)` on the whole plan as it is now (no tanggal acuan, no filter), once per
    plan version and args: what an editing page shows beside the file (the LKE's answers)."""
    key, fn_key = plan_key(plan), _function_key(fn)
    memo = _current(st.session_state.get(MEMO_KEY))

    def compute() -> T:
        return _shared_of_plan(fn_key, key, args, fn, plan)

    if memo is not None and memo.scope[0] == key:
        value = _remember(memo, ("of_plan", fn_key, args), compute)
    else:
        value = compute()
    if isinstance(value, pd.DataFrame):
        return value.copy(deep=False)  # type: ignore[return-value]
    return value
