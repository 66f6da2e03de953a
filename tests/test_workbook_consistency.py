"""The Status <-> Progres rule: what an edit of one implies for the other, or why it cannot."""

from __future__ import annotations

import pytest

from zi_dash.base import ActionCol, Status
from zi_dash.workbook import consistent, reconcile


@pytest.mark.parametrize(
    ("status", "progress", "edit", "extra", "problem"),
    [
        (Status.NOT_STARTED, 0, {ActionCol.STATUS: Status.DONE}, {ActionCol.PROGRESS: 100.0}, ""),
        (Status.DONE, 100, {ActionCol.STATUS: Status.NOT_STARTED}, {ActionCol.PROGRESS: 0.0}, ""),
        (Status.DONE, 100, {ActionCol.STATUS: Status.IN_PROGRESS}, {}, "turunkan"),
        (Status.IN_PROGRESS, 40, {ActionCol.STATUS: Status.IN_PROGRESS}, {}, ""),
        (Status.NOT_STARTED, 0, {ActionCol.PROGRESS: 100}, {ActionCol.STATUS: Status.DONE}, ""),
        (
            Status.NOT_STARTED,
            0,
            {ActionCol.PROGRESS: 5},
            {ActionCol.STATUS: Status.IN_PROGRESS},
            "",
        ),
        (Status.DONE, 100, {ActionCol.PROGRESS: 80}, {ActionCol.STATUS: Status.IN_PROGRESS}, ""),
        (Status.DONE, 100, {ActionCol.PROGRESS: 0}, {ActionCol.STATUS: Status.NOT_STARTED}, ""),
        (Status.IN_PROGRESS, 40, {ActionCol.PROGRESS: 0}, {}, ""),
        (Status.NOT_STARTED, 0, {ActionCol.STATUS: Status.DONE, ActionCol.PROGRESS: 90}, {}, "90"),
        (
            Status.NOT_STARTED,
            0,
            {ActionCol.STATUS: Status.NOT_STARTED, ActionCol.PROGRESS: 9},
            {},
            "9",
        ),
        (Status.DONE, 100, {ActionCol.STATUS: Status.IN_PROGRESS, ActionCol.PROGRESS: 0}, {}, ""),
        (Status.DONE, 50, {ActionCol.PIC: "Ani"}, {}, ""),  # Excel's inconsistency is not ours
    ],
)
def test_status_and_progress_rule(status, progress, edit, extra, problem) -> None:
    result = reconcile(status, progress, edit)
    assert result.extra == extra
    assert (problem in " ".join(result.problems)) if problem else not result.problems
    assert len(result.notes) == len(extra)


@pytest.mark.parametrize(
    ("status", "progress", "ok"),
    [
        (Status.NOT_STARTED, 0, True),
        (Status.NOT_STARTED, 0.5, False),
        (Status.IN_PROGRESS, 0, True),  # work begun, nothing to count yet
        (Status.IN_PROGRESS, 40.5, True),
        (Status.IN_PROGRESS, 100, False),
        (Status.DONE, 100, True),
        (Status.DONE, 99.9, False),
    ],
)
def test_consistent(status: str, progress: float, ok: bool) -> None:
    assert consistent(status, progress) is ok
