"""The LKE ZI score of a unit's answers, exactly as the LKE computes it (a self-assessment).

Rules decided once, here:
- Choice questions score their option's value (Ya 1 / Tidak 0; A/B/C 1, .5, 0; A/B/C/D 1, .67,
  .33, 0; A–E 1, .75, .5, .25, 0). Every cell is read with `parse_answer`; an answer that does not
  fit its row is a `Problem` (row and text; the caller adds sheet and cell) and scores as
  unanswered (value 0, answered False). A row the LKE does not have, or a cell that is not to be
  filled (a sub-component, a percentage row), is a problem too: nothing typed is ignored silently.
- Percentage questions come from their Jumlah rows (`Row.inputs`, the formula; details in
  `zi_dash.lke.percent`); the LKE clamps the ratio to 0..1, the raw ratio stays in
  `QuestionScore.ratio`. Answered only when every input of the formula is filled (partly filled:
  unanswered, not a problem). [151] (last year − this year) / last year: both 0 → 1, from 0 to
  some → 0 (ratio None), more breaches → 0 with the negative ratio kept. [168] done / to handle:
  both 0 → 1, more done → 1 with the ratio kept. [174], [181] filed / obliged: more filed than
  obliged is a problem (on the "filed" row) and unanswered; nobody obliged is undefined. Any
  other x / 0: ratio None, unanswered.
- A sub-component scores weight × mean of its questions (an unanswered one counts 0 and stays in
  the denominator); [172] carries no questions and is [173] + [180]. An area is Pemenuhan +
  Reform; its percent is total / weight × 100; pengungkit is the sum of the areas (max 60).
- Hasil: IPAK [199] value / 4 × 17.5, capaian kinerja [200] its A–E value × 5, IPKP [202]
  value / 4 × 17.5 (max 40). Total = pengungkit + hasil. Nothing is rounded here.
- Verdicts (`zi_dash.lke.verdict`) check every minimum of `bank().thresholds`: total,
  pengungkit, each area's %, birokrasi bersih (IPAK + capaian points), IPAK, capaian, pelayanan
  prima (IPKP points) and the predicate held (WBBM needs WBK or WBBM held; an unknown value is
  named). Unrounded, with a 1e-9 tolerance: a minimum met exactly counts as met. Each failing one
  is one Indonesian text with its numbers. The predicate is "WBBM" when its verdict is met, else
  "WBK" when met, else "Belum WBK".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zi_dash.base import contract as c
from zi_dash.lke.answers import Parsed, parse_answer
from zi_dash.lke.bank import AnswerType, Bank, Row, bank
from zi_dash.lke.percent import percent
from zi_dash.lke.verdict import Figures, Verdict, verdict

SURVEY_MAX = 4.0  # NILAI_0_4: a survey value out of 4
IPAK, CAPAIAN, IPKP = 199, 200, 202


@dataclass(frozen=True)
class Problem:
    """An answer that does not fit its row: the row and what is wrong (no location)."""

    baris: int
    text: str


@dataclass(frozen=True)
class QuestionScore:
    """One question as scored: value 0..1, whether answered, raw ratio (percentages), problem."""

    baris: int
    value: float
    answered: bool
    ratio: float | None
    problem: str | None


@dataclass(frozen=True)
class AreaScore:
    """One area's points: Pemenuhan, Reform, their total, and the total as % of its weight."""

    area: str
    name: str
    weight: float
    fulfilment: float
    reform: float
    total: float
    percent: float


@dataclass(frozen=True)
class Score:
    """The whole self-assessment: questions, sub-components, areas, hasil, total and verdicts."""

    questions: dict[int, QuestionScore]
    subcomponents: dict[int, float]
    areas: dict[str, AreaScore]
    pengungkit: float
    ipak: float
    capaian: float
    ipkp: float
    hasil: float
    total: float
    wbk: Verdict
    wbbm: Verdict
    predicate: str
    problems: tuple[Problem, ...]

    def results(self) -> dict[int, float]:
        """The hasil rows' points by Baris: IPAK [199], capaian kinerja [200], IPKP [202]."""
        return {IPAK: self.ipak, CAPAIAN: self.capaian, IPKP: self.ipkp}


def _read(lke: Bank, answers: Mapping[int, object]) -> tuple[dict[int, Parsed], list[Problem]]:
    parsed: dict[int, Parsed] = {}
    problems: list[Problem] = []
    known = {row.baris for row in lke.rows}
    for baris in answers:
        if baris not in known:
            text = f"Baris [{baris}] tidak ada dalam LKE; jawabannya tidak dihitung."
            problems.append(Problem(baris, text))
    for row in lke.rows:
        read = parse_answer(row, answers.get(row.baris))
        if read.problem:
            problems.append(Problem(row.baris, read.problem))
        parsed[row.baris] = read
    return parsed, problems


def _question(row: Row, parsed: Mapping[int, Parsed]) -> tuple[QuestionScore, Problem | None]:
    own = parsed[row.baris]
    if own.problem:
        return QuestionScore(row.baris, 0.0, False, None, own.problem), None
    if row.type is AnswerType.PERSEN:
        counts = {n: parsed[n].value for n in row.inputs}
        found = percent(row, counts)
        # the count that overshoots is the cell to fix: the numerator, not the empty % cell
        problem = Problem(row.inputs[0], found.problem) if found.problem else None
        scored = QuestionScore(row.baris, found.value, found.answered, found.ratio, found.problem)
        return scored, problem
    if own.value is None:
        return QuestionScore(row.baris, 0.0, False, None, None), None
    return QuestionScore(row.baris, own.value, True, None, None), None


def _subcomponents(lke: Bank, questions: Mapping[int, QuestionScore]) -> dict[int, float]:
    out: dict[int, float] = {}
    for sub in lke.subcomponents:
        rows = lke.questions_of(sub.baris)
        if rows:
            mean = sum(questions[r.baris].value for r in rows) / len(rows)
            out[sub.baris] = (sub.weight or 0.0) * mean
    for sub in lke.subcomponents:
        if sub.baris not in out:  # a parent ([172]): the sum of its children
            out[sub.baris] = sum(
                v for baris, v in out.items() if lke.row(baris).sub == sub.baris != baris
            )
    return {sub.baris: out[sub.baris] for sub in lke.subcomponents}


def _areas(lke: Bank, subs: Mapping[int, float]) -> dict[str, AreaScore]:
    out: dict[str, AreaScore] = {}
    for area in c.AREA_CODES:
        rows = [s for s in lke.subcomponents if s.area == area and lke.questions_of(s.baris)]
        fulfilment = sum(subs[s.baris] for s in rows if s.part == c.PART_FULFILMENT)
        reform = sum(subs[s.baris] for s in rows if s.part == c.PART_REFORM)
        weight = lke.area_weight(area)
        total = fulfilment + reform
        name = rows[0].area_name if rows else ""
        out[area] = AreaScore(area, name, weight, fulfilment, reform, total, total / weight * 100)
    return out


def _hasil(lke: Bank, parsed: Mapping[int, Parsed]) -> tuple[float, float, float]:
    def points(baris: int, scale: float) -> float:
        value = parsed[baris].value
        return 0.0 if value is None else value / scale * (lke.row(baris).weight or 0.0)

    return points(IPAK, SURVEY_MAX), points(CAPAIAN, 1.0), points(IPKP, SURVEY_MAX)


def score(answers: Mapping[int, object], *, held: str = "") -> Score:
    """Score raw Jawaban cells by row (missing = blank); held = the predicate the unit holds."""
    lke = bank()
    parsed, problems = _read(lke, answers)
    questions: dict[int, QuestionScore] = {}
    for row in lke.questions:
        questions[row.baris], problem = _question(row, parsed)
        if problem:
            problems.append(problem)
    subs = _subcomponents(lke, questions)
    areas = _areas(lke, subs)
    pengungkit = sum(a.total for a in areas.values())
    ipak, capaian, ipkp = _hasil(lke, parsed)
    hasil = ipak + capaian + ipkp
    total = pengungkit + hasil
    weights = {a.area: (a.total, a.weight) for a in areas.values()}
    figures = Figures(total, pengungkit, weights, ipak, capaian, ipkp)
    wbk = verdict(lke.thresholds["WBK"], figures, held)
    wbbm = verdict(lke.thresholds["WBBM"], figures, held)
    predicate = "WBBM" if wbbm.met else "WBK" if wbk.met else "Belum WBK"
    return Score(
        questions=questions,
        subcomponents=subs,
        areas=areas,
        pengungkit=pengungkit,
        ipak=ipak,
        capaian=capaian,
        ipkp=ipkp,
        hasil=hasil,
        total=total,
        wbk=wbk,
        wbbm=wbbm,
        predicate=predicate,
        problems=tuple(sorted(problems, key=lambda p: p.baris)),
    )
