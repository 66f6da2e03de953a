"""`lke-score --penilai tpi`: the unit's penilaian mandiri beside the TPI's penilaian.

The JSON object is the unit's (`lke_score.score_object`) with `tpi` beside it in the same shape,
the unreviewed count, `selisih` (TPI − unit) per area and part, and the disagreements sorted by
points at stake; numbers unrounded. The table says both labels and the rule (analysis.tpi.RULE):
neither is the official score.
"""

from __future__ import annotations

from typing import Final

from zi_dash.analysis import tpi
from zi_dash.base import fmt
from zi_dash.export.lke_score import SELF_ASSESSED, score_object
from zi_dash.lke import bank

TPI_ASSESSED: Final = "Penilaian TPI (Tim Penilai Internal; juga bukan nilai resmi KemenPANRB)"
PARTS: Final = {"Pengungkit": "pengungkit", "Hasil": "hasil", "Total": "total"}


def _key(name: str) -> str:
    return PARTS.get(name, name)


def pair_object(pair: tpi.QuestionPair) -> dict[str, object]:
    """One question in both layers as the JSON lists it."""
    return {
        "baris": pair.baris,
        "jawaban_unit": pair.unit_answer,
        "jawaban_tpi": pair.tpi_answer,
        "nilai_unit": pair.unit,
        "nilai_tpi": pair.tpi,
        "selisih": pair.difference,
        "status_telaah": pair.review,
        "catatan_tpi": pair.notes,
    }


def comparison_object(found: tpi.Comparison) -> dict[str, object]:
    """The unit's object, plus `tpi`, `belum_ditelaah`, `selisih` and `perbedaan`."""
    return {
        **score_object(found.unit),
        "tpi": score_object(found.tpi),
        "belum_ditelaah": found.unreviewed,
        "selisih": {
            _key(name): {"mandiri": unit, "tpi": layer, "selisih": gap}
            for name, (unit, layer, gap) in tpi.differences(found).items()
        },
        "perbedaan": [pair_object(p) for p in found.disagreements],
    }


def _n(value: float) -> str:
    return fmt.number(value, 2)


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + _n(value)


def _question(baris: int) -> str:
    row = bank().row(baris)
    return f"{row.area} {row.letter}. {row.text}".replace("  ", " ")


def comparison_table(found: tpi.Comparison) -> str:
    """Both layers per area and part, the verdicts, the rule, then the disagreements."""
    u, t = found.unit.score, found.tpi.score
    lines = [
        f"{SELF_ASSESSED} dan {TPI_ASSESSED}",
        tpi.RULE,
        "",
        "{:<10} {:>8} {:>8} {:>8}  {}".format("Area", "Mandiri", "TPI", "Selisih", "Nama"),
    ]
    for name, (unit, layer, gap) in tpi.differences(found).items():
        title = u.areas[name].name if name in u.areas else ""
        if name == "Pengungkit":
            lines.append("")
        lines.append(f"{name:<10} {_n(unit):>8} {_n(layer):>8} {_signed(gap):>8}  {title}")
    lines += [
        "",
        f"Nilai TPI {_n(t.total)} dari 100,00: {tpi.unreviewed_text(found)}.",
        f"Predikat: penilaian mandiri {u.predicate}; penilaian TPI {t.predicate}",
    ]
    for name, verdict in (("WBK", t.wbk), ("WBBM", t.wbbm)):
        if verdict.met:
            lines.append(f"Syarat {name} (penilaian TPI): memenuhi semua syarat minimal")
        else:
            lines.append(f"Syarat {name} (penilaian TPI): belum memenuhi")
            lines += [f"  - {why}" for why in verdict.short]
    lines += ["", f"Perbedaan jawaban unit dan TPI ({len(found.disagreements)}, terbesar dulu):"]
    if not found.disagreements:
        lines.append("  (tidak ada pada pertanyaan yang dijawab keduanya)")
    for p in found.disagreements:
        lines.append(
            f"  [{p.baris}] {_signed(p.difference)} poin: unit {p.unit_answer}, TPI "
            f"{p.tpi_answer} ({p.review}) {_question(p.baris)}"
        )
        if p.notes:
            lines.append(f"        Catatan TPI: {p.notes}")
    problems = [*found.unit.problems, *found.tpi.problems]
    if problems:
        lines += ["", f"Masalah ({len(problems)}):", *(f"  - {p}" for p in problems)]
    return "\n".join(lines)
