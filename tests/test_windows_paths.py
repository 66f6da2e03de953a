"""Names the dashboard makes from typed names hold on a Windows server (PureWindowsPath's rules).

Account names name the drafts files, upload names the evidence files, workbook names the drafts
folder and the lock: none may be a device (CON, NUL, ...), a folder step or a drive, and a name
typed in two cases is one file there.
"""

from __future__ import annotations

import errno
from pathlib import Path, PureWindowsPath

import pytest

from zi_dash.base import durable, windows_reserved
from zi_dash.edit import accounts, uploads
from zi_dash.edit.drafts import DraftStore
from zi_dash.workbook.save import lock_path

NAMES = [
    "con", "CON", "Con.json", "con.v2.pdf", "con .txt", "nul:stream", "aux", "prn.x", "com1",
    "COM9", "com¹", "lpt3.json", "conin$", "CONOUT$.log", "com0", "lpt10", ".con.lock", "console",
    "conan", "budi", "nul_", "berkas-CON.pdf", "",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_reserved_names_are_windows_own(name: str) -> None:
    assert windows_reserved(name) == PureWindowsPath(name or ".").is_reserved()


@pytest.mark.parametrize("name", ["con", "nul", "aux", "prn", "com1", "lpt9", "con.budi"])
def test_an_account_named_like_a_device_is_refused(tmp_path: Path, name: str) -> None:
    users = tmp_path / "users.json"
    with pytest.raises(accounts.AccountError, match="Windows memakai nama CON"):
        accounts.add_user(users, name, "rahasia-123")
    assert not users.exists()


def test_names_like_devices_but_not_devices_are_accounts(tmp_path: Path) -> None:
    users = tmp_path / "users.json"
    for name in ("conan", "com10", "nul-1", "budi.con"):
        accounts.add_user(users, name, "rahasia-123")
    assert set(accounts.load_users(users)) == {"conan", "com10", "nul-1", "budi.con"}


def test_a_name_typed_in_two_cases_is_one_account_and_one_drafts_file(tmp_path: Path) -> None:
    users = tmp_path / "users.json"
    accounts.add_user(users, "Budi", "rahasia-123")
    accounts.add_user(users, "BUDI", "rahasia-456")
    assert list(accounts.load_users(users)) == ["budi"]  # Windows would see one budi.json anyway


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("CON.pdf", "berkas-CON.pdf"),
        ("nul.PDF", "berkas-nul.pdf"),
        ("con.v2.pdf", "berkas-con.v2.pdf"),
        ("lpt1 .pdf", "berkas-lpt1.pdf"),
        ("laporan:final.pdf", "laporan-final.pdf"),
        ('a<b>c"d|e?f*.pdf', "a-b-c-d-e-f.pdf"),
        ("laporan. .pdf", "laporan.pdf"),  # Windows drops a name's trailing dots and spaces
        ("console.pdf", "console.pdf"),
    ],
)
def test_upload_names_are_plain_windows_file_names(typed: str, stored: str) -> None:
    name = uploads.safe_name(typed)
    assert name == stored
    windows = PureWindowsPath(name)
    assert not windows.is_reserved()
    assert windows.name == name and not windows.drive and len(windows.parts) == 1
    assert name == name.rstrip(". ")


@pytest.mark.parametrize("typed", [r"C:\bukti\a.pdf", r"..\a.pdf", r"\\server\share\a.pdf"])
def test_upload_names_with_windows_folders_or_drives_are_refused(typed: str) -> None:
    with pytest.raises(uploads.UploadError, match="tidak boleh berisi folder"):
        uploads.safe_name(typed)


def test_drafts_and_lock_sit_beside_a_windows_workbook() -> None:
    workbook = PureWindowsPath(r"D:\Data ZI\KPU Kota Tegal\Rencana Aksi 2024.xlsx")
    store = DraftStore(workbook)  # type: ignore[arg-type]  # a Path's operations only
    assert store.path("budi") == PureWindowsPath(
        r"D:\Data ZI\KPU Kota Tegal\.drafts\Rencana Aksi 2024.xlsx\budi.json"
    )
    assert lock_path(workbook) == workbook.with_name(".Rencana Aksi 2024.xlsx.lock")  # type: ignore[arg-type]
    assert not any(PureWindowsPath(p).is_reserved() for p in store.path("budi").parts[1:])


def _windows_error(winerror: int) -> PermissionError:
    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = winerror  # type: ignore[attr-defined]  # set by Windows only
    return exc


@pytest.mark.parametrize(
    ("winerror", "said"),
    [
        (32, "berkas sedang dibuka program lain (mungkin Excel)"),  # sharing violation
        (33, "sebagian berkas dikunci program lain (mungkin Excel)"),
        (206, "nama atau jalurnya terlalu panjang untuk Windows (lebih dari 260 karakter)"),
        (5, "tidak ada izin menulis (hanya-baca)"),  # access denied: errno's own reason
    ],
)
def test_windows_errors_are_said_in_indonesian(winerror: int, said: str) -> None:
    assert durable.reason(_windows_error(winerror)) == said


def test_a_save_over_a_workbook_excel_holds_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rencana_aksi.xlsx"
    target.write_bytes(b"lama")

    def refuse(self: Path, other: Path) -> None:
        raise _windows_error(32)

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(durable.WriteError) as caught:
        durable.atomic_write(target, b"baru")
    assert str(caught.value).count("Excel") == 1
    assert target.read_bytes() == b"lama"


def test_an_upload_whose_name_differs_only_in_case_gets_a_number_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows's file system "notulen.pdf" is "Notulen.pdf": O_EXCL refuses it, as here."""
    real = uploads._write_new

    def case_blind(target: Path, data: bytes) -> None:
        if any(p.name.casefold() == target.name.casefold() for p in target.parent.iterdir()):
            raise FileExistsError(target)
        real(target, data)

    monkeypatch.setattr(uploads, "_write_new", case_blind)
    workbook = tmp_path / "rencana_aksi.xlsx"
    pdf = b"%PDF-1.7\n" + b"0" * 100
    first = uploads.store(workbook, "III.3.2", "Notulen.pdf", pdf)
    second = uploads.store(workbook, "III.3.2", "notulen.pdf", pdf + b"2")
    assert (first, second) == ("bukti/III.3.2/Notulen.pdf", "bukti/III.3.2/notulen-2.pdf")
    assert (tmp_path / first).read_bytes() == pdf
