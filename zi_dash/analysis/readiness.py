"""The province's readiness by the LKE sheets' penilaian mandiri: which units meet Menuju WBK or
WBBM, which are within 5 points of the total minimum, and what holds each back.

Only the units' own answers (never the official score, never the TPI's): the page, the `rekap`
command and the XLSX say so. A unit without an LKE sheet is listed as such, never scored 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pandas as pd

from zi_dash.analysis.rollup import UnitSummary
from zi_dash.analysis.unit_lke import NEAR_POINTS, NO_SHEET, UNREADABLE
from zi_dash.base import fmt

MET_WBBM: Final = "Memenuhi Menuju WBBM"
MET_WBK: Final = "Memenuhi Menuju WBK"
TOTAL_MET: Final = "Nilai total cukup, minimum lain belum"
NEAR: Final = f"Dalam {NEAR_POINTS:g} poin dari minimum total"
FAR: Final = "Belum memenuhi"
# The order of the list: the readiest first; a unit without a sheet last.
GROUPS: Final = (MET_WBBM, MET_WBK, TOTAL_MET, NEAR, FAR, UNREADABLE, NO_SHEET)
NEAR_MEANS: Final = (
    f"{NEAR}: belum memenuhi Menuju WBK dan totalnya di bawah minimum total, selisihnya "
    f"paling banyak {NEAR_POINTS:g} poin."
)
MANDIRI: Final = (
    "Kesiapan menurut penilaian mandiri (jawaban lembar LKE tiap satker), bukan nilai resmi "
    "LKE dan bukan nilai TPI."
)


class ReadyCol:
    """Columns of the readiness list."""

    UNIT: Final = "Satuan Kerja"
    YEAR: Final = "Tahun"
    FILE: Final = "Berkas"
    STATE: Final = "Kesiapan"
    TOTAL: Final = "Nilai Mandiri (dari 100)"
    PREDICATE: Final = "Predikat Mandiri"
    TPI: Final = "Nilai TPI"  # beside, never deciding the group: blank where nothing reviewed
    TARGET: Final = "Predikat Berikut"
    GAP: Final = "Kurang dari Minimum Total (poin)"
    HOLDS: Final = "Yang Menahan"


COLUMNS: Final = tuple(v for k, v in vars(ReadyCol).items() if k.isupper())


def state(s: UnitSummary) -> str:
    """The unit's group in the readiness list."""
    u = s.lke
    if u is None:
        return UNREADABLE if s.lke_error else NO_SHEET
    if not u.target:
        return MET_WBBM
    if u.target == "WBBM":  # WBK met: WBBM is what it works toward
        return MET_WBK
    if u.gap <= 0:
        return TOTAL_MET
    return NEAR if u.near else FAR


def readiness(summaries: Sequence[UnitSummary]) -> pd.DataFrame:
    """One row per readable file, readiest first (then the higher total, then the file)."""
    rows = []
    for s in summaries:
        if s.error:
            continue
        u = s.lke
        rows.append({
            ReadyCol.UNIT: s.unit, ReadyCol.YEAR: s.year, ReadyCol.FILE: s.file,
            ReadyCol.STATE: state(s),
            ReadyCol.TOTAL: None if u is None else round(u.total, 2),
            ReadyCol.PREDICATE: state(s) if u is None else u.predicate,
            ReadyCol.TPI: None if u is None or u.tpi is None else round(u.tpi, 2),
            ReadyCol.TARGET: "" if u is None else u.target,
            ReadyCol.GAP: round(u.gap, 2) if u is not None and u.target and u.gap > 0 else None,
            ReadyCol.HOLDS: s.lke_error if u is None else "; ".join(u.short),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    if frame.empty:
        return frame
    order = frame[ReadyCol.STATE].map(GROUPS.index)
    total = frame[ReadyCol.TOTAL].astype(float).fillna(-1.0)
    keys = pd.DataFrame({"g": order, "t": -total, "f": frame[ReadyCol.FILE]})
    frame = frame.loc[keys.sort_values(["g", "t", "f"]).index].reset_index(drop=True)
    frame[ReadyCol.YEAR] = frame[ReadyCol.YEAR].astype("Int64")
    return frame


def counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many units of the readiness list are in each group (every group, 0 included)."""
    found = frame[ReadyCol.STATE].value_counts() if len(frame) else pd.Series(dtype="int64")
    return {group: int(found.get(group, 0)) for group in GROUPS}


def lines(frame: pd.DataFrame) -> list[str]:
    """The readiness list as text lines (the `rekap` command's output)."""
    out = [MANDIRI]
    for group, count in counts(frame).items():
        out.append(f"{group}: {count} satker")
        for row in frame[frame[ReadyCol.STATE] == group].itertuples(index=False):
            unit, year, file, _, total, predicate, tpi, target, gap, holds = row
            score = "–" if pd.isna(total) else fmt.number(total, 2)
            reviewed = "–" if pd.isna(tpi) else fmt.number(tpi, 2)
            short = "" if pd.isna(gap) else f", kurang {fmt.number(gap, 2)} poin ke {target}"
            why = f" — {holds}" if holds else ""
            said = f"{score}, {predicate}{short}; TPI {reviewed}{why}"
            out.append(f"  {unit} {year} ({file}): {said}")
    return out
