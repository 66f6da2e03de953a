"""Rencana Baru's upload: read once per uploaded file, not on every rerun of the page."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import Final, TypeVar

import streamlit as st

from zi_dash import newplan, sk
from zi_dash.base import escape_md, number
from zi_dash.newplan import Intake
from zi_dash.sk import SourceError, TableRead
from zi_dash.ui.widgets import table

# Session state: the last file read (its key and table or error), the last Intake made.
_SOURCE: Final = "_newplan_source"
_INTAKE: Final = "_newplan_intake"
PREVIEW_ROWS: Final = 1_000
T = TypeVar("T")


def uploaded_intake(
    name: str, data: bytes, *, unit: str | None, year: int | None, sheet: str | None
) -> Intake:
    """The Intake of an uploaded table; SourceError when it cannot be read.

    The file is read once per content (its SHA-256), name and sheet; typing the satuan
    kerja, the year or ticking the confirmation reruns the page without reading it again,
    and a refused file is not read again either. Only the last file is kept per session.
    """
    digest = hashlib.sha256(data).hexdigest()
    table = _remembered(_SOURCE, (digest, name, sheet), lambda: _read(name, data, sheet))
    if isinstance(table, SourceError):
        raise table
    # The targets are read per year; the satuan kerja only names the workbook.
    read = _remembered(
        _INTAKE, (digest, name, sheet, year), lambda: newplan.intake_from(name, table, year=year)
    )
    return read.for_unit(unit) if unit else read


def show_intake(intake: Intake) -> None:
    """What the page needs from the user first, then what was read and the preview."""
    for problem in intake.missing():  # above the notice: a long table never pushes it away
        st.warning(escape_md(problem))
    st.info(
        f"**{escape_md(intake.unit or '(satuan kerja belum diisi)')}** · tahun "
        f"{intake.year or '(belum diisi)'}  \n" + escape_md("\n".join(intake.summary())),
        icon=":material/fact_check:",
    )
    preview = intake.preview()
    if len(preview) > PREVIEW_ROWS:  # sent to the browser on every rerun: the first rows
        st.caption(
            f"Pratinjau {number(PREVIEW_ROWS, 0)} baris pertama dari {number(len(preview), 0)}; "
            "workbook memuat semuanya."
        )
    table(preview.head(PREVIEW_ROWS))


def _read(name: str, data: bytes, sheet: str | None) -> TableRead | SourceError:
    try:
        return sk.read_source(name, data, sheet=sheet)
    except SourceError as exc:  # kept like a table: a refused file is refused once
        return exc


def _remembered(slot: str, key: tuple[Hashable, ...], make: Callable[[], T]) -> T:
    kept = st.session_state.get(slot)
    if kept is not None and kept[0] == key:
        return kept[1]
    value = make()
    st.session_state[slot] = (key, value)
    return value
