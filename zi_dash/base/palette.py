"""One colour per status, used by the workbook styling, every chart and every export."""

from __future__ import annotations

from typing import Final

from zi_dash.base.contract import EvidenceStatus, Status

# Chosen to stay distinct on a washed-out projector and for red-green colour blindness
# (blue/orange carry the contrast; green and red differ in lightness too).
STATUS_COLORS: Final[dict[str, str]] = {
    Status.NOT_STARTED: "#9AA3AF",
    Status.IN_PROGRESS: "#2563EB",
    Status.DONE: "#166534",
    Status.LATE: "#DC2626",
    Status.BEHIND: "#F59E0B",
}
EVIDENCE_COLORS: Final[dict[str, str]] = {
    EvidenceStatus.MISSING: "#DC2626",
    EvidenceStatus.NEEDS_FIX: "#F59E0B",
    EvidenceStatus.PRESENT: "#60A5FA",
    EvidenceStatus.VERIFIED: "#166534",
}
PLAN_COLOR: Final = "#6B7280"
ACTUAL_COLOR: Final = "#2563EB"
HEADER_FILL: Final = "#1F3864"
SOURCE_TEXT_FILL: Final = "#F3F4F6"
