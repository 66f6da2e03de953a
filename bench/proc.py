"""What /proc says of a process tree: its members, CPU seconds and peak memory (Linux)."""

from __future__ import annotations

import os
from pathlib import Path

CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """The process and its living descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            todo += [int(child) for child in task.read_text().split()]
    return found


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of the process tree, waited-for children included."""
    total = 0
    for each in tree(pid):
        try:
            stat = Path(f"/proc/{each}/stat").read_text()
        except OSError:  # a child that has just ended
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return total / CLOCK_TICK


def hwm_mb(pid: int | str = "self") -> float:
    """One process's peak resident memory (VmHWM) in MB; 0 when it has just ended."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1]) / 1024


def peak_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of the process tree, in MB."""
    return sum(hwm_mb(each) for each in tree(pid))
