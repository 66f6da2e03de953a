"""Editor accounts (argon2 hashes outside the repo) and evidence uploads (names, size, type)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zi_dash import auth, uploads

ROOT = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.7\n" + b"0" * 100


def test_add_verify_and_remove_a_user(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "users.json"
    auth.add_user(path, " Budi ", "rahasia-123")
    stored = json.loads(path.read_text())["users"]["budi"]
    assert stored.startswith("$argon2id$") and "rahasia" not in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    users = auth.load_users(path)
    assert auth.verify(users, "BUDI", "rahasia-123") == "budi"
    assert auth.verify(users, "budi", "salah-sandi") is None
    assert auth.verify(users, "ani", "rahasia-123") is None
    assert auth.remove_user(path, "budi") and auth.load_users(path) == {}


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("b", "rahasia-123", "2–32"),
        ("budi santoso", "rahasia-123", "huruf kecil"),
        ("budi", "pendek", "8"),
    ],
)
def test_bad_accounts_are_refused(tmp_path: Path, name, password, message) -> None:
    with pytest.raises(auth.AccountError, match=message):
        auth.add_user(tmp_path / "users.json", name, password)


def test_a_damaged_users_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    path.write_text("{not json")
    with pytest.raises(auth.AccountError, match="tidak dapat dibaca"):
        auth.load_users(path)


def test_the_add_user_command(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "zi_dash",
            "add-user",
            "ani",
            "--users",
            str(path),
            "--password-stdin",
        ],
        input="kata-sandi-ani\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert auth.verify(auth.load_users(path), "ani", "kata-sandi-ani") == "ani"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SK Tim ZI (final).pdf", "SK-Tim-ZI-final.pdf"),
        ("Undangan Rapat.PDF", "Undangan-Rapat.pdf"),
        ("foto_kegiatan-1.jpeg", "foto_kegiatan-1.jpeg"),
        ("Notulen Évaluasi.docx", "Notulen-Evaluasi.docx"),
        ("---.pdf", "berkas.pdf"),
    ],
)
def test_names_are_made_safe(name: str, expected: str) -> None:
    assert uploads.safe_name(name) == expected


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("../../etc/passwd.pdf", PDF, "folder"),
        ("..\\app.py.pdf", PDF, "folder"),
        ("sub/dokumen.pdf", PDF, "folder"),
        ("skrip.py", b"print(1)", "tidak diterima"),
        ("halaman.html", b"<html>", "tidak diterima"),
        ("tanpa_ekstensi", PDF, "tanpa ekstensi"),
        ("palsu.pdf", b"MZ\x90\x00", "bukan berkas PDF"),
        ("kosong.pdf", b"", "kosong"),
        ("besar.pdf", b"%PDF-" + b"0" * (uploads.MAX_BYTES + 1), "paling besar"),
    ],
)
def test_bad_uploads_are_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(uploads.UploadError, match=message):
        uploads.store(tmp_path / "rencana_aksi.xlsx", "I.1.1", name, data)
    assert not (tmp_path / uploads.UPLOAD_DIR).exists() or not any(
        (tmp_path / uploads.UPLOAD_DIR).rglob("*.*")
    )


def test_uploads_are_stored_per_action_and_never_overwritten(tmp_path: Path) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    first = uploads.store(workbook, "III.3.2", "Notulen.pdf", PDF)
    second = uploads.store(workbook, "III.3.2", "Notulen.pdf", PDF + b"2")
    assert (first, second) == ("bukti/III.3.2/Notulen.pdf", "bukti/III.3.2/Notulen-2.pdf")
    assert (tmp_path / second).read_bytes() == PDF + b"2"
    assert (tmp_path / first).stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    "link",
    [
        "../rahasia.pdf",
        "bukti/../rahasia.pdf",
        "bukti/I.1.1/../../rahasia.pdf",
        "/etc/passwd",
        "https://drive.example/berkas.pdf",
        "bukti/I.1.1/tidak-ada.pdf",
        "bukti/I.1.1",
        "",
    ],
)
def test_only_uploaded_files_are_served(tmp_path: Path, link: str) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    (tmp_path / "rahasia.pdf").write_bytes(PDF)
    uploads.store(workbook, "I.1.1", "ada.pdf", PDF)
    assert uploads.local_file(workbook, link) is None


def test_an_uploaded_file_is_found_from_its_link(tmp_path: Path) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    link = uploads.store(workbook, "I.1.1", "ada.pdf", PDF)
    assert uploads.local_files(workbook, {"I.1.1/1": link, "I.1.1/2": "https://x"}) == {
        "I.1.1/1": tmp_path / "bukti" / "I.1.1" / "ada.pdf"
    }


def test_a_symlink_out_of_the_upload_folder_is_not_served(tmp_path: Path) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    (tmp_path / "rahasia.pdf").write_bytes(PDF)
    folder = tmp_path / "bukti" / "I.1.1"
    folder.mkdir(parents=True)
    (folder / "pintas.pdf").symlink_to(tmp_path / "rahasia.pdf")
    assert uploads.local_file(workbook, "bukti/I.1.1/pintas.pdf") is None
