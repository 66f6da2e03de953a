"""Small hand-made plans for tests: a few actions, each with chosen status, progress, target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from zi_dash import contract as c
from zi_dash.build import write_workbook
from zi_dash.contract import ActionCol, EvidenceCol


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
