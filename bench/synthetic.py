"""Synthetic plans at scale: the SK's 70 actions repeated for many units (550 × 70 is national).

Each copy gets unit-suffixed IDs, a deterministic mix of statuses and progress, and the SK's
own evidence rows. Files are cached under bench/.cache so a rerun does not rebuild them.
"""

from __future__ import annotations

import random
from pathlib import Path

from zi_dash.base import ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.sk import action_rows, evidence_rows, load_sk_rows, write_workbook

CACHE = Path(__file__).resolve().parent / ".cache"
SIZES = (70, 700, 7_000, 40_000)


def plan_rows(n_actions: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """About `n_actions` action rows and their evidence, copied from the SK unit by unit."""
    sk = load_sk_rows()
    base_actions, base_evidence = action_rows(sk), evidence_rows(sk)
    rng = random.Random(seed)
    actions: list[dict] = []
    evidence: list[dict] = []
    unit = 0
    while len(actions) < n_actions:
        suffix = "" if unit == 0 else f"-U{unit:03d}"
        for row in base_actions:
            if len(actions) == n_actions:
                break
            copy = dict(row)
            copy[ActionCol.ID] = f"{row[ActionCol.ID]}{suffix}"
            status = rng.choices(c.ACTION_STATUSES, weights=(3, 4, 3))[0]
            progress = {c.Status.NOT_STARTED: 0, c.Status.DONE: 100}.get(
                status, rng.randrange(10, 95, 5)
            )
            copy.update({ActionCol.STATUS: status, ActionCol.PROGRESS: progress})
            copy[ActionCol.PIC] = f"Staf {rng.randrange(1, 40)}"
            actions.append(copy)
        kept = {a[ActionCol.ID] for a in actions}
        for item in base_evidence:
            action_id = f"{item[EvidenceCol.ACTION_ID]}{suffix}"
            if action_id in kept:
                copy = dict(item)
                copy[EvidenceCol.ID] = f"{action_id}/{item[EvidenceCol.ID].split('/')[-1]}"
                copy[EvidenceCol.ACTION_ID] = action_id
                copy[EvidenceCol.STATUS] = rng.choice(c.EVIDENCE_STATUSES)
                evidence.append(copy)
        unit += 1
    return actions, evidence


def workbook(n_actions: int) -> Path:
    """A cached synthetic workbook with `n_actions` action rows."""
    path = CACHE / f"rencana_aksi_{n_actions}.xlsx"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        actions, evidence = plan_rows(n_actions)
        write_workbook(path, actions, evidence)
    return path
