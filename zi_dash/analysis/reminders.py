"""What each penanggung jawab (PIC) is reminded of at a date: the pages' own definitions, per PIC.

Terlambat, Tertinggal and segera come from `state.plan_states`, Selesai without evidence from
`evidence.done_without_evidence`, blank LKE questions from the saved Baris LKE and the
penilaian mandiri. A PIC is the Penanggung Jawab cell as written (the sidebar's filter takes
the whole cell too); a blank cell is `filters.NO_PIC`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date

from zi_dash.analysis.assessment import assess
from zi_dash.analysis.coverage import action_links
from zi_dash.analysis.evidence import done_without_evidence
from zi_dash.analysis.filters import NO_PIC
from zi_dash.analysis.lke_links import short_text
from zi_dash.analysis.state import plan_states, targets
from zi_dash.base import ActionCol, EvidenceCol, format_date
from zi_dash.base import contract as c
from zi_dash.workbook import Plan


@dataclass(frozen=True)
class Item:
    """One line of a reminder: the action (or evidence item) and what is asked of it."""

    action: str  # the action's ID: the deep link's target
    text: str  # the action's Langkah Aksi (else Indikator), or the evidence item
    detail: str = ""  # the due date, the period missed, the TPI-style note, …


@dataclass(frozen=True)
class Reminder:
    """Everything one PIC is asked to look at, per kind; empty tuples when nothing is due."""

    pic: str
    late: tuple[Item, ...] = ()  # Terlambat
    behind: tuple[Item, ...] = ()  # Tertinggal (not Terlambat): the period that fell behind
    due_soon: tuple[Item, ...] = ()  # a period ends within DUE_SOON_DAYS, work still to do
    no_evidence: tuple[Item, ...] = ()  # Selesai with evidence missing
    needs_fix: tuple[Item, ...] = ()  # evidence items marked Perlu Perbaikan
    blank_questions: tuple[Item, ...] = ()  # linked LKE questions not yet answered
    actions: tuple[str, ...] = field(default=(), compare=False)  # all the PIC's action IDs

    @property
    def empty(self) -> bool:
        """True when there is nothing to remind this PIC of."""
        return not any(getattr(self, kind) for kind in KINDS)

    def fingerprint(self) -> str:
        """A digest of the reminder's content (not its date): the same items, the same print."""
        content = {kind: [asdict(i) for i in getattr(self, kind)] for kind in KINDS}
        text = json.dumps([self.pic, content], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


KINDS: tuple[str, ...] = (
    "late",
    "behind",
    "due_soon",
    "no_evidence",
    "needs_fix",
    "blank_questions",
)


def pic_of(cell: object) -> str:
    """The PIC a Penanggung Jawab cell names: the cell as written (spaces tidied), or NO_PIC."""
    text = " ".join(str(cell or "").split())
    return text or NO_PIC


def _action_text(step: object, indicator: object) -> str:
    return " ".join(str(step or "").split()) or " ".join(str(indicator or "").split())


def reminders(plan: Plan, as_of: date) -> tuple[Reminder, ...]:
    """One Reminder per PIC of the plan (by name, NO_PIC last), empty ones included."""
    a = plan.actions
    ids = [str(i) for i in a[ActionCol.ID].tolist()]
    pics = [pic_of(p) for p in a[ActionCol.PIC].tolist()]
    texts = [_action_text(s, i) for s, i in zip(a[ActionCol.STEP], a[ActionCol.INDICATOR])]
    pic_by_id = dict(zip(ids, pics))
    text_by_id = dict(zip(ids, texts))
    kinds: dict[str, dict[str, list[Item]]] = {
        p: {k: [] for k in KINDS} for p in dict.fromkeys(pics)
    }
    found = zip(ids, pics, texts, targets(plan), plan_states(plan, as_of))
    for action, pic, text, target, s in found:
        if s.overdue and target.due is not None:
            kinds[pic]["late"].append(Item(action, text, f"tenggat {format_date(target.due)}"))
        elif s.behind:
            kinds[pic]["behind"].append(Item(action, text, f"periode {s.missed}"))
        if s.due_soon and s.next_due is not None:
            kinds[pic]["due_soon"].append(Item(action, text, f"tenggat {format_date(s.next_due)}"))
    undone = done_without_evidence(plan)
    for action, missing in zip(undone[ActionCol.ID], undone["missing_items"]):
        detail = "belum ada: " + "; ".join(str(m) for m in missing)
        kinds[pic_by_id[action]]["no_evidence"].append(Item(action, text_by_id[action], detail))
    ev = plan.evidence
    fix = ev[ev[EvidenceCol.STATUS] == c.EvidenceStatus.NEEDS_FIX]
    for action, item, notes in zip(fix[EvidenceCol.ACTION_ID], fix[EvidenceCol.ITEM],
                                   fix[EvidenceCol.NOTES]):  # fmt: skip
        if action in pic_by_id:  # an item of an action filtered out is not this view's
            note = " ".join(str(notes or "").split())
            kinds[pic_by_id[action]]["needs_fix"].append(Item(action, str(item), note))
    for pic, items in _blank_questions(plan, ids, pics).items():
        kinds[pic]["blank_questions"] = items
    order = sorted(kinds, key=lambda p: (p == NO_PIC, p.casefold()))
    return tuple(
        Reminder(
            pic,
            **{k: tuple(v) for k, v in kinds[pic].items()},
            actions=tuple(i for i, p in zip(ids, pics) if p == pic),
        )
        for pic in order
    )


def _blank_questions(plan: Plan, ids: list[str], pics: list[str]) -> dict[str, list[Item]]:
    """PIC -> the LKE questions linked to their actions whose Jawaban is still blank."""
    if plan.lke is None:
        return {}
    questions = assess(plan).score.questions
    links = action_links(plan)
    out: dict[str, list[Item]] = {}
    seen: set[tuple[str, int]] = set()
    for action, pic in zip(ids, pics):
        for row in links.get(action, ()):
            found = questions.get(row)
            if (found is not None and found.answered) or (pic, row) in seen:
                continue
            seen.add((pic, row))
            out.setdefault(pic, []).append(Item(action, short_text(row), f"Baris {row}"))
    return out
