"""The plan beside the LKE: suggested links, each question's actions, evidence and attention.

A saved `Baris LKE` is a person's link; a suggestion (lke.suggest, from the action's texts) is
only offered where the cell is blank, until someone saves it. A question's evidence is its own
`Tautan Bukti` plus the Bukti items of the actions linked to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import pandas as pd

from zi_dash import lke
from zi_dash.analysis.coverage import action_links
from zi_dash.base import ActionCol, EvidenceCol, LkeCol, split_links
from zi_dash.base import contract as c
from zi_dash.workbook import Plan

if TYPE_CHECKING:
    from zi_dash.lke import Score


def _cells(plan: Plan) -> pd.Series:
    """Each action's Baris LKE cell as stripped text (an empty cell, however read, is "")."""
    return plan.actions[ActionCol.LKE_ROWS].fillna("").astype(str).str.strip()


def suggested_links(plan: Plan) -> dict[str, tuple[int, ...]]:
    """Action ID -> suggested question rows, for the actions whose Baris LKE is blank."""
    out: dict[str, tuple[int, ...]] = {}
    cols = (ActionCol.ID, ActionCol.AREA, ActionCol.INDICATOR, ActionCol.STEP, ActionCol.EVIDENCE)
    blank = _cells(plan).eq("")
    for action, area, indicator, step, evidence in plan.actions.loc[blank, list(cols)].itertuples(
        index=False
    ):
        if rows := lke.suggest(str(area), str(indicator), str(step), str(evidence)):
            out[action] = rows
    return out


def question_actions(plan: Plan) -> dict[int, tuple[str, ...]]:
    """Question row -> the IDs of the actions whose saved Baris LKE names it, in plan order."""
    out: dict[int, list[str]] = {}
    for action, rows in action_links(plan).items():
        for row in rows:
            out.setdefault(row, []).append(action)
    return {row: tuple(ids) for row, ids in sorted(out.items())}


@dataclass(frozen=True)
class QuestionEvidence:
    """A question's evidence: its own links, its actions' items ("ID: item"), those missing."""

    links: tuple[str, ...]
    items: tuple[str, ...]
    missing: tuple[str, ...]


def own_links(plan: Plan) -> dict[int, tuple[str, ...]]:
    """Question row -> the lines of its Tautan Bukti cell on the LKE sheet."""
    frame = plan.frame(c.Sheet.LKE)
    if frame.empty:
        return {}
    out: dict[int, tuple[str, ...]] = {}
    for baris, text in zip(frame[LkeCol.ROW], frame[LkeCol.LINKS]):
        if str(baris).isdigit() and (lines := split_links(str(text))):
            out[int(baris)] = tuple(lines)
    return out


def question_evidence(plan: Plan) -> dict[int, QuestionEvidence]:
    """Every question row of the bank -> its evidence; missing = items not Ada/Terverifikasi."""
    items: dict[str, list[tuple[str, bool]]] = {}
    ev = plan.evidence
    for action, item, status in zip(
        ev[EvidenceCol.ACTION_ID], ev[EvidenceCol.ITEM], ev[EvidenceCol.STATUS]
    ):
        items.setdefault(action, []).append((f"{action}: {item}", status in c.EVIDENCE_PRESENT))
    linked, own = question_actions(plan), own_links(plan)
    out: dict[int, QuestionEvidence] = {}
    for question in lke.bank().questions:
        mine = [pair for a in linked.get(question.baris, ()) for pair in items.get(a, [])]
        out[question.baris] = QuestionEvidence(
            links=own.get(question.baris, ()),
            items=tuple(text for text, _ in mine),
            missing=tuple(text for text, present in mine if not present),
        )
    return out


def attention(plan: Plan, score: Score) -> tuple[int, ...]:
    """Questions whose linked actions are all Selesai while the answer is blank or below the top."""
    status = dict(zip(plan.actions[ActionCol.ID], plan.actions[ActionCol.STATUS]))
    out = []
    for row, ids in question_actions(plan).items():
        if not all(status.get(a) == c.Status.DONE for a in ids):
            continue
        found = score.questions.get(row)
        if found is None or not found.answered or found.value < 1:
            out.append(row)
    return tuple(out)


QUESTIONS: Final = "Pertanyaan LKE"  # the shown tables' own columns
SOURCE: Final = "Asal"
SAVED: Final = "tersimpan"
SUGGESTED: Final = "saran"
UNREADABLE: Final = "tidak terbaca"
SHORT: Final = 70  # characters of a question's text in a one-line list


def short_text(baris: int) -> str:
    """A question's text on one line, cut at a word after SHORT characters ("… …")."""
    text = " ".join(lke.bank().row(baris).text.split())
    return text[:SHORT].rsplit(" ", 1)[0] + " …" if len(text) > SHORT else text


def short_question(baris: int) -> str:
    """'18 · Sudah ditetapkan agen perubahan': the row and its short text."""
    return f"{baris} · {short_text(baris)}"


def questions_by_action(plan: Plan, ids: Sequence[str]) -> pd.DataFrame:
    """One line per action of `ids` and question: saved, suggested (Baris LKE blank), unreadable.

    An action with neither keeps one blank line; an unreadable cell shows what is wrong with it.
    """
    cells = dict(zip(plan.actions[ActionCol.ID], _cells(plan)))
    suggested = suggested_links(plan)
    rows: list[tuple[str, str, str, str]] = []
    for action in ids:
        text = cells.get(action, "")
        try:
            saved = lke.parse_rows(text)
        except lke.LinkError as exc:
            rows.append((action, text, str(exc), UNREADABLE))
            continue
        kind, found = (SAVED, saved) if saved else (SUGGESTED, suggested.get(action, ()))
        rows += [(action, str(b), short_text(b), kind) for b in found] or [(action, "", "", "")]
    return pd.DataFrame(rows, columns=[ActionCol.ID, LkeCol.ROW, QUESTIONS, SOURCE])


LINKED: Final = "Aksi terkait"
HAVE: Final = "Butir ada"
MISSING_ITEMS: Final = "Bukti belum ada"


def _per_action(ids: Sequence[str], labelled: Sequence[str]) -> str:
    """'I.1.1: SK; foto · I.1.2: notulen': each action's ID once before its items."""
    groups = []
    for action in ids:
        prefix = f"{action}: "
        if mine := [t[len(prefix) :] for t in labelled if t.startswith(prefix)]:
            groups.append(prefix + "; ".join(mine))
    return " · ".join(groups)


def question_gaps(plan: Plan) -> pd.DataFrame:
    """LKE questions with an evidence gap: linked actions' items missing, or no evidence at all.

    Only questions the plan links or that have their own Tautan Bukti; most missing first.
    """
    linked, found = question_actions(plan), question_evidence(plan)
    rows = []
    for baris, ev in found.items():
        ids = linked.get(baris, ())
        present = len(ev.items) - len(ev.missing)
        if not (ids or ev.links) or not (ev.missing or (not ev.links and not present)):
            continue
        rows.append((len(ev.missing), baris, short_question(baris), ", ".join(ids),
                     f"{present} dari {len(ev.items)}", _per_action(ids, ev.missing),
                     " · ".join(ev.links)))  # fmt: skip
    rows.sort(key=lambda r: (-r[0], r[1]))
    columns = [QUESTIONS, LINKED, HAVE, MISSING_ITEMS, LkeCol.LINKS]
    return pd.DataFrame([r[2:] for r in rows], columns=columns)
