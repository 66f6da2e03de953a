"""The worst files within the readers' bounds, and files beyond them: python -m bench.limits.

Each case runs in its own Python (peak memory is the process's): the committed workbook with
one sheet grown to a bound, read by load_plan; and files beyond the bounds, refused. Prints a
Markdown table: seconds and CPU seconds (best of 3) and the reading process's peak memory.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import proc
from tests import zipparts
from zi_dash.base import limits
from zi_dash.workbook import WorkbookError, load_plan

B = limits.BOUNDS
WIDE = B.cells // B.columns  # rows at the widest sheet that stays within the cells bound


def _log_rows(count: int) -> bytes:
    """Riwayat rows of real width (7 texts), from row 2: a change log grown over years."""
    cells = (
        '<c r="{c}{r}" t="inlineStr"><is><t>{v}</t></is></c>'.format(c=col, r="{r}", v=v)
        for col, v in zip(
            "ABCDEFG",
            (
                "15/04/2022 10:30",
                "budi",
                "Rencana Aksi",
                "III.3.2",
                "Status",
                "Belum Mulai",
                "Dalam Proses",
            ),
        )
    )
    template = "".join(cells)
    return "".join(
        f'<row r="{r}">{template.format(r=r)}</row>' for r in range(2, count + 2)
    ).encode()


def _grow(part: str, rows: bytes) -> bytes:
    return zipparts.with_part(
        part, lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>")
    )


CASES = {
    # Within the bounds: each must load.
    f"Riwayat {B.rows - 1:,} baris × 7 kolom (teks)": lambda: _grow(
        zipparts.LOG_PART, _log_rows(B.rows - 1)
    ),
    f"sel di baris {WIDE:,}, kolom ke-{B.columns} ({B.cells:,} sel)": lambda: _grow(
        zipparts.LOG_PART, f'<row r="{WIDE}"><c r="IV{WIDE}"><v>1</v></c></row>'.encode()
    ),
    f"sel di baris {B.rows:,}, kolom L ({B.rows * 12:,} sel)": lambda: _grow(
        zipparts.LOG_PART, f'<row r="{B.rows}"><c r="L{B.rows}"><v>1</v></c></row>'.encode()
    ),
    # Beyond: each must be refused.
    "sel di XFD1048576": lambda: _grow(
        zipparts.LOG_PART, b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    ),
    "sel di baris 20.000, kolom 200 (berkas dari isu 18)": lambda: _grow(
        zipparts.ACTIONS_PART, b'<row r="20000"><c r="GR20000"><v>1</v></c></row>'
    ),
    "bom zip: 120 MB nol di satu bagian": lambda: zipparts.pack(
        {**zipparts.parts(), "xl/media/nol.bin": b"\0" * (120 * limits.MB)}
    ),
}


def run_case(path: Path) -> None:
    """Read one case three times; print 'outcome seconds peak_mb' (this process's peak)."""
    best, cpu, outcome = float("inf"), float("inf"), ""
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            plan = load_plan(path)
            outcome = f"terbaca ({len(plan.history):,} baris Riwayat)"
        except WorkbookError as exc:
            outcome = "ditolak: " + str(exc).split(": ", 1)[-1][:70]
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    # VmHWM: this program's own peak (ru_maxrss may keep the parent's from before exec).
    peak = proc.hwm_mb()
    print(f"{outcome}\t{best:.2f}\t{cpu:.2f}\t{peak:.0f}")


def main() -> None:
    """Print the table; each case is built here and read in its own process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        run_case(args.read)
        return
    print("| Berkas | Hasil | Waktu (s) | CPU (s) | Memori puncak (MB) |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in CASES.items():
            path = Path(folder) / "rencana_aksi.xlsx"
            path.write_bytes(make())
            size = path.stat().st_size / 1024
            out = subprocess.run(
                [sys.executable, "-m", "bench.limits", "--read", str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            outcome, seconds, cpu, peak = out.rsplit("\n", 1)[-1].split("\t")
            print(f"| {name} ({size:,.0f} KB) | {outcome} | {seconds} | {cpu} | {peak} |")


if __name__ == "__main__":
    main()
