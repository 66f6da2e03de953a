"""Browser tabs with the run tracker: when the app is ready, reruns, screenshots.

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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg, ForwardMsgMetadata
from streamlit.proto.SessionStatus_pb2 import SessionStatus

from tests.browser.server import ROOT

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's, never a download
BROWSER_ARGS = ["--no-sandbox", "--disable-dev-shm-usage"]  # root in CI; a small /dev/shm
VIEWPORT = {"width": 1500, "height": 1400}  # tall: Streamlit scrolls an inner container
TIMEOUT_MS = 30_000


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
FLUSH = """async () => {
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
  await ({FLUSH})();
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


def wait_request(page, before: int, timeout: float = TIMEOUT_MS) -> None:
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
    wait_request(page, before, timeout)
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


def set_as_of(page, day: str, month: str, year: str) -> None:
    """Type a tanggal acuan into the sidebar ("30", "06", "2022") and wait for its run."""
    # Streamlit's date field is a row of day/month/year spin buttons that advance on typing.
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("spinbutton", name="day, Tanggal acuan").click()
    page.keyboard.type(day + month + year)
    page.get_by_role("heading").first.click()  # the value is sent when the field loses focus
    wait_ready(page)


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
