"""Reading the action-plan workbook into a typed Plan, tolerant of what Excel users do."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final

import pandas as pd

from zi_dash.base import (
    ActionCol,
    AreaCol,
    EvidenceCol,
    InfoCol,
    InfoKey,
    InvalidValueError,
    fold,
)
from zi_dash.base import contract as c
from zi_dash.workbook.cells import (
    CellError,
    CellValue,
    as_date,
    as_int,
    as_text,
)
from zi_dash.workbook.consistency import consistent, pct_text
from zi_dash.workbook.frames import empty_frame, empty_log, where
from zi_dash.workbook.package import read_grids
from zi_dash.workbook.tables import Table, find_header, read_table

_MAX_LISTED_PROBLEMS: Final = 8


@dataclass(frozen=True)
class PlanInfo:
    """The Info sheet: whose plan it is and for which year."""

    unit: str
    year: int
    legal_basis: str = ""
    enacted: date | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    """The action plan as read from one version of the workbook."""

    path: Path
    version: str  # sha256 of the file's bytes: equal versions mean equal content
    modified: datetime
    actions: pd.DataFrame
    evidence: pd.DataFrame
    areas: pd.DataFrame
    history: pd.DataFrame
    info: PlanInfo
    # The LKE sheet's rows, or None for a workbook made before it (it then reads as before).
    lke: pd.DataFrame | None = None
    # The Kontak sheet's rows, or None for a workbook made before it.
    contacts: pd.DataFrame | None = None
    # Excel row number of each ID, per sheet, for messages and for writing back.
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    # 0-based column index of each header, per sheet, for messages that name the cell.
    columns: dict[str, dict[str, int]] = field(default_factory=dict)
    # Excel row of the header and of the last non-blank row, per sheet (where Riwayat grows).
    extents: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Cells changed in the file outside the dashboard since it last wrote it, as Riwayat rows
    # (not yet in the sheet; the next save appends them). Filled by workbook.outside.
    outside: pd.DataFrame = field(default_factory=lambda: empty_log())
    # Cells the plan reads but that contradict each other (a Status beside a Progres that
    # says otherwise), in Indonesian with their cell: shown, never a silent figure.
    warnings: tuple[str, ...] = ()

    def frame(self, sheet: str) -> pd.DataFrame:
        """The rows of an editable sheet (Rencana Aksi, Bukti or LKE; LKE empty when absent)."""
        if sheet == c.Sheet.ACTIONS:
            return self.actions
        if sheet == c.Sheet.EVIDENCE:
            return self.evidence
        if sheet == c.Sheet.LKE:
            return self.lke if self.lke is not None else empty_frame(c.LKE)
        if sheet == c.Sheet.CONTACTS:
            return self.contacts if self.contacts is not None else empty_frame(c.CONTACTS)
        raise KeyError(sheet)

    def has(self, sheet: str, column: str | None = None) -> bool:
        """The workbook has this sheet (and column): an optional one may be missing."""
        absent = {c.Sheet.LKE: self.lke is None, c.Sheet.CONTACTS: self.contacts is None}
        if absent.get(sheet, False):
            return False
        return column is None or column in self.columns.get(sheet, {})

    @property
    def log(self) -> pd.DataFrame:
        """Every known change, oldest first: the Riwayat sheet and the outside edits."""
        if self.outside.empty:
            return self.history
        return pd.concat([self.history, self.outside], ignore_index=True)

    @property
    def year(self) -> int:
        """The plan year, used for targets that do not name one."""
        return self.info.year


def _read_info(grid: list[list[CellValue]], problems: list[str]) -> PlanInfo:
    header_row, index = find_header(c.INFO, grid)
    key_i, value_i = index[InfoCol.KEY], index[InfoCol.VALUE]
    # Values keep their raw type here: a year is a number, a date a date.
    values: dict[str, tuple[str, CellValue]] = {}
    for row in grid[header_row + 1 :]:
        key = as_text(row[key_i] if key_i < len(row) else None)
        if key:
            values[fold(key)] = (key, row[value_i] if value_i < len(row) else None)

    def raw(key: str) -> CellValue:
        return values.get(fold(key), (key, None))[1]

    year: int | None = None
    with contextlib.suppress(CellError):
        year = as_int(raw(InfoKey.YEAR))
    if year is None or not 2000 <= year <= 2100:
        problems.append(
            f'{where(c.Sheet.INFO)}: butir "{InfoKey.YEAR}" harus berisi tahun, misalnya 2022.'
        )
        year = 0
    enacted: date | None = None
    try:
        enacted = as_date(raw(InfoKey.ENACTED))
    except CellError as exc:
        problems.append(f'{where(c.Sheet.INFO)}: butir "{InfoKey.ENACTED}": {exc}.')
    known = {fold(k) for k in (InfoKey.UNIT, InfoKey.YEAR, InfoKey.LEGAL_BASIS, InfoKey.ENACTED)}
    return PlanInfo(
        unit=as_text(raw(InfoKey.UNIT)),
        year=year,
        legal_basis=as_text(raw(InfoKey.LEGAL_BASIS)),
        enacted=enacted,
        extra={k: as_text(v) for key, (k, v) in values.items() if key not in known},
    )


def _cross_checks(actions: Table, evidence: Table, areas: Table, problems: list[str]) -> None:
    known_areas = set(areas.frame[AreaCol.AREA].dropna())
    for row_id, area in zip(actions.frame[ActionCol.ID], actions.frame[ActionCol.AREA]):
        if area and area not in known_areas:
            loc = where(c.Sheet.ACTIONS, actions.rows.get(row_id), ActionCol.AREA)
            problems.append(f'{loc}: area "{area}" tidak ada di lembar "{c.Sheet.AREAS}".')
    known_actions = set(actions.rows)
    for row_id, action_id in zip(
        evidence.frame[EvidenceCol.ID], evidence.frame[EvidenceCol.ACTION_ID]
    ):
        if action_id and action_id not in known_actions:
            loc = where(c.Sheet.EVIDENCE, evidence.rows.get(row_id), EvidenceCol.ACTION_ID)
            problems.append(f'{loc}: aksi "{action_id}" tidak ada di lembar "{c.Sheet.ACTIONS}".')


def _contradictions(actions: Table) -> tuple[str, ...]:
    """A warning for each action whose Status and Progres disagree, naming the Progres cell."""
    frame = actions.frame
    out: list[str] = []
    for row_id, status, progress in zip(
        frame[ActionCol.ID], frame[ActionCol.STATUS], frame[ActionCol.PROGRESS]
    ):
        if status is None or progress is None or consistent(status, progress):
            continue
        loc = where(
            c.Sheet.ACTIONS,
            actions.rows.get(row_id),
            ActionCol.PROGRESS,
            actions.columns[ActionCol.PROGRESS],
        )
        shown = pct_text(float(progress))
        out.append(
            f'{loc}: aksi "{row_id}" berstatus {status} dengan progres {shown} %. Selesai berarti '
            "100 %, Belum Mulai 0 %, Dalam Proses di bawah 100 %: perbaiki Status atau Progres."
        )
    return tuple(out)


def _raise_problems(problems: list[str]) -> None:
    if not problems:
        return
    shown = problems[:_MAX_LISTED_PROBLEMS]
    more = len(problems) - len(shown)
    text = "Workbook tidak dapat dibaca:\n- " + "\n- ".join(shown)
    if more:
        text += f"\n- dan {more} masalah lain."
    raise InvalidValueError(text, problems)


def load_plan(path: str | Path, data: bytes | None = None, *, lke: bool = True) -> Plan:
    """Read and check the workbook at `path` (or its bytes already read); raises WorkbookError.

    `lke=False` skips the LKE sheet (Plan.lke None), for readers that never use it.
    """
    path = Path(path)
    data, grids = read_grids(path, data, optional=lke)
    problems: list[str] = []
    actions = read_table(c.ACTIONS, grids[c.Sheet.ACTIONS], problems)
    evidence = read_table(c.EVIDENCE, grids[c.Sheet.EVIDENCE], problems)
    areas = read_table(c.AREAS, grids[c.Sheet.AREAS], problems)
    history = read_table(c.LOG, grids[c.Sheet.LOG], problems)
    info = _read_info(grids[c.Sheet.INFO], problems)
    tables = [actions, evidence, areas, history]
    answers: Table | None = None
    if c.Sheet.LKE in grids:
        # Answers that do not fit their row are zi_dash.lke's problems (listed, scored as
        # blank); only a sheet that cannot be a table at all is refused here.
        answers = read_table(c.LKE, grids[c.Sheet.LKE], problems)
        tables.append(answers)
    contacts = (
        read_table(c.CONTACTS, grids[c.Sheet.CONTACTS], problems)
        if (c.Sheet.CONTACTS in grids)
        else None
    )
    tables += [contacts] if contacts is not None else []
    _cross_checks(actions, evidence, areas, problems)
    _raise_problems(problems)

    names = dict(zip(areas.frame[AreaCol.AREA], areas.frame[AreaCol.NAME]))
    blank_name = actions.frame[ActionCol.AREA_NAME] == ""
    if blank_name.any():  # usually none: the assignment alone is a tenth of a 70-row read
        actions.frame.loc[blank_name, ActionCol.AREA_NAME] = actions.frame.loc[
            blank_name, ActionCol.AREA
        ].map(names)
    return Plan(
        warnings=_contradictions(actions),
        path=path,
        version=hashlib.sha256(data).hexdigest(),
        modified=datetime.fromtimestamp(path.stat().st_mtime),
        actions=actions.frame,
        evidence=evidence.frame,
        areas=areas.frame,
        history=history.frame,
        info=info,
        lke=answers.frame if answers is not None else None,
        contacts=contacts.frame if contacts is not None else None,
        rows={t.spec.name: t.rows for t in tables if t.spec.name in c.EDITABLE},
        columns={t.spec.name: t.columns for t in tables},
        extents={t.spec.name: t.extent for t in tables},
    )


# The last plans this process parsed or wrote, by workbook: a save of the version the page just
# read, and the page's reload after that save, need not parse 40,000 rows again. Plans are
# never changed after reading (every view copies), so sharing one is safe.
_KNOWN: OrderedDict[Path, Plan] = OrderedDict()
_KNOWN_LOCK = threading.Lock()
KNOWN_PLANS: Final = 4


def remember_parsed(plan: Plan) -> None:
    """Keep `plan` as the parse of its version, for `load_known`."""
    key = plan.path.resolve()
    with _KNOWN_LOCK:
        _KNOWN[key] = plan
        _KNOWN.move_to_end(key)
        while len(_KNOWN) > KNOWN_PLANS:
            _KNOWN.popitem(last=False)


def load_known(path: Path, data: bytes, *, lke: bool = True) -> Plan:
    """The plan of these bytes: the one already parsed if its version matches, else read.

    `lke=False` as in load_plan: a plan read so is never remembered (callers keep only whole
    parses), so a known plan serves both.
    """
    with _KNOWN_LOCK:
        known = _KNOWN.get(path.resolve())
    if known is not None and known.version == hashlib.sha256(data).hexdigest():
        return dataclasses.replace(
            known, modified=datetime.fromtimestamp(path.stat().st_mtime), outside=empty_log()
        )
    return load_plan(path, data, lke=lke)
