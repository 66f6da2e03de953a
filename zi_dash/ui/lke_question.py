"""One LKE question on the Penilaian Mandiri page: its criteria beside the answer, evidence.

An editor's widgets write each change into the editor's draft at once (the Sunting drafts:
a reload, a page switch or a logout keeps it); a reader sees the same answers as text. A
penilai (TPI) reads the unit's answer, note and evidence as text and gets widgets for the
TPI's columns only; everyone else reads the TPI's review as text beside the question.
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
from zi_dash.base import LkeCol, Role, escape_md, number, roles
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore
from zi_dash.ui import lke_input as inp
from zi_dash.ui.editor import keep_draft
from zi_dash.ui.lke_links import Aside
from zi_dash.workbook import CellValue

SHEET: Final = c.Sheet.LKE
UNSCORED: Final = "(diisi, tidak masuk rumus persentase)"
_CODES: Final = {
    LkeCol.ANSWER: "jawaban",
    LkeCol.NOTES: "catatan",
    LkeCol.LINKS: "tautan",
    LkeCol.TPI_ANSWER: "jawaban_tpi",
    LkeCol.TPI_NOTES: "catatan_tpi",
    LkeCol.REVIEW: "status_telaah",
}


@dataclass(frozen=True)
class Editing:
    """An editor's view of the sheet: the saved cells, the draft's on top, the widgets' keys."""

    user: str
    workbook: str
    generation: str  # a new one gives every widget a new key (a save, a resolution, a new file)
    saved: Mapping[str, Mapping[str, object]]  # Baris -> editable cells as in the file
    typed: Mapping[str, Mapping[str, object]]  # Baris -> the draft's typed cells
    role: Role = Role.EDITOR  # which columns get widgets (the others are drawn as text)

    def value(self, baris: int, column: str) -> object:
        """What the cell shows: the draft's value, else the file's."""
        typed = self.typed.get(str(baris), {})
        return typed[column] if column in typed else self.saved.get(str(baris), {}).get(column)

    def writes(self, column: str) -> bool:
        """Whether this account's role writes `column` (the save enforces it too)."""
        return roles.may_write(self.role, SHEET, column)

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


def _choice(row: lke.Row, ed: Editing | None, current: object, column: str = LkeCol.ANSWER) -> None:
    options = inp.choices(row)
    picked = inp.chosen(row, current)
    if ed is None:
        st.markdown(f"{column}: **{escape_md(inp.choice_label(row, picked))}**")
    else:
        st.radio(
            column, options, index=options.index(picked),
            format_func=lambda letter: inp.choice_label(row, letter),
            **_on_change(ed, row.baris, column, inp.cell_of_choice),
        )  # fmt: skip
    _problem(row, current)


def _number(
    row: lke.Row, ed: Editing | None, current: object, label: str, column: str = LkeCol.ANSWER
) -> None:
    if ed is None:
        st.markdown(f"{escape_md(label)}: **{escape_md(inp.text_of_cell(current) or '–')}**")
    else:
        st.text_input(
            label, value=inp.text_of_cell(current), placeholder=lke.allowed_text(row),
            **_on_change(ed, row.baris, column, lambda v: inp.cell_of_text(row, v)),
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


def _status_cell(value: object) -> CellValue:
    return value if isinstance(value, str) and value else None


def _status(row: lke.Row, ed: Editing | None, current: object) -> None:
    """Status Telaah: a select of the four values for a penilai, text for everyone else."""
    typed = inp.plain_text(current).strip()
    status = {s.lower(): s for s in c.REVIEW_STATUSES}.get(typed.lower())
    if ed is None:
        shown = status or typed or c.ReviewStatus.NOT_REVIEWED
        st.markdown(f"{LkeCol.REVIEW}: **{escape_md(shown)}**")
    else:
        options = list(c.REVIEW_STATUSES)
        st.selectbox(
            LkeCol.REVIEW, options, index=options.index(status) if status else None,
            placeholder=f"{c.ReviewStatus.NOT_REVIEWED} (kosong)",
            **_on_change(ed, row.baris, LkeCol.REVIEW, _status_cell),
        )  # fmt: skip
    if typed and status is None:  # typed in Excel: said, never read as one of the four
        allowed = ", ".join(c.REVIEW_STATUSES)
        st.error(
            f'Baris {row.baris}: {LkeCol.REVIEW} "{escape_md(typed)}" tidak dikenal; '
            f"pilih {allowed}.",
            icon=":material/error:",
        )


def _tpi_side(row: lke.Row, ed: Editing | None, value: Callable[[int, str], object]) -> None:
    """The TPI's answer, status and note: widgets for a penilai, text for everyone else."""
    with st.container(border=True, key=f"lke_tpi_{row.baris}"):
        st.caption("Telaah TPI (Tim Penilai Internal)")
        if row.type is lke.AnswerType.PERSEN:
            for count in _counts(lke.bank(), row):
                label = f"{count.text} ({LkeCol.TPI_ANSWER})"
                _number(count, ed, value(count.baris, LkeCol.TPI_ANSWER), label, LkeCol.TPI_ANSWER)
        elif row.type is not None and row.type.choices:
            _choice(row, ed, value(row.baris, LkeCol.TPI_ANSWER), LkeCol.TPI_ANSWER)
        else:
            tpi = LkeCol.TPI_ANSWER
            _number(row, ed, value(row.baris, tpi), tpi, tpi)
        _status(row, ed, value(row.baris, LkeCol.REVIEW))
        notes = inp.plain_text(value(row.baris, LkeCol.TPI_NOTES))
        if ed is not None:
            st.text_area(
                LkeCol.TPI_NOTES, value=notes, height=68,
                **_on_change(ed, row.baris, LkeCol.TPI_NOTES, inp.plain_text),
            )  # fmt: skip
        elif notes:
            st.caption(LkeCol.TPI_NOTES)
            st.text(notes)  # as typed


def question(
    row: lke.Row,
    score: lke.Score,
    ed: Editing | None,
    saved: Mapping[str, Mapping[str, object]],
    aside: Aside,
    *,
    tpi: bool = False,
) -> None:
    """A question in a bordered box: the answer on the left, what it is judged by on the right.

    `tpi`: the sheet has the TPI's columns, drawn under the unit's answer.
    """
    bank = lke.bank()

    def value(baris: int, column: str) -> object:
        return ed.value(baris, column) if ed else saved.get(str(baris), {}).get(column)

    # Each side gets widgets only for the account whose role writes it; the other reads it.
    unit = ed if ed is not None and ed.writes(LkeCol.ANSWER) else None
    assessor = ed if ed is not None and ed.writes(LkeCol.TPI_ANSWER) else None
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
                    _number(count, unit, value(count.baris, LkeCol.ANSWER), label)
                _percent(row, scored)
            elif row.type is not None and row.type.choices:
                _choice(row, unit, value(row.baris, LkeCol.ANSWER))
            else:
                _number(row, unit, value(row.baris, LkeCol.ANSWER), LkeCol.ANSWER)
            _text_areas(row, unit, value(row.baris, LkeCol.NOTES), value(row.baris, LkeCol.LINKS))
            if tpi:
                _tpi_side(row, assessor, value)
        with right:
            if row.criteria and not any(o.text for o in row.options):
                st.caption("Kriteria")
                st.markdown(escape_md(row.criteria))
            _examples(row)
            _plan_side(aside)
