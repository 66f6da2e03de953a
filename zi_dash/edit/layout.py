"""The edit grid's columns per sheet: which are shown, in what order, which are read-only.

A column the workbook lacks (an optional one, like Baris LKE of a plan made before it) is not
shown at all, so such a workbook's grid looks exactly as it did before the column existed.
"""

from __future__ import annotations

from typing import Final

from zi_dash.base import ActionCol, ContactCol, EvidenceCol, LkeCol
from zi_dash.base import contract as c
from zi_dash.workbook import Plan

# The SK's own text, shown beside the editable cells so staff know which row they edit.
READ_ONLY: Final[dict[str, tuple[str, ...]]] = {
    c.Sheet.ACTIONS: (
        ActionCol.ID,
        ActionCol.INDICATOR,
        ActionCol.STEP,
        ActionCol.TARGET,
        ActionCol.OUTCOME,
    ),
    c.Sheet.EVIDENCE: (EvidenceCol.ID, EvidenceCol.ACTION_ID, EvidenceCol.ITEM),
    c.Sheet.LKE: (LkeCol.ROW, LkeCol.QUESTION, LkeCol.TYPE, LkeCol.CRITERIA),
    c.Sheet.CONTACTS: (ContactCol.PIC,),
}


def editable_columns(sheet: str) -> tuple[str, ...]:
    """Columns staff may change from the dashboard, in workbook order."""
    return tuple(col.name for col in c.EDITABLE[sheet].columns if col.editable)


# Editor column order: the row's name, then what staff change, then the longer SK text.
_ORDER: Final[dict[str, tuple[str, ...]]] = {
    c.Sheet.ACTIONS: (
        ActionCol.ID,
        ActionCol.INDICATOR,
        ActionCol.TARGET,
        ActionCol.OUTCOME,  # only in plans whose Target column held outcomes
        ActionCol.STATUS,
        ActionCol.PROGRESS,
        ActionCol.PIC,
        ActionCol.START,
        ActionCol.END,
        ActionCol.NOTES,
        ActionCol.LKE_ROWS,
        ActionCol.STEP,
    ),
    c.Sheet.EVIDENCE: (
        EvidenceCol.ID,
        EvidenceCol.ITEM,
        EvidenceCol.STATUS,
        EvidenceCol.LINK,
        EvidenceCol.NOTES,
        EvidenceCol.ACTION_ID,
    ),
    c.Sheet.LKE: (
        LkeCol.ROW,
        LkeCol.QUESTION,
        LkeCol.TYPE,
        LkeCol.ANSWER,
        LkeCol.NOTES,
        LkeCol.LINKS,
        LkeCol.CRITERIA,
    ),
    c.Sheet.CONTACTS: (ContactCol.PIC, ContactCol.PHONE, ContactCol.EMAIL),
}


def editor_columns(plan: Plan, sheet: str) -> tuple[str, ...]:
    """Columns of the editor table: ID and name, the editable ones, then the rest of the SK text.

    A column the workbook lacks (Baris LKE of a plan made before it) is not shown at all.
    """
    return tuple(col for col in _ORDER[sheet] if plan.has(sheet, col))


# Display hints of the editor grid (the kind and the allowed values come from the contract).
WIDTHS: Final[dict[str, str]] = {
    ActionCol.INDICATOR: "medium",
    ActionCol.STEP: "large",
    ActionCol.OUTCOME: "medium",
    ActionCol.NOTES: "medium",
    EvidenceCol.ITEM: "medium",
    EvidenceCol.LINK: "medium",
    LkeCol.QUESTION: "large",
    LkeCol.CRITERIA: "large",
    LkeCol.LINKS: "medium",
}
