"""A real Streamlit server on a free port and Debian's Chromium driven by Playwright.

Never `playwright install`: the browser is the system's /usr/bin/chromium.

Shared helpers for the browser tests:

- `wait_ready(page)`: every script run the page has asked for has finished and is on screen.
- `expect_rerun(page)`: around an action that asks for a run, waits for that run.
- `login(page, server, user, password, path)`: log in on an editing page.
- `grid_ready(page)`, `edit_cell(page, row, column, text)`, `read_cell(page, row, column)`:
  the data grid, addressed by row position and column header.
- fixtures `page` and `second_page`: two independent browsers (own cookies and sessions),
  e.g. `budi` and `ani` editing at once. Open more with `open_page(browser)`.

How readiness is known. Streamlit 1.67 shows `stStatusWidget` only after a run has gone on for
500 ms, and only with a toolbar, which a headless app on 127.0.0.1 does not get: waiting for its
absence waits for nothing. `stApp[data-test-script-state]` is the frontend's run state, but it
still says `notRunning` after a click until the server's answer arrives, and for a moment
between the runs of a chain (`st.rerun()` after login or a save). So every page gets `_TRACKER`
as an init script: it reads the app's WebSocket frames (protobuf, field numbers taken from the
installed Streamlit) and knows when the page asked for a run (`BackMsg.rerun_script`), when a
run started (`new_session`), and when the chain ended (`script_finished` other than
FINISHED_EARLY_FOR_RERUN, then `session_status_changed` not running). `wait_ready` waits for
that, then for the DOM to show it, and on a page with a grid for the grid's late re-send.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg, ForwardMsgMetadata
from streamlit.proto.SessionStatus_pb2 import SessionStatus

from tests import factory
from zi_dash.base import WORKBOOK_ENV
from zi_dash.edit import accounts

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
EDITOR, PASSWORD = "budi", "rahasia-123"
SECOND_EDITOR, SECOND_PASSWORD = "ani", "sandi-ani-456"
USERS = {EDITOR: PASSWORD, SECOND_EDITOR: SECOND_PASSWORD}
VIEWPORT = {"width": 1500, "height": 1400}  # tall: Streamlit scrolls an inner container
TIMEOUT_MS = 30_000
ROW_H = 35  # Streamlit's grid: header and rows are 35 px high (corrected from what a click selects)

pytestmark = pytest.mark.browser


@dataclass
class Server:
    """A running dashboard and the files it works on."""

    url: str
    workbook: Path
    users: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("streamlit stopped before it was ready")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit not healthy at {url}")


@contextmanager
def serve(workbook: Path, folder: Path) -> Iterator[Server]:
    """`streamlit run app.py` on `workbook`, with the accounts in USERS, until the block ends."""
    users = folder / "users.json"
    for name, password in USERS.items():
        accounts.add_user(users, name, password)
    port = _free_port()
    env = {**os.environ, WORKBOOK_ENV: str(workbook), accounts.USERS_ENV: str(users)}
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield Server(url, workbook, users)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on a copy of the committed workbook."""
    folder = tmp_path_factory.mktemp("server")
    workbook = folder / "rencana_aksi.xlsx"
    shutil.copyfile(ROOT / "data" / "rencana_aksi.xlsx", workbook)
    with serve(workbook, folder) as running:
        yield running


@pytest.fixture(scope="module")
def mixed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on the hand-made mixed plan, whose figures the tests know."""
    folder = tmp_path_factory.mktemp("mixed")
    with serve(factory.mixed(folder / "rencana_aksi.xlsx"), folder) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; the tests are skipped where it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium tidak ditemukan di {CHROMIUM} (jalankan scripts/ensure-chromium.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        yield chromium
        chromium.close()


# --- the run tracker, installed in every page ------------------------------------------------


def _field(message, name: str) -> int:
    descriptor = getattr(message, "DESCRIPTOR", message)
    return descriptor.fields_by_name[name].number


_RUN_IDENTITY = ForwardMsgMetadata.DESCRIPTOR.fields_by_name["run"].message_type
_PROTO = {
    "rerun": _field(BackMsg, "rerun_script"),
    "metadata": _field(ForwardMsg, "metadata"),
    "newSession": _field(ForwardMsg, "new_session"),
    "finished": _field(ForwardMsg, "script_finished"),
    "status": _field(ForwardMsg, "session_status_changed"),
    "run": _field(ForwardMsgMetadata, "run"),
    "runId": _field(_RUN_IDENTITY, "script_run_id"),
    "isRunning": _field(SessionStatus, "script_is_running"),
    "early": ForwardMsg.FINISHED_EARLY_FOR_RERUN,
}

_TRACKER = """
(() => {
  if (window.__ziRuns) return;
  const P = __PROTO__;
  const runs = window.__ziRuns = {
    seq: 0, requests: 0, lastRequest: 0, lastStart: 0, startId: null, lastFinal: 0,
    running: false, sent: 0, received: 0, error: null,
    settled() {
      if (this.error) throw new Error('run tracker: ' + this.error);
      return this.lastStart > this.lastRequest && this.lastFinal > this.lastStart && !this.running;
    },
  };
  const text = new TextDecoder();
  const varint = (b, i) => {
    let v = 0, m = 1, x;
    do { x = b[i++]; v += (x & 0x7f) * m; m *= 128; } while (x & 0x80);
    return [v, i];
  };
  // Calls visit(field, value, start, end) for each top-level field of a protobuf message.
  const walk = (b, start, end, visit) => {
    let i = start;
    while (i < end) {
      let tag, v;
      [tag, i] = varint(b, i);
      const field = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) { [v, i] = varint(b, i); visit(field, v, 0, 0); }
      else if (wire === 2) { [v, i] = varint(b, i); visit(field, 0, i, i + v); i += v; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else throw new Error('wire type ' + wire);
    }
  };
  const bytes = (d) => d instanceof ArrayBuffer ? new Uint8Array(d)
    : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : null;
  const runId = (b, s, e) => {
    let id = null;
    walk(b, s, e, (f, v, rs, re) => {
      if (f === P.run) walk(b, rs, re, (g, w, is, ie) => {
        if (g === P.runId) id = text.decode(b.subarray(is, ie));
      });
    });
    return id;
  };
  const onSend = (data) => {
    runs.sent++;
    const b = bytes(data);
    if (!b) return;
    let rerun = false;
    walk(b, 0, b.length, (f) => { if (f === P.rerun) rerun = true; });
    if (rerun) { runs.requests++; runs.lastRequest = ++runs.seq; }
  };
  const onReceive = (data) => {
    runs.received++;
    const b = bytes(data);
    if (!b) return;
    let meta = null, kind = null, value = 0, s = 0, e = 0;
    walk(b, 0, b.length, (f, v, fs, fe) => {
      if (f === P.metadata) meta = [fs, fe];
      else if (f === P.newSession || f === P.finished || f === P.status) {
        kind = f; value = v; s = fs; e = fe;
      }
    });
    const id = meta ? runId(b, meta[0], meta[1]) : null;
    if (kind === P.newSession) { runs.lastStart = ++runs.seq; runs.startId = id; }
    else if (kind === P.finished) {
      if (value !== P.early && (id === null || runs.startId === null || id === runs.startId))
        runs.lastFinal = ++runs.seq;
    } else if (kind === P.status) {
      let running = false;
      walk(b, s, e, (g, w) => { if (g === P.isRunning) running = w !== 0; });
      runs.running = running;
      ++runs.seq;
    }
  };
  const guard = (fn) => (data) => {
    try { fn(data); } catch (err) { runs.error = runs.error || String(err); }
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class TrackedWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => guard(onReceive)(event.data));
    }
    send(data) { guard(onSend)(data); return super.send(data); }
  };

  // The data grid (glide-data-grid): its hidden accessibility table names the columns
  // (thead th, aria-colindex) and the rendered cells (td#glide-cell-COL-ROW, aria-selected).
  const grid = window.__ziGrid = {
    root: (i) => document.querySelectorAll('[data-testid="stDataFrame"]')[i] || null,
    canvas: (i) => grid.root(i)?.querySelector('canvas[data-testid="data-grid-canvas"]') || null,
    scroller: (i) => grid.root(i)?.querySelector('.dvn-scroller') || null,
    columns(i) {
      const heads = grid.canvas(i)?.querySelectorAll('table thead th') || [];
      return [...heads].map((th) => [th.textContent.trim(), +th.getAttribute('aria-colindex') - 1]);
    },
    rowCount: (i) =>
      +(grid.canvas(i)?.querySelector('table')?.getAttribute('aria-rowcount') || 1) - 1,
    cell: (i, col, row) =>
      grid.canvas(i)?.querySelector(`td[id="glide-cell-${col}-${row}"]`) || null,
    readOnly: (i, col, row) => grid.cell(i, col, row)?.getAttribute('aria-readonly') === 'true',
    selected(i) {
      const td = grid.canvas(i)?.querySelector('td[aria-selected="true"]');
      const m = td && /^glide-cell-(\\d+)-(\\d+)$/.exec(td.id);
      return m ? [+m[1], +m[2]] : null;
    },
    editing: () => [...document.querySelectorAll('#portal textarea, #portal input')]
      .some((e) => e.getClientRects().length > 0),
    geometry(i) {
      const r = grid.canvas(i).getBoundingClientRect(), s = grid.scroller(i);
      return {x: r.x, y: r.y, width: r.width, height: r.height,
              left: s.scrollLeft, top: s.scrollTop, clientWidth: s.clientWidth,
              clientHeight: s.clientHeight, maxLeft: s.scrollWidth - s.clientWidth,
              maxTop: s.scrollHeight - s.clientHeight};
    },
    scroll(i, left, top) {
      const s = grid.scroller(i);
      s.scrollLeft = left; s.scrollTop = top;
    },
    // Where a column was found, kept on the canvas (a new grid forgets it) per scroll offset.
    rememberX(i, col, x) {
      const c = grid.canvas(i), key = `${col}@${grid.scroller(i).scrollLeft}`;
      (c.__ziX = c.__ziX || {})[key] = x;
    },
    rememberedX: (i, col) =>
      grid.canvas(i)?.__ziX?.[`${col}@${grid.scroller(i).scrollLeft}`] ?? null,
    // Drawn: header cells in the accessibility table, fonts loaded, pixels on the canvas,
    // and the same box as at the previous poll (polls are animation frames: layout settled).
    drawn(i) {
      const c = grid.canvas(i);
      if (!c || !c.width || !c.height || document.fonts.status !== 'loaded') return false;
      if (!grid.columns(i).length) return false;
      const px = c.getContext('2d').getImageData(0, 0, c.width, Math.min(c.height, 4)).data;
      if (!px.some((v, k) => k % 4 === 3 && v > 0)) return false;
      const r = c.getBoundingClientRect(), box = [r.x, r.y, r.width, r.height].join();
      const same = c.__ziBox === box;
      c.__ziBox = box;
      return same;
    },
  };
})();
""".replace("__PROTO__", json.dumps(_PROTO))

# True when every run the page asked for has finished and the DOM shows it: the frontend's
# state is notRunning, connected, no element left stale by a run, no lazy element still loading.
_IDLE = """() => {
  const runs = window.__ziRuns;
  if (!runs) throw new Error('page has no run tracker: open it with open_page()');
  const app = document.querySelector('[data-testid="stApp"]');
  return runs.settled() && !!app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]');
}"""

# The tracker sees a frame when it arrives; Streamlit applies it in the microtasks after, and
# React commits the new state in its scheduler's next MessageChannel task. A message posted now
# is delivered after that task, and the animation frame after it has the commit laid out. Then
# the idle check runs again: this is a flush of work already received, not a guess at time.
_FLUSH = """async () => {
  await new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
  await new Promise((done) => requestAnimationFrame(() => done()));
}"""

# Streamlit's data editor sends its edits from a 150 ms debounce (`setTimeout`): after a typed
# edit, and again after a run whose new data make an edit redundant (it drops it and re-sends;
# here after every edit, as the app shows the draft in the grid). That second send can come
# after the run has finished, and nothing marks it as pending: measured, 2 edits in 12 sent it
# 20-40 ms after the old wait returned, and a button clicked then loses its click (the new
# run stops the button's run). So on a page with a grid the check ends with a 150 ms timer set
# in the page: timers fire in order, so any debounce set before it has sent by then.
GRID_SYNC_MS = 150
_SETTLED = f"""async () => {{
  await ({_FLUSH})();
  const before = window.__ziRuns.requests;
  if (document.querySelector('[data-testid="stDataFrame"]'))
    await new Promise((done) => setTimeout(done, {GRID_SYNC_MS}));
  return window.__ziRuns.requests === before && ({_IDLE})();
}}"""


def _tracker_state(page) -> str:
    try:
        return page.evaluate(
            """() => JSON.stringify({runs: window.__ziRuns, state:
                document.querySelector('[data-testid="stApp"]')?.dataset})"""
        )
    except Exception as exc:  # the page itself may be gone
        return f"<unreadable: {exc}>"


def wait_ready(page, timeout: float = TIMEOUT_MS) -> None:
    """Until every script run this page has asked for has finished and is on screen.

    On a page with a data grid it also waits out the grid's 150 ms send debounce, so an edit
    just committed, or the grid's re-send after a run, is sent and its run waited for too. A
    request an action makes later than that is not: wrap it in `expect_rerun(page)`.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + timeout / 1000
    while (left := (deadline - time.monotonic()) * 1000) > 0:
        try:
            page.wait_for_function(_IDLE, timeout=left)
        except PlaywrightTimeout:
            break
        if page.evaluate(_SETTLED):
            return
    raise TimeoutError(f"app not idle after {timeout} ms: {_tracker_state(page)}")


def rerun_requests(page) -> int:
    """How many script runs this page has asked the server for so far."""
    return page.evaluate("() => window.__ziRuns.requests")


def _wait_request(page, before: int, timeout: float = TIMEOUT_MS) -> None:
    """Until the page has asked for a run after the `before`-th."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("n => window.__ziRuns.requests > n", arg=before, timeout=timeout)
    except PlaywrightTimeout as exc:
        raise AssertionError(f"the app was not asked to rerun within {timeout} ms") from exc


@contextmanager
def expect_rerun(page, timeout: float = TIMEOUT_MS) -> Iterator[None]:
    """Around an action that makes the app rerun: afterwards, wait for that run to finish."""
    before = rerun_requests(page)
    yield
    _wait_request(page, before, timeout)
    wait_ready(page, timeout)


def open_page(browser):
    """A new independent browser context (own cookies, own Streamlit session) and its tab.

    With BROWSER_CPU_THROTTLE=N the tab's CPU runs N times slower (Chrome DevTools'
    throttling): a cold first run, or a busy machine, on demand. At 10 the old helpers lost a
    key in 2 of 6 runs of the first grid-edit test.
    """
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.add_init_script(_TRACKER)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    if rate := float(os.environ.get("BROWSER_CPU_THROTTLE") or 0):
        context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": rate})
    return context, tab


@pytest.fixture
def page(browser):
    """A fresh tab, tall enough that Streamlit's inner scroller shows a whole page."""
    context, tab = open_page(browser)
    yield tab
    context.close()


@pytest.fixture
def second_page(browser):
    """A second tab in its own browser context: another user editing at the same time."""
    context, tab = open_page(browser)
    yield tab
    context.close()


def shot(page, name: str) -> Path:
    """Save a screenshot as a test artifact, once the page's charts are drawn."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000
    )
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    if charts:
        page.wait_for_function(
            f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}",
            timeout=30_000,
        )
        page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


# --- logging in and the data grid -------------------------------------------------------------


def login(
    page, server: Server, user: str = EDITOR, password: str = PASSWORD, path: str = "sunting_aksi"
) -> None:
    """Open `path` and log in there; returns once the logged-in page has finished its run."""
    page.goto(f"{server.url}/{path}")
    wait_ready(page)
    page.get_by_label("Nama pengguna").fill(user)
    page.get_by_label("Kata sandi").fill(password)
    with expect_rerun(page):
        page.get_by_role("button", name="Masuk").click()
    if page.get_by_text("Nama pengguna atau kata sandi salah.").count():
        raise AssertionError(f"login as {user!r} was refused")
    page.get_by_test_id("stSidebar").get_by_text(f"Masuk sebagai penyunting {user}").wait_for()


def grid_ready(page, grid: int = 0, timeout: float = TIMEOUT_MS) -> None:
    """Until the app is idle and the page's `grid`-th data grid is drawn and laid out."""
    wait_ready(page, timeout)
    page.wait_for_function("i => window.__ziGrid.drawn(i)", arg=grid, timeout=timeout)


def _js(page, call: str, *args):
    """Call `window.__ziGrid.<call>(...args)` in the page."""
    return page.evaluate(f"args => window.__ziGrid.{call}(...args)", list(args))


def _scroll(page, grid: int, left: float, top: float) -> None:
    """Scroll the grid and wait until it has redrawn there."""
    _js(page, "scroll", grid, max(0, left), max(0, top))
    page.wait_for_function(
        """([i, l, t]) => { const g = window.__ziGrid.geometry(i);
            return Math.abs(g.left - Math.min(l, g.maxLeft)) < 1
                && Math.abs(g.top - Math.min(t, g.maxTop)) < 1 && window.__ziGrid.drawn(i); }""",
        arg=[grid, max(0, left), max(0, top)],
    )


def _column(page, grid: int, column: str) -> int:
    """The grid's index of the column headed `column`, scrolling sideways to find it."""
    seen: set[str] = set()
    while True:
        columns = dict(_js(page, "columns", grid))
        if column in columns:
            return columns[column]
        seen |= columns.keys()
        geo = _js(page, "geometry", grid)
        if geo["left"] >= geo["maxLeft"]:
            raise KeyError(f"no column {column!r} in grid {grid}; columns: {sorted(seen)}")
        _scroll(page, grid, geo["left"] + geo["clientWidth"] / 2, geo["top"])


def _show_row(page, grid: int, row: int) -> None:
    """Scroll the grid vertically, if needed, so that `row` and its neighbours are in view."""
    rows = _js(page, "rowCount", grid)
    if not 0 <= row < rows:
        raise IndexError(f"grid {grid} has {rows} rows, no row {row}")
    geo = _js(page, "geometry", grid)
    body = geo["clientHeight"] - ROW_H  # below the header
    first, last = max(row - 1, 0), min(row + 1, rows - 1)
    if not geo["top"] <= first * ROW_H and (last + 1) * ROW_H <= geo["top"] + body:
        _scroll(page, grid, geo["left"], row * ROW_H - body / 2)


def _selected(page, grid: int) -> tuple[int, int] | None:
    found = _js(page, "selected", grid)
    return (found[0], found[1]) if found else None


def _close_editor(page) -> None:
    if _editor(page).is_visible():
        page.keyboard.press("Escape")  # leaves the cell as it was
        _editor(page).wait_for(state="hidden")


def _click(page, grid: int, x: float, y: float) -> tuple[int, int] | None:
    """Click the grid at (x, y): the (column, row) the grid then reports selected, or None if
    the click did not reach it. Keys are sent only after this: on a cold, slow renderer glide
    handles a key pressed right after a click with the selection from before the click (the
    lost ArrowRight of the old flake)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = _selected(page, grid)
    # Streamlit's grid takes a selection only while it knows the mouse is over it, which it
    # learns from a mouse move: move first and let React commit that (see _FLUSH), then click.
    page.mouse.move(x, y)
    page.evaluate(_FLUSH)
    page.mouse.click(x, y)
    try:
        page.wait_for_function(
            """([i, b]) => { const s = window.__ziGrid.selected(i);
                return window.__ziGrid.editing()
                    || (s !== null && (b === null || s[0] !== b[0] || s[1] !== b[1])); }""",
            arg=[grid, before],
            timeout=5000,
        )
    except PlaywrightTimeout:
        return None
    if _editor(page).is_visible():  # a click on the selected cell opens its editor
        _close_editor(page)
        return before
    return _selected(page, grid)


def select_cell(page, row: int, column: str, *, grid: int = 0) -> None:
    """Click the cell at data row `row` (0 = first row shown) under the header `column`.

    The column's x comes from the grid itself: clicks in the row, each checked against the
    cell the grid's accessibility table reports selected, narrow it down (then it is
    remembered for the next call). Probe clicks alternate with a neighbouring row so that no
    click lands on the cell already selected, which would open its editor.
    """
    grid_ready(page, grid)
    _close_editor(page)
    page.get_by_test_id("stDataFrame").nth(grid).scroll_into_view_if_needed()
    col = _column(page, grid, column)
    _show_row(page, grid, row)
    rows = _js(page, "rowCount", grid)
    other = row + 1 if row + 1 < rows else row - 1
    lo = hi = None  # x (from the canvas's left) known left / right of the column
    bounds_at = None  # the grid's scrollLeft when lo/hi were found
    known = _js(page, "rememberedX", grid, col)
    y_fix = 0.0
    misses = 0
    for _ in range(40):
        geo = _js(page, "geometry", grid)
        if geo["left"] != bounds_at:  # glide scrolled to show a clicked cell: x moved
            lo = hi = None
            bounds_at = geo["left"]
        selected = _selected(page, grid)
        probe = row if selected is None or selected[1] != row or other < 0 else other
        if probe == row and selected is not None and selected[1] == row:
            page.keyboard.press("Escape")  # a one-row grid: clear the selection instead
            page.wait_for_function("i => window.__ziGrid.selected(i) === null", arg=grid)
        low, high = lo if lo is not None else 2, hi if hi is not None else geo["clientWidth"] - 2
        dx = known if known is not None else (low + high) / 2
        known = None
        y = geo["y"] + ROW_H * (probe + 1.5) - geo["top"] + y_fix
        got = _click(page, grid, geo["x"] + dx, y)
        if got is None:
            misses += 1
            if misses > 3:
                break
            grid_ready(page, grid)
            continue
        got_col, got_row = got
        if got_row != probe:
            y_fix += (probe - got_row) * ROW_H
            continue
        if got_col == col:
            if got_row == row:
                if _js(page, "geometry", grid)["left"] == geo["left"]:
                    _js(page, "rememberX", grid, col, dx)
                return
            known = dx  # found on the neighbouring row: the same x on the row itself
            continue
        if got_col < col:
            lo = dx
        else:
            hi = dx
        if (hi if hi is not None else geo["clientWidth"] - 2) - (
            lo if lo is not None else 2
        ) < 3:  # the column is out of view: to the right, or under the pinned columns
            if hi is None and geo["left"] < geo["maxLeft"]:
                _scroll(page, grid, geo["left"] + geo["clientWidth"] / 2, geo["top"])
            elif hi is not None and geo["left"] > 0:
                _scroll(page, grid, geo["left"] - geo["clientWidth"] / 2, geo["top"])
            else:
                break
    raise AssertionError(
        f"could not select row {row}, column {column!r} (index {col}) of grid {grid}; "
        f"selected: {_selected(page, grid)}"
    )


def _editor(page):
    """The open cell editor: .gdg-input for text, the search field of a select box."""
    return page.locator("#portal").locator("textarea, input").first


def edit_cell(page, row: int, column: str, text: str, *, grid: int = 0, rerun: bool = True) -> None:
    """Type `text` into the cell at data row `row` under the header `column`, and commit it.

    Selects the cell (`select_cell`), opens its editor with Enter once the grid has the
    selection, `fill()`s it (`keyboard.type()` did not reliably reach Python) and presses
    Enter. Then waits for the app's run on the edit, which the grid asks for 150 ms later;
    pass `rerun=False` when the value does not change, as no run is asked for then.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    select_cell(page, row, column, grid=grid)
    col = _column(page, grid, column)
    if _js(page, "readOnly", grid, col, row):
        raise ValueError(f"column {column!r} of grid {grid} is read-only")
    editor = _editor(page)
    for _ in range(3):
        page.keyboard.press("Enter")
        try:
            editor.wait_for(state="visible", timeout=5000)
            break
        except PlaywrightTimeout:
            select_cell(page, row, column, grid=grid)  # the selection was lost: again
    else:
        raise AssertionError(f"no editor opened on row {row}, column {column!r}")
    editor.fill(text)
    before = rerun_requests(page)
    page.keyboard.press("Enter")
    editor.wait_for(state="hidden")
    if rerun:
        _wait_request(page, before)  # none if the value did not change: then rerun=False
    wait_ready(page)


def read_cell(page, row: int, column: str, *, grid: int = 0) -> str:
    """The text the grid shows at data row `row` under the header `column` ('' when empty).

    Read from the grid's accessibility table (dates as YYYY-MM-DD). Glide rebuilds that table
    200 ms after its inputs change, and a typed value, drawn at once, reaches it only then or
    never if nothing else changes. So the cell is selected first (`select_cell`) and read
    from the rebuild that shows it selected, once two reads an animation frame apart agree.
    """
    select_cell(page, row, column, grid=grid)
    handle = page.wait_for_function(
        """async ([i, c, r]) => {
            const read = () => window.__ziGrid.cell(i, c, r)?.textContent ?? null;
            const first = read();
            await new Promise((done) => requestAnimationFrame(() => done()));
            return first !== null && first === read() ? [first] : null;
        }""",
        arg=[grid, _column(page, grid, column), row],
    )
    return handle.json_value()[0]
