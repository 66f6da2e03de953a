"""`lke-score`, `lke-export` and `lke-import`: the self-assessment printed, the official LKE
Excel out of a workbook, and back into it.

Exit codes as the other commands: 0 done (or nothing to change), 1 no LKE sheet / a file that
cannot be read or does not match (nothing is changed), 2 a wrong argument (argparse's).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from zi_dash.analysis import assess, rewind, tpi
from zi_dash.base import Role, durable
from zi_dash.base import contract as c
from zi_dash.edit import accounts
from zi_dash.export import lke_score as score_text
from zi_dash.export import lke_tpi as tpi_text
from zi_dash.export.lke_excel import export_bytes
from zi_dash.export.lke_excel_read import MAX_BYTES, LkeFileError, read_lke_file
from zi_dash.export.lke_import import as_changes, compare
from zi_dash.workbook import Plan, WorkbookError, load_tracked, save_changes


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _plan(path: Path, *, keep_first_look: bool) -> Plan | None:
    try:
        plan = load_tracked(path, keep_first_look=keep_first_look)
    except WorkbookError as exc:
        _err(f"Workbook tidak dapat dibaca: {exc}")
        return None
    if not plan.has(c.Sheet.LKE):
        _err(
            f'Workbook {path} belum punya lembar "{c.Sheet.LKE}": tambahkan lewat halaman '
            "Penilaian Mandiri (satu klik, tercatat di Riwayat)."
        )
        return None
    return plan


def _score_text(plan: Plan, as_json: bool) -> str:
    assessment = assess(plan)
    if as_json:
        return json.dumps(score_text.score_object(assessment), ensure_ascii=False)
    return score_text.score_table(assessment)


def _tpi_text(plan: Plan, as_json: bool) -> str:
    found = tpi.compare(plan)
    if as_json:
        return json.dumps(tpi_text.comparison_object(found), ensure_ascii=False)
    return tpi_text.comparison_table(found)


def lke_score(args: argparse.Namespace) -> int:
    """Print the self-assessment (a table, or one JSON object with --json); --penilai tpi: the
    TPI's penilaian beside it."""
    # Only a look: a score asked for on the command line writes nothing beside the file.
    plan = _plan(args.workbook, keep_first_look=False)
    if plan is None:
        return 1
    then = rewind(plan, args.as_of) if args.as_of else plan
    text = _tpi_text(then, args.json) if args.penilai else _score_text(then, args.json)
    try:
        print(text, flush=True)
    except BrokenPipeError:  # `| head` read what it wanted; no traceback, no second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def lke_export(args: argparse.Namespace) -> int:
    """Write the workbook's LKE as the official LKE Excel to `args.out`."""
    plan = _plan(args.workbook, keep_first_look=False)
    if plan is None:
        return 1
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(export_bytes(plan))
    except OSError as exc:
        _err(f"Gagal menulis {args.out}: {durable.reason(exc)}")
        return 1
    print(f"LKE Excel ditulis: {args.out} (penilaian mandiri, bukan nilai resmi)")
    return 0


def _read(path: Path) -> bytes | None:
    try:
        if path.stat().st_size > MAX_BYTES:
            _err(f'Berkas "{path.name}" ditolak: lebih dari {MAX_BYTES // (1024 * 1024)} MB.')
            return None
        return path.read_bytes()
    except FileNotFoundError:
        _err(f'Berkas "{path}" tidak ditemukan.')
    except OSError as exc:
        _err(f'Berkas "{path}" tidak dapat dibaca: {durable.reason(exc)}')
    return None


def _user(typed: str | None) -> str:
    if typed is not None:
        return typed
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container's uid without an entry)
        return ""


def _role(args: argparse.Namespace, user: str) -> Role | None:
    """The user's role per the users file: a penilai imports the TPI's columns, else the unit's."""
    path = args.users or accounts.users_path()
    try:
        return accounts.role_of(accounts.load_roles(path), user)
    except accounts.AccountError as exc:
        _err(f"Peran pengguna tidak dapat dibaca: {exc}")
        return None


def lke_import(args: argparse.Namespace) -> int:
    """Show what a filled LKE Excel would change; apply it as one logged save unless --dry-run.

    One role per save: a penilai (per the users file) imports the TPI's columns, anyone else
    the unit's; the other layer's filled cells are named as not read.
    """
    user = _user(args.user)
    role = _role(args, user)
    data = _read(args.source) if role is not None else None
    if role is None or data is None:
        return 1
    try:
        file = read_lke_file(args.source.name, data)
    except LkeFileError as exc:
        _err(str(exc))
        return 1
    plan = _plan(args.workbook, keep_first_look=not args.dry_run)  # a dry run writes nothing
    if plan is None:
        return 1
    comparison = compare(plan, file, role)
    for note in comparison.notes:
        print(f"Catatan: {note}")
    if comparison.problems:
        _err(f'Berkas "{args.source.name}" tidak diimpor; tidak ada yang diubah:')
        for problem in comparison.problems:
            _err(f"- {problem}")
        return 1
    if not comparison.changes:
        print("Tidak ada yang berubah: isi berkas sama dengan workbook.")
        return 0
    for change in comparison.changes:
        print(change.describe())
    if args.dry_run:
        print(f"Uji coba: {len(comparison.changes)} sel akan berubah; tidak ada yang disimpan.")
        return 0
    try:
        result = save_changes(
            args.workbook, as_changes(comparison), user=user, base_version=plan.version, role=role
        )
    except WorkbookError as exc:
        _err(f"Perubahan tidak disimpan: {exc}")
        return 1
    print(
        f"Disimpan: {len(result.changes)} sel, tercatat di Riwayat atas nama {user} ({role.value})."
    )
    return 0


def run(args: argparse.Namespace) -> int:
    """The LKE command `args.command` names."""
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "lke-score": lke_score,
        "lke-export": lke_export,
        "lke-import": lke_import,
    }
    return commands[args.command](args)
