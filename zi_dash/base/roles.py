"""Who may write what: the account roles and the columns (and stamps) each role's saves touch.

The unit (penyunting) fills the plan, the evidence and its own LKE answers; the TPI (penilai)
only its own columns of the LKE sheet, so the two layers of an answer never mix.
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from zi_dash.base.contract import UPDATE_STAMPS, LkeCol, Sheet


class Role(Enum):
    """What an account may change: the value is how the users file and the CLI spell it."""

    EDITOR = "penyunting"  # the unit: the plan, the evidence, the unit's LKE answers
    ASSESSOR = "penilai"  # the TPI: only the TPI's columns of the LKE sheet


# The columns only the TPI (Role.ASSESSOR) writes; an editor writes every other editable one.
TPI_COLUMNS: Final[dict[str, frozenset[str]]] = {
    Sheet.LKE: frozenset({LkeCol.TPI_ANSWER, LkeCol.TPI_NOTES, LkeCol.REVIEW})
}
# Where a change of a TPI column stamps instead (the unit's stamps say when the unit answered).
TPI_STAMPS: Final[dict[str, tuple[str, str]]] = {
    Sheet.LKE: (LkeCol.TPI_UPDATED, LkeCol.TPI_UPDATED_BY)
}


def stamps_of(sheet: str, column: str) -> tuple[str, str]:
    """The (when, by whom) columns a change of `column` in `sheet` stamps."""
    if column in TPI_COLUMNS.get(sheet, ()):
        return TPI_STAMPS[sheet]
    return UPDATE_STAMPS[sheet]


def all_stamps(sheet: str) -> frozenset[str]:
    """Every stamp column of an editable sheet: the unit's and, on the LKE sheet, the TPI's."""
    return frozenset((*UPDATE_STAMPS[sheet], *TPI_STAMPS.get(sheet, ())))


def may_write(role: Role, sheet: str, column: str) -> bool:
    """Whether an account of `role` may change `column` of `sheet` (an editable one)."""
    tpi = column in TPI_COLUMNS.get(sheet, ())
    return tpi if role is Role.ASSESSOR else not tpi
