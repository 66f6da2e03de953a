"""A roll-up reader that misbehaves on files named for it, run in the reader processes.

Tests put `read` in place of `rollup.summarize_file` (monkeypatch in this process); the pool
pickles it by name, so a worker imports this module and runs it there. A file whose name holds
"crash" ends its worker (as a segfault in a C reader would), "hang" never returns, "bug"
raises TypeError; every other file is read as usual. Nothing of this is in the app.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from datetime import date
from pathlib import Path

from zi_dash.analysis import rollup

# Taken when this module is imported, before a test puts `read` in its place.
_summarize = rollup.summarize_file


def read(path: str, as_of: date) -> rollup.UnitSummary:
    """rollup.summarize_file, except for the files named to misbehave."""
    name = Path(path).name
    if "crash" in name or "hang" in name:
        # Only in a worker: read in the test's own process, it would end or stall the tests.
        assert multiprocessing.parent_process() is not None, f"{name} was read in the server"
        if "crash" in name:
            os._exit(3)
        time.sleep(3600)
    if "bug" in name:
        raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")
    return _summarize(path, as_of)
