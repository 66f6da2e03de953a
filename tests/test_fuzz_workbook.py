"""Seeded fuzzing of the real workbook: every mutation loads or gives the project's message.

Thousands of mutations (bytes of the zip, of each sheet's XML, of shared strings and styles,
cell values of every type) through load_plan, and a sample through the app under AppTest.
Never another exception, never a hang (the bounds keep each case quick; pytest-timeout the
whole).
"""

from __future__ import annotations

import functools
import time
import traceback
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import fuzz
from tests.markup import shown
from zi_dash.base import WORKBOOK_ENV
from zi_dash.ui import Key
from zi_dash.workbook import WorkbookError, load_plan

APP = str(Path(__file__).resolve().parent.parent / "app.py")
SEED = 18
CASES = 2_000
APP_CASES = 8
pytestmark = [pytest.mark.reliability, pytest.mark.timeout(180)]


def test_every_mutation_loads_or_gives_the_projects_message(tmp_path: Path) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(b"")  # load_plan takes the bytes given; the file is for its mtime
    outcomes = {"loads": 0, "message": 0}
    failures: list[str] = []
    slowest = (0.0, "")
    for name, data in fuzz.mutations(SEED, CASES):
        start = time.perf_counter()
        try:
            load_plan(path, data)
            outcomes["loads"] += 1
        except WorkbookError as exc:
            outcomes["message"] += 1
            assert str(exc).strip(), name
        except Exception as exc:  # the defect this test exists to find
            failures.append(f"{name}: {type(exc).__name__}: {exc}\n{traceback.format_exc(-2)}")
        slowest = max(slowest, (time.perf_counter() - start, name))
    assert not failures, f"{len(failures)} of {CASES}:\n" + "\n".join(failures[:10])
    # Both outcomes occur: the mutations are neither all harmless nor all fatal.
    assert outcomes["loads"] > CASES // 20 and outcomes["message"] > CASES // 20, outcomes
    assert slowest[0] < 10, slowest  # a hang detector, far above any case's cost


@functools.cache
def _app_sample() -> list[tuple[str, bytes]]:
    """Every 97th mutation of another seed: a spread of kinds, the same on every run."""
    return list(fuzz.mutations(SEED + 1, APP_CASES * 97))[::97]


@pytest.mark.parametrize("index", range(APP_CASES))
def test_the_app_shows_a_mutated_workbooks_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: int
) -> None:
    name, data = _app_sample()[index]
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(data)
    try:
        load_plan(path)
        message = None
    except WorkbookError as exc:
        message = str(exc)
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date(2022, 6, 30)
    at.run()
    assert not at.exception, name
    if message is not None:
        assert at.error and "Workbook tidak dapat dibaca" in at.error[0].value, name
        assert message.splitlines()[0][-40:] in shown(at.error[0].value), name
