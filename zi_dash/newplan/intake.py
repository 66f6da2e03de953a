"""A plan table imported from a file: what was read, the targets' readings, the new workbook."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Final

import pandas as pd

from zi_dash.base import AREA_NAMES, ActionCol
from zi_dash.schedule import Target, parse_target
from zi_dash.sk import (
    OTHER_GUIDE,
    SourceError,
    TableRead,
    action_rows,
    evidence_rows,
    guess_legal_basis,
    guess_unit,
    guess_year,
    read_source,
    workbook_bytes,
)

READING: Final = "Bacaan Target"


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

    def missing(self) -> list[str]:
        """What the workbook still needs before it can be written (in Indonesian)."""
        out = []
        if not self.unit:
            out.append("Satuan kerja tidak terbaca dari berkas: isi namanya (contoh KPU Kota X).")
        if self.year is None or not 2000 <= self.year <= 2100:
            out.append("Tahun rencana tidak terbaca dari berkas: isi tahunnya (contoh 2023).")
        return out

    def summary(self) -> list[str]:
        """What was read, for the user to check before the workbook is made."""
        rows = self.table.rows
        areas = ", ".join(f"{a} {AREA_NAMES[a]} ({n})" for a, n in self.table.areas.items())
        read = sum(t.recognized for t in self.readings)
        columns = ", ".join(f"{k} ← “{v}”" for k, v in self.table.headers.items())
        lines = [
            f"{len(rows)} baris aksi dalam {len(self.table.areas)} area: {areas}.",
            f"{len({(r.area, r.component_no) for r in rows})} komponen; "
            f"{len(evidence_rows(rows))} butir bukti dukung.",
            f"Target Waktu terbaca: {read} dari {len(rows)}.",
            f"Kolom: {columns}.",
        ]
        unread = [r.id for r, t in zip(rows, self.readings) if not t.recognized]
        if unread:
            lines.append(
                "Target yang tidak terbaca (diisi Mulai/Selesai nanti atau diperbaiki "
                f"teksnya): {', '.join(unread)}."
            )
        return lines + self.table.notes

    def preview(self) -> pd.DataFrame:
        """The rows as they will stand in the workbook, each target beside its reading."""
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
                    READING: t.reading,
                    ActionCol.PIC: r.pic,
                }
                for r, t in zip(self.table.rows, self.readings)
            ]
        )

    def workbook(self) -> bytes:
        """The new workbook's bytes; SourceError when the satuan kerja or year is missing."""
        missing = self.missing()
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


def intake_from(
    name: str, table: TableRead, *, unit: str | None = None, year: int | None = None
) -> Intake:
    """The Intake of a table already read: satuan kerja and year from the options, else it."""
    return Intake(
        name=name,
        table=table,
        unit=(unit or "").strip() or guess_unit(table.title),
        year=year if year is not None else guess_year(table.title, table.rows),
        legal_basis=guess_legal_basis(table.title),
    )
