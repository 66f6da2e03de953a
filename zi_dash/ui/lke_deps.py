"""TEMPORARY: the page's dependencies (lke.score, next_steps, analysis.assess, add_lke_sheet).

Each is the real one once its branch is merged; until then a crude stand-in so the page runs.
Dropped as soon as i20-bank, i20-score and i20-writers are in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_dash import analysis, lke
from zi_dash.base import InfoKey, LkeCol, WorkbookError
from zi_dash.base import contract as c
from zi_dash.workbook import Plan


@dataclass(frozen=True)
class _Q:
    baris: int
    value: float
    answered: bool
    ratio: float | None
    problem: str | None


@dataclass(frozen=True)
class _Area:
    area: str
    name: str
    weight: float
    fulfilment: float
    reform: float
    total: float
    percent: float


@dataclass(frozen=True)
class _Verdict:
    met: bool
    short: tuple[str, ...]


@dataclass(frozen=True)
class _Score:
    questions: dict[int, _Q]
    subcomponents: dict[int, float]
    areas: dict[str, _Area]
    pengungkit: float
    ipak: float
    capaian: float
    ipkp: float
    hasil: float
    total: float
    wbk: _Verdict
    wbbm: _Verdict
    predicate: str
    problems: tuple[Any, ...]


@dataclass(frozen=True)
class _Assessment:
    present: bool
    score: Any
    problems: tuple[str, ...]


def _stub_score(answers: Mapping[int, object], held: str = "") -> _Score:
    bank = lke.bank()
    qs: dict[int, _Q] = {}
    for row in (*bank.questions, *(r for r in bank.rows if r.kind is lke.RowKind.RESULT)):
        if row.type is lke.AnswerType.PERSEN:
            nums = [lke.parse_answer(bank.row(b), answers.get(b)).value for b in row.inputs]
            ratio = nums[0] / nums[1] if len(nums) == 2 and None not in nums and nums[1] else None
            value = min(1.0, max(0.0, ratio)) if ratio is not None else 0.0
            qs[row.baris] = _Q(row.baris, value, ratio is not None, ratio, None)
            continue
        parsed = lke.parse_answer(row, answers.get(row.baris))
        value = parsed.value or 0.0
        if row.type is lke.AnswerType.NILAI_0_4:
            value = value / 4
        qs[row.baris] = _Q(row.baris, value, parsed.value is not None, None, parsed.problem)
    subs = {}
    for sub in bank.subcomponents:
        questions = bank.questions_of(sub.baris)
        mean = sum(qs[q.baris].value for q in questions) / len(questions) if questions else 0
        subs[sub.baris] = (sub.weight or 0.0) * mean
    areas = {}
    for area in ("I", "II", "III", "IV", "V", "VI"):
        mine = [s for s in bank.subcomponents if s.area == area and bank.questions_of(s.baris)]
        ful = sum(subs[s.baris] for s in mine if s.part == c.PART_FULFILMENT)
        ref = sum(subs[s.baris] for s in mine if s.part == c.PART_REFORM)
        weight = bank.area_weight(area)
        areas[area] = _Area(area, mine[0].area_name, weight, ful, ref, ful + ref,
                            (ful + ref) / weight * 100)  # fmt: skip
    results = [r for r in bank.rows if r.kind is lke.RowKind.RESULT]
    ipak, capaian, ipkp = (qs[r.baris].value * (r.weight or 0) for r in results)
    pengungkit = sum(a.total for a in areas.values())
    total = pengungkit + ipak + capaian + ipkp
    wbk = _Verdict(total >= 75, () if total >= 75 else (f"total {total:.2f} < 75",))
    wbbm = _Verdict(total >= 85, () if total >= 85 else (f"total {total:.2f} < 85",))
    predicate = "WBBM" if wbbm.met else "WBK" if wbk.met else "Belum WBK"
    return _Score(qs, subs, areas, pengungkit, ipak, capaian, ipkp, ipak + capaian + ipkp,
                  total, wbk, wbbm, predicate, ())  # fmt: skip


def answers_of(plan: Plan) -> dict[int, object]:
    """Raw Jawaban by Baris."""
    if real := getattr(analysis, "answers_of", None):
        return real(plan)
    frame = plan.frame(c.Sheet.LKE)
    if frame.empty:
        return {}
    return {int(b): a for b, a in zip(frame[LkeCol.ROW], frame[LkeCol.ANSWER]) if str(b).isdigit()}


def assess(plan: Plan, overlay: Mapping[int, object] | None = None) -> Any:
    """analysis.assess, or a stand-in."""
    if real := getattr(analysis, "assess", None):
        return real(plan, overlay)
    answers = answers_of(plan) | dict(overlay or {})
    score = _stub_score(answers, plan.info.extra.get(InfoKey.PREDICATE, ""))
    problems = tuple(
        f'Lembar "{c.Sheet.LKE}", baris {b}, kolom "{LkeCol.ANSWER}": {q.problem}'
        for b, q in score.questions.items()
        if q.problem
    )
    return _Assessment(plan.has(c.Sheet.LKE), score, problems)


def next_steps(answers, *, held: str = "", progress=None, limit: int = 5) -> tuple[str, list]:
    """lke.next_steps, or nothing yet."""
    if real := getattr(lke, "next_steps", None):
        return real(answers, held=held, progress=progress, limit=limit)
    return "WBK", []


def add_lke_sheet(path: Path, user: str, base_version: str) -> Plan:
    """workbook.add_lke_sheet, or a refusal."""
    from zi_dash import workbook

    if real := getattr(workbook, "add_lke_sheet", None):
        return real(path, user, base_version)
    raise WorkbookError("Penambahan lembar LKE belum tersedia di versi ini.")


def action_links(plan: Plan) -> dict[str, tuple[int, ...]]:
    """analysis.action_links, or the saved Baris LKE read here."""
    if real := getattr(analysis, "action_links", None):
        return real(plan)
    from zi_dash.base import ActionCol

    if not plan.has(c.Sheet.ACTIONS, ActionCol.LKE_ROWS):
        return {}
    out = {}
    for action, text in zip(plan.actions[ActionCol.ID], plan.actions[ActionCol.LKE_ROWS]):
        try:
            rows = lke.parse_rows(str(text or ""))
        except lke.LinkError:
            continue
        if rows:
            out[str(action)] = rows
    return out
