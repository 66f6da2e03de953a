"""Concurrent savers in separate processes, and savers killed mid-write, on a real file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zi_dash.base import ActionCol, LogCol
from zi_dash.base import contract as c
from zi_dash.workbook import load_plan

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 4
SAVES_EACH = 50
KILLS = 20
pytestmark = pytest.mark.reliability


def _spawn(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests._saver", *args], cwd=ROOT, **kw)


@pytest.mark.slow
def test_four_processes_saving_different_rows_lose_nothing(workbook_copy: Path) -> None:
    procs = [_spawn("edit", str(workbook_copy), str(w), str(SAVES_EACH)) for w in range(WORKERS)]
    for proc in procs:
        assert proc.wait(timeout=600) == 0
    plan = load_plan(workbook_copy)
    row_ids = list(plan.rows[c.Sheet.ACTIONS])
    notes = plan.actions.set_index(ActionCol.ID)[ActionCol.NOTES]
    log = plan.history
    assert len(log) == WORKERS * SAVES_EACH
    for w in range(WORKERS):
        assert notes[row_ids[w]] == f"w{w}-{SAVES_EACH - 1}"
        mine = log[log[LogCol.ID] == row_ids[w]]
        assert mine[LogCol.NEW].tolist() == [f"w{w}-{i}" for i in range(SAVES_EACH)]
        assert mine[LogCol.OLD].tolist() == ["", *[f"w{w}-{i}" for i in range(SAVES_EACH - 1)]]
        assert set(mine[LogCol.USER]) == {f"penyunting{w}"}


@pytest.mark.slow
def test_a_saver_killed_at_any_moment_never_leaves_a_broken_workbook(workbook_copy: Path) -> None:
    rng = random.Random(7)
    first_id = next(iter(load_plan(workbook_copy).rows[c.Sheet.ACTIONS]))
    for _ in range(KILLS):
        proc = _spawn("loop", str(workbook_copy), stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        proc.stdout.readline()  # past start-up: at least one save done, the next under way
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        plan = load_plan(workbook_copy)  # never half a file
        note = plan.actions.set_index(ActionCol.ID).loc[first_id, ActionCol.NOTES]
        log = plan.history
        # The cell and its log line are written in one file, so they always agree.
        assert log[LogCol.NEW].iloc[-1] == note
        assert log[LogCol.OLD].tolist()[1:] == log[LogCol.NEW].tolist()[:-1]
