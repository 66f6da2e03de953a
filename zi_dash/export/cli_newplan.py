"""`import-plan`, `new-year` and `template`: a new workbook from another satker's table, from last
year's plan, or empty to fill by hand. Exit codes as the other commands: 0 done, 1 refused.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from zi_dash.base import DEFAULT_WORKBOOK, durable
from zi_dash.sk import SourceError


def _year(text: str) -> int:
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"tahun {text!r} harus angka 2000–2100")
    return int(text)


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _import_plan(args: argparse.Namespace) -> int:
    from zi_dash.newplan import BY_OPTION, OutputExistsError, read_intake, write_new

    if _same_file(args.source, args.out):
        print("Berkas tujuan tidak boleh sama dengan berkas sumber.", file=sys.stderr)
        return 1
    try:
        intake = read_intake(
            args.source.name,
            args.source.read_bytes(),
            unit=args.satker,
            year=args.year,
            sheet=args.sheet,
        )
        if intake.missing(BY_OPTION):
            # The table was read: what was read is shown before what the user still has to give.
            print("\n".join(intake.summary()))
        out = write_new(args.out, intake.workbook(BY_OPTION), overwrite=args.timpa)
    except FileNotFoundError:
        print(f'Berkas "{args.source}" tidak ditemukan.', file=sys.stderr)
        return 1
    except (SourceError, OutputExistsError) as exc:
        print(f"Rencana tidak diimpor: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Gagal membaca atau menulis berkas: {durable.why(exc)}", file=sys.stderr)
        return 1
    for line in intake.summary():
        print(line)
    print(f"Workbook ditulis: {out} ({intake.unit}, {intake.year})")
    return 0


def _new_year(args: argparse.Namespace) -> int:
    from zi_dash.analysis import contacts
    from zi_dash.newplan import OutputExistsError, next_year_bytes, write_new
    from zi_dash.workbook import WorkbookError, load_plan

    if _same_file(args.workbook, args.out):
        print("Workbook lama tidak pernah diubah: pilih berkas tujuan lain.", file=sys.stderr)
        return 1
    try:
        plan = load_plan(args.workbook)
        out = write_new(args.out, next_year_bytes(plan, args.year), overwrite=args.timpa)
    except WorkbookError as exc:
        print(f"Workbook tidak dapat dibaca: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OutputExistsError) as exc:
        print(f"Rencana tahun baru tidak dibuat: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Gagal menulis {args.out}: {durable.why(exc)}", file=sys.stderr)
        return 1
    print(f"Workbook {args.year} ditulis: {out} ({len(plan.actions)} aksi, dari {plan.year})")
    if carried := contacts.unusable(plan):  # carried over as typed: said, not silently
        print("Kontak yang belum dapat dipakai ikut ke tahun baru apa adanya:")
        print("\n".join(f"- {line}" for line in carried))
    return 0


def _template(args: argparse.Namespace) -> int:
    from zi_dash.newplan import OutputExistsError, template_bytes, write_new

    try:
        out = write_new(args.out, template_bytes(), overwrite=args.timpa)
    except OutputExistsError as exc:
        print(f"Templat tidak dibuat: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Gagal menulis {args.out}: {durable.why(exc)}", file=sys.stderr)
        return 1
    print(f"Templat ditulis: {out}")
    return 0


def commands(sub: argparse._SubParsersAction) -> dict[str, Callable[..., int]]:
    """import-plan, new-year and template: a plan of another satker, year or by hand."""
    timpa = {"action": "store_true", "help": "timpa berkas tujuan bila sudah ada"}
    imp = sub.add_parser(
        "import-plan", help="workbook baru dari tabel rencana aksi (.xlsx/.csv/.docx)"
    )
    imp.add_argument("source", type=Path, help="berkas tabel rencana aksi")
    imp.add_argument("--out", type=Path, required=True, help="berkas .xlsx baru")
    imp.add_argument("--satker", help='satuan kerja, contoh "KPU Kabupaten Brebes"')
    imp.add_argument("--year", type=_year, help="tahun rencana (bawaan: dari berkas)")
    imp.add_argument("--sheet", help="lembar berisi tabel (bawaan: yang terbaca)")
    imp.add_argument("--timpa", **timpa)
    new = sub.add_parser("new-year", help="bawa rencana ke tahun berikutnya (berkas baru)")
    new.add_argument("--workbook", type=Path, default=DEFAULT_WORKBOOK, help="workbook lama")
    new.add_argument("--year", type=_year, required=True, help="tahun rencana baru")
    new.add_argument("--out", type=Path, required=True, help="berkas .xlsx baru")
    new.add_argument("--timpa", **timpa)
    tpl = sub.add_parser("template", help="workbook kosong untuk diisi sendiri")
    tpl.add_argument("--out", type=Path, required=True, help="berkas .xlsx baru")
    tpl.add_argument("--timpa", **timpa)
    return {"import-plan": _import_plan, "new-year": _new_year, "template": _template}
