"""Exporting every chart of the real workbook: python -m bench.export [runs].

Cold: the first export in a process, which starts Chromium. Warm: later exports reuse it.
Prints medians in seconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

from zi_dash import analysis
from zi_dash.analysis import Filters
from zi_dash.charts import catalogue, render
from zi_dash.export import bundle
from zi_dash.workbook import Plan, load_plan

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2022, 6, 30)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(plan: Plan, runs: int) -> list[tuple[str, float]]:
    """(what, median seconds) for chart images cold and warm, and the whole package warm."""
    view = analysis.view(plan, AS_OF, Filters())
    render.RENDERER.stop()
    cold = _timed(lambda: bundle.chart_images(view, AS_OF, catalogue.CHART_KEYS))
    warm = [
        _timed(lambda: bundle.chart_images(view, AS_OF, catalogue.CHART_KEYS)) for _ in range(runs)
    ]
    package = [
        _timed(lambda: bundle.build_package(plan, AS_OF, Filters()))
        for _ in range(max(runs // 2, 1))
    ]
    render.RENDERER.stop()
    n = len(catalogue.CHARTS)
    return [
        (f"{n} charts × PNG+SVG, cold (starts Chromium)", cold),
        (f"{n} charts × PNG+SVG, warm", statistics.median(warm)),
        ("whole package (charts, DOCX, PDF, XLSX), warm", statistics.median(package)),
    ]


def main() -> None:
    """Print the table."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    plan = load_plan(ROOT / "data" / "rencana_aksi.xlsx")
    print(f"| {'export of the real workbook':<48} | {'median s':>8} |")
    print(f"|{'-' * 50}|{'-' * 10}|")
    for what, seconds in measure(plan, runs):
        print(f"| {what:<48} | {seconds:8.2f} |")


if __name__ == "__main__":
    main()
