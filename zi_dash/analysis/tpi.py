"""Two scores side by side: the unit's penilaian mandiri and the TPI's penilaian (Jawaban TPI).

The rule, said wherever the figures are shown (RULE): the TPI layer is scored by the very
parser and scoring of the unit's answers; a question the TPI has not answered scores as
unanswered there, exactly as a blank of the unit's does, and the count of questions not yet
reviewed stands beside the TPI's total so that a low figure is not read as a cut. A
disagreement is a question (or hasil row) both layers answered whose points differ; the
unreviewed ones are counted, never listed as disagreements. Points are unrounded here.
Neither layer is the official score (KemenPANRB's).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from zi_dash import lke
from zi_dash.analysis.assessment import Assessment, answers_of, assess, assess_tpi
from zi_dash.base import LkeCol, fmt
from zi_dash.base import contract as c
from zi_dash.workbook import Plan

TOLERANCE: Final = 1e-9  # points that differ by less are the same points
RULE: Final = (
    "Jawaban TPI dinilai dengan aturan yang sama dengan jawaban unit; pertanyaan yang belum "
    "dijawab TPI dihitung belum dijawab (0) di penilaian TPI, sama seperti aturan jawaban unit. "
    "Karena itu jumlah pertanyaan yang belum ditelaah TPI ditulis di samping nilai TPI: nilai "
    "yang rendah belum tentu potongan. Perbedaan hanya didaftar untuk pertanyaan yang dijawab "
    "keduanya."
)


@dataclass(frozen=True)
class QuestionPair:
    """One question (or hasil row) in both layers: points, answers as shown, the TPI's review."""

    baris: int
    unit: float
    tpi: float
    unit_answered: bool
    tpi_answered: bool
    unit_answer: str
    tpi_answer: str
    review: str  # Status Telaah; a blank cell reads Belum Ditelaah
    notes: str  # Catatan TPI, as typed

    @property
    def difference(self) -> float:
        """TPI points minus the unit's (negative: the TPI gives less)."""
        return self.tpi - self.unit

    @property
    def disagrees(self) -> bool:
        """Both layers answered and their points differ."""
        return self.unit_answered and self.tpi_answered and abs(self.difference) > TOLERANCE


@dataclass(frozen=True)
class Comparison:
    """The unit's penilaian mandiri beside the TPI's penilaian, question by question."""

    unit: Assessment
    tpi: Assessment
    questions: tuple[QuestionPair, ...]  # bank order: the 110 questions, then the hasil rows
    unreviewed: int  # of the 110 questions, how many the TPI has not answered
    disagreements: tuple[QuestionPair, ...]  # largest |difference| first, ties by row

    @property
    def total_questions(self) -> int:
        """How many questions the unreviewed count is out of (110)."""
        return len(lke.bank().questions)


def _points(lke_bank: lke.Bank, found: lke.Score, baris: int) -> float:
    results = found.results()
    if baris in results:
        return results[baris]
    row = lke_bank.row(baris)
    if row.sub is None:
        return 0.0
    sub = lke_bank.row(row.sub)
    return (sub.weight or 0.0) * found.questions[baris].value / len(lke_bank.questions_of(row.sub))


def _shown(row: lke.Row, found: lke.Score, raw: object) -> tuple[str, bool]:
    """The answer as the page shows it ("B", "66,67 %", "") and whether it counts as answered."""
    if row.baris in found.questions:
        q = found.questions[row.baris]
        if row.type is lke.AnswerType.PERSEN:
            shown = f"{fmt.number(q.value * 100, 2)} %" if q.answered else ""
            return shown, q.answered
        return lke.parse_answer(row, raw).shown if q.answered else "", q.answered
    read = lke.parse_answer(row, raw)
    return (read.shown, True) if read.value is not None and not read.problem else ("", False)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _review(plan: Plan) -> dict[int, tuple[str, str]]:
    """(Status Telaah, Catatan TPI) by Baris; a blank status is Belum Ditelaah."""
    if plan.lke is None:
        return {}
    frame = plan.lke
    out: dict[int, tuple[str, str]] = {}
    cells = zip(
        frame[LkeCol.ROW].tolist(),
        frame[LkeCol.REVIEW].tolist(),
        frame[LkeCol.TPI_NOTES].tolist(),
        strict=True,
    )
    for text, status, notes in cells:
        if isinstance(text, str) and text.isdigit():
            out[int(text)] = (_text(status) or c.ReviewStatus.NOT_REVIEWED, _text(notes))
    return out


def pairs(
    unit: lke.Score,
    tpi: lke.Score,
    unit_raw: Mapping[int, object],
    tpi_raw: Mapping[int, object],
    review: Mapping[int, tuple[str, str]],
) -> tuple[QuestionPair, ...]:
    """Every question and hasil row in both layers (the pure core of `compare`)."""
    b = lke.bank()
    rows = [*b.questions, *(b.row(baris) for baris in unit.results())]
    out = []
    for row in rows:
        unit_shown, unit_answered = _shown(row, unit, unit_raw.get(row.baris))
        tpi_shown, tpi_answered = _shown(row, tpi, tpi_raw.get(row.baris))
        status, notes = review.get(row.baris, (c.ReviewStatus.NOT_REVIEWED, ""))
        out.append(
            QuestionPair(
                row.baris,
                _points(b, unit, row.baris),
                _points(b, tpi, row.baris),
                unit_answered,
                tpi_answered,
                unit_shown,
                tpi_shown,
                status,
                notes,
            )
        )
    return tuple(out)


def disagreements(questions: tuple[QuestionPair, ...]) -> tuple[QuestionPair, ...]:
    """The questions both answered whose points differ: most points at stake first, then row."""
    found = [q for q in questions if q.disagrees]
    return tuple(sorted(found, key=lambda q: (-abs(q.difference), q.baris)))


def compare(plan: Plan) -> Comparison:
    """The plan's two layers scored and compared (the saved sheet, no draft)."""
    unit, tpi = assess(plan), assess_tpi(plan)
    questions = pairs(
        unit.score,
        tpi.score,
        answers_of(plan),
        answers_of(plan, LkeCol.TPI_ANSWER),
        _review(plan),
    )
    asked = {r.baris for r in lke.bank().questions}
    unreviewed = sum(1 for q in questions if q.baris in asked and not q.tpi_answered)
    return Comparison(unit, tpi, questions, unreviewed, disagreements(questions))


def reviewed_any(found: Comparison) -> bool:
    """The TPI has answered at least one question or hasil row."""
    return any(q.tpi_answered for q in found.questions)


def unreviewed_text(found: Comparison) -> str:
    """ "12 dari 110 pertanyaan belum ditelaah TPI": said beside every TPI total."""
    return f"{found.unreviewed} dari {found.total_questions} pertanyaan belum ditelaah TPI"


def differences(found: Comparison) -> dict[str, tuple[float, float, float]]:
    """(unit, TPI, TPI − unit) per area I..VI, then Pengungkit, Hasil and Total."""
    u, t = found.unit.score, found.tpi.score
    out = {code: (u.areas[code].total, t.areas[code].total) for code in u.areas}
    out |= {
        "Pengungkit": (u.pengungkit, t.pengungkit),
        "Hasil": (u.hasil, t.hasil),
        "Total": (u.total, t.total),
    }
    return {k: (a, b, b - a) for k, (a, b) in out.items()}
