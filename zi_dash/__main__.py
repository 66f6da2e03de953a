"""Command line: python -m zi_dash build-workbook [--out PATH]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zi_dash.config import DEFAULT_WORKBOOK
from zi_dash.sk import SOURCE, SourceError


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m zi_dash", description="Alat dasbor ZI")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build-workbook", help="bangun workbook dari teks SK")
    build.add_argument("--source", type=Path, default=SOURCE, help="teks SK (lampiran)")
    build.add_argument("--out", type=Path, default=DEFAULT_WORKBOOK, help="berkas .xlsx tujuan")
    args = parser.parse_args(argv)

    if args.command == "build-workbook":
        from zi_dash.build import build_workbook

        try:
            out = build_workbook(args.out, args.source)
        except (OSError, SourceError) as exc:
            print(f"Gagal membangun workbook: {exc}", file=sys.stderr)
            return 1
        print(f"Workbook ditulis: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
