"""The shape of a data sheet: how a column's cells are read, and a sheet's columns in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    """How a column's cells are read and validated."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    PERCENT = "percent"
    DATE = "date"
    DATETIME = "datetime"
    AREA = "area"
    STATUS = "status"
    EVIDENCE_STATUS = "evidence_status"
    REVIEW_STATUS = "review_status"
    # An LKE answer as typed: text stripped, a number kept a number; checked against its row
    # by zi_dash.lke (the allowed values depend on the row, not on the column).
    ANSWER = "answer"
    # Kept exactly as typed (text), refused when it is not a phone number / an e-mail address.
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True)
class Column:
    """One column of a data sheet."""

    name: str
    kind: Kind = Kind.TEXT
    width: float = 14.0
    required: bool = False  # a blank cell here is an error
    editable: bool = False  # staff edit it in the dashboard (the SK text is never editable)
    # A column added after workbooks were in use: a sheet without it reads as before (blank).
    optional: bool = False


@dataclass(frozen=True)
class SheetSpec:
    """A data sheet: its name, columns in order and the column holding the row ID."""

    name: str
    columns: tuple[Column, ...]
    id_column: str | None = None
    freeze: str = "A2"
    allowed: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def headers(self) -> tuple[str, ...]:
        """Header names in their order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called `name`."""
        return next(c for c in self.columns if c.name == name)
