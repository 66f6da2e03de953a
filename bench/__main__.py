"""All benchmarks side by side: python -m bench [--sizes 70,700,7000,40000] [--only pages,...].

Prints Markdown tables of medians: workbook read, page rerun against a bare page that only
draws the same pre-built elements (sidebar, texts, widgets, metrics, tables, figures), saving
edits, exporting every chart; at each plan size (synthetic plans: the SK's 70 actions repeated
per unit, see bench/synthetic.py).
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from bench import lke_workbook, synthetic
from bench.elements import elements
from zi_dash import analysis, ui
from zi_dash.analysis import Filters
from zi_dash.base import WORKBOOK_ENV, ActionCol
from zi_dash.base import contract as c
from zi_dash.charts import catalogue, render
from zi_dash.export import bundle
from zi_dash.ui import Key
from zi_dash.workbook import load_plan, load_tracked, save_changes

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("ringkasan", "linimasa", "bukti", "rapat", "riwayat", "ekspor")
AS_OF = date(2022, 6, 30)
PARTS = ("reads", "pages", "lke", "saves", "export")
LKE_PAGE = "penilaian_mandiri"
PAGE_RUNS = 61  # a rerun takes a few ms: with fewer runs the median of a 4 ms page wobbles


def runs_for(size: int) -> int:
    """Fewer repetitions where one run takes seconds."""
    return 7 if size <= 700 else 3 if size <= 7_000 else 2


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def read_times(path: Path, runs: int) -> dict[str, float]:
    """pandas+openpyxl, the project's reader, and a cache hit of the app's loader."""
    stat = path.stat()
    ui.load_plan_cached(str(path), stat.st_mtime_ns, stat.st_size)
    return {
        "pandas+openpyxl": median_ms(
            lambda: pd.read_excel(path, sheet_name=None, engine="openpyxl"), runs
        ),
        "load_plan (cold)": median_ms(lambda: load_plan(path), runs),
        "cached rerun": median_ms(
            lambda: ui.load_plan_cached(str(path), stat.st_mtime_ns, stat.st_size), runs
        ),
    }


def compile_once() -> None:
    """Scripts compiled once per process, as a server does: AppTest compiles them every run.

    Both the real pages (app.py and the page) and the bare page benefit.
    """
    if getattr(ScriptCache, "shared_by_bench", False):
        return
    shared: dict[str, object] = {}
    init = ScriptCache.__init__

    def shared_init(self: ScriptCache) -> None:
        init(self)
        self._cache = shared

    ScriptCache.__init__ = shared_init  # type: ignore[method-assign]
    ScriptCache.shared_by_bench = True  # type: ignore[attr-defined]


def _bare_script(folder: Path) -> Path:
    """bench/bare_page.py beside a pages/ folder, as app.py is.

    AppTest starts every run with a fresh pages manager, which lists a pages/ folder beside the
    script each time (measured: 1.2 ms a run); a server does that once per session. Both
    scripts pay it here, so the ratio compares the pages, not that harness cost.
    """
    home = folder / "bare"
    home.mkdir(exist_ok=True)
    script = home / "bare_page.py"
    shutil.copyfile(ROOT / "bench" / "bare_page.py", script)
    if not (home / "pages").exists():
        (home / "pages").symlink_to(ROOT / "pages", target_is_directory=True)
    return script


def page_times(path: Path, folder: Path) -> dict[str, tuple[float, float, float]]:
    """Per page: its first view in a session (figures computed; the filtered plan and the
    sidebar's choices come from the pages before), a warm rerun, and a warm rerun of a bare
    page drawing the same elements."""
    compile_once()
    os.environ[WORKBOOK_ENV] = str(path)
    stat = path.stat()
    ui.load_plan_cached(str(path), stat.st_mtime_ns, stat.st_size)  # read, as for a first user
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.session_state[Key.AS_OF] = AS_OF
    opening = median_ms(at.run, 1)  # the default page: Ringkasan
    out = {}
    for page in PAGES:
        start = time.perf_counter()
        at.switch_page(f"pages/{page}.py").run()
        first = opening if page == "ringkasan" else (time.perf_counter() - start) * 1000
        out[page] = (first, *_against_bare(at, page, folder))
    return out


def _against_bare(at: AppTest, page: str, folder: Path) -> tuple[float, float]:
    """The page's warm rerun and the bare page's drawing the same elements (medians, ms)."""
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].value}")
    at.run()
    drawn = folder / f"{page}.pickle"
    drawn.write_bytes(pickle.dumps(elements(at)))
    os.environ["BENCH_ELEMENTS"] = str(drawn)
    bare = AppTest.from_file(str(_bare_script(folder)), default_timeout=600).run()
    if bare.exception or len(elements(bare)) != len(elements(at)):
        raise SystemExit(f"{page}: the bare page does not draw what the page drew")
    # Alternated, so that both see the same load of a shared machine.
    real, floor = [], []
    for _ in range(PAGE_RUNS):
        real.append(median_ms(at.run, 1))
        floor.append(median_ms(bare.run, 1))
    return statistics.median(real), statistics.median(floor)


def lke_times(path: Path, folder: Path) -> dict[str, tuple[float, float, float]]:
    """Penilaian Mandiri as an editor with a draft (its review drawn) and as a reader."""
    compile_once()
    copy = lke_workbook.prepared(path, folder)
    os.environ[WORKBOOK_ENV] = str(copy)
    out = {}
    for label, user in (("penilaian_mandiri (penyunting)", lke_workbook.USER), (LKE_PAGE, None)):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state[Key.AS_OF] = AS_OF
        if user:
            at.session_state[Key.USER] = user
        at.run()
        start = time.perf_counter()
        at.switch_page(f"pages/{LKE_PAGE}.py").run()
        first = (time.perf_counter() - start) * 1000
        out[label] = (first, *_against_bare(at, label.replace(" ", "_"), folder))
    return out


def save_times(path: Path, runs: int, folder: Path) -> dict[str, float]:
    """Saving one edit and 50 edits, and one edit with the page's reload after it (each run on
    a fresh copy, its plan first read by the app's loader, as the page had it)."""
    result = {}
    cases = (("save 1 edit", 1, False), ("save 50 edits", 50, False))
    for label, count, reload in (*cases, ("save 1 edit + page reload", 1, True)):
        times = []
        for i in range(runs):
            copy = folder / f"{path.stem}_save_{count}_{reload}_{i}.xlsx"  # own baseline
            shutil.copyfile(path, copy)
            plan = load_tracked(copy)
            ids = list(plan.rows[c.Sheet.ACTIONS])[:count]
            changes = {c.Sheet.ACTIONS: {row: {ActionCol.NOTES: f"bench {i}"} for row in ids}}
            start = time.perf_counter()
            save_changes(copy, changes, user="bench", base_version=plan.version)
            if reload:
                load_tracked(copy)  # what load_plan_cached does on the page's next run
            times.append((time.perf_counter() - start) * 1000)
        result[label] = statistics.median(times)
    return result


def export_time(path: Path, runs: int) -> float | None:
    """Every chart as PNG and SVG with the warm renderer (None without a browser)."""
    if not render.available():
        return None
    view = analysis.view(load_plan(path), AS_OF, Filters())
    bundle.chart_images(view, AS_OF, catalogue.CHART_KEYS[:1])  # start the renderer
    return median_ms(lambda: bundle.chart_images(view, AS_OF, catalogue.CHART_KEYS), runs)


def main() -> None:
    """Measure and print every table."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--sizes", default=",".join(map(str, synthetic.SIZES)))
    parser.add_argument("--only", default=",".join(PARTS), help="some of " + ",".join(PARTS))
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    parts = set(options.only.split(","))
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; medians in ms; sizes are action rows"
    )
    reads, pages, lkes, saves, exports = {}, {}, {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="zi-bench-") as tmp:
        folder = Path(tmp)
        for size in sizes:
            path, runs = synthetic.workbook(size), runs_for(size)
            if "reads" in parts:
                reads[size] = read_times(path, runs)
            if "pages" in parts:
                pages[size] = page_times(path, folder)
            if "lke" in parts:
                lkes[size] = lke_times(path, folder)
            if "saves" in parts:
                saves[size] = save_times(path, runs, folder)
            if "export" in parts:
                exports[size] = export_time(path, runs)
    render.RENDERER.stop()
    if reads:
        _table("Workbook read", sizes, {k: [reads[s][k] for s in sizes] for k in reads[sizes[0]]})
    for found in (pages, lkes):
        if not found:
            continue
        rows = {}
        for page in found[sizes[0]]:
            rows[f"{page} (first view)"] = [found[s][page][0] for s in sizes]
            rows[f"{page} (page)"] = [found[s][page][1] for s in sizes]
            rows[f"{page} (bare)"] = [found[s][page][2] for s in sizes]
            rows[f"{page} ratio"] = [found[s][page][1] / found[s][page][2] for s in sizes]
        _table("Page rerun, warm cache (AppTest)", sizes, rows)
    rows = {k: [saves[s][k] for s in sizes] for k in saves[sizes[0]]} if saves else {}
    if exports:
        rows["export 7 charts (PNG+SVG)"] = [exports[s] for s in sizes]
    if rows:
        _table("Save and export", sizes, rows)


def _table(title: str, sizes: list[int], rows: dict[str, list[float | None]]) -> None:
    print(f"\n{title}\n")
    print("| | " + " | ".join(f"{s:,}" for s in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for label, values in rows.items():
        ratio = label.endswith("ratio")
        cells = ["–" if v is None else f"{v:.1f}×" if ratio else f"{v:,.0f}" for v in values]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
