"""The report's LKE section: the penilaian mandiri from the unit's answers, never the official one.

The figures are `analysis.assess` of the whole plan as of the date (whatever the report's
scope), the very numbers `lke-score --json` prints; a workbook without an LKE sheet says so.
Beside it the plan's coverage (`analysis.coverage`): never compared with the minimums.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from zi_dash.analysis import Assessment, Coverage, assess, coverage, rewind
from zi_dash.base import fmt, format_date
from zi_dash.lke import Verdict, bank
from zi_dash.workbook import Plan

SELF: Final = "Penilaian mandiri LKE (bukan nilai resmi)"
ABSENT: Final = "belum ada lembar LKE"
HEADERS: Final = ("Area", "Pemenuhan", "Reform", "Nilai", "Bobot", "Persen")
PROBLEMS_LISTED: Final = 10


def assessment(plan: Plan, as_of: date) -> Assessment:
    """The self-assessment of the whole plan as it stood on `as_of`."""
    return assess(rewind(plan, as_of))


def headline(found: Assessment) -> list[tuple[str, str]]:
    """The headline's LKE line: the total and its predikat, labelled, or no sheet."""
    if not found.present:
        return [(SELF, ABSENT)]
    s = found.score
    return [(SELF, f"{fmt.number(s.total, 2)} dari 100: {s.predicate}")]


def area_value(found: Assessment, area: str) -> str:
    """One area's self-assessed score for the per-area table ("5,25 dari 8"), "–" without it."""
    scored = found.score.areas.get(area) if found.present else None
    if scored is None:
        return "–"
    return f"{fmt.number(scored.total, 2)} dari {fmt.number(scored.weight, 0)}"


def rows(found: Assessment) -> list[list[str]]:
    """Per area: Pemenuhan, Reform, Nilai, Bobot, Persen; then pengungkit, hasil and total."""
    s = found.score
    out = [
        [f"{a.area} · {a.name}", fmt.number(a.fulfilment, 2), fmt.number(a.reform, 2),
         fmt.number(a.total, 2), fmt.number(a.weight, 0), fmt.pct(a.percent, 1)]
        for a in s.areas.values()
    ]  # fmt: skip
    for label, value, weight in (("Pengungkit", s.pengungkit, 60), ("Hasil", s.hasil, 40),
                                 ("Total", s.total, 100)):  # fmt: skip
        out.append([label, "", "", fmt.number(value, 2), str(weight),
                    fmt.pct(value / weight * 100, 1)])  # fmt: skip
    return out


def _verdict(name: str, verdict: Verdict) -> str:
    if verdict.met:
        return f"{name}: memenuhi seluruh minimal."
    return f"{name}: belum memenuhi; " + "; ".join(verdict.short) + "."


def lines(found: Assessment, as_of: date) -> list[str]:
    """What the section says in words: the label, the verdicts, the problems (or no sheet)."""
    day = format_date(as_of)
    if not found.present:
        return [
            f"Workbook ini {ABSENT}: penilaian mandiri belum dapat dihitung per {day}. Lembar "
            "LKE dapat ditambahkan di halaman Penilaian Mandiri."
        ]
    s = found.score
    out = [
        f"Nilai dari jawaban unit di lembar LKE per {day}, dihitung seperti LKE ZI "
        "(PermenPANRB 90/2021): penilaian mandiri, bukan nilai resmi TPI atau KemenPANRB.",
        _verdict("Menuju WBK", s.wbk),
        _verdict("Menuju WBBM", s.wbbm),
    ]
    if found.problems:
        out.append(f"{len(found.problems)} masalah pada lembar LKE (jawaban yang tidak sesuai "
                   "barisnya dinilai belum dijawab):")  # fmt: skip
    return out


def problems(found: Assessment) -> Sequence[str]:
    """The located problems the section lists, the first PROBLEMS_LISTED and how many more."""
    shown = list(found.problems[:PROBLEMS_LISTED])
    more = len(found.problems) - len(shown)
    return [*shown, f"dan {more} masalah lain."] if more else shown


COVERED: Final = "Cakupan LKE oleh rencana aksi"
PROJECTED: Final = "Proyeksi bagian tercakup"


def plan_coverage(plan: Plan, as_of: date) -> Coverage:
    """The whole plan's coverage of the LKE as it stood on `as_of`."""
    return coverage.coverage(rewind(plan, as_of))


def coverage_headline(cov: Coverage) -> list[tuple[str, str]]:
    """The headline's coverage lines: what the plan covers, and the covered part's projection."""
    covered = fmt.number(cov.covered_weight, 2)
    return [
        (COVERED, f"{covered} dari {fmt.number(cov.total_weight, 0)} poin pengungkit"),
        (PROJECTED, f"{fmt.number(cov.projection, 2)} dari {covered}"),
    ]


def area_coverage(cov: Coverage, area: str) -> str:
    """One area's covered weight of its weight ("2,50 dari 8")."""
    covered, weight, _ = cov.areas.get(area, (0.0, 0.0, 0.0))
    return f"{fmt.number(covered, 2)} dari {fmt.number(weight, 0)}"


def coverage_lines(cov: Coverage) -> list[str]:
    """The coverage in words: what it is and is not, and the sub-components no action supports."""
    lke = bank()
    out = [
        f"Aksi rencana mendukung subkomponen LKE berbobot {fmt.number(cov.covered_weight, 2)} dari "
        f"{fmt.number(cov.total_weight, 0)} poin pengungkit; proyeksi bagian tercakup (bobot "
        f"tercakup × capaian aksinya) {fmt.number(cov.projection, 2)}. Ini bukan nilai LKE dan "
        "tidak dibandingkan dengan minimal predikat: bagian lain nilai datang dari jawaban LKE."
    ]
    if cov.uncovered:
        names = [f"[{b}] {lke.row(b).sub_name}" for b in cov.uncovered]
        out.append(f"Subkomponen tanpa aksi ({len(names)}): " + "; ".join(names) + ".")
    return out
