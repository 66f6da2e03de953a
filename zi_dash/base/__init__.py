"""The base layer: the workbook contract, errors, formatting, text, config, colours, durable files.

Every other layer builds on it; it imports nothing else of zi_dash.
"""

from __future__ import annotations

from zi_dash.base import config, contract, durable, errors, fmt, links, palette, text
from zi_dash.base.config import DEFAULT_WORKBOOK, WORKBOOK_ENV, workbook_path
from zi_dash.base.contract import (
    AREA_CODES,
    AREA_NAMES,
    DATE_FORMAT,
    DATETIME_FORMAT,
    EDITABLE,
    ActionCol,
    AreaCol,
    EvidenceCol,
    EvidenceStatus,
    InfoCol,
    InfoKey,
    Kind,
    LogCol,
    Sheet,
    SheetSpec,
    Status,
)
from zi_dash.base.errors import (
    DuplicateIdError,
    InvalidValueError,
    MissingColumnError,
    MissingSheetError,
    NotXlsxError,
    WorkbookBusyError,
    WorkbookError,
)
from zi_dash.base.fmt import (
    CAPAIAN_MEANS,
    MONTHS_ID,
    SEGERA_MEANS,
    TERLAMBAT_MEANS,
    TERTINGGAL_MEANS,
    format_date,
    number,
    pct,
)
from zi_dash.base.links import add_link, is_web_link, split_links
from zi_dash.base.palette import (
    ACTUAL_COLOR,
    EVIDENCE_COLORS,
    HEADER_FILL,
    PLAN_COLOR,
    SOURCE_TEXT_FILL,
    STATUS_COLORS,
)
from zi_dash.base.text import fold, tidy

__all__ = [
    "ACTUAL_COLOR",
    "AREA_CODES",
    "AREA_NAMES",
    "CAPAIAN_MEANS",
    "DATETIME_FORMAT",
    "DATE_FORMAT",
    "DEFAULT_WORKBOOK",
    "EDITABLE",
    "EVIDENCE_COLORS",
    "HEADER_FILL",
    "MONTHS_ID",
    "PLAN_COLOR",
    "SEGERA_MEANS",
    "SOURCE_TEXT_FILL",
    "STATUS_COLORS",
    "TERLAMBAT_MEANS",
    "TERTINGGAL_MEANS",
    "WORKBOOK_ENV",
    "ActionCol",
    "AreaCol",
    "DuplicateIdError",
    "EvidenceCol",
    "EvidenceStatus",
    "InfoCol",
    "InfoKey",
    "InvalidValueError",
    "Kind",
    "LogCol",
    "MissingColumnError",
    "MissingSheetError",
    "NotXlsxError",
    "Sheet",
    "SheetSpec",
    "Status",
    "WorkbookBusyError",
    "WorkbookError",
    "add_link",
    "config",
    "contract",
    "durable",
    "errors",
    "fmt",
    "fold",
    "format_date",
    "is_web_link",
    "links",
    "number",
    "palette",
    "pct",
    "split_links",
    "text",
    "tidy",
    "workbook_path",
]
