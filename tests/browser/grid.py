"""Logging in on an editing page, and the data grid addressed by row and column header."""

from __future__ import annotations

from tests.browser.server import EDITOR, PASSWORD, Server
from tests.browser.tabs import (
    FLUSH,
    TIMEOUT_MS,
    expect_rerun,
    rerun_requests,
    wait_ready,
    wait_request,
)

ROW_H = 35  # Streamlit's grid: header and rows are 35 px high (corrected from what a click selects)


def login(
    page,
    server: Server,
    user: str = EDITOR,
    password: str = PASSWORD,
    path: str = "sunting_aksi",
    role: str = "penyunting",
) -> None:
    """Open `path` and log in there; returns once the logged-in page has finished its run.

    `role` is how the account box names the account's role ("penilai (TPI)" for a penilai).
    """
    page.goto(f"{server.url}/{path}")
    wait_ready(page)
    page.get_by_label("Nama pengguna").fill(user)
    page.get_by_label("Kata sandi").fill(password)
    with expect_rerun(page):
        page.get_by_role("button", name="Masuk").click()
    if page.get_by_text("Nama pengguna atau kata sandi salah.").count():
        raise AssertionError(f"login as {user!r} was refused")
    page.get_by_test_id("stSidebar").get_by_text(f"Masuk sebagai {role} {user}").wait_for()


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
    # learns from a mouse move: move first and let React commit that (see FLUSH), then click.
    page.mouse.move(x, y)
    page.evaluate(FLUSH)
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
        wait_request(page, before)  # none if the value did not change: then rerun=False
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


def column_right(page, column: str, *, grid: int = 0) -> float:
    """Where the column headed `column` ends on the page (x in CSS px), measured by clicks.

    From a point inside the column (found by `select_cell`), clicks bisect towards the grid's
    right edge, each checked against the column the grid reports selected; the result is
    within 1 px. Raises if the column runs past the grid's visible width.
    """
    select_cell(page, 0, column, grid=grid)
    col = _column(page, grid, column)
    geo = _js(page, "geometry", grid)
    inside, outside = _js(page, "rememberedX", grid, col), geo["clientWidth"] - 1
    probe_row = 1
    while outside - inside > 1:
        middle = (inside + outside) / 2
        got = _click(page, grid, geo["x"] + middle, geo["y"] + ROW_H * (probe_row + 1.5))
        if got is None:
            raise AssertionError(f"a click at x={middle} did not reach grid {grid}")
        probe_row = 1 - probe_row  # never the cell just selected, which would open it
        inside, outside = (middle, outside) if got[0] == col else (inside, middle)
    if outside >= geo["clientWidth"] - 1:
        raise AssertionError(f"column {column!r} runs past the grid's visible width")
    return geo["x"] + outside
