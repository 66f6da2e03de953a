"""Worker processes that are safe to use from Streamlit's threaded server (the roll-up's readers).

Workers come from a fork server (multiprocessing's `forkserver`: a fresh, single-threaded
interpreter that imported the given modules once), never forked from the server itself: a fork
of a process with threads can deadlock on a lock another thread held at that moment. The pool
(pebble's ProcessPool) is started once per process and kept warm for every session. Each item
has a time limit; a worker that crashes (os._exit, a segfault in a C reader) or hangs is
replaced, and only its item fails, with the reason.

A worker starts without the parent's main module. multiprocessing would run it again in each
new worker (its "safe importing of main" rule), and under Streamlit `__main__` is the app
script itself (app.py, every page's code): a worker would draw the whole app before reading.
The work is in importable modules, so a worker needs none of it.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from multiprocessing import context as mp_context
from multiprocessing import spawn
from typing import Any, Final, TypeVar

from pebble import ProcessExpired, ProcessPool

CRASH: Final = "crash"
TIMEOUT: Final = "timeout"
ERROR: Final = "error"
# Most items a task carries: 16 small workbooks are about 0.15 s of a worker's time.
CHUNK_MAX: Final = 16

T = TypeVar("T")
A = TypeVar("A")


@dataclass(frozen=True)
class Failed:
    """An item its worker could not answer for: it crashed, hung or raised."""

    kind: str  # CRASH, TIMEOUT or ERROR
    detail: str = ""  # the exit code, the limit, or the worker's traceback (for the log)


_lock = threading.Lock()
_pool: ProcessPool | None = None
_launching = threading.local()  # set while this module's own worker is being started
_MAIN_KEYS: Final = ("init_main_from_path", "init_main_from_name")
_preparation_data = spawn.get_preparation_data


def _without_main(name: str) -> dict[str, Any]:
    """multiprocessing's preparation data for a new process, less the main module for ours."""
    data = _preparation_data(name)
    if getattr(_launching, "active", False):
        for key in _MAIN_KEYS:
            data.pop(key, None)
    return data


# Only processes started by the Popen classes below (flagged in this thread) lose the main
# module; every other process of the server is prepared as multiprocessing always does.
spawn.get_preparation_data = _without_main


def has_fork_server() -> bool:
    """True where multiprocessing has a fork server (Linux, macOS); Windows has only spawn."""
    return sys.platform != "win32"


class _Flagged:
    """A Popen mixin flagging the launch (in this thread) as one of this module's workers."""

    def __init__(self, process_obj: Any) -> None:
        _launching.active = True
        try:
            super().__init__(process_obj)  # type: ignore[call-arg]
        finally:
            _launching.active = False


# The classes are module-level: a worker's process object is pickled by name.
if sys.platform == "win32":
    from multiprocessing import popen_spawn_win32 as _popen_spawn
else:
    from multiprocessing import popen_spawn_posix as _popen_spawn


class _SpawnPopen(_Flagged, _popen_spawn.Popen):
    pass


class _SpawnWorker(mp_context.SpawnProcess):
    @staticmethod
    def _Popen(process_obj: Any) -> _SpawnPopen:  # noqa: N802  # multiprocessing's name
        return _SpawnPopen(process_obj)


class _SpawnContext(mp_context.SpawnContext):
    Process = _SpawnWorker


if sys.platform != "win32":  # popen_forkserver refuses to import on Windows
    from multiprocessing import popen_forkserver

    class _ForkServerPopen(_Flagged, popen_forkserver.Popen):
        pass

    class _ForkServerWorker(mp_context.ForkServerProcess):
        @staticmethod
        def _Popen(process_obj: Any) -> _ForkServerPopen:  # noqa: N802
            return _ForkServerPopen(process_obj)

    class _ForkServerContext(mp_context.ForkServerContext):
        Process = _ForkServerWorker


def _context(fork_server: bool) -> mp_context.BaseContext:
    """A forkserver context (else spawn) whose workers start without the parent's main module."""
    return _ForkServerContext() if fork_server else _SpawnContext()


def workers() -> int:
    """How many worker processes the pool holds: one per core."""
    return max(1, os.cpu_count() or 1)


def start(preload: Sequence[str]) -> ProcessPool:
    """The process-wide pool, started on first use (or again once stopped); idempotent.

    `preload`: modules the fork server imports once, so that every worker starts with them.
    """
    global _pool
    with _lock:
        if _pool is None or not _pool.active:
            fork_server = has_fork_server()
            context = _context(fork_server)
            if fork_server:
                context.set_forkserver_preload(list(preload))  # type: ignore[attr-defined]
            _pool = ProcessPool(max_workers=workers(), context=context)
            # pebble starts its workers on the first task: one now, so that the fork server
            # imports `preload` while the caller goes on with its own work.
            _pool.schedule(os.getpid)
        return _pool


def stop() -> None:
    """Stop the pool and its workers (at exit, and in tests)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.stop()
        pool.join()


atexit.register(stop)


def _answer(future: Any, seconds: float) -> Any:
    """A future's result, or Failed when its worker crashed, hung or raised."""
    try:
        return future.result()
    except FutureTimeout:
        return Failed(TIMEOUT, f"{seconds:g} s")
    except ProcessExpired as exc:
        return Failed(CRASH, f"exit code {exc.exitcode}")
    except Exception as exc:  # raised inside fn: the caller names the item, the log the bug
        # pebble keeps the worker's traceback beside the exception.
        return Failed(ERROR, getattr(exc, "traceback", "") or repr(exc))


def _run_chunk(fn: Callable[[str, A], T], chunk: Sequence[str], arg: A) -> list[T | Failed]:
    """fn(item, arg) for each item of a chunk, in one worker; an item that raises is Failed."""
    out: list[T | Failed] = []
    for item in chunk:
        try:
            out.append(fn(item, arg))
        except Exception:  # this item's bug only: the chunk's other items go on
            out.append(Failed(ERROR, traceback.format_exc()))
    return out


def chunk_size(items: int) -> int:
    """Items per task: a few tasks per worker, so that the workers share the load evenly."""
    return max(1, min(CHUNK_MAX, items // (4 * workers())))


def run(
    fn: Callable[[str, A], T],
    items: Sequence[str],
    arg: A,
    seconds: float,
    preload: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> list[T | Failed]:
    """fn(item, arg) for every item in a worker, in order; a crash, hang or error is Failed.

    `seconds` limits each item from when a worker takes it. Items travel in chunks (one task
    and one message each way per chunk, not per item); a chunk that crashes its worker or
    outlasts one item's limit is run again item by item, so that only the item at fault
    fails. `progress(n)` is told after each chunk how many items are done, in order. Raises
    OSError or RuntimeError when no process can be started here.
    """
    pool = start(preload)
    size = chunk_size(len(items))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    futures = [
        pool.schedule(_run_chunk, args=(fn, chunk, arg), timeout=seconds) for chunk in chunks
    ]
    out: list[T | Failed] = []
    for chunk, future in zip(chunks, futures):
        answer = _answer(future, seconds)
        if not isinstance(answer, Failed):
            out.extend(answer)
        elif len(chunk) == 1:
            out.append(answer)
        else:  # which item was at fault: each alone, with its own limit
            singles = [pool.schedule(fn, args=(item, arg), timeout=seconds) for item in chunk]
            out.extend(_answer(single, seconds) for single in singles)
        if progress is not None:
            progress(len(out))
    return out
