"""The self-assessment as `lke-score` prints it: one JSON object, or the same as a readable table.

The numbers of the object are unrounded (what the page and the report round for display); the
table says *penilaian mandiri*: never the official LKE score.
"""

from __future__ import annotations

from zi_dash.analysis import Assessment
from zi_dash.base import fmt
from zi_dash.lke import Verdict, bank

# Said above every table: a plan's own answers are not the evaluators' score.
SELF_ASSESSED = "Penilaian mandiri LKE ZI (bukan nilai resmi TPI/KemenPANRB)"


def _verdict(verdict: Verdict) -> dict[str, object]:
    return {"memenuhi": verdict.met, "kurang": list(verdict.short)}


def score_object(assessment: Assessment) -> dict[str, object]:
    """The score as the JSON object of `lke-score --json`: the issue's keys, numbers unrounded."""
    s = assessment.score
    return {
        "pengungkit": s.pengungkit,
        "hasil": s.hasil,
        "total": s.total,
        "predikat": s.predicate,
        "area": {
            a.area: {
                "pemenuhan": a.fulfilment,
                "reform": a.reform,
                "nilai": a.total,
                "persen": a.percent,
            }
            for a in s.areas.values()
        },
        "subkomponen": {str(r.baris): s.subcomponents[r.baris] for r in bank().subcomponents},
        "wbk": _verdict(s.wbk),
        "wbbm": _verdict(s.wbbm),
        "masalah": list(assessment.problems),
    }


def _n(value: float) -> str:
    return fmt.number(value, 2)


def _verdict_lines(name: str, verdict: Verdict) -> list[str]:
    if verdict.met:
        return [f"{name}: memenuhi semua syarat minimal"]
    return [f"{name}: belum memenuhi", *(f"  - {why}" for why in verdict.short)]


def score_table(assessment: Assessment) -> str:
    """The same figures as `score_object`, as a table for people (numbers "28,00")."""
    s = assessment.score
    # Names last and whole: the bank's text is never cut to fit a column.
    head = ("Area", "Pemenuhan", "Reform", "Nilai", "Bobot", "%", "Nama")
    lines = [SELF_ASSESSED, "", "{:<4} {:>9} {:>7} {:>6} {:>6} {:>7}  {}".format(*head)]
    for a in s.areas.values():
        lines.append(
            f"{a.area:<4} {_n(a.fulfilment):>9} {_n(a.reform):>7} {_n(a.total):>6} "
            f"{_n(a.weight):>6} {_n(a.percent):>7}  {a.name}"
        )
    lines += [
        "",
        f"Pengungkit: {_n(s.pengungkit)} dari 60,00",
        f"Hasil:      {_n(s.hasil)} dari 40,00",
        f"Total:      {_n(s.total)} dari 100,00",
        f"Predikat (penilaian mandiri): {s.predicate}",
        "",
        *_verdict_lines("Syarat WBK", s.wbk),
        *_verdict_lines("Syarat WBBM", s.wbbm),
        "",
        "Nilai subkomponen (nilai / bobot):",
    ]
    for row in bank().subcomponents:
        figures = f"{_n(s.subcomponents[row.baris]):>5} / {_n(row.weight or 0):<5}"
        lines.append(f"  {f'[{row.baris}]':>5} {figures} {row.area} {row.part}: {row.sub_name}")
    if assessment.problems:
        lines += ["", f"Masalah ({len(assessment.problems)}):"]
        lines += [f"  - {p}" for p in assessment.problems]
    return "\n".join(lines)
