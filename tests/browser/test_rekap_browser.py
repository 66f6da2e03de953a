"""In Chromium, folder mode (ZI_FOLDER): the sidebar's satker picker, the Rekap Satker page with
an unreadable file and a duplicate, the click-through to a unit's own pages, and an edit saved
into the picked unit's file only."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.browser.grid import column_right, edit_cell, grid_ready, login, read_cell
from tests.browser.server import EDITOR, ROOT, Server, serve
from tests.browser.tabs import expect_rerun, shot, wait_ready
from tests.factory import action, make_workbook
from zi_dash.analysis.rollup import RekapCol
from zi_dash.base import FOLDER_ENV, ActionCol, Status
from zi_dash.edit import DraftStore
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def folder_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on a folder: Tegal (the SK), Brebes twice (a duplicate), a broken file."""
    base = tmp_path_factory.mktemp("folder")
    where = base / "zi"
    where.mkdir()
    shutil.copyfile(ROOT / "data" / "rencana_aksi.xlsx", where / "a_tegal.xlsx")
    brebes = [action("I.1.1", Status.DONE, 100), action("II.1.1", Status.IN_PROGRESS, 50)]
    make_workbook(where / "b_brebes.xlsx", brebes, unit="KPU Kabupaten Brebes")
    make_workbook(where / "c_brebes_salinan.xlsx", brebes, unit="KPU Kabupaten Brebes")
    (where / "d_rusak.xlsx").write_bytes(b"bukan workbook")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(FOLDER_ENV, str(where))  # serve() passes the environment on
        with serve(where / "a_tegal.xlsx", base) as running:
            yield running


def _sidebar_text(page) -> str:
    return page.get_by_test_id("stSidebar").inner_text()


def _metrics(page) -> dict[str, str]:
    values = {}
    for metric in page.get_by_test_id("stMetric").all():
        label = metric.get_by_test_id("stMetricLabel").inner_text().strip()
        values[label] = metric.get_by_test_id("stMetricValue").inner_text().strip()
    return values


def _choose(page, label: str, option: str, where=None) -> None:
    with expect_rerun(page):
        (where or page).get_by_role("combobox", name=label).click()
        page.get_by_role("option", name=option).click()


def test_picker_rekap_and_click_through(page, folder_server: Server) -> None:
    page.goto(folder_server.url)
    wait_ready(page)
    page.get_by_text("Ringkasan Rencana Aksi Zona Integritas").wait_for()
    assert "a_tegal.xlsx" in _sidebar_text(page)

    # The picker: another satker, its pages at once.
    _choose(page, "Satuan kerja", "KPU Kabupaten Brebes", page.get_by_test_id("stSidebar"))
    assert "b_brebes.xlsx" in _sidebar_text(page)
    assert _metrics(page)["Capaian"] == "75,0%"

    page.get_by_role("link", name="Rekap Satker").click()
    wait_ready(page)
    page.get_by_role("heading", name="Rekap Satker").wait_for()
    shown = _metrics(page)
    assert shown["Berkas terbaca"] == "3 dari 4" and shown["Duplikat satker+tahun"] == "2"
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
    assert page.get_by_test_id("stException").count() == 0
    shot(page, "rekap_satker")

    # Click-through: the duplicate Brebes file's own Ringkasan, the picker following.
    _choose(page, "Buka halaman satker", "KPU Kabupaten Brebes · 2022 (c_brebes_salinan.xlsx)")
    with expect_rerun(page):
        page.get_by_role("button", name="Buka Ringkasan").click()
    page.get_by_text("Ringkasan Rencana Aksi Zona Integritas").wait_for()
    sidebar = _sidebar_text(page)
    assert "c_brebes_salinan.xlsx" in sidebar and "KPU Kabupaten Brebes" in sidebar
    assert page.get_by_test_id("stException").count() == 0
    shot(page, "rekap_klik_ringkasan_brebes")


def test_an_edit_lands_in_the_picked_units_file(page, folder_server: Server) -> None:
    where = folder_server.workbook.parent
    before = {p.name: p.read_bytes() for p in where.glob("*.xlsx")}
    login(page, folder_server)
    sidebar = page.get_by_test_id("stSidebar")
    _choose(page, "Satuan kerja", "KPU Kabupaten Brebes", sidebar)
    _choose(page, "Tahun rencana", "2022 · c_brebes_salinan.xlsx", sidebar)
    grid_ready(page)
    assert "c_brebes_salinan.xlsx" in _sidebar_text(page)
    assert read_cell(page, 1, ActionCol.ID) == "II.1.1"
    edit_cell(page, 1, ActionCol.NOTES, "catatan salinan")
    assert DraftStore(where / "c_brebes_salinan.xlsx").load(EDITOR).count() == 1
    assert DraftStore(where / "b_brebes.xlsx").load(EDITOR).count() == 0
    with expect_rerun(page):
        page.get_by_role("button", name="Simpan 1 perubahan").click()
    page.get_by_text(f"Tersimpan: 1 sel diubah oleh {EDITOR}.").wait_for()
    row = load_plan(where / "c_brebes_salinan.xlsx").actions.set_index(ActionCol.ID).loc["II.1.1"]
    assert row[ActionCol.NOTES] == "catatan salinan"
    changed = {p.name for p in where.glob("*.xlsx") if p.read_bytes() != before[p.name]}
    assert changed == {"c_brebes_salinan.xlsx"}
    shot(page, "rekap_sunting_satker_terpilih")


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768)])
def test_the_flags_the_reason_and_the_toggle_fit_a_laptop_screen(
    page, folder_server: Server, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{folder_server.url}/rekap")
    wait_ready(page)
    page.get_by_role("heading", name="Rekap Satker").wait_for()
    grid_ready(page)
    # Measured where the grid draws them: each column ends inside the window, no sideways scroll.
    for column in (RekapCol.NOTE, RekapCol.DUPLICATE, RekapCol.STALE):
        assert column_right(page, column) <= width, column
    assert read_cell(page, 3, RekapCol.NOTE).startswith('Berkas "d_rusak.xlsx"')
    # The toggle's label is whole: no element of its text is clipped, and it ends in the window.
    toggle = page.get_by_test_id("stCheckbox").filter(has_text="Hanya yang perlu perhatian")
    cut = toggle.evaluate("""(el) => [...el.querySelectorAll('*')]
        .filter((e) => e.textContent.trim() && e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.textContent)""")
    assert cut == []
    box = toggle.get_by_text("Hanya yang perlu perhatian").bounding_box()
    assert box["x"] + box["width"] <= width
    shot(page, f"rekap_satker_{width}")


def test_the_unit_survives_a_reload_and_buka_ringkasan_keeps_the_date(
    page, folder_server: Server
) -> None:
    page.goto(folder_server.url)
    wait_ready(page)
    sidebar = page.get_by_test_id("stSidebar")
    _choose(page, "Satuan kerja", "KPU Kabupaten Brebes", sidebar)
    _choose(page, "Tahun rencana", "2022 · c_brebes_salinan.xlsx", sidebar)
    assert "berkas=c_brebes_salinan.xlsx" in page.url
    page.reload()  # a new session: only the address remembers the unit
    wait_ready(page)
    page.get_by_text("Ringkasan Rencana Aksi Zona Integritas").wait_for()
    assert "c_brebes_salinan.xlsx" in _sidebar_text(page)
    assert "a_tegal.xlsx" not in _sidebar_text(page)

    # The tanggal acuan set on Rekap goes with the click to a unit's Ringkasan.
    page.get_by_role("link", name="Rekap Satker").click()
    wait_ready(page)
    page.get_by_role("heading", name="Rekap Satker").wait_for()
    sidebar.get_by_role("spinbutton", name="day, Tanggal acuan").click()
    page.keyboard.type("30062022")
    page.get_by_role("heading").first.click()  # the value is sent when the field loses focus
    wait_ready(page)
    page.get_by_text("status per 30 Juni 2022").first.wait_for()
    _choose(page, "Buka halaman satker", "KPU Kabupaten Brebes · 2022 (b_brebes.xlsx)")
    with expect_rerun(page):
        page.get_by_role("button", name="Buka Ringkasan").click()
    page.get_by_text("Ringkasan Rencana Aksi Zona Integritas").wait_for()
    wait_ready(page)
    body = page.get_by_test_id("stMain").inner_text()
    assert "status per 30 Juni 2022" in body, body[:400]
    assert "b_brebes.xlsx" in _sidebar_text(page) and "berkas=b_brebes.xlsx" in page.url
    page.reload()
    wait_ready(page)
    page.get_by_text("Ringkasan Rencana Aksi Zona Integritas").wait_for()
    assert "b_brebes.xlsx" in _sidebar_text(page)
    shot(page, "rekap_alamat_satker_muat_ulang")


def test_an_unknown_unit_in_the_address_is_an_error_on_the_page(page, folder_server) -> None:
    page.goto(f"{folder_server.url}/?berkas=..%2F..%2Fetc%2Fpasswd")
    wait_ready(page)
    alert = page.get_by_test_id("stAlertContentError").first
    alert.wait_for()
    assert 'Berkas "../../etc/passwd" tidak ada di folder' in alert.inner_text()
    assert "Workbook:" not in _sidebar_text(page)  # no other unit shown in its place
    assert page.get_by_test_id("stException").count() == 0
    shot(page, "rekap_alamat_satker_asing")


def test_a_draft_in_another_unit_is_listed_and_its_link_opens_it(
    page, folder_server: Server
) -> None:
    where = folder_server.workbook.parent
    login(page, folder_server, path="sunting_aksi?berkas=b_brebes.xlsx")  # a bookmark
    sidebar = page.get_by_test_id("stSidebar")
    try:
        page.get_by_role("heading", name="Sunting Rencana Aksi · KPU Kabupaten Brebes").wait_for()
        grid_ready(page)
        edit_cell(page, 0, ActionCol.NOTES, "draf Brebes")
        assert DraftStore(where / "b_brebes.xlsx").load(EDITOR).count() == 1
        _choose(page, "Satuan kerja", "KPU Kota Tegal", sidebar)
        page.get_by_role("heading", name="Sunting Rencana Aksi · KPU Kota Tegal").wait_for()
        link = page.get_by_role("button", name="KPU Kabupaten Brebes · 2022 (b_brebes.xlsx)")
        link.wait_for()
        assert "1 perubahan" in link.inner_text()
        shot(page, "sunting_draf_di_satker_lain")
        with expect_rerun(page):
            link.click()
        page.get_by_role("heading", name="Sunting Rencana Aksi · KPU Kabupaten Brebes").wait_for()
        wait_ready(page)
        assert "b_brebes.xlsx" in _sidebar_text(page) and "berkas=b_brebes.xlsx" in page.url
        grid_ready(page)
        assert read_cell(page, 0, ActionCol.NOTES) == "draf Brebes"
    finally:
        DraftStore(where / "b_brebes.xlsx").clear(EDITOR)
