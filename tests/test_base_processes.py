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
