"""In Chromium, as editors work: drafts that outlive the page, two editors at once, logout,
uploads that keep every link, and typed values kept or refused (issue: no lost keystroke)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.browser.grid import edit_cell, grid_ready, login, read_cell
from tests.browser.server import (
    EDITOR,
    PASSWORD,
    ROOT,
    SECOND_EDITOR,
    SECOND_PASSWORD,
    Server,
    serve,
)
from tests.browser.tabs import expect_rerun, shot, wait_ready
from zi_dash.base import ActionCol, EvidenceCol, LogCol, Sheet, Status
from zi_dash.workbook import load_plan, save_changes

pytestmark = pytest.mark.browser
II_2_1 = 6  # row of II.2.1 in the full grid (I.1.1, I.2.1, I.3.1, I.4.1, I.4.2, II.1.1, II.2.1)
DRIVE = "https://drive.google.com/drive/folders/bukti-I.1.1"


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Server]:
    """A server of its own on a copy of the committed workbook, with a few cells set first."""
    workbook = tmp_path / "rencana_aksi.xlsx"
    shutil.copyfile(ROOT / "data" / "rencana_aksi.xlsx", workbook)
    plan = load_plan(workbook)
    save_changes(
        workbook,
        {
            Sheet.ACTIONS: {"II.2.1": {ActionCol.STATUS: Status.IN_PROGRESS}},
            Sheet.EVIDENCE: {"I.1.1/1": {EvidenceCol.LINK: DRIVE}},
        },
        user="admin",
        base_version=plan.version,
    )
    with serve(workbook, tmp_path) as running:
        yield running


def _button(page, name: str):
    return page.get_by_role("button", name=name, exact=True)


def _review(page, row: int, column: str = "Nilai baru") -> str:
    """A cell of the review table (the page's second grid)."""
    return read_cell(page, row, column, grid=1)


def _go(page, link: str) -> None:
    with expect_rerun(page):
        page.get_by_role("link", name=link, exact=True).click()


def test_a_draft_survives_a_page_switch_back_forward_and_a_reload(page, fresh: Server) -> None:
    login(page, fresh)
    grid_ready(page)
    edit_cell(page, 1, ActionCol.NOTES, "catatan rapat 12 Mei")
    _button(page, "Simpan 1 perubahan").wait_for()
    _go(page, "Ringkasan")
    _go(page, "Sunting Aksi")
    grid_ready(page)
    _button(page, "Simpan 1 perubahan").wait_for()
    assert read_cell(page, 1, ActionCol.NOTES) == "catatan rapat 12 Mei"
    page.go_back()
    page.get_by_role("heading", name="Ringkasan Rencana Aksi Zona Integritas").wait_for()
    wait_ready(page)
    page.go_forward()
    page.get_by_role("heading", name="Sunting Rencana Aksi").wait_for()
    grid_ready(page)
    _button(page, "Simpan 1 perubahan").wait_for()
    page.reload()  # a new session: logged out, the draft waits on the server
    wait_ready(page)
    login(page, fresh)
    grid_ready(page)
    _button(page, "Simpan 1 perubahan").wait_for()
    assert _review(page, 0) == "catatan rapat 12 Mei"
    assert page.get_by_text("baru saja").count() or page.get_by_text("menit lalu").count()
    shot(page, "sunting_draf_setelah_muat_ulang")
    assert load_plan(fresh.workbook).history[LogCol.USER].tolist() == ["admin", "admin"]


def test_a_derived_change_is_a_conflict_not_an_overwrite(page, second_page, fresh: Server):
    # II.2.1 is Dalam Proses at 0 %. Budi and Ani open the grid.
    login(page, fresh, EDITOR, PASSWORD)
    grid_ready(page)
    login(second_page, fresh, SECOND_EDITOR, SECOND_PASSWORD)
    grid_ready(second_page)
    second_page.bring_to_front()
    edit_cell(second_page, II_2_1, ActionCol.STATUS, Status.NOT_STARTED)
    with expect_rerun(second_page):
        _button(second_page, "Simpan 1 perubahan").click()
    second_page.get_by_text("Tersimpan: 1 sel diubah oleh ani").wait_for()
    # Budi, without reloading, types 50 %: with Ani's Belum Mulai that cannot stand.
    page.bring_to_front()
    edit_cell(page, II_2_1, ActionCol.PROGRESS, "50")
    page.get_by_text("sel diubah orang lain sejak Anda mengetiknya").wait_for()
    # The two versions, each whole, and the two choices; the grid shows Budi's side.
    mine, theirs = "Versi Anda (draf)", "Versi terbaru di workbook"
    assert [[_review(page, r, col) for col in ("ID", "Kolom", mine, theirs)] for r in (0, 1)] == [
        ["II.2.1", ActionCol.STATUS, Status.IN_PROGRESS, Status.NOT_STARTED],
        ["II.2.1", ActionCol.PROGRESS, "50", "0"],
    ]
    assert read_cell(page, II_2_1, ActionCol.STATUS) == Status.IN_PROGRESS
    assert page.get_by_role("button", name="Simpan", exact=False).count() == 0
    assert _button(page, "Pakai nilai terbaru di workbook").is_enabled()
    shot(page, "sunting_bentrok")
    row = load_plan(fresh.workbook).actions.set_index(ActionCol.ID).loc["II.2.1"]
    assert (row[ActionCol.STATUS], row[ActionCol.PROGRESS]) == (Status.NOT_STARTED, 0)
    # He keeps his value knowingly: it saves, and the log says who changed what.
    with expect_rerun(page):
        _button(page, "Pakai nilai saya untuk yang bentrok").click()
    with expect_rerun(page):
        _button(page, "Simpan 2 perubahan").click()
    page.get_by_text("Tersimpan: 2 sel diubah oleh budi").wait_for()
    log = load_plan(fresh.workbook).history
    assert log[[LogCol.USER, LogCol.COLUMN, LogCol.NEW]].values.tolist()[-3:] == [
        ["ani", ActionCol.STATUS, Status.NOT_STARTED],
        ["budi", ActionCol.PROGRESS, "50"],
        ["budi", ActionCol.STATUS, Status.IN_PROGRESS],
    ]


def test_logout_asks_and_the_next_editor_never_sees_the_draft(page, fresh: Server) -> None:
    login(page, fresh, SECOND_EDITOR, SECOND_PASSWORD)
    grid_ready(page)
    edit_cell(page, 0, ActionCol.NOTES, "tulisan Ani")
    # The edit's run has drawn its review: the app is idle, a click now is not lost in a run.
    _button(page, "Simpan 1 perubahan").wait_for()
    wait_ready(page)
    sidebar = page.get_by_test_id("stSidebar")
    with expect_rerun(page):
        sidebar.get_by_role("button", name="Keluar").click()
    sidebar.get_by_text("1 perubahan yang belum disimpan").wait_for()
    with expect_rerun(page):
        sidebar.get_by_role("button", name="Keluar, simpan draf untuk nanti").click()
    login(page, fresh, EDITOR, PASSWORD)  # Budi on the same browser
    grid_ready(page)
    page.get_by_text("Belum ada perubahan").wait_for()
    assert _button(page, "Simpan 1 perubahan").count() == 0
    with expect_rerun(page):
        sidebar.get_by_role("button", name="Keluar").click()  # no draft: out at once
    login(page, fresh, SECOND_EDITOR, SECOND_PASSWORD)
    grid_ready(page)
    _button(page, "Simpan 1 perubahan").wait_for()
    assert _review(page, 0) == "tulisan Ani"
    assert load_plan(fresh.workbook).actions[ActionCol.NOTES].iloc[0] == ""


def test_uploads_add_lines_and_never_drop_a_link(page, fresh: Server, tmp_path: Path) -> None:
    login(page, fresh, path="sunting_bukti")
    grid_ready(page)
    for name in ("Notulen Rapat.pdf", "Daftar Hadir.pdf"):
        if not page.get_by_role("button", name="Unggah dan simpan").is_visible():
            page.get_by_text("Unggah berkas bukti").click()  # open the expander
        pdf = tmp_path / name
        pdf.write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(pdf))
        page.get_by_text(name).first.wait_for()
        with expect_rerun(page):
            _button(page, "Unggah dan simpan").click()
        page.get_by_text("Berkas tersimpan untuk I.1.1/1").first.wait_for()
        wait_ready(page)
    link = load_plan(fresh.workbook).evidence.set_index(EvidenceCol.ID).loc["I.1.1/1"]
    assert link[EvidenceCol.LINK].split("\n") == [
        DRIVE,
        "bukti/I.1.1/Notulen-Rapat.pdf",
        "bukti/I.1.1/Daftar-Hadir.pdf",
    ]
    _go(page, "Bukti")
    page.get_by_text("Berkas bukti yang diunggah (2)").wait_for()
    shot(page, "bukti_dua_berkas_satu_tautan")


def test_typed_numbers_are_kept_or_refused_and_good_rows_save(page, fresh: Server) -> None:
    login(page, fresh)
    grid_ready(page)
    edit_cell(page, 0, ActionCol.PROGRESS, "40,5")
    # The grid shows what the rule adds before anything is saved.
    assert read_cell(page, 0, ActionCol.STATUS) == Status.IN_PROGRESS
    assert read_cell(page, 0, ActionCol.PROGRESS) == "40,5"
    edit_cell(page, 1, ActionCol.PROGRESS, "150")
    edit_cell(page, 2, ActionCol.PROGRESS, "-5")
    page.get_by_text('I.2.1, kolom "Progres (%)": nilai 150 di luar rentang 0–100.').wait_for()
    page.get_by_text('I.3.1, kolom "Progres (%)": nilai -5 di luar rentang 0–100.').wait_for()
    assert _review(page, 0) == "40,5"
    assert _review(page, 2, "Keterangan").startswith("MASALAH")
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh draf (.xlsx)").click()
    rows = list(openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes())).active
                .iter_rows(min_row=2, values_only=True))  # fmt: skip
    assert {(r[1], r[4]) for r in rows} >= {("I.2.1", "150"), ("I.3.1", "-5")}
    shot(page, "sunting_nilai_ditolak")
    with expect_rerun(page):
        _button(page, "Simpan 2 perubahan").click()
    page.get_by_text("Tersimpan: 2 sel diubah oleh budi.").wait_for()
    actions = load_plan(fresh.workbook).actions.set_index(ActionCol.ID)
    assert actions.loc["I.1.1", ActionCol.PROGRESS] == 40.5
    assert actions.loc["I.2.1", ActionCol.PROGRESS] == 0  # refused, never clamped to 100
    wait_ready(page)
    assert _review(page, 0) == "150"  # the refused rows stay in the draft, on screen
