"""zi_dash.base.processes: the warm worker pool (its crash, hang and error rows are tested with
the roll-up that uses it, tests/test_analysis_rollup.py)."""

from __future__ import annotations

import operator
import os
import sys
import threading
import time
import types
from pathlib import Path

import pytest

from zi_dash.base import processes


@pytest.mark.parametrize("fork_server", [True, False], ids=["fork server", "spawn (Windows)"])
def test_a_new_worker_does_not_run_the_main_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork_server: bool
) -> None:
    """Under Streamlit `__main__` is app.py: multiprocessing would run it in each new worker.

    Windows has no fork server: the pool spawns its workers there, with the same rule.
    """
    ran = tmp_path / "ran"
    script = tmp_path / "app.py"
    script.write_text(f"open({str(ran)!r}, 'w').close()\n", encoding="utf-8")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    processes.stop()  # new workers, started while __main__ is the script
    monkeypatch.setattr(processes, "has_fork_server", lambda: fork_server)
    monkeypatch.setitem(sys.modules, "__main__", main)
    try:
        assert processes.run(operator.concat, ["a", "b"], "!", 60) == ["a!", "b!"]
        spawned_here = os.getpid() in processes.run(parent_pid, ["a"], None, 60)
        assert spawned_here is not fork_server
    finally:
        processes.stop()
    assert not ran.exists()


def test_the_pool_is_started_once_and_again_after_a_stop() -> None:
    first = processes.start(())
    assert processes.start(()) is first and first.active
    processes.stop()
    again = processes.start(())
    assert again is not first and again.active


def parent_pid(item: str, arg: object) -> int:
    """The worker's parent process (run in a worker)."""
    return os.getppid()


def test_workers_are_forked_from_the_fork_server_never_from_this_threaded_process() -> None:
    threading.Thread(target=time.sleep, args=(0.5,)).start()  # as in Streamlit's server
    parents = processes.run(parent_pid, ["a", "b", "c"], None, 60)
    assert os.getpid() not in parents and len(set(parents)) == 1


def misbehave(item: str, arg: object) -> str:
    """Ends its worker on "crash", never returns on "hang", raises on "bug" (run in a worker)."""
    if item == "crash":
        os._exit(3)
    if item == "hang":
        time.sleep(3600)
    if item == "bug":
        raise TypeError("unsupported operand")
    return item.upper()


@pytest.mark.parametrize(
    ("items", "workers", "size"),
    [(0, 2, 1), (5, 2, 1), (35, 2, 4), (550, 2, 16), (550, 8, 16), (64, 1, 16), (100, 4, 6)],
)
def test_items_travel_in_chunks_a_few_per_worker(
    monkeypatch: pytest.MonkeyPatch, items: int, workers: int, size: int
) -> None:
    monkeypatch.setattr(processes, "workers", lambda: workers)
    assert processes.chunk_size(items) == size


def test_a_chunk_with_a_crash_a_hang_and_a_bug_fails_only_those_items(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Items are sent in chunks; each faulty item still becomes its own Failed, in order."""
    monkeypatch.setattr(processes, "chunk_size", lambda items: 5)
    items = [f"ok{i}" for i in range(12)]
    # A chunk with a crash, one with a hang and a bug, one with a bug alone (not run again).
    items[1], items[6], items[7], items[10] = "crash", "hang", "bug", "bug"
    pool = processes.start(())
    scheduled: list[object] = []
    real_schedule = pool.schedule
    monkeypatch.setattr(
        pool, "schedule", lambda fn, **kw: scheduled.append(fn) or real_schedule(fn, **kw)
    )
    out = processes.run(misbehave, items, None, 2)
    assert [getattr(r, "kind", r) for r in out] == [
        "OK0", processes.CRASH, "OK2", "OK3", "OK4",
        "OK5", processes.TIMEOUT, processes.ERROR, "OK8", "OK9",
        processes.ERROR, "OK11",
    ]  # fmt: skip
    assert all("TypeError" in out[i].detail for i in (7, 10))  # type: ignore[union-attr]
    # Three chunks; the first two failed as a whole and were run again item by item.
    assert scheduled.count(processes._run_chunk) == 3 and scheduled.count(misbehave) == 10


@pytest.mark.parametrize("items", [1, 5, 40])
def test_run_tells_how_many_items_are_done_after_each_chunk(items: int) -> None:
    told: list[int] = []
    names = [str(i) for i in range(items)]
    assert processes.run(operator.concat, names, "!", 60, progress=told.append) == [
        n + "!" for n in names
    ]
    size = processes.chunk_size(items)
    assert told == [min(items, size * k) for k in range(1, -(-items // size) + 1)]
