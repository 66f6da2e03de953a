"""The errors a workbook can raise: each message says what and where, in Indonesian."""

from __future__ import annotations

from collections.abc import Sequence


class WorkbookError(Exception):
    """The workbook cannot be used as it is; the message says what and where, in Indonesian."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        self.problems: list[str] = list(problems) or [message]
        super().__init__(message)


class NotXlsxError(WorkbookError):
    """The file is not an .xlsx workbook (missing, empty, .xls, .ods, encrypted, other)."""


class MissingSheetError(WorkbookError):
    """A sheet of the contract is missing."""


class MissingColumnError(WorkbookError):
    """A column of the contract is missing from a sheet."""


class InvalidValueError(WorkbookError):
    """One or more cells hold values outside the contract."""


class DuplicateIdError(WorkbookError):
    """Two rows share one ID."""


class WorkbookBusyError(WorkbookError):
    """The workbook cannot be written now: open in Excel, read-only, or locked by another save."""
