"""Every figure: pure builders, the catalogue pages and exports share, the style, the renderer."""

from __future__ import annotations

from zi_dash.charts import builders, catalogue, gantt, render, rollup, style
from zi_dash.charts.style import EXPORT_SCALE, EXPORT_WIDTH

__all__ = [
    "EXPORT_SCALE",
    "EXPORT_WIDTH",
    "builders",
    "catalogue",
    "gantt",
    "render",
    "rollup",
    "style",
]
