"""Who holds the workbook open: Excel's and LibreOffice's owner files, read only as far as they
plausibly name a person; and the refusal message that names them and the stale lock file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.factory import excel_owner_file
from zi_dash.workbook import preflight

NOBODY = preflight.UNKNOWN_USER
EXCEL, LIBRE = "~$rencana_aksi.xlsx", ".~lock.rencana_aksi.xlsx#"


@pytest.mark.parametrize(
    ("lock", "data", "expected"),
    [
        (EXCEL, excel_owner_file("Siti Rahayu"), "Siti Rahayu"),
        (EXCEL, excel_owner_file("Śiti"), "Śiti"),  # "?iti" in ANSI, right in UTF-16
        (EXCEL, excel_owner_file("Nguyễn Văn An"), "Nguyễn Văn An"),
        (EXCEL, excel_owner_file("O'Brien (Humas), s.kom@kpu"), "O'Brien (Humas), s.kom@kpu"),
        (EXCEL, excel_owner_file("budi_2"), "budi_2"),
        # The ANSI part alone, padded with spaces: UTF-16 over the padding reads "††††".
        (EXCEL, bytes([4]) + b"Budi".ljust(164, b" "), "Budi"),
        (EXCEL, bytes([4]) + b"Budi".ljust(53, b" "), "Budi"),
        # A UTF-16 part that is not a name falls back to the ANSI part.
        (EXCEL, bytes([4]) + b"Budi".ljust(53, b" ") + b"\x04\x00" + b"\x20" * 8, "Budi"),
        (EXCEL, bytes([4]) + b"Budi".ljust(53, b" ") + b"\x02\x00" + b"\x00\xd8" * 2, "Budi"),
        (EXCEL, b"\x86" * 165, NOBODY),
        (EXCEL, b"\x20" * 165, NOBODY),
        (EXCEL, random.Random(7).randbytes(165), NOBODY),
        (EXCEL, bytes(range(255, 90, -1)), NOBODY),
        (EXCEL, b"", NOBODY),
        (EXCEL, b"\x04Si", NOBODY),  # shorter than its own length byte
        (EXCEL, bytes([5]) + b"Bu\x07di".ljust(53, b" "), NOBODY),
        (EXCEL, excel_owner_file("1234"), NOBODY),  # no letter
        (EXCEL, excel_owner_file("Budi\\Admin"), NOBODY),
        (EXCEL, bytes([60]) + b"A" * 164, NOBODY),  # longer than the 53-byte ANSI field
        # LibreOffice writes "full name,system user,host,time,profile;"; the full name is
        # empty unless set under Tools > Options > User Data.
        (
            LIBRE,
            b",root,vm,02.12.2026 16:58,file:///root/.config/libreoffice/4;",
            "root (di komputer vm)",
        ),
        (
            LIBRE,
            b"Dewi Lestari,dewi,pc-umum,25.04.2022 10:00,file:///x;",
            "Dewi Lestari (di komputer pc-umum)",
        ),
        (
            LIBRE,
            b",dewi,PC-UMUM.kpu.local,25.04.2022 10:00,file:///x;",
            "dewi (di komputer PC-UMUM.kpu.local)",
        ),
        (LIBRE, b"Rahayu\\, Siti,siti,pc,25.04.2022 10:00,/x;", "Rahayu, Siti (di komputer pc)"),
        (LIBRE, "Łukasz Żak,lz,pc,25.04.2022 10:00,/x;\n".encode(), "Łukasz Żak (di komputer pc)"),
        (LIBRE, "††††,dewi,pc,25.04.2022 10:00,/x;".encode(), "dewi (di komputer pc)"),
        (LIBRE, b"Dewi,dewi,;", "Dewi"),  # no host: the person alone
        (LIBRE, b"Dewi", "Dewi"),  # a record cut off after its first field
        (LIBRE, b",,vm,02.12.2026 16:58,/x;", NOBODY),  # a computer is not a person
        (LIBRE, b"\x86" * 40, NOBODY),
        (LIBRE, b"\x00\x00\x00\x00", NOBODY),
        (LIBRE, b"", NOBODY),
        (LIBRE, b",,;", NOBODY),
    ],
)
def test_the_owner_named_by_a_lock_file(tmp_path: Path, lock: str, data: bytes, expected: str):
    workbook = tmp_path / "rencana_aksi.xlsx"
    workbook.write_bytes(b"PK")
    (tmp_path / lock).write_bytes(data)
    assert preflight.open_by(workbook) == (expected, tmp_path / lock)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Siti Rahayu ", "Siti Rahayu"),
        ("Śiti", "Śiti"),
        ("S\u0301iti", "Śiti"),  # decomposed accents are joined (NFC)
        ("محمد", "محمد"),
        ("x" * 54, "x" * 54),
        ("x" * 55, None),
        ("††††", None),
        ("Bu\ufffddi", None),
        ("Bu\tdi", None),
        ("<b>Budi</b>", None),
        ("Budi; rm -rf", None),
        ("12.345", None),
        ("", None),
    ],
)
def test_plausible_names(text: str, expected: str | None) -> None:
    assert preflight.plausible_name(text) == expected


def test_the_busy_message_says_who_what_and_how_to_clear_a_stale_lock(tmp_path: Path) -> None:
    workbook = tmp_path / "data" / "rencana_aksi.xlsx"
    lock = workbook.with_name(f"~${workbook.name}")
    message = preflight.busy_message(workbook, "Siti Rahayu", lock)
    for part in (
        '"rencana_aksi.xlsx" sedang dibuka oleh Siti Rahayu (di Excel atau LibreOffice)',
        "Tidak ada yang disimpan",
        "tidak tertimpa",
        "menutup berkas itu, lalu simpan lagi",
        "masih ada di layar dan dapat diunduh",
        "tertutup secara tidak wajar",
        f'berkas penanda "~$rencana_aksi.xlsx" yang tertinggal di folder "{tmp_path / "data"}"',
        "hanya dapat dihapus oleh pengelola server",
    ):
        assert part in message


def test_the_busy_message_names_the_folder_in_full(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    lock = Path("data") / ".~lock.rencana_aksi.xlsx#"
    message = preflight.busy_message(Path("data/rencana_aksi.xlsx"), NOBODY, lock)
    assert f'"{tmp_path / "data"}"' in message and "dibuka oleh seseorang" in message
