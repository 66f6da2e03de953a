"""The Penilaian Mandiri (LKE) page: the live self-assessment, one sub-component open at a time.

Editing is Sunting's machinery, not a second one: each widget writes into the editor's Draft
for the LKE sheet (row ID = Baris text), and the same review, merge rule, conflicts, Simpan and
Riwayat follow (ui.editor). Only one sub-component's questions are drawn per run: 110 questions'
widgets at once would make every rerun slow.
"""

from __future__ import annotations

from typing import Final

import pandas as pd
import streamlit as st

from zi_dash import analysis, lke
from zi_dash.base import ActionCol, InfoKey, LkeCol, WorkbookError, escape_md, number
from zi_dash.base import contract as c
from zi_dash.edit import Draft, editing
from zi_dash.ui import lke_excel
from zi_dash.ui import lke_links as links
from zi_dash.ui import lke_summary as summary
from zi_dash.ui.cache import of_plan, plan_key
from zi_dash.ui.editor import draft_store, require_editor, review_changes, saved
from zi_dash.ui.lke_input import overlay
from zi_dash.ui.lke_question import Editing, question
from zi_dash.ui.lke_tpi import block as tpi_block
from zi_dash.ui.session import Context, Key
from zi_dash.workbook import Plan, add_lke_sheet, editable_values

SHEET: Final = c.Sheet.LKE
HASIL: Final = "Hasil"  # the area picker's last entry: IPAK, capaian kinerja, IPKP
AREA_KEY: Final = "lke_area"
SUB_KEY: Final = "lke_sub_{}"  # .format(area): the sub-component picked in that area
REVIEWED: Final = "lke_reviewed"  # the last (key, review) of this session
KEPT: Final = "lke_kept_{}"  # .format(widget key): the choice, kept over a page switch


def _kept(key: str) -> None:
    """Restore a picker after a page switch (Streamlit drops undrawn widgets' state)."""
    if key not in st.session_state and KEPT.format(key) in st.session_state:
        st.session_state[key] = st.session_state[KEPT.format(key)]


def _keep(key: str) -> None:
    st.session_state[KEPT.format(key)] = st.session_state[key]


def _generation() -> int:
    """The widgets' generation: editor.refresh (after a save, a discard) starts a new one."""
    grid = st.session_state.get(Key.GRID.format(SHEET))
    if grid is None:
        generation = st.session_state.get(Key.EDITOR_GEN, 0) + 1
        st.session_state[Key.EDITOR_GEN] = generation
        grid = st.session_state[Key.GRID.format(SHEET)] = (generation, [], {})
    return grid[0]


def _saved(plan: Plan) -> dict[str, dict[str, object]]:
    return editable_values(plan, SHEET)


def _assess(plan: Plan, answers: tuple[tuple[int, object], ...]) -> analysis.Assessment:
    return analysis.assess(plan, dict(answers) if answers else None)


def _area_frame(plan: Plan, answers: tuple[tuple[int, object], ...]) -> pd.DataFrame:
    return summary.area_table(_assess(plan, answers).score, lke.bank())


def _sub_frame(plan: Plan, answers: tuple[tuple[int, object], ...], area: str) -> pd.DataFrame:
    return sub_table(lke.bank(), _assess(plan, answers).score, area)


def _evidence(plan: Plan) -> dict[int, analysis.lke_links.QuestionEvidence]:
    return analysis.lke_links.question_evidence(plan)


def _link_problems(plan: Plan) -> tuple[str, ...]:
    return analysis.link_problems(plan)


def _flags(plan: Plan, answers: tuple[tuple[int, object], ...]) -> frozenset[int]:
    return frozenset(analysis.lke_links.attention(plan, _assess(plan, answers).score))


def _held(plan: Plan) -> str:
    return plan.info.extra.get(InfoKey.PREDICATE, "")


def _steps(plan: Plan, answers: tuple[tuple[int, object], ...]) -> tuple[str, pd.DataFrame]:
    """The next predicate and its shortest path as a table (computed once per answers)."""
    merged, progress = analysis.answers_of(plan) | dict(answers), links.progress(plan)
    target, steps = lke.next_steps(merged, held=_held(plan), progress=progress)
    return target, summary.steps_table(steps, lke.bank(), progress)


def offer(plan: Plan, user: str | None) -> None:
    """No LKE sheet yet: say so; an editor adds it in one click (a logged save)."""
    st.info(
        f'Workbook "{escape_md(plan.path.name)}" belum punya lembar {SHEET}. Lembar itu memuat '
        f"110 pertanyaan LKE ZI (PermenPANRB 90/2021) beserta kolom {LkeCol.ANSWER}, "
        f"{LkeCol.NOTES} dan {LkeCol.LINKS} unit. Lembar lain tidak berubah; {c.Sheet.ACTIONS} "
        f'hanya mendapat kolom "{ActionCol.LKE_ROWS}" bila belum ada.'
    )
    if user is None:
        return
    if st.button("Tambahkan lembar LKE", type="primary", icon=":material/add:"):
        try:
            add_lke_sheet(plan.path, user, plan.version)
        except WorkbookError as exc:
            st.error(f"**Lembar LKE tidak dapat ditambahkan.** {escape_md(exc)}")
            return
        saved(f"Lembar LKE ditambahkan ke workbook oleh {user}.")


def _area_label(area: str, bank: lke.Bank) -> str:
    if area == HASIL:
        return "Hasil (IPAK, capaian kinerja, IPKP)"
    name = next(s.area_name for s in bank.subcomponents if s.area == area)
    return f"{area}. {name}"


def _sub_label(sub: lke.Row) -> str:
    # No score here: a keyed selectbox keeps the labels it was first drawn with (the table
    # above it has the live scores).
    return f"[{sub.baris}] {sub.part} · {sub.sub_name} (bobot {number(sub.weight or 0, 2)})"


def _subs(bank: lke.Bank, area: str) -> list[lke.Row]:
    return [s for s in bank.subcomponents if s.area == area and bank.questions_of(s.baris)]


def sub_table(bank: lke.Bank, score: lke.Score, area: str) -> pd.DataFrame:
    """The area's sub-components with their live scores."""
    rows = []
    for sub in _subs(bank, area):
        got, weight = score.subcomponents.get(sub.baris, 0.0), sub.weight or 0.0
        rows.append(
            {
                "Baris": str(sub.baris),
                "Bagian": sub.part,
                "Sub-komponen": sub.sub_name,
                "Nilai": f"{number(got, 2)} / {number(weight, 2)}",
                "Persen": f"{number(got / weight * 100 if weight else 0.0, 0)} %",
            }
        )
    return pd.DataFrame(rows)


def _questions(plan: Plan, found: analysis.Assessment, answers, ed: Editing | None, saved_cells):
    bank, score = lke.bank(), found.score
    linked, evidence = of_plan(links.linked_frames, plan), of_plan(_evidence, plan)
    flags = of_plan(_flags, plan, answers)

    def aside(baris: int) -> links.Aside:
        return links.Aside(linked.get(baris), evidence.get(baris), baris in flags)

    areas = [*dict.fromkeys(s.area for s in bank.subcomponents), HASIL]
    _kept(AREA_KEY)
    area = st.selectbox(
        "Area", areas, format_func=lambda a: _area_label(a, bank), key=AREA_KEY,
        on_change=_keep, args=(AREA_KEY,),
    )  # fmt: skip
    if area == HASIL:
        st.caption(
            f"IPAK {number(score.ipak, 2)} · capaian kinerja {number(score.capaian, 2)} · "
            f"IPKP {number(score.ipkp, 2)} dari 40 ({summary.LABEL})"
        )
        for row in bank.rows:
            if row.kind is lke.RowKind.RESULT:
                question(row, score, ed, saved_cells, aside(row.baris))
        return
    st.dataframe(of_plan(_sub_frame, plan, answers, area), hide_index=True, width="stretch")
    subs = {s.baris: s for s in _subs(bank, area)}
    key = SUB_KEY.format(area)
    _kept(key)
    chosen = st.selectbox(
        "Sub-komponen yang dibuka", list(subs), key=key,
        format_func=lambda b: _sub_label(subs[b]), on_change=_keep, args=(key,),
    )  # fmt: skip
    for row in bank.questions_of(chosen):
        question(row, score, ed, saved_cells, aside(row.baris))


def page(ctx: Context) -> None:
    """The whole page below its title."""
    plan, user = ctx.plan, st.session_state.get(Key.USER)
    login = st.container()
    if not plan.has(SHEET):
        offer(plan, user)
        if user is None:
            with login:
                require_editor()
        return
    saved_cells = of_plan(_saved, plan)
    store = draft_store() if user else None
    draft = store.load(user) if store and user else None
    typed = draft.typed(SHEET) if draft else {}
    answers = tuple(sorted(overlay(typed, LkeCol.ANSWER).items()))
    found = of_plan(_assess, plan, answers)
    summary.headline(found.score, len(answers))
    summary.problems(found.problems, of_plan(_link_problems, plan))
    st.dataframe(of_plan(_area_frame, plan, answers), hide_index=True, width="stretch")
    summary.verdicts(found.score)
    tpi_block(plan)
    lke_excel.download(plan)
    lke_excel.upload(plan, user)
    summary.next_steps(*of_plan(_steps, plan, answers))
    st.subheader("Jawaban per sub-komponen")
    ed = None
    if user and draft is not None:
        # Keyed on the file's version too: a save by someone else redraws the widgets fresh.
        generation = f"{_generation()}_{plan.version[:12]}"
        ed = Editing(user, str(plan.path), generation, saved_cells, typed)
    _questions(plan, found, answers, ed, saved_cells)
    if user and store and draft is not None:
        _review(ctx, store, draft, user)
    else:
        with login, st.expander("Masuk sebagai penyunting untuk mengisi jawaban"):
            require_editor()


def _review(ctx: Context, store, draft: Draft, user: str) -> None:
    if not draft.count(SHEET):
        st.caption("Belum ada perubahan. Jawaban yang dipilih menjadi draf sampai Simpan.")
        return
    review_changes(ctx, store, draft, SHEET, _reviewed(ctx.plan, draft), user)


def _reviewed(plan: Plan, draft: Draft) -> editing.Review:
    """The draft's review, once per (file version, draft): a rerun that changed neither (a
    picker moved) reuses it; the review reads the whole sheet twice."""
    key = (plan_key(plan), repr(draft.typed(SHEET)), repr(draft.seen(SHEET)))
    kept = st.session_state.get(REVIEWED)
    if kept is not None and kept[0] == key:
        return kept[1]
    found = editing.review(plan, SHEET, draft)
    st.session_state[REVIEWED] = (key, found)
    return found
