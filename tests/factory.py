"""Small hand-made plans for tests: a few actions, each with chosen status, progress, target."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Final

import openpyxl

from zi_dash.base import ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.sk import write_workbook
from zi_dash.workbook import SaveResult, load_plan, save_changes

NOW = datetime(2022, 5, 2, 9, 30)  # the clock of saves made by save_now


def action(
    id_: str,
    status: str = c.Status.NOT_STARTED,
    progress: float = 0,
    target: str = "April 2022",
    **extra: object,
) -> dict[str, object]:
    """One action row; the area and component come from the ID ("III.2.1")."""
    area, comp, _ = id_.split(".")
    row: dict[str, object] = {
        ActionCol.ID: id_,
        ActionCol.AREA: area,
        ActionCol.AREA_NAME: c.AREA_NAMES[area],
        ActionCol.COMPONENT_NO: int(comp),
        ActionCol.COMPONENT: f"Komponen {area}.{comp}",
        ActionCol.INDICATOR: f"Indikator {id_}",
        ActionCol.STEP: f"Langkah {id_}",
        ActionCol.EVIDENCE: f"Bukti {id_}",
        ActionCol.TARGET: target,
        ActionCol.STATUS: status,
        ActionCol.PROGRESS: progress,
    }
    row.update(extra)
    return row


def evidence(action_id: str, n: int, status: str = c.EvidenceStatus.MISSING, **extra: object):
    """One evidence row for an action."""
    row: dict[str, object] = {
        EvidenceCol.ID: f"{action_id}/{n}",
        EvidenceCol.ACTION_ID: action_id,
        EvidenceCol.ITEM: f"Dokumen {n} untuk {action_id}",
        EvidenceCol.STATUS: status,
    }
    row.update(extra)
    return row


def make_workbook(
    path: Path,
    actions: Sequence[Mapping[str, object]],
    evidence_rows: Sequence[Mapping[str, object]] | None = None,
    **kwargs: object,
) -> Path:
    """Write a contract workbook; without evidence rows each action gets one missing item."""
    if evidence_rows is None:
        evidence_rows = [evidence(str(a[ActionCol.ID]), 1) for a in actions]
    kwargs.setdefault("lke", False)  # a plan without the LKE sheet unless a test asks for it
    return write_workbook(path, actions, evidence_rows, **kwargs)  # type: ignore[arg-type]


def mixed(path: Path) -> Path:
    """Six actions in areas I–III; as of 1 May 2022 one is late, one due soon, one unreadable."""
    actions = [
        action("I.1.1", c.Status.DONE, 100, "April Minggu ke 1 2022"),  # 1–7 Apr
        action("I.1.2", c.Status.IN_PROGRESS, 50, "April Minggu ke 3 2022"),  # 15–21 Apr: late
        action("II.1.1", c.Status.NOT_STARTED, 0, "Mei Minggu ke 2 2022"),  # 8–14 Mei: soon
        action("II.2.1", c.Status.IN_PROGRESS, 30, "Juni 2022"),
        action("III.1.1", c.Status.DONE, 100, "Maret 2022"),
        action("III.1.2", c.Status.NOT_STARTED, 0, "kalau sempat"),  # unreadable
    ]
    items = [
        evidence("I.1.1", 1, c.EvidenceStatus.PRESENT),
        evidence("I.1.1", 2, c.EvidenceStatus.MISSING),
        evidence(
            "I.1.2", 1, c.EvidenceStatus.NEEDS_FIX, **{EvidenceCol.NOTES: "Belum ditandatangani"}
        ),
        evidence("II.1.1", 1, c.EvidenceStatus.MISSING),
        evidence("II.2.1", 1, c.EvidenceStatus.PRESENT),
        evidence("III.1.1", 1, c.EvidenceStatus.VERIFIED),
        evidence("III.1.2", 1, c.EvidenceStatus.MISSING),
    ]
    return make_workbook(path, actions, items)


def save_now(path: Path, changes, user: str = "budi", **kw: object) -> SaveResult:
    """save_changes from the file's current version (or `base_version`), at NOW."""
    version = kw.pop("base_version", None) or load_plan(path).version
    return save_changes(path, changes, user=user, base_version=version, now=NOW, **kw)  # type: ignore[arg-type]


def excel_edit(path: Path, edits: list[tuple[str, str, str, object]], when: datetime) -> None:
    """Change cells as Excel would (no Riwayat row) and set the file's modification time."""
    plan = load_plan(path)
    book = openpyxl.load_workbook(path)
    for sheet, row_id, column, value in edits:
        cell = book[sheet].cell(plan.rows[sheet][row_id], plan.columns[sheet][column] + 1)
        cell.value = value
    book.save(path)
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))


EXCEL_TIME = datetime(2022, 6, 15, 14, 30)  # the file time of edited_in_excel's edit
# Dates around it: before the edit's file time, on its day, after (more than 30 days after the
# last logged save, NOW).
AROUND_EXCEL: Final = (date(2022, 6, 12), date(2022, 6, 15), date(2022, 7, 20))

_FINISHED = ((ActionCol.STATUS, c.Status.DONE), (ActionCol.PROGRESS, 100))
# Three actions of the SK's plan due in April 2022 set Selesai at 100 % (cells for excel_edit).
DONE_IN_EXCEL: Final = [
    (c.Sheet.ACTIONS, row_id, col, value)
    for row_id in ("I.1.1", "I.2.1", "I.4.1")
    for col, value in _FINISHED
]


def edited_in_excel(path: Path) -> Path:
    """A unit saved once in the dashboard (at NOW), then edited in Excel at EXCEL_TIME.

    Three April actions set Selesai at 100 %, an evidence item Ada, and one Diperbarui typed
    as 10 June, before the file's time: per an earlier date none of it counts.
    """
    save_now(path, {c.Sheet.ACTIONS: {"II.1.1": {ActionCol.STATUS: c.Status.IN_PROGRESS,
                                                 ActionCol.PROGRESS: 50}}})  # fmt: skip
    excel_edit(path, [
        *DONE_IN_EXCEL,
        (c.Sheet.ACTIONS, "I.1.1", ActionCol.UPDATED, datetime(2022, 6, 10, 8, 0)),
        (c.Sheet.EVIDENCE, "I.1.1/1", EvidenceCol.STATUS, c.EvidenceStatus.PRESENT),
    ], EXCEL_TIME)  # fmt: skip
    return path


def saved_row(path: Path, sheet: str, row_id: str) -> dict[str, object]:
    """One row of the workbook as it is on disk now, by ID."""
    plan = load_plan(path)
    frame = plan.actions if sheet == c.Sheet.ACTIONS else plan.evidence
    key = ActionCol.ID if sheet == c.Sheet.ACTIONS else EvidenceCol.ID
    return frame.set_index(key).loc[row_id].to_dict()


def excel_owner_file(user: str) -> bytes:
    """Excel's `~$` owner file for `user`: the ANSI name after a length byte, padded to 54
    bytes, then a two-byte length and the UTF-16 name, padded with UTF-16 spaces to 165 bytes."""
    ansi = user.encode("cp1252", errors="replace")
    head = bytes([len(ansi)]) + ansi.ljust(53, b" ")
    wide = head + len(user).to_bytes(2, "little") + user.encode("utf-16-le")
    return (wide + b" \x00" * 60)[:165]


def run_page(monkeypatch, workbook: Path, page: str, user: str | None = None):
    """Run app.py under AppTest against `workbook` and switch to `page` ("pages/bukti.py")."""
    from streamlit.testing.v1 import AppTest

    from zi_dash.base import WORKBOOK_ENV
    from zi_dash.ui import Key

    monkeypatch.setenv(WORKBOOK_ENV, str(workbook))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"))
    at.default_timeout = 60
    if user:
        at.session_state[Key.USER] = user
    at.run()
    return at.switch_page(page).run()
