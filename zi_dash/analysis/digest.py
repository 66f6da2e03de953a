"""The leaders' weekly digest: what changed since the last one, from a snapshot kept beside it.

A snapshot is plain JSON data (the IDs done, the IDs Terlambat, capaian per area, the evidence
items present) so the caller can keep it in the record beside the workbook; the digest
compares the plan now with the last snapshot taken.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from zi_dash.analysis.metrics import completion_by_area
from zi_dash.analysis.state import plan_states
from zi_dash.base import ActionCol, EvidenceCol, Status, format_date, number
from zi_dash.base import contract as c
from zi_dash.workbook import Plan


def snapshot(plan: Plan, as_of: date) -> dict[str, Any]:
    """The plan's figures the digest compares, as JSON-ready data."""
    a = plan.actions
    ids = [str(i) for i in a[ActionCol.ID].tolist()]
    states = plan_states(plan, as_of)
    ev = plan.evidence
    present = ev[EvidenceCol.STATUS].isin(c.EVIDENCE_PRESENT)
    areas = completion_by_area(plan)
    return {
        "tanggal": as_of.isoformat(),
        "selesai": [i for i, s in zip(ids, a[ActionCol.STATUS]) if s == Status.DONE],
        "terlambat": [i for i, s in zip(ids, states) if s.overdue],
        "progres_area": {
            str(area): float(value)
            for area, value in zip(areas[ActionCol.AREA], areas["completion"])
        },
        "nama_area": {str(k): str(v) for k, v in zip(areas[ActionCol.AREA], areas["area_name"])},
        "bukti_ada": [str(i) for i in ev.loc[present, EvidenceCol.ID]],
    }


def _list(title: str, ids: list[str]) -> list[str]:
    return [f"{title} ({len(ids)}): {', '.join(ids)}" if ids else f"{title}: tidak ada"]


def _ids(snap: Mapping[str, Any] | None, key: str) -> list[str]:
    value = (snap or {}).get(key, [])
    return [str(v) for v in value] if isinstance(value, list) else []


def digest_text(previous: Mapping[str, Any] | None, now: Mapping[str, Any], unit: str,
                base: str) -> str:  # fmt: skip
    """The digest as text (WhatsApp or e-mail): new since `previous`, or the state if none."""
    day = format_date(date.fromisoformat(str(now["tanggal"])))
    lines = [f"Ringkasan mingguan rencana aksi ZI {unit} per {day}."]
    if previous is None:
        lines.append("Ringkasan pertama: belum ada pembanding, angka di bawah keadaan saat ini.")
    else:
        try:
            since = format_date(date.fromisoformat(str(previous.get("tanggal"))))
        except ValueError:
            since = "ringkasan lalu"
        lines.append(f"Perubahan sejak ringkasan {since}.")
    before_done, before_late = set(_ids(previous, "selesai")), set(_ids(previous, "terlambat"))
    before_ev = set(_ids(previous, "bukti_ada"))
    lines.append("")
    lines += _list("Baru selesai", [i for i in now["selesai"] if i not in before_done])
    lines += _list("Baru terlambat", [i for i in now["terlambat"] if i not in before_late])
    lines += _list("Bukti dukung baru ada", [i for i in now["bukti_ada"] if i not in before_ev])
    lines += ["", "Capaian per area (rata-rata Progres):"]
    old = (previous or {}).get("progres_area", {})
    for area, value in now["progres_area"].items():
        name = now.get("nama_area", {}).get(area, "")
        change = ""
        if isinstance(old, dict) and isinstance(old.get(area), int | float):
            delta = value - float(old[area])
            change = f" ({'+' if delta >= 0 else '−'}{number(abs(delta))} poin)"
        lines.append(f"- {area} {name}: {number(value)} %{change}".replace("  ", " "))
    lines += ["", f"Terlambat saat ini: {len(now['terlambat'])} aksi.", f"Dasbor: {base}"]
    return "\n".join(lines)
