"""The command line's import-plan, new-year and template: output, files and exit codes
(0 done, 1 failed and nothing written, 2 wrong arguments)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import plan_sources as ps
from zi_dash.cli import main
from zi_dash.workbook import load_plan

ROOT = Path(__file__).resolve().parent.parent


def test_a_word_file_becomes_a_dashboard_workbook_in_one_command(tmp_path: Path) -> None:
    source = ps.write(tmp_path, "SK Pekalongan.docx", ps.docx_pekalongan())
    out = tmp_path / "pekalongan.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "zi_dash", "import-plan", str(source), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "6 baris aksi dalam 4 area" in done.stdout
    assert f"Workbook ditulis: {out} (KPU Kota Pekalongan, 2024)" in done.stdout
    plan = load_plan(out)
    assert len(plan.actions) == 6 and plan.info.unit == "KPU Kota Pekalongan"


def test_options_name_the_satker_year_and_sheet(tmp_path: Path, capsys) -> None:
    source = ps.write(tmp_path, "ra.xlsx", ps.xlsx_area_column_merged())
    out = tmp_path / "ra_baru.xlsx"
    args = ["import-plan", str(source), "--out", str(out), "--satker", "KPU Kota Tegal",
            "--year", "2022", "--sheet", "RA ZI"]  # fmt: skip
    assert main(args) == 0
    plan = load_plan(out)
    assert (plan.info.unit, plan.info.year, len(plan.actions)) == ("KPU Kota Tegal", 2022, 70)
    assert "Target Waktu terbaca: 70 dari 70." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "data", "extra", "message"),
    [
        ("ra.csv", ps.csv_first_row_only(), [], "Satuan kerja tidak terbaca dari berkas: beri "
         'opsi --satker (contoh --satker "KPU Kota X")'),
        ("ra.csv", b"area;komponen;indikator;kegiatan;output;waktu\nI;T;I;L;B;Juni\n",
         ["--satker", "KPU X"], "beri opsi --year (contoh --year 2023); 1 target yang tidak "
         "menyebut tahunnya terbaca setelah itu."),
        ("a.docx", b"rusak", [], "bukan dokumen Word (.docx)."),
        ("a.txt", b"teks", [], "jenisnya harus .xlsx, .csv atau .docx"),
        ("ra.xlsx", ps.xlsx_area_column_merged(), ["--sheet", "Data"], 'Lembar "Data" tidak ada'),
        ("x.csv", b"NO;KOMPONEN;INDIKATOR\n1;a;b\n", [], "kolom Langkah Aksi tidak ditemukan; "
         "judul kolom yang terbaca: NO, KOMPONEN, INDIKATOR."),
    ],
)  # fmt: skip
def test_an_unreadable_source_writes_nothing(
    tmp_path: Path, capsys, name: str, data: bytes, extra: list[str], message: str
) -> None:
    source = ps.write(tmp_path, name, data)
    out = tmp_path / "baru.xlsx"
    assert main(["import-plan", str(source), "--out", str(out), *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Rencana tidak diimpor: ") and message in err
    assert not out.exists()


def test_a_plan_of_few_columns_says_what_fed_each_and_what_is_missing(
    tmp_path: Path, capsys
) -> None:
    data = (
        b"pilar;rencana_kerja;Produk Output;Target\n"
        b"Manajemen Perubahan;Rapat tim;Notula;Terbentuk tim kerja\n"
        b"Penguatan Pengawasan;Sosialisasi gratifikasi;Daftar hadir;Pegawai paham\n"
    )
    source = ps.write(tmp_path, "rencana.csv", data)
    out = tmp_path / "baru.xlsx"
    assert main(["import-plan", str(source), "--out", str(out), "--satker", "Kantor X",
                 "--year", "2024"]) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "Langkah Aksi ← “rencana_kerja”, Bukti Fisik ← “Produk Output”" in said
    assert "Target Keluaran ← “Target”" in said
    assert "Kolom Indikator tidak ada" in said and "Kolom Komponen tidak ada" in said
    assert "Aksi yang belum ada target waktu: I.1.1, V.1.1." in said
    plan = load_plan(out)
    assert list(plan.actions["Target Keluaran"]) == ["Terbentuk tim kerja", "Pegawai paham"]
    assert list(plan.evidence["Bukti"]) == ["Notula", "Daftar hadir"]


def _tahun_csv(*years: str) -> bytes:
    # A database export: LKE codes, the action, a numeric satker code and a tahun per row.
    lines = ["kode;rencana_aksi;satker;tahun"]
    lines += [f"A.1.I.i.;Rapat tim {n};3300;{y}" for n, y in enumerate(years, 1)]
    return "\n".join(lines).encode()


def _import_said(tmp_path: Path, capsys, data: bytes, extra: list[str], code: int, said: str):
    """import-plan of a csv for "Kantor X": its exit code, what it said, a file only on 0."""
    source = ps.write(tmp_path, "ekspor.csv", data)
    out = tmp_path / "baru.xlsx"
    args = ["import-plan", str(source), "--out", str(out), "--satker", "Kantor X", *extra]
    assert main(args) == code
    printed = capsys.readouterr()
    assert said in (printed.out if code == 0 else printed.err)
    assert out.exists() == (code == 0)
    return out


@pytest.mark.parametrize(
    ("years", "extra", "code", "said"),
    [
        # One year in the column: the plan's year, and the summary says where it came from.
        (("2024", "2024"), [], 0, "Tahun rencana 2024 dari kolom “tahun”."),
        (("2024", ""), [], 0, "Tahun rencana 2024 dari kolom “tahun”."),
        (("2024", "2024"), ["--year", "2024"], 0, "Workbook ditulis"),
        (("2024", "２０２４"), [], 0, "Tahun rencana 2024 dari kolom “tahun”."),  # full-width
        # The option disagreeing with the column: refused, naming both.
        (("2024", "2024"), ["--year", "2025"], 1, "Tahun rencana yang diisi (2025) tidak sama "
         "dengan kolom “tahun” berkas (2024)"),
        # Several years: refused naming each with its rows, whatever --year says.
        (("2024", "2025", "2024"), [], 1, "Kolom “tahun” memuat lebih dari satu tahun: "
         "2024 (I.1.1, I.1.3); 2025 (I.1.2)."),
        (("2024", "2025"), ["--year", "2024"], 1, "lebih dari satu tahun"),
        (("2024", "dua ribu"), [], 1, "Kolom “tahun” memuat isi yang bukan tahun "
         "(2000–2100): 'dua ribu' (I.1.2)."),
        (("2024", "2024²", "1999"), [], 1, "bukan tahun (2000–2100): '2024²' (I.1.2); '1999' "
         "(I.1.3)."),
        # Digits Python's int() refuses to read (over 4,300): refused, not a traceback.
        (("2024", "9" * 5000), [], 1, "memuat isi yang bukan tahun (2000–2100): '999"),
    ],
)  # fmt: skip
def test_a_tahun_column_gives_the_year_or_a_refusal_naming_the_years(
    tmp_path: Path, capsys, years: tuple[str, ...], extra: list[str], code: int, said: str
) -> None:
    out = _import_said(tmp_path, capsys, _tahun_csv(*years), extra, code, said)
    if code == 0:
        assert load_plan(out).info.year == 2024


def test_a_numeric_satker_column_is_no_satker_name(tmp_path: Path, capsys) -> None:
    source = ps.write(tmp_path, "ekspor.csv", _tahun_csv("2024"))
    out = tmp_path / "baru.xlsx"
    assert main(["import-plan", str(source), "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert "Satuan kerja tidak terbaca dari berkas" in printed.err
    # What was read is still shown, so the user adds only what is missing.
    assert "Tahun rencana 2024 dari kolom “tahun”." in printed.out and not out.exists()
    assert main(["import-plan", str(source), "--out", str(out), "--satker", "Kantor X"]) == 0
    assert load_plan(out).info.unit == "Kantor X"


def test_a_missing_source_and_an_existing_output(tmp_path: Path, capsys) -> None:
    out = tmp_path / "ada.xlsx"
    assert main(["import-plan", str(tmp_path / "tidak.docx"), "--out", str(out)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err and not out.exists()
    out.write_bytes(b"milik orang lain")
    source = ps.write(tmp_path, "b.xlsx", ps.xlsx_brebes())
    assert main(["import-plan", str(source), "--out", str(out)]) == 1
    assert "sudah ada dan tidak ditimpa" in capsys.readouterr().err
    assert out.read_bytes() == b"milik orang lain"
    assert main(["import-plan", str(source), "--out", str(out), "--timpa"]) == 0
    assert load_plan(out).info.unit == "KPU Kabupaten Brebes"
    assert main(["import-plan", str(source), "--out", str(source), "--timpa"]) == 1


def test_new_year_writes_a_new_file_and_never_the_old(
    tmp_path: Path, workbook_copy: Path, capsys
) -> None:
    before = hashlib.sha256(workbook_copy.read_bytes()).hexdigest()
    out = tmp_path / "rencana_2023.xlsx"
    assert main(["new-year", "--workbook", str(workbook_copy), "--year", "2023", "--out",
                 str(out)]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "Workbook 2023 ditulis" in printed and "Kontak yang belum" not in printed
    assert load_plan(out).info.year == 2023
    assert hashlib.sha256(workbook_copy.read_bytes()).hexdigest() == before
    same = ["new-year", "--workbook", str(workbook_copy), "--year", "2023", "--out",
            str(workbook_copy), "--timpa"]  # fmt: skip
    assert main(same) == 1
    assert "Workbook lama tidak pernah diubah" in capsys.readouterr().err
    assert hashlib.sha256(workbook_copy.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--year", "2022"], 1, "sudah untuk tahun 2022"),
        (["--workbook", "tidak.xlsx"], 1, "Workbook tidak dapat dibaca"),
    ],
)
def test_new_year_failures(
    tmp_path: Path, workbook_copy: Path, capsys, args: list[str], code: int, message: str
) -> None:
    out = tmp_path / "baru.xlsx"
    full = ["new-year", "--workbook", str(workbook_copy), "--year", "2023", "--out", str(out)]
    assert main(full + args) == code
    assert message in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["new-year", "--year", "dua ribu", "--out", "x.xlsx"],
        ["new-year", "--out", "x.xlsx"],
        ["import-plan", "--out", "x.xlsx"],
        ["import-plan", "a.docx", "--out", "x.xlsx", "--year", "1990"],
        ["template"],
    ],
)
def test_wrong_arguments_exit_2_in_indonesian(args: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert "galat:" in capsys.readouterr().err


def test_template(tmp_path: Path, capsys) -> None:
    out = tmp_path / "templat.xlsx"
    assert main(["template", "--out", str(out)]) == 0
    assert "Templat ditulis" in capsys.readouterr().out and out.stat().st_size > 0
    assert main(["template", "--out", str(out)]) == 1
    assert "sudah ada" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["template", "import-plan", "new-year"])
def test_a_read_only_output_folder_is_a_message_not_a_traceback(
    command: str, tmp_path: Path, real_workbook: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    source = ps.write(tmp_path, "sk.csv", ps.csv_first_row_only())
    out = tmp_path / "baru.xlsx"
    args = {
        "template": ["template", "--out", str(out)],
        "import-plan": ["import-plan", str(source), "--out", str(out), "--satker", "KPU Kota X"],
        "new-year": ["new-year", "--workbook", str(real_workbook), "--year", "2023", "--out",
                     str(out)],
    }[command]  # fmt: skip
    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # what a read-only folder does
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("Gagal") and "hanya-baca" in err and not out.exists()


@pytest.mark.parametrize(
    ("title", "extra", "code", "said"),
    [
        # The title and the column name two years: neither is taken silently.
        ("RENCANA AKSI ZI TAHUN 2023", [], 1, "Judul tabel menyebut tahun 2023, sedangkan "
         "kolom “tahun” berisi 2024: bila rencananya untuk tahun 2024, isi Tahun rencana 2024"),
        # The user's choice of the column's year settles it.
        ("RENCANA AKSI ZI TAHUN 2023", ["--year", "2024"], 0, "Workbook ditulis"),
        # A title that agrees, or states no year, leaves the column's year.
        ("RENCANA AKSI ZI TAHUN 2024", [], 0, "Tahun rencana 2024 dari kolom “tahun”."),
        ("RENCANA AKSI ZONA INTEGRITAS", [], 0, "Tahun rencana 2024 dari kolom “tahun”."),
    ],
)  # fmt: skip
def test_a_title_year_the_tahun_column_contradicts_is_refused(
    tmp_path: Path, capsys, title: str, extra: list[str], code: int, said: str
) -> None:
    data = (title + "\n").encode() + _tahun_csv("2024", "2024")
    _import_said(tmp_path, capsys, data, extra, code, said)


def test_new_year_says_which_unusable_contacts_it_carries_over(
    tmp_path: Path, workbook_copy: Path, capsys
) -> None:
    import openpyxl

    from zi_dash.base import contract as c

    book = openpyxl.load_workbook(workbook_copy)
    sheet = book[c.Sheet.CONTACTS]  # formatted empty rows below the header: the first is 2
    sheet["A2"], sheet["B2"], sheet["C2"] = "Sekretaris", "12345", "sek@kpu.go.id"
    book.save(workbook_copy)
    out = tmp_path / "rencana_2023.xlsx"
    assert main(["new-year", "--workbook", str(workbook_copy), "--year", "2023", "--out",
                 str(out)]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "Kontak yang belum dapat dipakai ikut ke tahun baru apa adanya:" in printed
    assert '- Sekretaris · Lembar "Kontak", baris 2, kolom "Nomor WA" (B2): "12345"' in printed
