"""The LKE ZI question bank (PermenPANRB 90/2021): rows, answer types, weights and thresholds."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum, StrEnum
from importlib import resources

from zi_dash.base import contract as c

_COLUMNS = (
    "baris",
    "kind",
    "komponen",
    "bagian",
    "area",
    "area_nama",
    "subkomponen_baris",
    "subkomponen",
    "bobot",
    "huruf",
    "pertanyaan",
    "tipe",
    "pilihan",
    "rumus",
    "contoh_bukti",
    "sumber",
)
_THRESHOLD_COLUMNS = ("predicate", "requirement", "value", "comment")
_REF = re.compile(r"\[(\d+)\]")
_INPUT_OF = re.compile(r"input of \[(\d+)\]")
_OPTION = re.compile(r"([a-e])\.\s*(.*)", re.DOTALL)
_AREAS = ("I", "II", "III", "IV", "V", "VI")


class AnswerType(Enum):
    """The kind of answer an LKE row takes; .value is the LKE Excel's "Pilihan Jawaban" text."""

    YA_TIDAK = "Ya/Tidak"
    ABC = "A/B/C"
    ABCD = "A/B/C/D"
    ABCDE = "A/B/C/D/E"
    PERSEN = "%"
    NILAI_0_4 = "Nilai (0-4)"
    ANGKA = "Jumlah"

    @property
    def choices(self) -> tuple[str, ...]:
        """The answers a unit may pick, in order; () for the numeric types."""
        return tuple(_VALUES.get(self, {}))

    @property
    def values(self) -> dict[str, float]:
        """Each choice's value (0..1), as the LKE scores it."""
        return dict(_VALUES.get(self, {}))


_VALUES: dict[AnswerType, dict[str, float]] = {
    AnswerType.YA_TIDAK: {"Ya": 1.0, "Tidak": 0.0},
    AnswerType.ABC: {"A": 1.0, "B": 0.5, "C": 0.0},
    # the LKE's own literal values, not thirds
    AnswerType.ABCD: {"A": 1.0, "B": 0.67, "C": 0.33, "D": 0.0},
    AnswerType.ABCDE: {"A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0.0},
}


class RowKind(StrEnum):
    """What an LKE row is."""

    SUB = "subkomponen"
    QUESTION = "pertanyaan"
    COUNT = "jumlah"
    RESULT = "hasil"


@dataclass(frozen=True)
class Option:
    """One answer choice of a row: its letter (or Ya/Tidak), criterion text and value."""

    letter: str
    text: str
    value: float


@dataclass(frozen=True)
class Row:
    """One scored row of the LKE Excel's Jawaban sheet."""

    baris: int
    kind: RowKind
    part: str
    area: str
    area_name: str
    sub: int | None
    sub_name: str
    weight: float | None
    letter: str
    text: str
    type: AnswerType | None
    criteria: str
    options: tuple[Option, ...]
    formula: str
    examples: tuple[str, ...]
    inputs: tuple[int, ...]
    input_of: int | None

    @property
    def answerable(self) -> bool:
        """Whether the unit fills this row's Jawaban cell (PERSEN rows take their Jumlah rows)."""
        if self.kind is RowKind.SUB:
            return False
        return self.type is not AnswerType.PERSEN


@dataclass(frozen=True)
class Thresholds:
    """The minimums of one predicate (WBK or WBBM)."""

    total_min: float
    pengungkit_min: float
    area_pct_min: float
    birokrasi_bersih_min: float
    ipak_min: float
    capaian_kinerja_min: float
    pelayanan_prima_min: float
    previous_predicate: str


class Bank:
    """The 181 rows of the LKE in row order, with look-ups by row and sub-component."""

    def __init__(self, rows: tuple[Row, ...], thresholds: dict[str, Thresholds]) -> None:
        self.rows = rows
        self.thresholds = thresholds
        self._by_row = {row.baris: row for row in rows}
        # A Baris cell's text as the dashboard writes it ("18", never "018"): the roll-up looks
        # up every row of 550 sheets, twice; one dict look-up each, not a parse and a try.
        self._by_text = {str(row.baris): row.baris for row in rows}
        self.questions = tuple(row for row in rows if row.kind is RowKind.QUESTION)
        self.subcomponents = tuple(row for row in rows if row.kind is RowKind.SUB)
        by_sub: dict[int, list[Row]] = {}
        for row in self.questions:
            if row.sub is not None:
                by_sub.setdefault(row.sub, []).append(row)
        # scoring asks for these on every rerun of a page: grouped once
        self._by_sub = {sub: tuple(found) for sub, found in by_sub.items()}

    def row(self, baris: int) -> Row:
        """The row with this number (KeyError when the LKE has none)."""
        return self._by_row[baris]

    def baris_of(self, text: str) -> int | None:
        """The row number a Baris text names exactly as written ("18"), or None."""
        return self._by_text.get(text)

    def questions_of(self, sub: int) -> tuple[Row, ...]:
        """The question rows of one sub-component, in row order."""
        return self._by_sub.get(sub, ())

    def area_weight(self, area: str) -> float:
        """An area's weight: its sub-components that carry questions, both parts."""
        if area not in _AREAS:
            raise KeyError(area)
        return sum(
            row.weight or 0.0
            for row in self.subcomponents
            if row.area == area and self.questions_of(row.baris)
        )


def _fail(source: str, line: int, column: str, why: str) -> ValueError:
    return ValueError(f"{source} baris {line}, kolom {column}: {why}")


def _read(name: str) -> str:
    return resources.files("zi_dash.lke").joinpath("data", name).read_text(encoding="utf-8")


def _lines(name: str, text: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise _fail(name, 1, "-", f"kepala kolom harus {', '.join(columns)}")
    out = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise _fail(name, number, "-", f"{len(cells)} kolom, harus {len(columns)}")
        out.append((number, dict(zip(columns, cells, strict=True))))
    return out


def _int(name: str, line: int, column: str, text: str) -> int:
    if not text.isdigit():
        raise _fail(name, line, column, f"bukan bilangan bulat: {text!r}")
    return int(text)


def _float(name: str, line: int, column: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise _fail(name, line, column, f"bukan angka: {text!r}") from None


def _options(line: int, kind: AnswerType, criteria: str) -> tuple[Option, ...]:
    values = kind.values
    if kind is AnswerType.YA_TIDAK:
        texts = {"Ya": "", "Tidak": ""}
        for item in criteria.split(" | "):
            for choice in texts:
                if item.startswith(choice):
                    texts[choice] = item.strip()
        return tuple(Option(k, texts[k], v) for k, v in values.items())
    items = [item.strip() for item in criteria.split(" | ") if item.strip()]
    found = [_OPTION.fullmatch(item) for item in items]
    letters = [m.group(1).upper() if m else "?" for m in found]
    if letters != list(kind.choices):
        raise _fail("lke_zi.tsv", line, "pilihan", f"pilihan {letters}, harus {list(kind.choices)}")
    return tuple(
        Option(letter, m.group(2).strip(), values[letter])
        for letter, m in zip(letters, found, strict=True)
        if m
    )


def _row(line: int, cells: dict[str, str]) -> Row:
    name = "lke_zi.tsv"
    baris = _int(name, line, "baris", cells["baris"])
    try:
        kind = RowKind(cells["kind"])
    except ValueError:
        raise _fail(name, line, "kind", f"jenis tidak dikenal: {cells['kind']!r}") from None
    tipe = cells["tipe"]
    if kind is RowKind.SUB:
        if tipe:
            raise _fail(name, line, "tipe", "subkomponen tanpa tipe")
        answer_type = None
    elif tipe not in AnswerType.__members__:
        raise _fail(name, line, "tipe", f"tipe tidak dikenal: {tipe!r}")
    else:
        answer_type = AnswerType[tipe]
    part = cells["bagian"] or c.PART_RESULT
    if (kind is RowKind.RESULT) != (part == c.PART_RESULT) or part not in c.LKE_PARTS:
        raise _fail(name, line, "bagian", f"bagian tidak cocok: {cells['bagian']!r}")
    if cells["area"] not in _AREAS:
        raise _fail(name, line, "area", f"area tidak dikenal: {cells['area']!r}")
    sub = cells["subkomponen_baris"]
    has_weight = kind in (RowKind.SUB, RowKind.RESULT)
    if has_weight != bool(cells["bobot"]):
        raise _fail(name, line, "bobot", "bobot hanya untuk subkomponen dan hasil")
    formula = cells["rumus"]
    inputs: tuple[int, ...] = ()
    input_of = None
    if answer_type is AnswerType.PERSEN:
        # the part after "⚠" records a dissenting source's formula, not the LKE's
        main = formula.split("⚠")[0]
        inputs = tuple(dict.fromkeys(int(n) for n in _REF.findall(main)))
        if not inputs:
            raise _fail(name, line, "rumus", "rumus persen tanpa baris jumlah")
    if kind is RowKind.COUNT:
        found = _INPUT_OF.fullmatch(formula)
        if not found:
            raise _fail(name, line, "rumus", f"harus 'input of [n]': {formula!r}")
        input_of = int(found.group(1))
    choice = answer_type is not None and bool(answer_type.choices)
    return Row(
        baris=baris,
        kind=kind,
        part=part,
        area=cells["area"],
        area_name=cells["area_nama"],
        sub=_int(name, line, "subkomponen_baris", sub) if sub else None,
        sub_name=cells["subkomponen"],
        weight=_float(name, line, "bobot", cells["bobot"]) if has_weight else None,
        letter=cells["huruf"],
        text=cells["pertanyaan"],
        type=answer_type,
        criteria=cells["pilihan"],
        options=_options(line, answer_type, cells["pilihan"]) if choice and answer_type else (),
        formula=formula,
        examples=tuple(e.strip() for e in cells["contoh_bukti"].split(";") if e.strip()),
        inputs=inputs,
        input_of=input_of,
    )


def _check_links(rows: tuple[Row, ...], lines: list[int]) -> None:
    by_row = {row.baris: row for row in rows}
    for row, line in zip(rows, lines, strict=True):
        for target, column in [(n, "rumus") for n in row.inputs] + [(row.input_of, "rumus")]:
            if target is None:
                continue
            other = by_row.get(target)
            wanted = RowKind.COUNT if row.inputs else RowKind.QUESTION
            if other is None or other.kind is not wanted:
                raise _fail("lke_zi.tsv", line, column, f"baris [{target}] tidak cocok")
        if row.sub is not None and by_row.get(row.sub, row).kind is not RowKind.SUB:
            raise _fail("lke_zi.tsv", line, "subkomponen_baris", f"[{row.sub}] bukan subkomponen")


def _thresholds(text: str) -> dict[str, Thresholds]:
    name = "thresholds.tsv"
    found: dict[str, dict[str, float | str]] = {}
    for line, cells in _lines(name, text, _THRESHOLD_COLUMNS):
        predicate, requirement, value = cells["predicate"], cells["requirement"], cells["value"]
        if predicate not in ("WBK", "WBBM"):
            raise _fail(name, line, "predicate", f"predikat tidak dikenal: {predicate!r}")
        if requirement == "previous_predicate":
            # the file says "Menuju WBK"; the API names the predicate held, "WBK"
            found.setdefault(predicate, {})[requirement] = value.removeprefix("Menuju ").strip()
        elif requirement in Thresholds.__dataclass_fields__:
            found.setdefault(predicate, {})[requirement] = _float(name, line, "value", value)
        else:
            raise _fail(name, line, "requirement", f"syarat tidak dikenal: {requirement!r}")
    out = {}
    for predicate, fields in found.items():
        fields.setdefault("previous_predicate", "")
        missing = set(Thresholds.__dataclass_fields__) - set(fields)
        if missing:
            raise ValueError(f"{name}: {predicate} tanpa {', '.join(sorted(missing))}")
        out[predicate] = Thresholds(**fields)  # type: ignore[arg-type]
    return out


@functools.cache
def bank() -> Bank:
    """The LKE bank read from the package data (cached; a broken file raises ValueError)."""
    return _load(_read("lke_zi.tsv"), _read("thresholds.tsv"))


def _load(rows_text: str, thresholds_text: str) -> Bank:
    parsed = _lines("lke_zi.tsv", rows_text, _COLUMNS)
    rows = tuple(_row(line, cells) for line, cells in parsed)
    lines = [line for line, _ in parsed]
    seen: set[int] = set()
    for row, line in zip(rows, lines, strict=True):
        if row.baris in seen or (seen and row.baris < max(seen)):
            raise _fail("lke_zi.tsv", line, "baris", f"[{row.baris}] ganda atau tidak urut")
        seen.add(row.baris)
    _check_links(rows, lines)
    return Bank(rows, _thresholds(thresholds_text))
