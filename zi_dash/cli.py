"""Command line: build the workbook, manage editor accounts, export charts and reports."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Final

from zi_dash import serve
from zi_dash.base import BASE_URL_ENV, DEFAULT_WORKBOOK, Role, durable
from zi_dash.export import cli_newplan
from zi_dash.sk import SOURCE, SourceError


def _build(args: argparse.Namespace) -> int:
    from zi_dash.sk import build_workbook

    try:
        out = build_workbook(args.out, args.source)
    except (OSError, SourceError) as exc:
        print(f"Gagal membangun workbook: {exc}", file=sys.stderr)
        return 1
    print(f"Workbook ditulis: {out}")
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise ValueError("Kedua kata sandi tidak sama.")
    return first


def _add_user(args: argparse.Namespace) -> int:
    from zi_dash.edit import accounts

    path = args.users or accounts.users_path()
    try:
        role = accounts.parse_role(args.peran)
    except accounts.AccountError as exc:  # a usage error, as argparse's own: exit 2
        print(f"Gagal menambah pengguna: {exc}", file=sys.stderr)
        return 2
    try:
        accounts.add_user(path, args.name, _password(args), role)
    except (ValueError, OSError) as exc:
        print(f"Gagal menambah pengguna: {exc}", file=sys.stderr)
        return 1
    print(f'{_ROLE_NAMES[role]} "{accounts.normal_name(args.name)}" disimpan di {path}')
    return 0


def _users(args: argparse.Namespace) -> int:
    from zi_dash.edit import accounts

    path = args.users or accounts.users_path()
    try:
        users, roles = accounts.load_users(path), accounts.load_roles(path)
    except accounts.AccountError as exc:
        print(f"Gagal membaca pengguna: {exc}", file=sys.stderr)
        return 1
    if not users:
        print(f"Belum ada pengguna di {path}")
        return 0
    for name in sorted(users):  # names and roles only: a hash is never shown
        print(f"{name}\t{accounts.role_of(roles, name).value}")
    return 0


def _remove_user(args: argparse.Namespace) -> int:
    from zi_dash.edit import accounts

    path = args.users or accounts.users_path()
    try:
        removed = accounts.remove_user(path, args.name)
    except accounts.AccountError as exc:  # a damaged or unwritable users file
        print(f"Gagal menghapus pengguna: {exc}", file=sys.stderr)
        return 1
    if not removed:
        print(f'Pengguna "{args.name}" tidak ada di {path}', file=sys.stderr)
        return 1
    print(f'Penyunting "{accounts.normal_name(args.name)}" dihapus dari {path}')
    return 0


_ROLE_NAMES: Final = {Role.EDITOR: "Penyunting", Role.ASSESSOR: "Penilai"}


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"tanggal {text!r} harus berbentuk YYYY-MM-DD") from exc


def _export(args: argparse.Namespace) -> int:
    from zi_dash.analysis import Filters
    from zi_dash.charts import catalogue, render
    from zi_dash.export import bundle
    from zi_dash.workbook import WorkbookError, load_tracked

    unknown = [k for k in args.chart or () if k not in catalogue.CHART_KEYS]
    if unknown:
        print(
            f"Grafik tidak dikenal: {', '.join(unknown)}. "
            f"Pilihan: {', '.join(catalogue.CHART_KEYS)}",
            file=sys.stderr,
        )
        return 2
    try:
        plan = load_tracked(args.workbook)
    except WorkbookError as exc:
        print(f"Workbook tidak dapat dibaca: {exc}", file=sys.stderr)
        return 1
    as_of = args.as_of or date.today()
    try:
        package = bundle.build_package(
            plan,
            as_of,
            Filters(areas=tuple(args.area or ())),
            tuple(args.chart or catalogue.CHART_KEYS),
            pdf=not args.no_pdf,
        )
    finally:
        render.RENDERER.stop()
    for warning in package.warnings:
        print(f"Peringatan: {warning}", file=sys.stderr)
    try:
        for name, data in package.files.items():
            target = args.out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(target)
    except OSError as exc:
        print(f"Gagal menulis ke {args.out}: {durable.why(exc)}", file=sys.stderr)
        return 1
    charts_made = any(name.endswith(".png") for name in package.files)
    return 0 if charts_made or not package.warnings else 3


def _lke(args: argparse.Namespace) -> int:
    from zi_dash.export import cli_lke

    return cli_lke.run(args)


def _remind(args: argparse.Namespace) -> int:
    from zi_dash.export import cli_remind

    return cli_remind.run(args)


def _rekap(args: argparse.Namespace) -> int:
    from zi_dash.base import processes, workbooks_in

    if args.out is None and not args.warm:
        print("Argumen --out wajib diisi (kecuali dengan --warm).", file=sys.stderr)
        return 2
    nice = getattr(os, "nice", None)  # not on Windows, where the warm runs at normal priority
    if args.warm and nice is not None:  # the server's background look: its pages come first
        with contextlib.suppress(OSError):
            nice(10)
    # The readers' fork server imports the roll-up (pandas: about a second) while this process
    # does the same: rollup.READER_MODULES, named before the import that would tell it.
    processes.start(("zi_dash.analysis.rollup",))
    from zi_dash.analysis import readiness, rollup
    from zi_dash.export import rollup as rekap

    if not args.folder.is_dir():
        print(f'Folder "{args.folder}" tidak ditemukan atau bukan folder.', file=sys.stderr)
        return 1
    paths = workbooks_in(args.folder)
    if not paths:
        print(f'Tidak ada workbook (.xlsx) di folder "{args.folder}".', file=sys.stderr)
        return 1
    as_of = args.as_of or date.today()
    if args.warm:
        print(f"{rollup.warm(paths, as_of)} berkas diringkas di {args.folder}")
        return 0
    summaries = rollup.read_all(paths, as_of)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(rekap.rekap_xlsx(summaries, as_of))
    except OSError as exc:
        print(f"Gagal menulis {args.out}: {durable.why(exc)}", file=sys.stderr)
        return 1
    unreadable = [s for s in summaries if s.error]
    for s in unreadable:
        print(f"Peringatan: {s.file} tidak dapat dibaca: {s.error}", file=sys.stderr)
    print(f"{args.out}: {len(summaries)} berkas, {len(unreadable)} tidak terbaca")
    print("\n".join(readiness.lines(readiness.readiness(summaries))))
    return 0


# argparse's own words, in Indonesian: the command line speaks the interface's language.
_ARGPARSE_ID: Final[dict[str, str]] = {
    "usage: ": "penggunaan: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "butuh satu nilai",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
}


def _indonesian(message: str) -> str:
    return _ARGPARSE_ID.get(message, message)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    argparse._ = _indonesian  # type: ignore[attr-defined]  # argparse looks its words up here
    # The same commands as `zi-dash …` (pyproject.toml's script) and as `python -m zi_dash …`.
    script = re.split(r"[\\/]", sys.argv[0])[-1].lower()  # ...\Scripts\zi-dash.exe on Windows
    prog = "zi-dash" if script.startswith("zi-dash") else "python -m zi_dash"
    parser = argparse.ArgumentParser(prog=prog, description="Alat dasbor ZI")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build-workbook", help="bangun workbook dari teks SK")
    build.add_argument("--source", type=Path, default=SOURCE, help="teks SK (lampiran)")
    build.add_argument("--out", type=Path, default=DEFAULT_WORKBOOK, help="berkas .xlsx tujuan")
    add = sub.add_parser("add-user", help="tambah penyunting atau ganti kata sandinya")
    add.add_argument("name", help="nama pengguna (huruf kecil, angka, . _ -)")
    add.add_argument("--users", type=Path, help="berkas pengguna (bawaan: $ZI_USERS)")
    add.add_argument(
        "--password-stdin", action="store_true", help="baca kata sandi dari stdin (untuk skrip)"
    )
    add.add_argument(
        "--peran",
        default=Role.EDITOR.value,
        help="penyunting (bawaan: rencana aksi, bukti, jawaban unit) atau penilai (TPI)",
    )
    users = sub.add_parser("users", help="daftar pengguna dan perannya (tanpa kata sandi)")
    users.add_argument("--users", type=Path, help="berkas pengguna (bawaan: $ZI_USERS)")
    exp = sub.add_parser("export", help="buat grafik (PNG, SVG), laporan (DOCX, PDF) dan tabel")
    exp.add_argument("--workbook", type=Path, default=DEFAULT_WORKBOOK, help="workbook .xlsx")
    exp.add_argument("--out", type=Path, required=True, help="folder tujuan")
    exp.add_argument("--as-of", type=_as_of, help="tanggal acuan YYYY-MM-DD (bawaan: hari ini)")
    exp.add_argument("--area", action="append", help="batasi ke area ini (boleh diulang)")
    exp.add_argument("--chart", action="append", help="hanya grafik ini (boleh diulang)")
    exp.add_argument("--no-pdf", action="store_true", help="tanpa laporan PDF")
    rek = sub.add_parser("rekap", help="rekap satu folder workbook satker ke satu .xlsx")
    rek.add_argument("--folder", type=Path, required=True, help="folder berisi workbook satker")
    rek.add_argument("--out", type=Path, help="berkas .xlsx tujuan (wajib tanpa --warm)")
    rek.add_argument("--as-of", type=_as_of, help="tanggal acuan YYYY-MM-DD (bawaan: hari ini)")
    rek.add_argument(
        "--warm", action="store_true", help="hanya simpan ringkasan tiap berkas di foldernya"
    )
    lke = sub.add_parser("lke-score", help="nilai penilaian mandiri LKE ZI dari lembar LKE")
    lke.add_argument("--workbook", type=Path, default=DEFAULT_WORKBOOK, help="workbook .xlsx")
    lke.add_argument("--as-of", type=_as_of, help="jawaban per tanggal YYYY-MM-DD (dari Riwayat)")
    lke.add_argument("--json", action="store_true", help="satu objek JSON (angka tanpa pembulatan)")
    lke.add_argument(
        "--penilai",
        choices=("tpi",),
        help="tpi: penilaian TPI (Jawaban TPI) di samping penilaian mandiri, dengan perbedaannya",
    )
    out = sub.add_parser("lke-export", help="LKE Excel resmi (lembar Jawaban dan Unit)")
    out.add_argument("--workbook", type=Path, default=DEFAULT_WORKBOOK, help="workbook .xlsx")
    out.add_argument("--out", type=Path, required=True, help="berkas .xlsx tujuan")
    imp = sub.add_parser("lke-import", help="baca LKE Excel yang terisi ke lembar LKE")
    imp.add_argument("--workbook", type=Path, default=DEFAULT_WORKBOOK, help="workbook .xlsx")
    imp.add_argument("--from", dest="source", type=Path, required=True, help="LKE Excel terisi")
    imp.add_argument("--dry-run", action="store_true", help="hanya tampilkan perubahannya")
    imp.add_argument("--user", help="nama di Riwayat (bawaan: nama login)")
    imp.add_argument("--users", type=Path, help="berkas pengguna, untuk peran (bawaan: $ZI_USERS)")
    rem = sub.add_parser(
        "remind",
        help=f"pengingat per penanggung jawab (e-mail dengan --send; tautan: ${BASE_URL_ENV})",
    )
    rem.add_argument("--workbook", type=Path, default=DEFAULT_WORKBOOK, help="workbook .xlsx")
    rem.add_argument("--as-of", type=_as_of, help="tanggal acuan YYYY-MM-DD (bawaan: hari ini)")
    rem.add_argument("--send", action="store_true", help="kirim e-mail (pengaturan $ZI_SMTP_*)")
    rem.add_argument("--dry-run", action="store_true", help="dengan --send: hanya tampilkan")
    rem.add_argument("--digest", action="store_true", help="ringkasan mingguan untuk pimpinan")
    rem.add_argument("--to", action="append", help="dengan --digest --send: alamat penerima")
    remove = sub.add_parser("remove-user", help="hapus penyunting")
    remove.add_argument("name")
    remove.add_argument("--users", type=Path, help="berkas pengguna (bawaan: $ZI_USERS)")
    newplan = cli_newplan.commands(sub)
    served = serve.commands(sub)
    args = parser.parse_args(argv)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        **newplan,
        **served,
        "build-workbook": _build,
        "add-user": _add_user,
        "remove-user": _remove_user,
        "users": _users,
        "export": _export,
        "rekap": _rekap,
        "lke-score": _lke,
        "lke-export": _lke,
        "lke-import": _lke,
        "remind": _remind,
    }
    return commands[args.command](args)
