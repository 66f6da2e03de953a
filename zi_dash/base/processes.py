"""Worker processes that are safe to use from Streamlit's threaded server (the roll-up's readers).

Workers come from a fork server (multiprocessing's `forkserver`: a fresh, single-threaded
interpreter that imported the given modules once), never forked from the server itself: a fork
of a process with threads can deadlock on a lock another thread held at that moment. The pool
(pebble's ProcessPool) is started once per process and kept warm for every session. Each item
has a time limit; a worker that crashes (os._exit, a segfault in a C reader) or hangs is
replaced, and only its item fails, with the reason.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Final, TypeVar

from pebble import ProcessExpired, ProcessPool

CRASH: Final = "crash"
TIMEOUT: Final = "timeout"
ERROR: Final = "error"

T = TypeVar("T")
A = TypeVar("A")


@dataclass(frozen=True)
class Failed:
    """An item its worker could not answer for: it crashed, hung or raised."""

    kind: str  # CRASH, TIMEOUT or ERROR
    detail: str = ""  # the exit code, the limit, or the worker's traceback (for the log)


_lock = threading.Lock()
_pool: ProcessPool | None = None


def workers() -> int:
    """How many worker processes the pool holds: one per core."""
    return max(1, os.cpu_count() or 1)


def start(preload: Sequence[str]) -> ProcessPool:
    """The process-wide pool, started on first use (or again once stopped); idempotent.

    `preload`: modules the fork server imports once, so that every worker starts with them.
    "__main__" is always among them, else each worker would run the main script again.
    """
    global _pool
    with _lock:
        if _pool is None or not _pool.active:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["__main__", *preload])
            _pool = ProcessPool(max_workers=workers(), context=context)
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


def run(
    fn: Callable[[str, A], T],
    items: Sequence[str],
    arg: A,
    seconds: float,
    preload: Sequence[str] = (),
) -> list[T | Failed]:
    """fn(item, arg) for every item in a worker, in order; a crash, hang or error is Failed.

    `seconds` limits each item from when a worker takes it. Raises OSError or RuntimeError
    when no process can be started here.
    """
    pool = start(preload)
    futures = [pool.schedule(fn, args=(item, arg), timeout=seconds) for item in items]
    out: list[T | Failed] = []
    for future in futures:
        try:
            out.append(future.result())
        except FutureTimeout:
            out.append(Failed(TIMEOUT, f"{seconds:g} s"))
        except ProcessExpired as exc:
            out.append(Failed(CRASH, f"exit code {exc.exitcode}"))
        except Exception as exc:  # raised inside fn: the caller names the item, the log the bug
            # pebble keeps the worker's traceback beside the exception.
            out.append(Failed(ERROR, getattr(exc, "traceback", "") or repr(exc)))
    return out
