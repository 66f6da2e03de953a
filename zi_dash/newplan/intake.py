"""A plan table imported from a file: what was read, the targets' readings, the new workbook."""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Final

import pandas as pd

from zi_dash.base import AREA_NAMES, ActionCol, number
from zi_dash.newplan.ids import some
from zi_dash.newplan.links import link_notes
from zi_dash.schedule import NO_TARGET, Target, parse_target
from zi_dash.sk import (
    OTHER_GUIDE,
    YEAR,
    SourceError,
    TableRead,
    action_rows,
    evidence_rows,
    guess_legal_basis,
    guess_unit,
    guess_year,
    letters,
    read_source,
    stated_year,
    workbook_bytes,
)

READING: Final = "Bacaan Target"
_BARE_TARGET: Final = "target"  # a header that does not say whether it holds times or outcomes
_PROBE_YEAR: Final = 2000  # a year that only tells which targets lack nothing but one


@dataclass(frozen=True)
class Fill:
    """How the user supplies what the file does not say: the page's fields or the options."""

    unit: str
    year: str


ON_PAGE: Final = Fill("isi namanya (contoh KPU Kota X)", "isi tahunnya (contoh 2023)")
BY_OPTION: Final = Fill(
    'beri opsi --satker (contoh --satker "KPU Kota X")', "beri opsi --year (contoh --year 2023)"
)


@dataclass(frozen=True)
class Intake:
    """An imported table with the satuan kerja and year its workbook will carry."""

    name: str
    table: TableRead
    unit: str
    year: int | None
    legal_basis: str

    @cached_property
    def readings(self) -> list[Target]:
        """Each row's Target Waktu read as dates, the plan year filling in a missing year."""
        return [parse_target(r.target, self.year) for r in self.table.rows]

    @cached_property
    def unread(self) -> list[str]:
        """IDs of the rows whose Target Waktu is written but not read as dates."""
        return [
            r.id for r, t in zip(self.table.rows, self.readings) if r.target and not t.recognized
        ]

    @cached_property
    def no_target(self) -> list[str]:
        """IDs of the rows without a Target Waktu: listed, never refused, never guessed."""
        return [r.id for r in self.table.rows if not r.target]

    @cached_property
    def need_year(self) -> list[str]:
        """Of the unread targets, those that read once the plan year is known."""
        if self.year is not None:
            return []
        return [
            r.id
            for r, t in zip(self.table.rows, self.readings, strict=True)
            if r.target and not t.recognized and parse_target(r.target, _PROBE_YEAR).recognized
        ]

    def missing(self, fill: Fill = ON_PAGE) -> list[str]:
        """What the workbook still needs before it can be written (in Indonesian)."""
        out = []
        if not self.unit:
            out.append(f"Satuan kerja tidak terbaca dari berkas: {fill.unit}.")
        if self.year is None or not 2000 <= self.year <= 2100:
            waiting = len(self.need_year)
            then = (
                f"; {number(waiting, 0)} target yang tidak menyebut tahunnya terbaca setelah itu"
                if waiting
                else ""
            )
            out.append(f"Tahun rencana tidak terbaca dari berkas: {fill.year}{then}.")
        return out

    @cached_property
    def _summary(self) -> tuple[str, ...]:
        rows = self.table.rows
        areas = ", ".join(
            f"{a} {AREA_NAMES[a]} ({number(n, 0)})" for a, n in self.table.areas.items()
        )
        columns = ", ".join(f"{k} ← “{v}”" for k, v in self.table.headers.items())
        lines = [
            f"{number(len(rows), 0)} baris aksi dalam {len(self.table.areas)} area: {areas}.",
            f"{number(len({(r.area, r.component_no) for r in rows}), 0)} komponen; "
            f"{number(len(evidence_rows(rows)), 0)} butir bukti dukung.",
            f"Target Waktu terbaca: "
            f"{number(len(rows) - len(self.unread) - len(self.no_target), 0)} dari "
            f"{number(len(rows), 0)}.",
            f"Kolom: {columns}.",
        ]
        waiting = set(self.need_year)
        if waiting:  # one fix for all of them: said once, not as a list of every row
            lines.append(
                f"Target yang terbaca setelah tahun rencana diisi: {some(self.need_year)}."
            )
        if rest := [i for i in self.unread if i not in waiting]:
            lines.append(
                "Target yang tidak terbaca (diisi Mulai/Selesai nanti atau diperbaiki "
                f"teksnya): {some(rest)}."
            )
        if self.no_target:
            lines.append(f"Aksi yang {NO_TARGET}: {some(self.no_target, 'aksi')}.")
        return (*lines, *self.table.notes, *link_notes(self.table))

    def summary(self) -> list[str]:
        """What was read, for the user to check before the workbook is made."""
        return list(self._summary)

    def for_unit(self, unit: str | None) -> Intake:
        """The same table under another satuan kerja, its readings and summary kept."""
        other = dataclasses.replace(self, unit=_unit(unit, self.table))
        # Computed here, on the object the page caches, so every rerun's copy shares them.
        other.__dict__.update({k: getattr(self, k) for k in _OF_THE_TABLE})
        return other

    def preview(self) -> pd.DataFrame:
        """The rows as they will stand in the workbook, each target beside its reading."""
        return self._preview.copy()

    @cached_property
    def _preview(self) -> pd.DataFrame:
        frame = self._all_columns()
        if not any(r.outcome for r in self.table.rows):  # the table had no Target of outcomes
            frame = frame.drop(columns=ActionCol.OUTCOME)
        if not any(r.notes for r in self.table.rows):  # nor a Keterangan
            frame = frame.drop(columns=ActionCol.NOTES)
        return frame

    def _all_columns(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    ActionCol.ID: r.id,
                    ActionCol.AREA: r.area,
                    ActionCol.COMPONENT: r.component,
                    ActionCol.INDICATOR: r.indicator,
                    ActionCol.STEP: r.step,
                    ActionCol.EVIDENCE: r.evidence,
                    ActionCol.TARGET: r.target,
                    READING: t.reading if r.target else NO_TARGET,
                    ActionCol.PIC: r.pic,
                    ActionCol.OUTCOME: r.outcome,
                    ActionCol.NOTES: r.notes,
                }
                for r, t in zip(self.table.rows, self.readings)
            ]
        )

    def workbook(self, fill: Fill = ON_PAGE) -> bytes:
        """The new workbook's bytes; SourceError when the satuan kerja or year is missing."""
        missing = self.missing(fill)
        if missing:
            raise SourceError(" ".join(missing), missing)
        rows = self.table.rows
        return workbook_bytes(
            action_rows(rows),
            evidence_rows(rows),
            year=self.year,
            unit=self.unit,
            legal_basis=self.legal_basis,
            enacted=None,
            guide=OTHER_GUIDE,
        )


# What an Intake works out from its table and year alone (cached_property values).
_OF_THE_TABLE: Final = frozenset(
    {"readings", "unread", "no_target", "need_year", "_summary", "_preview"}
)


def read_intake(
    name: str,
    data: bytes,
    *,
    unit: str | None = None,
    year: int | None = None,
    sheet: str | None = None,
) -> Intake:
    """Read a plan table file's bytes; satuan kerja and year from the options, else the file."""
    return intake_from(name, read_source(name, data, sheet=sheet), unit=unit, year=year)


def _unit(unit: str | None, table: TableRead) -> str:
    # The satuan kerja typed, else the one the table's title names.
    return (unit or "").strip() or guess_unit(table.title)


def intake_from(
    name: str, table: TableRead, *, unit: str | None = None, year: int | None = None
) -> Intake:
    """The Intake of a table already read: satuan kerja and year from the options, else it."""
    said = column_year(table, year)
    if said is not None:
        titled = stated_year(table.title)
        if titled is not None and titled != said:
            # Two years in one file: which one the plan is for is the user's call, not ours.
            raise SourceError(
                f"Judul tabel menyebut tahun {titled}, sedangkan kolom “{table.headers[YEAR]}” "
                f"berisi {said}: bila rencananya untuk tahun {said}, isi Tahun rencana {said}; "
                "bila bukan, perbaiki kolomnya."
            )
        year = said
        where = f"Tahun rencana {said} dari kolom “{table.headers[YEAR]}”."
        table = dataclasses.replace(table, notes=[where, *table.notes])
    year = year if year is not None else guess_year(table.title, table.rows)
    return Intake(
        name=name,
        table=target_reading(table, year),
        unit=_unit(unit, table),
        year=year,
        legal_basis=guess_legal_basis(table.title),
    )


def column_year(table: TableRead, chosen: int | None) -> int | None:
    """The one year a table's tahun column holds; SourceError when it holds several, or
    another than the year chosen; None without such a column (or with `chosen` agreeing)."""
    if YEAR not in table.headers:
        return None
    header = table.headers[YEAR]
    by_year: dict[str, list[str]] = {}
    for row in table.rows:
        if row.year:  # a row that names no year is of the plan's year
            # "２０２４" typed with full-width digits is the year 2024, not a second year; any
            # other text is named as typed ("2024²", not NFKC's "20242").
            plain = unicodedata.normalize("NFKC", row.year)
            by_year.setdefault(plain if _is_year(plain) else row.year, []).append(row.id)
    bad = {text: ids for text, ids in by_year.items() if not _is_year(text)}
    if bad:
        listed = "; ".join(f"{text!r} ({some(ids, 'aksi')})" for text, ids in bad.items())
        raise SourceError(f"Kolom “{header}” memuat isi yang bukan tahun (2000–2100): {listed}.")
    if len(by_year) > 1:
        # One workbook is one year's plan: rows of another year are never dropped silently.
        listed = "; ".join(f"{y} ({some(ids, 'aksi')})" for y, ids in sorted(by_year.items()))
        raise SourceError(
            f"Kolom “{header}” memuat lebih dari satu tahun: {listed}. Satu workbook berisi "
            "rencana satu tahun: pisahkan baris tiap tahun ke tabelnya sendiri, lalu impor "
            "masing-masing."
        )
    if not by_year:
        return None
    found = int(next(iter(by_year)))
    if chosen is not None and chosen != found:
        raise SourceError(
            f"Tahun rencana yang diisi ({chosen}) tidak sama dengan kolom “{header}” berkas "
            f"({found}): kosongkan tahunnya agar diambil dari berkas, atau impor tabel "
            f"rencana {chosen}."
        )
    return None if chosen is not None else found


def _is_year(text: str) -> bool:
    # isdigit() takes "²", int() not; four digits first: int() refuses 4,300 of them (a crash)
    return len(text) == 4 and text.isdecimal() and 2000 <= int(text) <= 2100


def target_reading(table: TableRead, year: int | None) -> TableRead:
    """A column headed only "Target" whose cells mostly are not dates, kept as Target Keluaran."""
    header = table.headers.get(ActionCol.TARGET, "")
    if letters(header) != _BARE_TARGET:
        return table
    texts = [r.target for r in table.rows if r.target]
    dated = sum(parse_target(t, year or _PROBE_YEAR).recognized for t in texts)
    counted = f"{number(dated, 0)} dari {number(len(texts), 0)} isinya terbaca sebagai tanggal"
    if dated * 2 > len(texts):
        why = f"Kolom “{header}” dibaca sebagai {ActionCol.TARGET}: {counted}."
        return dataclasses.replace(table, notes=[why, *table.notes])
    why = (
        f"Kolom “{header}” dibaca sebagai {ActionCol.OUTCOME} (teks), bukan "
        f"{ActionCol.TARGET}: hanya {counted}; semua aksi {NO_TARGET}."
    )
    rows = [dataclasses.replace(r, outcome=r.target, target="") for r in table.rows]
    headers = {
        (ActionCol.OUTCOME if role == ActionCol.TARGET else role): text
        for role, text in table.headers.items()
    }
    return dataclasses.replace(table, rows=rows, headers=headers, notes=[why, *table.notes])
