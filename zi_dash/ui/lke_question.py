"""One LKE question on the Penilaian Mandiri page: its criteria beside the answer, evidence.

An editor's widgets write each change into the editor's draft at once (the Sunting drafts:
a reload, a page switch or a logout keeps it); a reader sees the same answers as text.
Everything from the bank or the workbook is drawn escaped or as st.text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import streamlit as st

from zi_dash import lke
from zi_dash.base import LkeCol, escape_md, number
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore
from zi_dash.ui import lke_input as inp
from zi_dash.ui.editor import keep_draft
from zi_dash.ui.lke_links import Aside
from zi_dash.workbook import CellValue

SHEET: Final = c.Sheet.LKE
UNSCORED: Final = "(diisi, tidak masuk rumus persentase)"
_CODES: Final = {LkeCol.ANSWER: "jawaban", LkeCol.NOTES: "catatan", LkeCol.LINKS: "tautan"}


@dataclass(frozen=True)
class Editing:
    """An editor's view of the sheet: the saved cells, the draft's on top, the widgets' keys."""

    user: str
    workbook: str
    generation: str  # a new one gives every widget a new key (a save, a resolution, a new file)
    saved: Mapping[str, Mapping[str, object]]  # Baris -> editable cells as in the file
    typed: Mapping[str, Mapping[str, object]]  # Baris -> the draft's typed cells

    def value(self, baris: int, column: str) -> object:
        """What the cell shows: the draft's value, else the file's."""
        typed = self.typed.get(str(baris), {})
        return typed[column] if column in typed else self.saved.get(str(baris), {}).get(column)

    def key(self, baris: int, column: str) -> str:
        """The widget's key for this cell in this generation."""
        return f"lke_{self.generation}_{baris}_{_CODES[column]}"


def _typed(
    user: str, workbook: str, baris: str, column: str, key: str,
    convert: Callable[[object], CellValue], shown: Mapping[str, object],
) -> None:  # fmt: skip
    """A widget changed: its value into the editor's draft, stored at once."""
    store = DraftStore(Path(workbook))
    draft = store.load(user)
    if draft.type(SHEET, baris, column, convert(st.session_state.get(key)), shown):
        keep_draft(store, draft)


def _on_change(ed: Editing, baris: int, column: str, convert: Callable[[object], CellValue]):
    shown = dict(ed.saved.get(str(baris), {}))  # the file's row as this widget was drawn
    key = ed.key(baris, column)
    return {
        "key": key,
        "on_change": _typed,
        "args": (ed.user, ed.workbook, str(baris), column, key, convert, shown),
    }


def _choice(row: lke.Row, ed: Editing | None, current: object) -> None:
    options = inp.choices(row)
    picked = inp.chosen(row, current)
    if ed is None:
        st.markdown(f"Jawaban: **{escape_md(inp.choice_label(row, picked))}**")
    else:
        st.radio(
            "Jawaban", options, index=options.index(picked),
            format_func=lambda letter: inp.choice_label(row, letter),
            **_on_change(ed, row.baris, LkeCol.ANSWER, inp.cell_of_choice),
        )  # fmt: skip
    _problem(row, current)


def _number(row: lke.Row, ed: Editing | None, current: object, label: str) -> None:
    if ed is None:
        st.markdown(f"{escape_md(label)}: **{escape_md(inp.text_of_cell(current) or '–')}**")
    else:
        st.text_input(
            label, value=inp.text_of_cell(current), placeholder=lke.allowed_text(row),
            **_on_change(ed, row.baris, LkeCol.ANSWER, lambda v: inp.cell_of_text(row, v)),
        )  # fmt: skip
    _problem(row, current)


def _problem(row: lke.Row, current: object) -> None:
    if current is None or current == "":
        return
    parsed = lke.parse_answer(row, current)
    if parsed.problem:
        st.error(f"Baris {row.baris}: {escape_md(parsed.problem)}", icon=":material/error:")


def _counts(bank: lke.Bank, row: lke.Row) -> list[lke.Row]:
    """A percentage question's Jumlah rows in sheet order, those outside its formula too
    (the LKE asks for them: [154], [170], [175], [182])."""
    return [r for r in bank.rows if r.kind is lke.RowKind.COUNT and r.input_of == row.baris]


def _percent(row: lke.Row, score: lke.QuestionScore | None) -> None:
    if score is None or score.ratio is None:
        st.caption("Persentase belum dapat dihitung: isi jumlahnya.")
        return
    text = f"Persentase dihitung: **{number(score.value * 100, 2)} %**"
    if abs(score.ratio - score.value) > 1e-9:  # the LKE's own clamp: the raw ratio beside it
        text += f" (rasio mentah {number(score.ratio * 100, 2)} %, dibatasi LKE ke 0–100 %)"
    st.markdown(text)


def _text_areas(row: lke.Row, ed: Editing | None, notes: object, links: object) -> None:
    if ed is None:
        if inp.plain_text(notes):
            st.caption("Catatan")
            st.text(inp.plain_text(notes))
        if inp.plain_text(links):
            st.caption("Tautan bukti")
            st.text(inp.plain_text(links))
        return
    st.text_area(
        "Catatan", value=inp.plain_text(notes), height=68,
        **_on_change(ed, row.baris, LkeCol.NOTES, inp.plain_text),
    )  # fmt: skip
    st.text_area(
        "Tautan bukti (satu tautan per baris)", value=inp.plain_text(links), height=68,
        **_on_change(ed, row.baris, LkeCol.LINKS, inp.plain_text),
    )  # fmt: skip


@functools.cache
def _examples_md(baris: int) -> str:
    """The bank's example evidence as a checklist (the bank's text, escaped once)."""
    items = [e.strip() for e in lke.bank().row(baris).examples if e.strip()]
    if not items:
        return ""
    lines = "\n".join(f"- [ ] {escape_md(e)}" for e in items)
    return f"**Yang dicari penilai (contoh bukti)**\n\n{lines}"


@functools.cache
def _title_md(baris: int) -> str:
    row = lke.bank().row(baris)
    return f"**{escape_md(inp.question_text(row))}**"


def _examples(row: lke.Row) -> None:
    if text := _examples_md(row.baris):
        st.markdown(text)


def _plan_side(aside: Aside) -> None:
    """The question's linked actions and the evidence gathered for it (own links, actions')."""
    if aside.actions is not None and not aside.actions.empty:
        st.caption("Aksi rencana yang mendukung")
        st.dataframe(aside.actions, hide_index=True, width="stretch")
    found = aside.evidence
    if found is None or not (found.links or found.items):
        return
    st.caption(
        f"Bukti: {len(found.links)} tautan sendiri, {len(found.items)} butir bukti aksi "
        f"({len(found.missing)} belum ada)"
    )
    if found.missing:
        st.text("Belum ada:\n" + "\n".join(found.missing))  # item names as typed


def question(
    row: lke.Row,
    score: lke.Score,
    ed: Editing | None,
    saved: Mapping[str, Mapping[str, object]],
    aside: Aside,
) -> None:
    """A question in a bordered box: the answer on the left, what it is judged by on the right."""
    bank = lke.bank()

    def value(baris: int, column: str) -> object:
        return ed.value(baris, column) if ed else saved.get(str(baris), {}).get(column)

    scored = score.questions.get(row.baris)
    with st.container(border=True, key=f"lke_q_{row.baris}"):  # the browser test's handle
        points = f" · nilai {number(scored.value, 2)}" if scored else ""
        st.markdown(_title_md(row.baris))
        st.caption(f"Baris {row.baris} · {escape_md(row.type.value if row.type else '')}{points}")
        if aside.flagged:
            st.warning(
                "Aksi rencana yang terkait sudah Selesai, tetapi jawaban ini masih kosong atau "
                "belum tertinggi: periksa jawabannya.",
                icon=":material/flag:",
            )
        left, right = st.columns([3, 2])
        with left:
            if row.type is lke.AnswerType.PERSEN:
                for count in _counts(bank, row):
                    label = count.text if count.baris in row.inputs else f"{count.text} {UNSCORED}"
                    _number(count, ed, value(count.baris, LkeCol.ANSWER), label)
                _percent(row, scored)
            elif row.type is not None and row.type.choices:
                _choice(row, ed, value(row.baris, LkeCol.ANSWER))
            else:
                _number(row, ed, value(row.baris, LkeCol.ANSWER), "Jawaban")
            _text_areas(row, ed, value(row.baris, LkeCol.NOTES), value(row.baris, LkeCol.LINKS))
        with right:
            if row.criteria and not any(o.text for o in row.options):
                st.caption("Kriteria")
                st.markdown(escape_md(row.criteria))
            _examples(row)
            _plan_side(aside)
