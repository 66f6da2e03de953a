"""Command line: build the workbook, manage editor accounts (and, later, export)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from zi_dash.config import DEFAULT_WORKBOOK
from zi_dash.sk import SOURCE, SourceError


def _build(args: argparse.Namespace) -> int:
    from zi_dash.build import build_workbook

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
    from zi_dash import auth

    path = args.users or auth.users_path()
    try:
        auth.add_user(path, args.name, _password(args))
    except (ValueError, OSError) as exc:
        print(f"Gagal menambah pengguna: {exc}", file=sys.stderr)
        return 1
    print(f'Penyunting "{auth.normal_name(args.name)}" disimpan di {path}')
    return 0


def _remove_user(args: argparse.Namespace) -> int:
    from zi_dash import auth

    path = args.users or auth.users_path()
    if not auth.remove_user(path, args.name):
        print(f'Pengguna "{args.name}" tidak ada di {path}', file=sys.stderr)
        return 1
    print(f'Penyunting "{auth.normal_name(args.name)}" dihapus dari {path}')
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m zi_dash", description="Alat dasbor ZI")
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
    remove = sub.add_parser("remove-user", help="hapus penyunting")
    remove.add_argument("name")
    remove.add_argument("--users", type=Path, help="berkas pengguna (bawaan: $ZI_USERS)")
    args = parser.parse_args(argv)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "build-workbook": _build,
        "add-user": _add_user,
        "remove-user": _remove_user,
    }
    return commands[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
