"""A meeting's load: python -m bench.load [-n 30] [--page both|ringkasan|rapat] [--quick].

Starts a real `streamlit run app.py` (headless, a free port on 127.0.0.1) on a copy of the
workbook in a temporary folder, opens N viewer sessions at once in Debian's Chromium (one
browser, one context per viewer, half on Ringkasan and half on Mode Rapat), then again while
two editors log in and save edits through the Sunting Aksi grid, and checks that every saved
edit is in the workbook. Beside it the same N viewers on a bare page
(`bench/bare_page.py`): a Streamlit script drawing the same elements (metrics, charts, tables,
sidebar widgets, the navigation menu) from objects built once per process.

Prints errors (an exception box, a page error, an HTTP error, a page not drawn in time), lost
edits, the p50/p95 time from opening a page to its charts drawn, the server's peak memory
(VmHWM of its process tree) and the server's own CPU seconds per new session (utime + stime
of its process tree, before and after, divided by N). Every wait is bounded; the whole run
stops itself after --timeout seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pickle
import platform
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import load_editors, proc
from bench.elements import elements
from tests.browser.server import ROOT, Server, serve
from tests.browser.tabs import _IDLE, _TRACKER, BROWSER_ARGS, CHROMIUM, VIEWPORT

PAGES = {"ringkasan": "", "rapat": "rapat"}  # page -> URL path, as in app.py
DRAW_TIMEOUT_MS = 240_000  # one page, N opening at once on a shared machine
# Drawn: the run finished and shown (tests/browser/tabs.py) and every chart has its SVG.
DRAWN_JS = f"""() => ({_IDLE})() && !!document.querySelector('h1, h3')
  && document.querySelectorAll('.js-plotly-plot .main-svg').length
     >= document.querySelectorAll('[data-testid="stPlotlyChart"]').length"""
WORKBOOK = ROOT / "data" / "rencana_aksi.xlsx"


@dataclass
class Result:
    """One round of N viewers (with or without editors) on one server."""

    sessions: int
    errors: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)  # opening to drawn, per viewer
    cpu: float = 0.0  # the server's CPU seconds over the round
    peak_mb: float = 0.0
    saved: int = 0  # edits the editors saved (with editors)
    lost: int = 0  # saved edits not found in the workbook afterwards
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after


def _failed(response) -> bool:
    """An HTTP error, except the 404s of the frontend probing /<page>/_stcore/ for its base."""
    return response.status >= 500 or (response.status >= 400 and "/_stcore/" not in response.url)


async def _visit(browser, url: str, errors: list[str], seconds: list[float]):
    """Open one page in its own context and wait until it is drawn; the context stays open."""
    from playwright.async_api import Error as PlaywrightError

    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(_TRACKER)
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"{url}: page error {exc}"))
    page.on("response", lambda r: _failed(r) and errors.append(f"{url}: HTTP {r.status} {r.url}"))
    start = time.perf_counter()
    try:
        await page.goto(url, timeout=DRAW_TIMEOUT_MS)
        await page.wait_for_function(DRAWN_JS, timeout=DRAW_TIMEOUT_MS, polling=200)
        seconds.append(time.perf_counter() - start)
        if await page.get_by_test_id("stException").count():
            errors.append(f"{url}: an exception box")
        if "Traceback" in await page.locator("body").inner_text():
            errors.append(f"{url}: a traceback")
    except PlaywrightError as exc:
        errors.append(f"{url}: not drawn ({str(exc).splitlines()[0]})")
    return context


async def _viewers(server: Server, urls: list[str], errors: list[str], seconds: list[float]):
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS
        )
        contexts = await asyncio.gather(*(_visit(browser, u, errors, seconds) for u in urls))
        for context in contexts:
            await context.close()
        await browser.close()


def viewers(server: Server, pages: list[str], n: int, profile: Path | None = None) -> Result:
    """N sessions opening at once, alternating over `pages`; the server's CPU over them.

    With `profile` (a server started with `profiled(...)`), cProfile's stats of the server over
    the round are written there.
    """
    urls = [f"{server.url}/{PAGES[pages[i % len(pages)]]}" for i in range(n)]
    result = Result(n, load=(os.getloadavg()[0], 0.0))
    if profile:
        os.kill(server.pid, signal.SIGUSR1)
    before = proc.cpu_seconds(server.pid)
    asyncio.run(_viewers(server, urls, result.errors, result.seconds))
    result.cpu = proc.cpu_seconds(server.pid) - before
    if profile:
        os.kill(server.pid, signal.SIGUSR2)
        deadline = time.monotonic() + 60
        while not profile.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
    result.peak_mb = proc.peak_mb(server.pid)
    result.load = (result.load[0], os.getloadavg()[0])
    return result


def warm(server: Server, pages: list[str]) -> None:
    """One session per page first: the figures computed and cached, scripts compiled."""
    result = viewers(server, pages, len(pages))
    if result.errors:
        raise SystemExit("warm-up failed: " + "; ".join(result.errors))


def bare_elements(workbook: Path, folder: Path, pages: list[str]) -> dict[str, str]:
    """Every element each page draws in the app (AppTest), pickled for the bare page."""
    from streamlit.testing.v1 import AppTest

    from zi_dash.base import WORKBOOK_ENV

    os.environ[WORKBOOK_ENV] = str(workbook)
    drawn = {}
    for page in pages:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
        if page != "ringkasan":
            at.switch_page(f"pages/{page}.py").run()
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].value}")
        path = folder / f"{page}.pickle"
        path.write_bytes(pickle.dumps(elements(at)))
        drawn[page] = str(path)
    return drawn


def _row(label: str, results: list[Result | None], cell) -> str:
    return f"| {label} | " + " | ".join("–" if r is None else cell(r) for r in results) + " |"


def _pct(values: list[float], q: float) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]:.1f} s"


def table(app: Result, busy: Result | None, bare: Result, editors: int = 2) -> str:
    """The Markdown table of the three rounds."""
    columns = [app, busy, bare]
    with_editors = f"app, viewers + {editors} editor{'s' * (editors != 1)}"
    lines = [
        f"| N = {app.sessions} | app, viewers | {with_editors} | bare page, viewers |",
        "|---|---:|---:|---:|",
        _row("errors", columns, lambda r: str(len(r.errors))),
        _row("edits saved / lost", [None, busy, None], lambda r: f"{r.saved} / {r.lost}"),
        _row("time to a drawn page, p50", columns, lambda r: _pct(r.seconds, 0.5)),
        _row("time to a drawn page, p95", columns, lambda r: _pct(r.seconds, 0.95)),
        _row("server peak memory (VmHWM)", columns, lambda r: f"{r.peak_mb:,.0f} MB"),
        _row("server CPU, whole round", columns, lambda r: f"{r.cpu:.1f} s"),
        _row("server CPU per new session", columns, lambda r: f"{r.cpu / r.sessions:.2f} s"),
        _row("ratio to the bare page", columns, lambda r: f"{r.cpu / max(bare.cpu, 1e-9):.2f}×"),
        _row("load average before → after", columns, lambda r: "{:.1f} → {:.1f}".format(*r.load)),
    ]
    return "\n".join(lines)


def profiled(
    env: dict[str, str], out: Path | None, name: str
) -> tuple[dict[str, str], Path | None]:
    """The server's environment with bench/profiling's hook, and where its stats will be."""
    if out is None:
        return env, None
    hook = str(ROOT / "bench" / "profiling")
    path = os.pathsep.join(filter(None, [hook, os.environ.get("PYTHONPATH")]))
    stats = out / f"{name}.prof"
    stats.unlink(missing_ok=True)
    return {**env, "PYTHONPATH": path, "BENCH_PROFILE": str(stats)}, stats


def run(
    n: int, pages: list[str], editors: int, saves: int, profile: Path | None = None
) -> tuple[Result, Result | None, Result]:
    """The three rounds, each on its own server and copy of the workbook."""
    with tempfile.TemporaryDirectory(prefix="zi-load-") as tmp:
        folder = Path(tmp)
        for name in ("app", "bare"):
            (folder / name).mkdir()
            shutil.copyfile(WORKBOOK, folder / name / WORKBOOK.name)
        drawn = bare_elements(folder / "bare" / "rencana_aksi.xlsx", folder / "bare", pages)
        bare_env, bare_stats = profiled({"BENCH_PAGES": json.dumps(drawn)}, profile, "bare")
        bare_book = folder / "bare" / WORKBOOK.name
        with serve(bare_book, folder / "bare", "bench/bare_page.py", bare_env) as server:
            warm(server, pages)
            bare = viewers(server, pages, n, bare_stats)
        app_env, app_stats = profiled({}, profile, "app")
        with serve(folder / "app" / WORKBOOK.name, folder / "app", env=app_env) as server:
            warm(server, pages)
            app = viewers(server, pages, n, app_stats)
            busy = None
            if editors:
                with load_editors.Editors(server, editors, saves) as team:
                    busy = viewers(server, pages, n)
                    team.finish()
                busy.errors += team.errors
                busy.saved, busy.lost = len(team.saved), len(team.lost())
                busy.peak_mb = proc.peak_mb(server.pid)
    return app, busy, bare


def _stop(signum: int, frame: object) -> None:
    raise SystemExit("bench.load: time limit reached, stopped")


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("-n", type=int, default=30, help="viewer sessions opened at once")
    parser.add_argument("--page", choices=["both", *PAGES], default="both")
    parser.add_argument("--quick", action="store_true", help="N = 2, one save per editor")
    parser.add_argument("--editors", type=int, default=2, choices=[0, 1, 2])
    parser.add_argument(
        "--profile", type=Path, help="a folder: cProfile stats of both servers' rounds go there"
    )
    parser.add_argument("--timeout", type=int, default=1800, help="seconds for the whole run")
    options = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium not found at {CHROMIUM}")
    n = 2 if options.quick and options.n == 30 else options.n
    pages = list(PAGES) if options.page == "both" else [options.page]
    signal.signal(signal.SIGALRM, _stop)
    signal.alarm(options.timeout)
    if options.profile:
        options.profile.mkdir(parents=True, exist_ok=True)
    app, busy, bare = run(n, pages, options.editors, 1 if options.quick else 3, options.profile)
    signal.alarm(0)
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"pages: {', '.join(pages)}; the committed workbook\n"
    )
    print(table(app, busy, bare, options.editors))
    for label, result in (("app", app), ("app + editors", busy), ("bare", bare)):
        for error in (result.errors if result else [])[:10]:
            print(f"{label}: {error}")
    failed = any(r and (r.errors or r.lost) for r in (app, busy, bare))
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
