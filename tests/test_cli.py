"""The command line: build-workbook, add-user, remove-user and export, their output and exit codes
(0 done, 1 failed, 2 wrong arguments, 3 made without chart images).

Most cases call zi_dash.cli.main in-process; a few run `python -m zi_dash` to prove the entry
point and that no failure ends in a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests import factory
from zi_dash.charts import catalogue, render
from zi_dash.cli import main
from zi_dash.edit import accounts

ROOT = Path(__file__).resolve().parent.parent
needs_browser = pytest.mark.skipif(not render.available(), reason="Chromium tidak terpasang")


def _python_m(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "zi_dash", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return _python_m("export", *args, env=env)


# build-workbook


def test_cli_builds_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sub" / "wb.xlsx"
    assert main(["build-workbook", "--out", str(out)]) == 0
    assert out.exists() and "Workbook ditulis" in capsys.readouterr().out


def test_cli_reports_a_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build-workbook", "--source", str(tmp_path / "nope.txt"), "--out", "x.xlsx"])
    assert code == 1
    assert "Gagal membangun workbook" in capsys.readouterr().err


# add-user and remove-user


def test_the_add_user_command(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    run = _python_m(
        "add-user", "ani", "--users", str(path), "--password-stdin", stdin="kata-sandi-ani\n"
    )
    assert run.returncode == 0, run.stderr
    assert accounts.verify(accounts.load_users(path), "ani", "kata-sandi-ani") == "ani"


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_add_user_reads_one_line_from_stdin(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "users.json"
    _stdin(monkeypatch, "sandi dengan spasi \nbaris kedua\n")
    assert main(["add-user", " Ani ", "--users", str(path), "--password-stdin"]) == 0
    assert capsys.readouterr().out == f'Penyunting "ani" disimpan di {path}\n'
    users = accounts.load_users(path)
    assert accounts.verify(users, "ani", "sandi dengan spasi ") == "ani"  # only the newline goes


def test_add_user_uses_zi_users_by_default(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "config" / "users.json"
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    _stdin(monkeypatch, "rahasia-123\n")
    assert main(["add-user", "budi", "--password-stdin"]) == 0
    assert list(accounts.load_users(path)) == ["budi"]
    assert str(path) in capsys.readouterr().out


def test_add_user_changes_a_password(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "sandi-lama-1")
    _stdin(monkeypatch, "sandi-baru-2\n")
    assert main(["add-user", "budi", "--users", str(path), "--password-stdin"]) == 0
    users = accounts.load_users(path)
    assert accounts.verify(users, "budi", "sandi-baru-2") == "budi"
    assert accounts.verify(users, "budi", "sandi-lama-1") is None


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("budi", "pendek\n", "Kata sandi paling sedikit 8 karakter."),
        ("budi santoso", "rahasia-123\n", "Nama pengguna 2–32 karakter"),
        ("b", "rahasia-123\n", "Nama pengguna 2–32 karakter"),
        ("budi", "", "Kata sandi paling sedikit 8 karakter."),  # stdin closed
    ],
)
def test_add_user_refuses_and_exits_1(tmp_path, monkeypatch, capsys, name, password, message):
    path = tmp_path / "users.json"
    _stdin(monkeypatch, password)
    assert main(["add-user", name, "--users", str(path), "--password-stdin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Gagal menambah pengguna: ") and message in err
    assert not path.exists()


@pytest.mark.parametrize(
    ("typed", "code", "saved"),
    [(["rahasia-123", "rahasia-123"], 0, True), (["rahasia-123", "rahasia-124"], 1, False)],
)
def test_add_user_asks_twice_without_stdin(tmp_path, monkeypatch, capsys, typed, code, saved):
    path = tmp_path / "users.json"
    prompts: list[str] = []
    answers = iter(typed)

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("zi_dash.cli.getpass.getpass", getpass)
    assert main(["add-user", "budi", "--users", str(path)]) == code
    assert prompts == ["Kata sandi: ", "Ulangi kata sandi: "]
    assert path.exists() is saved
    if not saved:
        assert capsys.readouterr().err == "Gagal menambah pengguna: Kedua kata sandi tidak sama.\n"


def test_add_user_with_a_role_and_list_the_users(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "users.json"
    _stdin(monkeypatch, "rahasia-123\n")
    args = ["add-user", "sari", "--peran", "penilai", "--users", str(path), "--password-stdin"]
    assert main(args) == 0
    assert capsys.readouterr().out == f'Penilai "sari" disimpan di {path}\n'
    _stdin(monkeypatch, "rahasia-456\n")
    assert main(["add-user", "budi", "--users", str(path), "--password-stdin"]) == 0
    capsys.readouterr()
    assert main(["users", "--users", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == "budi\tpenyunting\nsari\tpenilai\n"  # names and roles, never a hash
    assert "argon2" not in out


def test_add_user_refuses_an_unknown_role_with_exit_2(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "users.json"
    _stdin(monkeypatch, "rahasia-123\n")
    code = main(["add-user", "sari", "--peran", "admin", "--users", str(path), "--password-stdin"])
    assert code == 2
    assert capsys.readouterr().err == (
        'Gagal menambah pengguna: Peran "admin" tidak dikenal; pilih penyunting atau penilai.\n'
    )
    assert not path.exists()


def test_users_of_an_old_file_are_penyunting_and_none_is_said(tmp_path, capsys) -> None:
    path = tmp_path / "users.json"
    assert main(["users", "--users", str(path)]) == 0
    assert capsys.readouterr().out == f"Belum ada pengguna di {path}\n"
    path.write_text('{"users": {"budi": "$argon2id$v=19$rahasia"}}')  # made before roles
    assert main(["users", "--users", str(path)]) == 0
    assert capsys.readouterr().out == "budi\tpenyunting\n"
    path.write_text("{rusak")
    assert main(["users", "--users", str(path)]) == 1
    assert capsys.readouterr().err.startswith("Gagal membaca pengguna: ")


def test_remove_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    accounts.add_user(path, "ani", "rahasia-456")
    assert main(["remove-user", "BUDI", "--users", str(path)]) == 0
    assert capsys.readouterr().out == f'Penyunting "budi" dihapus dari {path}\n'
    assert list(accounts.load_users(path)) == ["ani"]
    assert main(["remove-user", "budi", "--users", str(path)]) == 1
    assert capsys.readouterr().err == f'Pengguna "budi" tidak ada di {path}\n'


@pytest.mark.parametrize("command", ["add-user", "remove-user"])
def test_a_damaged_users_file_is_said_in_indonesian(tmp_path, monkeypatch, capsys, command):
    path = tmp_path / "users.json"
    path.write_text('{"users": {"budi": "x",}}', encoding="utf-8")
    _stdin(monkeypatch, "rahasia-123\n")
    extra = ["--password-stdin"] if command == "add-user" else []
    assert main([command, "budi", "--users", str(path), *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Gagal") and "bukan JSON yang sah (baris 1, kolom 24)" in err
    assert "Expecting" not in err
    assert path.read_text(encoding="utf-8") == '{"users": {"budi": "x",}}'  # left as it was


# export


@needs_browser
def test_the_cli_exports_the_real_workbook(tmp_path: Path) -> None:
    run = _cli(
        "--workbook", "data/rencana_aksi.xlsx", "--out", str(tmp_path), "--as-of", "2022-06-30"
    )
    assert run.returncode == 0, run.stderr
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.*"))
    assert "grafik/07_linimasa_2022-06-30.png" in made
    assert "laporan_rencana_aksi_zi_2022-06-30.docx" in made
    assert "laporan_rencana_aksi_zi_2022-06-30.pdf" in made
    assert len(made) == 2 * len(catalogue.CHARTS) + 3


@pytest.mark.parametrize(
    ("args", "env", "code", "message"),
    [
        (("--workbook", "tidak-ada.xlsx"), None, 1, "tidak ditemukan"),
        (("--as-of", "30-06-2022"), None, 2, "YYYY-MM-DD"),
        (("--chart", "pai"), None, 2, "Grafik tidak dikenal"),
        (("--no-pdf",), {render.BROWSER_ENV: "/tidak/ada"}, 3, "tombol kamera"),
    ],
)
def test_the_cli_fails_clearly(tmp_path: Path, args, env, code, message) -> None:
    run = _cli("--out", str(tmp_path), *args, env=env)
    assert run.returncode == code and message in run.stderr
    assert "Traceback" not in run.stderr


@pytest.fixture
def mixed_path(tmp_path: Path) -> Path:
    return factory.mixed(tmp_path / "mixed.xlsx")


def test_export_without_a_browser_writes_the_report_and_tables_and_exits_3(
    tmp_path: Path, mixed_path: Path, no_browser, capsys
) -> None:
    out = tmp_path / "keluar"
    args = ["export", "--workbook", str(mixed_path), "--out", str(out), "--as-of", "2022-05-01"]
    assert main(args) == 3
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*"))
    assert made == [
        "laporan_rencana_aksi_zi_2022-05-01.docx",
        "tabel_rencana_aksi_zi_2022-05-01.xlsx",
    ]
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [str(out / name) for name in made]
    assert printed.err.startswith("Peringatan: Gambar grafik tidak dapat dibuat di server")


def test_export_limits_the_report_to_the_chosen_areas(
    tmp_path: Path, mixed_path: Path, no_browser
) -> None:
    args = ["export", "--workbook", str(mixed_path), "--out", str(tmp_path / "o")]
    assert main([*args, "--as-of", "2022-05-01", "--area", "I", "--area", "III"]) == 3
    document = docx.Document(tmp_path / "o" / "laporan_rencana_aksi_zi_2022-05-01.docx")
    texts = [p.text for p in document.paragraphs]
    (scope,) = [t for t in texts if t.startswith("Cakupan: ")]
    assert scope.endswith("I. Manajemen Perubahan, III. Penataan Sistem Manajemen SDM")


@pytest.mark.parametrize(
    ("workbook", "message"),
    [
        ("rusak.xlsx", "Workbook tidak dapat dibaca: "),  # not an xlsx at all
        ("tidak-ada.xlsx", "tidak ditemukan"),
    ],
)
def test_export_of_an_unreadable_workbook_exits_1(tmp_path, capsys, workbook, message) -> None:
    (tmp_path / "rusak.xlsx").write_text("bukan workbook")
    args = ["export", "--workbook", str(tmp_path / workbook), "--out", str(tmp_path / "o")]
    assert main(args) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_export_into_a_file_instead_of_a_folder_exits_1(
    tmp_path: Path, mixed_path: Path, no_browser, capsys
) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("")
    args = ["export", "--workbook", str(mixed_path), "--out", str(blocker), "--as-of", "2022-05-01"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"Gagal menulis ke {blocker}: sudah ada berkas bernama sama" in err
    assert "File exists" not in err  # the OS's English


def test_unknown_charts_are_refused_before_anything_is_read(tmp_path, capsys) -> None:
    args = ["export", "--workbook", str(tmp_path / "tidak-ada.xlsx"), "--out", str(tmp_path)]
    assert main([*args, "--chart", "kurva_s", "--chart", "pai", "--chart", "donat"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Grafik tidak dikenal: pai, donat. Pilihan: capaian_per_area, ")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "python -m zi_dash: galat: argumen berikut wajib diisi: command"),
        (["hapus-semua"], "galat: argumen command: pilihan tidak sah: 'hapus-semua'"),
        (["export"], "python -m zi_dash export: galat: argumen berikut wajib diisi: --out"),
        (
            ["export", "--out", "x", "--as-of", "2022-13-01"],
            "galat: argumen --as-of: tanggal '2022-13-01' harus berbentuk YYYY-MM-DD",
        ),
        (["export", "--out", "x", "--tidak"], "galat: argumen tidak dikenal: --tidak"),
        (["add-user"], "python -m zi_dash add-user: galat: argumen berikut wajib diisi: name"),
    ],
)
def test_wrong_arguments_exit_2_with_usage_in_indonesian(args: list[str], said: str, capsys):
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan: python -m zi_dash")
    assert said in err.splitlines()[-1]
