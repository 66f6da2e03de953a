"""In Chromium: a wa.me link of the Pengingat page opens WhatsApp with the PIC's number and text.

There is no network here: the wa.me request is intercepted and answered by the test, which
reads the URL the browser asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.grid import grid_ready, read_cell
from tests.browser.server import EDITOR, PASSWORD, Server, serve
from tests.browser.tabs import expect_rerun, set_as_of, shot, wait_ready
from tests.test_pages_pengingat import BASE, contacts_plan
from zi_dash.analysis import reminder_text, reminders
from zi_dash.base import BASE_URL_ENV, ActionCol
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def kontak_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("pengingat")
    workbook = contacts_plan(folder / "rencana_aksi.xlsx")
    with serve(workbook, folder, env={BASE_URL_ENV: BASE}) as running:
        yield running


def test_a_wa_link_opens_wa_me_with_the_number_and_the_message(page, kontak_server) -> None:
    asked: list[str] = []

    def answer(route) -> None:
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>wa</p>")

    page.context.route("https://wa.me/**", answer)
    page.goto(f"{kontak_server.url}/pengingat")
    wait_ready(page)
    set_as_of(page, "01", "05", "2022")
    page.get_by_text("Pesan per penanggung jawab").wait_for()
    wait_ready(page)
    page.get_by_text("Sekretaris ·").first.click()  # the PIC's expander
    link = page.get_by_role("link", name="Kirim lewat WhatsApp ke 0812-3456-7890")
    link.wait_for()
    shot(page, "pengingat")
    with page.context.expect_page() as opened:
        link.click()
    opened.value.wait_for_load_state()
    (url,) = [u for u in asked if "6281234567890" in u]
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("wa.me", "/6281234567890")
    found = {
        r.pic: r for r in reminders.reminders(load_plan(kontak_server.workbook), date(2022, 5, 1))
    }
    expected = reminder_text.pic_message(
        found["Sekretaris"], date(2022, 5, 1), load_plan(kontak_server.workbook).info.unit, BASE
    )
    assert parse_qs(parts.query)["text"] == [expected]


def test_a_reminders_link_opens_its_action_after_login(page, kontak_server) -> None:
    # A PIC taps the link in the message: not logged in yet, on another device. The link must
    # survive the login and show that action's row only.
    as_of = date(2022, 5, 1)
    plan = load_plan(kontak_server.workbook)
    found = {r.pic: r for r in reminders.reminders(plan, as_of)}
    text = reminder_text.pic_message(found["Kasubbag TP"], as_of, plan.info.unit, BASE)
    (link,) = [w for w in text.split() if w.startswith(f"{BASE}/sunting_aksi?")]
    assert link.endswith("aksi=I.1.2")
    page.goto(link.replace(BASE, kontak_server.url))
    wait_ready(page)
    page.get_by_label("Nama pengguna").fill(EDITOR)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    with expect_rerun(page):
        page.get_by_role("button", name="Masuk").click()
    page.get_by_text("Hanya baris aksi I.1.2, dari tautan pengingat.").wait_for()
    grid_ready(page)
    assert page.evaluate("() => window.__ziGrid.rowCount(0)") == 1
    assert read_cell(page, 0, ActionCol.ID) == "I.1.2"
    assert "aksi=I.1.2" in page.url
    shot(page, "pengingat_deeplink")
