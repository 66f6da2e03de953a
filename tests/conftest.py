"""Shared fixtures: the committed workbook and copies of it that tests may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import factory
from zi_dash.analysis import rollup_store
from zi_dash.base import DEFAULT_WORKBOOK
from zi_dash.edit import throttle
from zi_dash.workbook import Plan, load_plan


@pytest.fixture(autouse=True)
def no_rekap_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """The roll-up's summaries are not kept on disk: tests count the files read (the store's
    own tests, tests/test_analysis_rollup_store.py, turn it on)."""
    monkeypatch.setattr(rollup_store, "ENABLED", False)


@pytest.fixture(autouse=True)
def fresh_login_guard(monkeypatch: pytest.MonkeyPatch) -> throttle.Guard:
    """Each test starts with no failed logins counted (the guard is the server process's)."""
    guard = throttle.Guard()
    monkeypatch.setattr(throttle, "GUARD", guard)
    return guard


@pytest.fixture(scope="session")
def real_workbook() -> Path:
    """The committed workbook (read only: copy it before changing anything)."""
    return DEFAULT_WORKBOOK


@pytest.fixture
def workbook_copy(tmp_path: Path, real_workbook: Path) -> Path:
    """A private copy of the committed workbook."""
    target = tmp_path / "rencana_aksi.xlsx"
    shutil.copyfile(real_workbook, target)
    return target


@pytest.fixture
def mixed(tmp_path: Path) -> Plan:
    """The hand-made mixed plan of tests/factory.py, loaded."""
    return load_plan(factory.mixed(tmp_path / "mixed.xlsx"))


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """No browser for chart images: exports write their report and tables only."""
    from zi_dash.charts import render

    monkeypatch.setenv(render.BROWSER_ENV, "/tidak/ada/chromium")
    monkeypatch.setattr(render, "RENDERER", render.Renderer())
