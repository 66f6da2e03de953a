"""Page rerun time under AppTest on the real workbook: python -m bench.rerun [runs].

A rerun is what a user waits for after touching a widget: the plan comes from st.cache_data,
every figure is rebuilt. Prints medians (and the slowest) in milliseconds.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["pages/ringkasan.py", "pages/linimasa.py", "pages/bukti.py", "pages/rapat.py"]


def measure(workbook: Path, runs: int) -> list[tuple[str, float, float]]:
    """(page, median ms, max ms) of `runs` warm reruns of each page."""
    os.environ["ZI_WORKBOOK"] = str(workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    rows = []
    for page in PAGES:
        at.switch_page(page).run()  # warm: the plan is cached after this
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - start) * 1000)
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].value}")
        rows.append((page, statistics.median(times), max(times)))
    return rows


def main() -> None:
    """Print the table."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    workbook = ROOT / "data" / "rencana_aksi.xlsx"
    print(f"Page rerun (AppTest, warm cache), {runs} runs, {workbook.name}")
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(f"| {'page':<22} | {'median ms':>9} | {'max ms':>7} |")
    print(f"|{'-' * 24}|{'-' * 11}|{'-' * 9}|")
    for page, median, worst in measure(workbook, runs):
        print(f"| {page:<22} | {median:9.0f} | {worst:7.0f} |")


if __name__ == "__main__":
    main()
