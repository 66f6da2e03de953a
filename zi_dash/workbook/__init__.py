"""The shared workbook: cells read and written, the Plan, saving (merged, locked, atomic, logged).

`load_plan` and `save_changes` are the doors scripts and users rely on.
"""

from __future__ import annotations

from zi_dash.base import (
    DuplicateIdError,
    InvalidValueError,
    MissingColumnError,
    MissingSheetError,
    NotXlsxError,
    WorkbookBusyError,
    WorkbookError,
)
from zi_dash.workbook import cells, consistency, merge, outside, preflight, xlsx_patch
from zi_dash.workbook.addcontacts import add_contacts
from zi_dash.workbook.addsheet import add_lke_sheet
from zi_dash.workbook.cells import CellError, CellValue, plain, read_cell, read_logged, same
from zi_dash.workbook.consistency import consistent, reconcile
from zi_dash.workbook.merge import CellChange, Conflict, RowOutcome, plan_row
from zi_dash.workbook.outside import load_tracked
from zi_dash.workbook.read import Plan, PlanInfo, load_plan, where
from zi_dash.workbook.save import (
    ConflictError,
    SaveResult,
    editable_values,
    locate,
    row_outcomes,
    save_changes,
)
from zi_dash.workbook.write import UnsupportedContentError, put
from zi_dash.workbook.xlsx_patch import CellWrite, PatchUnsupportedError, patch

__all__ = [
    "CellChange",
    "CellError",
    "CellValue",
    "CellWrite",
    "Conflict",
    "ConflictError",
    "DuplicateIdError",
    "InvalidValueError",
    "MissingColumnError",
    "MissingSheetError",
    "NotXlsxError",
    "PatchUnsupportedError",
    "Plan",
    "PlanInfo",
    "RowOutcome",
    "SaveResult",
    "UnsupportedContentError",
    "WorkbookBusyError",
    "WorkbookError",
    "add_contacts",
    "add_lke_sheet",
    "cells",
    "consistency",
    "consistent",
    "editable_values",
    "load_plan",
    "load_tracked",
    "locate",
    "merge",
    "outside",
    "patch",
    "plain",
    "plan_row",
    "preflight",
    "put",
    "read_cell",
    "read_logged",
    "reconcile",
    "row_outcomes",
    "same",
    "save_changes",
    "where",
    "xlsx_patch",
]
