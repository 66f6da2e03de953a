"""In Chromium: failed logins count across browsers, not per session (each page is a new one)."""

from __future__ import annotations

import pytest

from tests.browser.grid import login
from tests.browser.server import EDITOR, PASSWORD, SECOND_EDITOR, SECOND_PASSWORD, Server
from tests.browser.tabs import expect_rerun, wait_ready
from zi_dash.edit import throttle

pytestmark = pytest.mark.browser


def _try(page, name: str, password: str) -> str:
    """Submit the login form; the error it shows."""
    page.get_by_label("Nama pengguna").fill(name)
    page.get_by_label("Kata sandi").fill(password)
    with expect_rerun(page):
        page.get_by_role("button", name="Masuk").click()
    return page.get_by_test_id("stAlertContentError").last.inner_text()


def test_guesses_in_one_browser_hold_the_account_in_another(page, second_page, server: Server):
    page.goto(f"{server.url}/sunting_aksi")
    wait_ready(page)
    for n in range(throttle.ACCOUNT.free):  # localhost has no address: the account counts
        said = _try(page, EDITOR, f"tebakan-{n}")
        assert said.startswith("Nama pengguna atau kata sandi salah.")
    assert "Coba lagi pukul" in said
    # Another browser, its own session: the count is the server's, not the session's.
    second_page.goto(f"{server.url}/sunting_aksi")
    wait_ready(second_page)
    said = _try(second_page, EDITOR, PASSWORD)
    assert said.startswith("Terlalu banyak percobaan masuk yang gagal. Coba lagi pukul")
    assert second_page.get_by_text(f"Masuk sebagai penyunting {EDITOR}").count() == 0
    # Only that account waits; the other editor logs in at once.
    login(second_page, server, SECOND_EDITOR, SECOND_PASSWORD)
