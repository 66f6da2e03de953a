"""bench.load's two editors: each logs in on Sunting Aksi in its own Chromium and saves notes.

Each editor runs in its own thread with its own Playwright (its sync API is per thread) and
uses the browser tests' helpers (tests/browser/grid.py): a note typed into the grid's Catatan
column of its own rows, then "Simpan". Afterwards every note an editor saw saved is looked up
in the workbook: one missing is a lost edit.
"""

from __future__ import annotations

import contextlib
import re
import threading
from types import TracebackType

from tests.browser.grid import edit_cell, login, read_cell
from tests.browser.server import USERS, Server
from tests.browser.tabs import BROWSER_ARGS, CHROMIUM, expect_rerun, open_page, wait_ready
from zi_dash.base import ActionCol
from zi_dash.workbook import load_plan

LOGIN_TIMEOUT_S = 300
FINISH_TIMEOUT_S = 600
STEP_TIMEOUT_MS = 300_000  # one click or wait, while N viewers load the server
SAVE = re.compile(r"^Simpan \d+ perubahan$")


class Editors:
    """Editors logged in on enter; their saves start with go() and end with finish()."""

    def __init__(self, server: Server, count: int, saves: int) -> None:
        self.server, self.saves = server, saves
        self.users = list(USERS.items())[:count]
        self.errors: list[str] = []
        self.saved: list[tuple[str, str]] = []  # (action ID, note) seen saved
        self._ready = threading.Barrier(count + 1, timeout=LOGIN_TIMEOUT_S)
        self._go = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._work, args=(i, *user), daemon=True)
            for i, user in enumerate(self.users)
        ]

    def __enter__(self) -> Editors:
        for thread in self._threads:
            thread.start()
        try:
            self._ready.wait()
        except threading.BrokenBarrierError:
            self.errors.append("an editor could not log in in time")
        self._go.set()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._go.set()
        self.finish()

    def finish(self) -> None:
        """Wait for every editor's saves (bounded)."""
        for thread in self._threads:
            thread.join(FINISH_TIMEOUT_S)
            if thread.is_alive():
                self.errors.append(f"{thread.name}: editor still busy after {FINISH_TIMEOUT_S} s")

    def lost(self) -> list[tuple[str, str]]:
        """The saved notes the workbook does not hold."""
        notes = load_plan(self.server.workbook).actions.set_index(ActionCol.ID)[ActionCol.NOTES]
        return [(row, note) for row, note in self.saved if notes.get(row) != note]

    def _work(self, index: int, user: str, password: str) -> None:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        arrived = False
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM,
                    headless=True,
                    args=BROWSER_ARGS,
                )
                _, page = open_page(browser)
                page.set_default_timeout(STEP_TIMEOUT_MS)
                login(page, self.server, user, password)
                arrived = self._arrive()
                self._go.wait(LOGIN_TIMEOUT_S)
                for k in range(self.saves):
                    self._save_one(page, user, index + k * len(self.users), k)
                browser.close()
        except (PlaywrightError, AssertionError, TimeoutError) as exc:
            with self._lock:
                self.errors.append(f"editor {user}: {str(exc).splitlines()[0]}")
        finally:
            if not arrived:
                self._arrive()

    def _arrive(self) -> bool:
        with contextlib.suppress(threading.BrokenBarrierError):
            self._ready.wait()
        return True

    def _save_one(self, page, user: str, row: int, k: int) -> None:
        """Type a note into the grid's row `row`, save it, and note it as saved."""
        action = read_cell(page, row, ActionCol.ID)
        note = f"beban rapat {user} {k}"
        edit_cell(page, row, ActionCol.NOTES, note)
        with expect_rerun(page, STEP_TIMEOUT_MS):
            page.get_by_role("button", name=SAVE).click()
        wait_ready(page, STEP_TIMEOUT_MS)
        # Saved when the run after the click shows no refusal and the draft is empty (the
        # toast saying so may be gone already on a busy machine); the file is checked after.
        if page.get_by_text("Penyimpanan ").count():
            raise AssertionError(f"{action}: the save was refused")
        if page.get_by_text("Perubahan yang belum disimpan").count():
            raise AssertionError(f"{action}: the note is still in the draft after Simpan")
        with self._lock:
            self.saved.append((action, note))
