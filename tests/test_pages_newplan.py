"""The Rencana Baru page under AppTest: upload, preview, confirm, download; next year; template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import plan_sources as ps
from tests.markup import read, shown
from zi_dash import sk
from zi_dash.base import WORKBOOK_ENV
from zi_dash.edit import accounts
from zi_dash.newplan import intake
from zi_dash.ui import Key

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/rencana_baru.py"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _open(monkeypatch: pytest.MonkeyPatch, workbook: Path, user: str | None) -> AppTest:
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date(2022, 5, 1)  # inside the plan's year: no warning of it
    if user:
        at.session_state[Key.USER] = user
    return at.run().switch_page(PAGE).run()


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch, workbook_copy: Path) -> AppTest:
    return _open(monkeypatch, workbook_copy, "budi")


def test_a_viewer_reads_what_the_page_does_and_gets_the_login(
    monkeypatch: pytest.MonkeyPatch, workbook_copy: Path, tmp_path: Path
) -> None:
    users = tmp_path / "users.json"
    accounts.add_user(users, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(users))
    at = _open(monkeypatch, workbook_copy, None)
    assert not at.exception and at.title[0].value == "Rencana Baru"
    assert "dari tabel lampiran SK" in at.caption[0].value
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert not at.get("file_uploader") and not _downloads(at)  # nothing to upload or build
    at.text_input(key=Key.LOGIN_NAME).input("budi")
    at.text_input(key=Key.LOGIN_PASSWORD).input("rahasia-123")
    next(b for b in at.button if b.label == "Masuk").click().run()
    at.switch_page(PAGE).run()  # AppTest reruns on the default page; a browser stays
    assert len(at.get("file_uploader")) == 1 and len(_downloads(at)) == 2


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """Every read of an uploaded table: (file name, sheet)."""
    seen: list[tuple[str, str | None]] = []
    real = sk.read_source

    def counted(name: str, data: bytes, *, sheet: str | None = None):
        seen.append((name, sheet))
        return real(name, data, sheet=sheet)

    monkeypatch.setattr(sk, "read_source", counted)
    monkeypatch.setattr(intake, "read_source", counted)  # wherever the page reads it from
    return seen


def test_an_upload_is_read_once_not_on_every_rerun(page: AppTest, reads) -> None:
    page.file_uploader[0].set_value(("SK Pekalongan.docx", ps.docx_pekalongan(), DOCX)).run()
    page.text_input(key="newplan_unit").input("KPU Kota Pekalongan").run()
    page.number_input(key="newplan_year").set_value(2025).run()
    page.checkbox(key="newplan_confirm").check().run()
    page.run()
    assert not page.exception and reads == [("SK Pekalongan.docx", None)]
    assert page.info[0].value.startswith("**KPU Kota Pekalongan** · tahun 2025")
    page.text_input(key="newplan_sheet").input("Lampiran").run()  # another sheet: read again
    assert reads[1:] == [("SK Pekalongan.docx", "Lampiran")]
    page.file_uploader[0].set_value(("ra.csv", ps.csv_first_row_only(), "text/csv")).run()
    page.run()
    assert reads[2:] == [("ra.csv", "Lampiran")]  # a new file: read once


def test_a_refused_upload_is_not_read_again_either(page: AppTest, reads) -> None:
    page.file_uploader[0].set_value(("rusak.xlsx", b"PK\x03\x04", "application/zip")).run()
    page.text_input(key="newplan_unit").input("KPU Kota Tegal").run()
    page.run()
    assert reads == [("rusak.xlsx", None)]
    assert all("tidak ada berkas yang dibuat" in e.value for e in page.error)


def _downloads(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_the_page_offers_next_year_and_the_template(page: AppTest) -> None:
    assert not page.exception
    assert page.title[0].value == "Rencana Baru"
    assert _downloads(page) == ["Unduh rencana 2023 (.xlsx)", "Unduh templat (.xlsx)"]
    page.number_input(key="newplan_next").set_value(2022).run()
    assert "sudah untuk tahun 2022" in page.warning[0].value
    assert _downloads(page) == ["Unduh templat (.xlsx)"]


def test_a_word_table_is_previewed_then_confirmed(page: AppTest) -> None:
    page.file_uploader[0].set_value(("SK Pekalongan.docx", ps.docx_pekalongan(), DOCX)).run()
    assert not page.exception and not page.error
    info = shown(page.info[0].value)
    assert read(page.info[0].value).strong == ["KPU Kota Pekalongan"]
    assert info.startswith("KPU Kota Pekalongan · tahun 2024")
    assert "6 baris aksi dalam 4 area" in info and "Target Waktu terbaca: 6 dari 6." in info
    preview = page.dataframe[0].value
    assert list(preview.iloc[:, 0])[:2] == ["II.1.1", "II.1.2"]
    assert "Unduh workbook baru (.xlsx)" not in _downloads(page)  # not before confirming
    page.checkbox(key="newplan_confirm").check().run()
    assert _downloads(page)[0] == "Unduh workbook baru (.xlsx)"


def test_a_satker_missing_from_the_file_is_asked_for(page: AppTest) -> None:
    page.file_uploader[0].set_value(("ra.csv", ps.csv_first_row_only(), "text/csv")).run()
    assert "Satuan kerja tidak terbaca" in page.warning[0].value
    assert not any(c.key == "newplan_confirm" for c in page.checkbox)
    page.text_input(key="newplan_unit").input("KPU Kota Tegal").run()
    assert not page.warning and page.info[0].value.startswith("**KPU Kota Tegal** · tahun 2022")
    page.checkbox(key="newplan_confirm").check().run()
    assert _downloads(page)[0] == "Unduh workbook baru (.xlsx)"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tabel.pdf", b"%PDF-1.4", "jenisnya harus .xlsx, .csv atau .docx"),
        ("x.csv", b"NO;KOMPONEN\n1;a\n", "kolom Langkah Aksi tidak ditemukan; judul kolom yang"),
        ("rusak.xlsx", b"PK\x03\x04", "adalah workbook Excel (.xlsx) yang rusak: terpotong"),
    ],
)
def test_an_unreadable_upload_says_why_in_indonesian(
    page: AppTest, name: str, data: bytes, message: str
) -> None:
    page.file_uploader[0].set_value((name, data, "application/octet-stream")).run()
    assert not page.exception
    assert "tidak ada berkas yang dibuat" in page.error[0].value
    assert message in shown(page.error[0].value)
    assert _downloads(page) == ["Unduh rencana 2023 (.xlsx)", "Unduh templat (.xlsx)"]


def _big_csv(rows: int) -> bytes:
    lines = [f"I;Tim {n // 50};Ind {n};Langkah {n};Notulen;April Minggu ke 3" for n in range(rows)]
    return ("area;komponen;indikator;kegiatan;output;waktu\n" + "\n".join(lines)).encode()


def test_a_large_yearless_table_says_the_one_fix_first_and_reads_once(
    page: AppTest, reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    real = intake.parse_target
    monkeypatch.setattr(intake, "parse_target", lambda t, y=None: parsed.append(t) or real(t, y))
    page.file_uploader[0].set_value(("besar.csv", _big_csv(1_500), "text/csv")).run()
    assert not page.exception
    first = [shown(w.value) for w in page.warning]
    assert first[0] == "Satuan kerja tidak terbaca dari berkas: isi namanya (contoh KPU Kota X)."
    assert first[1] == (
        "Tahun rencana tidak terbaca dari berkas: isi tahunnya (contoh 2023); 1.500 target yang "
        "tidak menyebut tahunnya terbaca setelah itu."
    )
    notice = shown(page.info[0].value)
    assert "Target yang terbaca setelah tahun rencana diisi: 1.500 target, mis. I.1.1," in notice
    assert "tidak terbaca (diisi" not in notice and len(notice) < 800
    assert len(page.dataframe[0].value) == 1_000
    assert "Pratinjau 1.000 baris pertama dari 1.500; workbook memuat semuanya." in [
        c.value for c in page.caption
    ]
    read_once = len(parsed)
    page.text_input(key="newplan_unit").input("KPU Kota Tegal").run()
    page.run()
    assert len(parsed) == read_once and reads == [("besar.csv", None)]  # a name: nothing reread
    page.number_input(key="newplan_year").set_value(2023).run()
    assert reads == [("besar.csv", None)] and not page.warning  # the targets read, the file not
    assert "Target Waktu terbaca: 1.500 dari 1.500." in shown(page.info[0].value)


def test_a_year_the_tahun_column_contradicts_is_refused_naming_both(page: AppTest) -> None:
    table = b"area;kegiatan;tahun\nI;Membentuk tim;2025\nII;Menyusun SOP;2025\n"
    page.file_uploader[0].set_value(("ra.csv", table, "text/csv")).run()
    page.text_input(key="newplan_unit").input("KPU Kota Tegal").run()
    assert not page.error and "Tahun rencana 2025 dari kolom" in shown(page.info[0].value)
    page.number_input(key="newplan_year").set_value(2024).run()
    assert not page.exception
    # The table was read: the heading says it cannot be imported, not that it is unreadable.
    assert page.error[0].value.startswith("**Tabel tidak dapat diimpor; tidak ada berkas")
    assert "(2024)" in shown(page.error[0].value) and "(2025)" in shown(page.error[0].value)


def test_next_year_names_the_unusable_contacts_it_carries(
    monkeypatch: pytest.MonkeyPatch, workbook_copy: Path
) -> None:
    import openpyxl

    from zi_dash.base import contract as c

    book = openpyxl.load_workbook(workbook_copy)
    book[c.Sheet.CONTACTS]["A2"], book[c.Sheet.CONTACTS]["C2"] = "Sekretaris", "sek(at)kpu"
    book.save(workbook_copy)
    at = _open(monkeypatch, workbook_copy, "budi")
    assert not at.exception
    (said,) = [w.value for w in at.warning if "ikut ke tahun baru apa adanya" in w.value]
    assert "Sekretaris" in said and "(C2)" in shown(said)
