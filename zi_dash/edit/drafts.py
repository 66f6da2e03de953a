"""Unsaved edits kept on the server, per editor and workbook, so no keystroke is lost.

A browser tab's session dies on reload and a page switch drops the grid's state, so what an
editor typed is written here at every change: `.drafts/<workbook>/<user>.json` beside the
workbook, never inside it. A draft is cleared only by a save, an explicit "Buang perubahan"
or a logout the editor confirmed.

Each edited row keeps what was typed and the row's editable values as the editor saw them,
so the save (and the review before it) can tell the editor's changes from other people's.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final

from zi_dash.base import EDITABLE, durable
from zi_dash.workbook import CellValue, plain, same

DRAFT_DIR: Final = ".drafts"
FORMAT: Final = 1


@dataclass
class DraftRow:
    """One row's unsaved edits: the values typed and the row as the editor saw it."""

    typed: dict[str, CellValue] = field(default_factory=dict)
    seen: dict[str, CellValue] = field(default_factory=dict)
    at: datetime = field(default_factory=datetime.now)


@dataclass
class Draft:
    """An editor's unsaved edits on one workbook: sheet -> row ID -> DraftRow."""

    user: str
    sheets: dict[str, dict[str, DraftRow]] = field(default_factory=dict)

    def rows(self, sheet: str) -> dict[str, DraftRow]:
        """The edited rows of one sheet (empty when none)."""
        return self.sheets.get(sheet, {})

    def count(self, sheet: str | None = None) -> int:
        """How many cells are edited (in one sheet, or in all)."""
        sheets = [sheet] if sheet else list(self.sheets)
        return sum(len(r.typed) for s in sheets for r in self.rows(s).values())

    @property
    def updated(self) -> datetime | None:
        """When the newest edit was typed."""
        times = [r.at for rows in self.sheets.values() for r in rows.values()]
        return max(times) if times else None

    def typed(self, sheet: str) -> dict[str, dict[str, CellValue]]:
        """Row ID -> column -> value as typed."""
        return {row_id: dict(r.typed) for row_id, r in self.rows(sheet).items()}

    def seen(self, sheet: str) -> dict[str, dict[str, CellValue]]:
        """Row ID -> column -> value the editor saw."""
        return {row_id: dict(r.seen) for row_id, r in self.rows(sheet).items()}

    def type(
        self,
        sheet: str,
        row_id: str,
        column: str,
        value: object,
        shown: Mapping[str, object],
        now: datetime | None = None,
    ) -> bool:
        """Record a value typed into a cell whose row showed `shown`; True if the draft changed.

        The first value seen in a typed cell is kept (it is what the editor changed); the other
        columns take what the grid showed now, which is what the rules are applied against.
        Typing the value the cell showed removes the edit.
        """
        value = plain(value)
        kind = EDITABLE[sheet].column(column).kind
        row = self.sheets.setdefault(sheet, {}).get(row_id)
        if row is not None and column in row.typed and row.typed[column] == value:
            return False
        shown_row = {col: plain(v) for col, v in shown.items()}
        if row is None:
            row = DraftRow(seen=dict(shown_row))
        base = row.seen.get(column, shown_row.get(column))
        if column not in row.typed and same(kind, value, base) and _same_blank(value, base):
            return False
        for col, v in shown_row.items():
            if col not in row.typed:
                row.seen[col] = v
        if column in row.typed and same(kind, value, row.seen[column]):
            del row.typed[column]
        else:
            row.typed[column] = value
        row.at = now or datetime.now()
        if row.typed:
            self.sheets[sheet][row_id] = row
        else:
            self.sheets[sheet].pop(row_id, None)
        return True

    def drop(self, sheet: str, cells: Mapping[str, set[str]]) -> None:
        """Forget typed cells ({row ID: columns}), e.g. after they were saved or given up."""
        rows = self.rows(sheet)
        for row_id, columns in cells.items():
            row = rows.get(row_id)
            if row is None:
                continue
            for column in columns:
                row.typed.pop(column, None)
            if not row.typed:
                del rows[row_id]

    def rebase(self, sheet: str, row_id: str, now: Mapping[str, object]) -> None:
        """Take the file's current values as seen: the editor keeps their values over others'."""
        row = self.rows(sheet).get(row_id)
        if row is not None:
            row.seen = {col: plain(v) for col, v in now.items()}


def _same_blank(a: object, b: object) -> bool:
    return (a is None or a == "") == (b is None or b == "")


def _encode(value: CellValue) -> object:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value


def _decode(value: object) -> CellValue:
    if isinstance(value, dict):
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return date.fromisoformat(value["date"])
        raise ValueError(f"unknown value {value!r}")
    return value  # type: ignore[return-value]


def _row_json(row: DraftRow) -> dict[str, object]:
    return {
        "at": row.at.isoformat(timespec="seconds"),
        "typed": {k: _encode(v) for k, v in row.typed.items()},
        "seen": {k: _encode(v) for k, v in row.seen.items()},
    }


def _row_from(data: Mapping[str, object]) -> DraftRow:
    typed = data.get("typed", {})
    seen = data.get("seen", {})
    assert isinstance(typed, dict) and isinstance(seen, dict)
    return DraftRow(
        typed={str(k): _decode(v) for k, v in typed.items()},
        seen={str(k): _decode(v) for k, v in seen.items()},
        at=datetime.fromisoformat(str(data["at"])),
    )


class DraftStore:
    """The drafts of one workbook, one JSON file per editor."""

    def __init__(self, workbook: Path) -> None:
        self.folder = workbook.parent / DRAFT_DIR / workbook.name  # a PureWindowsPath too

    def path(self, user: str) -> Path:
        """The draft file of an editor (user names are plain: see auth.normal_name)."""
        return self.folder / f"{user}.json"

    def load(self, user: str) -> Draft:
        """The editor's draft; empty when none. A damaged file is kept aside, never lost."""
        path = self.path(user)
        if not path.is_file():
            return Draft(user)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            sheets = {
                sheet: {row_id: _row_from(row) for row_id, row in rows.items()}
                for sheet, rows in data["sheets"].items()
                if sheet in EDITABLE
            }
        except (OSError, ValueError, KeyError, TypeError, AssertionError):
            # Kept aside for the administrator; in a read-only folder it simply stays.
            with contextlib.suppress(OSError):
                path.replace(path.with_suffix(f".rusak-{datetime.now():%Y%m%d%H%M%S}.json"))
            return Draft(user)
        return Draft(user, sheets)

    def save(self, draft: Draft) -> None:
        """Write the draft at once (atomically); an empty draft removes the file.

        durable.WriteError (Indonesian) when the folder cannot be written: read-only, full.
        """
        durable.make_dir(self.folder)
        path = self.path(draft.user)
        with durable.locked(self.folder / f".{draft.user}.lock", timeout=10):
            if not draft.count():
                durable.remove(path)
                return
            payload = {
                "format": FORMAT,
                "user": draft.user,
                "sheets": {
                    sheet: {row_id: _row_json(row) for row_id, row in rows.items()}
                    for sheet, rows in draft.sheets.items()
                    if rows
                },
            }
            text = json.dumps(payload, ensure_ascii=False, indent=1)
            durable.atomic_write(path, text.encode("utf-8"))

    def clear(self, user: str) -> None:
        """Remove the editor's draft; durable.WriteError when the folder does not allow it."""
        durable.remove(self.path(user))

    def users(self) -> Iterator[str]:
        """Editors who have a draft on this workbook."""
        if self.folder.is_dir():
            yield from sorted(p.stem for p in self.folder.glob("*.json"))
