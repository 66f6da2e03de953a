"""The report's LKE section: the penilaian mandiri from the unit's answers, never the official one.

The figures are `analysis.assess` of the whole plan as of the date (whatever the report's
scope), the very numbers `lke-score --json` prints; a workbook without an LKE sheet says so.
Where the TPI has answered, the TPI's penilaian beside it (`analysis.tpi`, the numbers of
`lke-score --penilai tpi --json`): its total with the unreviewed count, the differences, the
top disagreements. Beside it the plan's coverage (`analysis.coverage`): never compared with
the minimums.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from zi_dash.analysis import Assessment, Coverage, coverage, rewind, tpi
from zi_dash.base import fmt, format_date
from zi_dash.lke import Verdict, bank
from zi_dash.workbook import Plan

SELF: Final = "Penilaian mandiri LKE (bukan nilai resmi)"
ABSENT: Final = "belum ada lembar LKE"
HEADERS: Final = ("Area", "Pemenuhan", "Reform", "Nilai", "Bobot", "Persen")
PROBLEMS_LISTED: Final = 10
TPI: Final = "Penilaian TPI (bukan nilai resmi)"
DISAGREEMENTS_LISTED: Final = 5


@dataclass(frozen=True)
class WithTpi(Assessment):
    """The self-assessment, and the TPI's layer beside it (None: the TPI answered nothing)."""

    tpi: tpi.Comparison | None = None


def assessment(plan: Plan, as_of: date) -> WithTpi:
    """The self-assessment of the whole plan as it stood on `as_of`, the TPI's beside it."""
    pair = tpi.compare(rewind(plan, as_of))
    reviewed = pair if tpi.reviewed_any(pair) else None
    return WithTpi(pair.unit.present, pair.unit.score, pair.unit.problems, reviewed)


def _tpi(found: Assessment) -> tpi.Comparison | None:
    return found.tpi if isinstance(found, WithTpi) and found.present else None


def headline(found: Assessment) -> list[tuple[str, str]]:
    """The headline's LKE lines: the total and predikat, labelled (the TPI's too), or no sheet."""
    if not found.present:
        return [(SELF, ABSENT)]
    s = found.score
    out = [(SELF, f"{fmt.number(s.total, 2)} dari 100: {s.predicate}")]
    pair = _tpi(found)
    if pair is not None:
        t = pair.tpi.score
        said = f"{fmt.number(t.total, 2)} dari 100: {t.predicate} ({tpi.unreviewed_text(pair)})"
        out.append((TPI, said))
    return out


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
    pair = _tpi(found)
    if pair is not None:
        out += tpi_lines(pair)
    listed = _problems(found)
    if listed:
        out.append(f"{len(listed)} masalah pada lembar LKE (jawaban yang tidak sesuai "
                   "barisnya dinilai belum dijawab):")  # fmt: skip
    return out


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + fmt.number(value, 2)


def tpi_lines(pair: tpi.Comparison) -> list[str]:
    """The TPI's penilaian in words: total, unreviewed, differences, the top disagreements."""
    t = pair.tpi.score
    diff = tpi.differences(pair)
    areas = ", ".join(f"{k} {_signed(d)}" for k, (_, _, d) in diff.items() if k in t.areas)
    out = [
        f"{TPI}: {fmt.number(t.total, 2)} dari 100, predikat {t.predicate}; "
        f"{tpi.unreviewed_text(pair)}. {tpi.RULE}",
        f"Selisih penilaian TPI − penilaian mandiri: total {_signed(diff['Total'][2])}, "
        f"pengungkit {_signed(diff['Pengungkit'][2])}, hasil {_signed(diff['Hasil'][2])}; "
        f"per area {areas}.",
    ]
    top = pair.disagreements[:DISAGREEMENTS_LISTED]
    if not top:
        return [*out, "Tidak ada perbedaan pada pertanyaan yang dijawab unit dan TPI."]
    named = "; ".join(
        f"[{p.baris}] {_signed(p.difference)} poin (unit {p.unit_answer}, TPI {p.tpi_answer}, "
        f"{p.review})"
        for p in top
    )
    more = len(pair.disagreements) - len(top)
    tail = f"; dan {more} lainnya" if more else ""
    return [*out, f"Perbedaan terbesar ({len(pair.disagreements)}): {named}{tail}."]


def _problems(found: Assessment) -> tuple[str, ...]:
    pair = _tpi(found)
    return found.problems + (pair.tpi.problems if pair is not None else ())


def problems(found: Assessment) -> Sequence[str]:
    """The located problems the section lists, the first PROBLEMS_LISTED and how many more."""
    listed = _problems(found)
    shown = list(listed[:PROBLEMS_LISTED])
    more = len(listed) - len(shown)
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
