"""A save loop run as a separate process by the concurrency and kill tests.

python -m tests._saver edit PATH WORKER COUNT   saves COUNT notes on its own action row
python -m tests._saver loop PATH                saves forever, printing each saved number
"""

from __future__ import annotations

import sys
from pathlib import Path

from zi_dash.base import ActionCol
from zi_dash.base import contract as c
from zi_dash.workbook import WorkbookBusyError, load_plan, save_changes


def _save_note(path: Path, row_id: str, note: str, user: str) -> None:
    while True:
        plan = load_plan(path)
        seen = plan.actions.set_index(ActionCol.ID).loc[row_id, ActionCol.NOTES]
        try:
            save_changes(
                path,
                {c.Sheet.ACTIONS: {row_id: {ActionCol.NOTES: note}}},
                user=user,
                base_version=plan.version,
                base_values={c.Sheet.ACTIONS: {row_id: {ActionCol.NOTES: seen}}},
            )
            return
        except WorkbookBusyError:
            continue  # the lock wait ran out under heavy load: try again


def main(argv: list[str]) -> None:
    """Entry point for the test subprocesses."""
    mode, path = argv[0], Path(argv[1])
    row_ids = list(load_plan(path).rows[c.Sheet.ACTIONS])
    if mode == "edit":
        worker, count = int(argv[2]), int(argv[3])
        for i in range(count):
            _save_note(path, row_ids[worker], f"w{worker}-{i}", f"penyunting{worker}")
    else:
        i = 0
        while True:
            _save_note(path, row_ids[0], f"putaran {i}", "pengulang")
            print(i, flush=True)
            i += 1


if __name__ == "__main__":
    main(sys.argv[1:])
