"""In Chromium: a wa.me link of the Pengingat page opens WhatsApp with the PIC's number and text.

There is no network here: the wa.me request is intercepted and answered by the test, which
reads the URL the browser asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.server import Server, serve
from tests.browser.tabs import set_as_of, shot, wait_ready
from tests.test_pages_pengingat import BASE, contacts_plan
from zi_dash.analysis import reminder_text, reminders
from zi_dash.base import BASE_URL_ENV
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
