"""The one rule between an action's Status and Progres: Selesai is 100 %, Belum Mulai is 0 %."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from zi_dash.base import ActionCol, Status, number


@dataclass
class Reconciled:
    """What one action row's edit implies: extra cell changes, notes to show, blocking problems."""

    extra: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def reconcile(status: str, progress: float, edit: Mapping[str, object]) -> Reconciled:
    """Complete an edit of Status or Progres so the row stays consistent, or say why it cannot.

    Only rows whose Status or Progres is edited are checked: an inconsistent row typed in
    Excel does not block an edit of its person responsible.
    """
    out = Reconciled()
    has_status, has_progress = ActionCol.STATUS in edit, ActionCol.PROGRESS in edit
    new_status = str(edit[ActionCol.STATUS]) if has_status else status
    raw_progress = edit[ActionCol.PROGRESS] if has_progress else progress
    new_progress = float(raw_progress) if isinstance(raw_progress, (int, float)) else 0.0
    if has_status and not has_progress:
        if new_status == Status.DONE and new_progress != 100:
            out.extra[ActionCol.PROGRESS] = 100.0
            out.notes.append("Status Selesai: progres diisi 100 %.")
        elif new_status == Status.NOT_STARTED and new_progress != 0:
            out.extra[ActionCol.PROGRESS] = 0.0
            out.notes.append("Status Belum Mulai: progres diisi 0 %.")
        elif new_status == Status.IN_PROGRESS and new_progress == 100:
            out.problems.append(
                "status Dalam Proses dengan progres 100 %: turunkan juga progresnya."
            )
    elif has_progress and not has_status:
        implied = _implied_status(new_progress)
        # Dalam Proses at 0 % is a fair state (work begun, nothing to count yet): leave it.
        if implied != new_status and not (new_status == Status.IN_PROGRESS and new_progress == 0):
            out.extra[ActionCol.STATUS] = implied
            out.notes.append(f"Progres {pct_text(new_progress)} %: status menjadi {implied}.")
    elif has_status and has_progress and not consistent(new_status, new_progress):
        out.problems.append(
            f"status {new_status} tidak sesuai dengan progres {pct_text(new_progress)} % "
            "(Selesai berarti 100 %, Belum Mulai berarti 0 %)."
        )
    return out


def consistent(status: str, progress: float) -> bool:
    """True when Status and Progres agree (Dalam Proses may stand at 0 % but not at 100 %)."""
    if status == Status.IN_PROGRESS:
        return 0 <= progress < 100
    return _implied_status(progress) == status


def _implied_status(progress: float) -> str:
    if progress >= 100:
        return Status.DONE
    if progress <= 0:
        return Status.NOT_STARTED
    return Status.IN_PROGRESS


def pct_text(value: float) -> str:
    """A progress as the messages write it: 75, 40,5."""
    return number(value, 0 if value.is_integer() else 1)
