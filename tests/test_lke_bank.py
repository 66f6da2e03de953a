"""The LKE bank: counts, types, weights, links and thresholds as the regulation's data has them."""

from __future__ import annotations

from importlib import resources

import pytest

from zi_dash.base import contract as c
from zi_dash.lke import AnswerType, RowKind, bank
from zi_dash.lke.bank import _load


def _data(name: str) -> str:
    return resources.files("zi_dash.lke").joinpath("data", name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kind", "part", "count"),
    [
        (RowKind.SUB, None, 44),
        (RowKind.QUESTION, None, 110),
        (RowKind.QUESTION, c.PART_FULFILMENT, 87),
        (RowKind.QUESTION, c.PART_REFORM, 23),
        (RowKind.COUNT, None, 24),
        (RowKind.RESULT, None, 3),
    ],
)
def test_row_counts(kind: RowKind, part: str | None, count: int) -> None:
    rows = [r for r in bank().rows if r.kind is kind and (part is None or r.part == part)]
    assert len(rows) == count


def test_rows_in_order_and_views() -> None:
    b = bank()
    assert len(b.rows) == 181
    assert [r.baris for r in b.rows] == sorted(r.baris for r in b.rows)
    assert len(b.questions) == 110 and len(b.subcomponents) == 44
    assert b.row(6).text.startswith("Unit kerja telah membentuk tim")
    with pytest.raises(KeyError):
        b.row(3)


@pytest.mark.parametrize(
    ("answer_type", "count"),
    [
        (AnswerType.YA_TIDAK, 17),
        (AnswerType.ABC, 36),
        (AnswerType.ABCD, 33),
        (AnswerType.ABCDE, 17),
        (AnswerType.PERSEN, 8),
        (AnswerType.NILAI_0_4, 2),
    ],
)
def test_type_counts(answer_type: AnswerType, count: int) -> None:
    rows = [r for r in bank().rows if r.kind in (RowKind.QUESTION, RowKind.RESULT)]
    assert sum(r.type is answer_type for r in rows) == count


@pytest.mark.parametrize(
    ("answer_type", "text", "values"),
    [
        (AnswerType.YA_TIDAK, "Ya/Tidak", {"Ya": 1, "Tidak": 0}),
        (AnswerType.ABC, "A/B/C", {"A": 1, "B": 0.5, "C": 0}),
        (AnswerType.ABCD, "A/B/C/D", {"A": 1, "B": 0.67, "C": 0.33, "D": 0}),
        (AnswerType.ABCDE, "A/B/C/D/E", {"A": 1, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0}),
        (AnswerType.PERSEN, "%", {}),
        (AnswerType.NILAI_0_4, "Nilai (0-4)", {}),
        (AnswerType.ANGKA, "Jumlah", {}),
    ],
)
def test_answer_types(answer_type: AnswerType, text: str, values: dict[str, float]) -> None:
    assert answer_type.value == text
    assert answer_type.values == values
    assert answer_type.choices == tuple(values)


def test_choice_rows_carry_their_options() -> None:
    for row in bank().rows:
        if row.type is not None and row.type.choices:
            assert tuple(o.letter for o in row.options) == row.type.choices, row.baris
            assert [o.value for o in row.options] == list(row.type.values.values())
        else:
            assert row.options == (), row.baris
    options = bank().row(200).options
    assert options[1].text.startswith("Target kinerja utama tercapai 100%")  # "b.Target", no space
    assert bank().row(7).options[2] == bank().row(7).options[2].__class__(
        "C", "Jika tidak di seleksi.", 0.0
    )


def test_subcomponent_weights_sum_to_60() -> None:
    b = bank()
    carried = [s for s in b.subcomponents if b.questions_of(s.baris)]
    assert sum(s.weight or 0 for s in carried) == pytest.approx(60)
    assert 172 not in [s.baris for s in carried]
    assert (b.row(173).sub, b.row(180).sub) == (172, 172)
    assert b.row(172).weight == b.row(173).weight + b.row(180).weight  # type: ignore[operator]
    assert all(q.sub != 172 for q in b.questions)


@pytest.mark.parametrize(
    ("area", "weight"), [("I", 8), ("II", 7), ("III", 10), ("IV", 10), ("V", 15), ("VI", 10)]
)
def test_area_weights_half_and_half(area: str, weight: float) -> None:
    b = bank()
    assert b.area_weight(area) == pytest.approx(weight)
    for part in (c.PART_FULFILMENT, c.PART_REFORM):
        subs = [s for s in b.subcomponents if s.area == area and s.part == part]
        assert sum(s.weight or 0 for s in subs if b.questions_of(s.baris)) == pytest.approx(
            weight / 2
        )


def test_hasil_weights() -> None:
    hasil = [r for r in bank().rows if r.kind is RowKind.RESULT]
    assert [(r.baris, r.weight, r.part, r.sub) for r in hasil] == [
        (199, 17.5, c.PART_RESULT, None),
        (200, 5.0, c.PART_RESULT, None),
        (202, 17.5, c.PART_RESULT, None),
    ]


@pytest.mark.parametrize(
    ("baris", "inputs"),
    [
        (125, (127, 126)),
        (151, (152, 153)),
        (168, (171, 169)),  # B's dissent after "⚠" ([170]) is not the LKE's formula
        (174, (179, 176, 177, 178)),
        (181, (186, 183, 184, 185)),
        (190, (192, 191)),
    ],
)
def test_percent_inputs(baris: int, inputs: tuple[int, ...]) -> None:
    b = bank()
    assert b.row(baris).inputs == inputs
    assert all(b.row(n).input_of == baris for n in inputs)


def test_every_count_row_feeds_a_percent_row() -> None:
    b = bank()
    for row in b.rows:
        if row.kind is RowKind.COUNT:
            assert b.row(row.input_of).type is AnswerType.PERSEN  # type: ignore[arg-type]
            assert row.answerable
    assert not b.row(125).answerable and not b.row(5).answerable
    assert b.row(6).answerable and b.row(199).answerable


def test_thresholds_equal_the_file() -> None:
    want: dict[tuple[str, str], str] = {}
    for line in _data("thresholds.tsv").splitlines()[1:]:
        predicate, requirement, value, _ = line.split("\t")
        want[predicate, requirement] = value
    for (predicate, requirement), value in want.items():
        got = getattr(bank().thresholds[predicate], requirement)
        if requirement == "previous_predicate":
            assert value == f"Menuju {got}"
        else:
            assert got == float(value)
    assert bank().thresholds["WBK"].previous_predicate == ""


def _broken(line: int, column: str, value: str) -> str:
    lines = _data("lke_zi.tsv").split("\n")
    header = lines[0].split("\t")
    cells = lines[line - 1].split("\t")
    cells[header.index(column)] = value
    lines[line - 1] = "\t".join(cells)
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("line", "column", "value"),
    [
        (2, "baris", "5a"),
        (3, "tipe", "YA"),
        (3, "kind", "soal"),
        (2, "bobot", "setengah"),
        (4, "pilihan", "a. satu | b. dua"),
        (4, "area", "VII"),
        (2, "bobot", ""),
    ],
)
def test_malformed_line_names_line_and_column(line: int, column: str, value: str) -> None:
    with pytest.raises(ValueError, match=rf"baris {line}, kolom {column}"):
        _load(_broken(line, column, value), _data("thresholds.tsv"))


def test_malformed_threshold_and_short_line() -> None:
    text = _data("thresholds.tsv").replace("\t75\t", "\tx\t", 1)
    with pytest.raises(ValueError, match=r"thresholds\.tsv baris 2, kolom value"):
        _load(_data("lke_zi.tsv"), text)
    rows = _data("lke_zi.tsv").split("\n")
    rows[5] = rows[5].rsplit("\t", 1)[0]
    with pytest.raises(ValueError, match="baris 6"):
        _load("\n".join(rows), _data("thresholds.tsv"))
