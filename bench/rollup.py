"""The Rekap Satker at scale: python -m bench.rollup [--units 35,550].

Folders of real 70-row workbooks (the SK's plan with each unit's own Info, statuses and
progress, and an LKE sheet with the unit's own answers and evidence links, every answer type
filled) are built once under bench/.cache. Prints a Markdown table: the Rekap page's first
load (AppTest, nothing cached) with the reader pool just started (a new server) and already
running (a new session), the `rekap` command with Python's start, a warm rerun, a rerun after
one file changed, read_all in the reader pool and in this process, and memory. The roll-up
keeps its summaries beside the workbooks (analysis.rollup_store): a new server reads only what
changed; the folder's first look ever, with no summary kept, is measured apart, and so is the
background `rekap --warm` a folder server starts with (it fills them before a user asks).
Goals (issues 14 and 21, 550 units): ≤ 2.5 s, ≤ 4 s, ≤ 0.2 s, ≤ 0.3 s, ≤ 500 MB.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import streamlit as st
from streamlit.testing.v1 import AppTest

from bench import synthetic
from zi_dash import lke
from zi_dash.analysis import rollup, rollup_store
from zi_dash.base import FOLDER_ENV, WORKBOOK_ENV, ActionCol, LkeCol, processes, workbooks_in
from zi_dash.base import contract as c
from zi_dash.sk import write_workbook
from zi_dash.ui import Key
from zi_dash.ui import rekap as ui_rekap

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2022, 6, 30)
CITIES = ("Tegal", "Semarang", "Surakarta", "Magelang", "Pekalongan", "Salatiga", "Brebes")


def unit_name(i: int) -> str:
    """A satker name per unit number: KPU Kota Tegal, KPU Kabupaten Brebes 12, ..."""
    kind = "Kota" if i % 3 else "Kabupaten"
    suffix = f" {i // len(CITIES)}" if i >= len(CITIES) else ""
    return f"KPU {kind} {CITIES[i % len(CITIES)]}{suffix}"


def _answer(row: lke.Row, rng: random.Random, care: float) -> object:
    """A unit's answer to one answerable row: the best choice with probability `care`."""
    kind = row.type
    if kind is None or not row.answerable:
        return None
    if kind.choices:
        return kind.choices[0] if rng.random() < care else rng.choice(kind.choices)
    if kind is lke.AnswerType.NILAI_0_4:
        return round(rng.uniform(4 * care - 0.6, 4), 2)
    return rng.randint(int(10 * care), 10)  # a Jumlah row: 10 or a bit fewer


def answer_lke(path: Path, seed: int) -> None:
    """Fill the workbook's LKE sheet: every answerable row, evidence links on most questions."""
    rng = random.Random(seed)
    care = rng.uniform(0.3, 0.95)  # from far from WBK to WBBM
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.LKE]
    heads = {cell.value: cell.column for cell in ws[1]}
    for (cell,) in ws.iter_rows(min_row=2, min_col=heads[LkeCol.ROW], max_col=heads[LkeCol.ROW]):
        row = lke.bank().row(int(cell.value))
        value = _answer(row, rng, care)
        if value is not None:
            ws.cell(cell.row, heads[LkeCol.ANSWER], value)
            if row.kind is lke.RowKind.QUESTION and rng.random() < care:
                ws.cell(cell.row, heads[LkeCol.LINKS], f"https://drive.example/{seed}/{row.baris}")
    book.save(path)


def folder(units: int) -> Path:
    """bench/.cache/satker_lke_<units>/: one 70-row workbook per unit, LKE answered, built once."""
    target = synthetic.CACHE / f"satker_lke_{units}"
    if len(workbooks_in(target)) == units:
        return target
    target.mkdir(parents=True, exist_ok=True)
    for i in range(units):
        actions, evidence = synthetic.plan_rows(70, seed=i)
        rng = random.Random(i)
        for row in actions:  # each unit at its own pace
            row[ActionCol.PROGRESS] = min(100, row[ActionCol.PROGRESS] * rng.uniform(0.3, 1.6))
            if row[ActionCol.PROGRESS] >= 100:
                row[ActionCol.PROGRESS], row[ActionCol.STATUS] = 100, "Selesai"
        year = 2022 if i % 10 else 2023
        path = target / f"rencana_aksi_{i:03d}.xlsx"
        write_workbook(path, actions, evidence, unit=unit_name(i), year=year)
        answer_lke(path, i)
    return target


def times_s(fn, runs: int) -> list[float]:
    """Wall times in seconds of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def median_s(fn, runs: int) -> float:
    """Median wall time in seconds."""
    return statistics.median(times_s(fn, runs))


def best_median(times: list[float]) -> str:
    """ "2.10 / 2.31 s": the best run (what the code costs) and the median (what a shared
    machine gave)."""
    return f"{min(times):.2f} / {statistics.median(times):.2f} s"


def page_times(path: Path) -> dict[str, Any]:
    """The Rekap page under AppTest: first load (nothing cached) with the reader pool not yet
    started (a new server) and started (a new session), warm rerun, one file changed."""
    os.environ[FOLDER_ENV] = str(path)
    os.environ.pop(WORKBOOK_ENV, None)
    never, cold, firsts = [], [], []
    for run in range(8):  # a new session each time, nothing cached in memory
        rollup.forget()
        ui_rekap.forget()  # the page's tables and charts, shared by sessions: a server's first
        st.cache_data.clear()  # and the picked unit's plan for the sidebar
        if run < 2:  # the folder's first look ever: no summary kept beside the workbooks
            (path / rollup_store.FILE_NAME).unlink(missing_ok=True)
        if run % 2 == 0:
            processes.stop()  # as in a server just started: the fork server imports anew
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state[Key.AS_OF] = AS_OF
        start = time.perf_counter()
        at.switch_page("pages/rekap.py").run()  # the first run is the Rekap page's
        (never if run < 2 else cold if run % 2 == 0 else firsts).append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"rekap: {at.exception[0].value}")
        assert at.title and at.title[0].value == "Rekap Satker", [t.value for t in at.title]
    warm = median_s(at.run, 5)
    changed = []
    victim = workbooks_in(path)[len(workbooks_in(path)) // 2]
    for _ in range(3):
        os.utime(victim)  # a save: new mtime, read again alone
        start = time.perf_counter()
        at.run()
        changed.append(time.perf_counter() - start)
    return {
        "never": never,
        "cold": cold,
        "first": firsts,
        "warm": warm,
        "changed": statistics.median(changed),
    }


def cli_time(path: Path) -> list[float]:
    """`python -m zi_dash rekap` of the folder, Python's start included, nothing cached."""
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "zi_dash", "rekap", "--folder", str(path),
                   "--out", f"{out}/rekap.xlsx", "--as-of", AS_OF.isoformat()]  # fmt: skip
        return times_s(lambda: subprocess.run(command, cwd=ROOT, check=True,
                                              capture_output=True), 3)  # fmt: skip


def warm_time(path: Path) -> list[float]:
    """`python -m zi_dash rekap --warm` of the folder with no kept summaries, Python's start
    included: what a folder server's background child takes before no page reads a file."""
    command = [sys.executable, "-m", "zi_dash", "rekap", "--folder", str(path), "--warm",
               "--as-of", AS_OF.isoformat()]  # fmt: skip

    def cold() -> None:
        (path / rollup_store.FILE_NAME).unlink(missing_ok=True)
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)

    return times_s(cold, 3)


def core_time(path: Path, in_process: bool) -> tuple[list[float], float]:
    """rollup.read_all of the folder, nothing cached, in the reader pool or in this process:
    seconds, and CPU ms per file (this process and its readers: what two free cores halve)."""
    paths = workbooks_in(path)

    def cpu() -> float:
        own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))  # fmt: skip
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    def cold() -> None:
        rollup.forget()
        (path / rollup_store.FILE_NAME).unlink(missing_ok=True)  # the readers' cost, not the file's
        rollup.read_all(paths, AS_OF, in_process)

    before = cpu()
    walls = times_s(cold, 3)
    return walls, (cpu() - before) / 3 / len(paths) * 1000


def main() -> None:
    """Build the folders, measure, print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.rollup")
    parser.add_argument("--units", default="35,550")
    sizes = [int(s) for s in parser.parse_args().units.split(",")]
    folders = {n: folder(n) for n in sizes}
    rows: dict[str, list[str]] = {}
    for path in folders.values():
        page = page_times(path)
        pooled, one = core_time(path, False), core_time(path, True)
        results = {
            "Rekap page, first look at the folder (no kept summaries, pool starts)": best_median(
                page["never"]
            ),
            "Rekap page, first load, new server (reader pool starts)": best_median(page["cold"]),
            "Rekap page, first load (AppTest, nothing cached)": best_median(page["first"]),
            "Rekap page, warm rerun": f"{page['warm'] * 1000:.0f} ms",
            "Rekap page, one file changed": f"{page['changed'] * 1000:.0f} ms",
            "`rekap` CLI incl. Python start": best_median(cli_time(path)),
            "`rekap --warm` (the server's background fill) incl. Python start": best_median(
                warm_time(path)
            ),
            f"read_all, reader pool of {processes.workers()} (core)": best_median(pooled[0]),
            "read_all, in this process (core)": best_median(one[0]),
            "CPU per file (read + summary)": f"{one[1]:.1f} ms",
        }
        for label, value in results.items():
            rows.setdefault(label, []).append(value)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"Rekap Satker, tanggal acuan {AS_OF}; {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}\n")  # fmt: skip
    print("Times: best / median of 3 runs (the machine is shared: the best is what the code "
          "costs, the median what it got).\n")  # fmt: skip
    print("| | " + " | ".join(f"{n} units" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for label, values in rows.items():
        print(f"| {label} | " + " | ".join(values) + " |")
    print(
        f"\nPeak memory: this process {own:.0f} MB (AppTest, Streamlit, every summary); "
        f"largest child {workers:.0f} MB (a reader process or the CLI)."
    )


if __name__ == "__main__":
    main()
