"""The `Baris LKE` text (LKE question rows an action supports) and the SK components as LKE rows."""

from __future__ import annotations

import pytest

from zi_dash.base import contract as c
from zi_dash.lke import (
    SK_COMPONENTS,
    LinkError,
    RowKind,
    bank,
    format_rows,
    parse_rows,
    tegal_links,
)
from zi_dash.sk.annex import SkRow, load_sk_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("   \n\t ", ()),
        ("18", (18,)),
        ("18, 20", (18, 20)),
        ("20, 18", (20, 18)),  # typed order kept
        ("[18] [20]", (18, 20)),
        ("[18][20]", (18, 20)),
        ("18; 20", (18, 20)),
        ("18\n20\r\n6", (18, 20, 6)),
        (" 18 ,, 20 ;", (18, 20)),
        ("125", (125,)),  # a % question is a question
        ("6 7 9", (6, 7, 9)),
    ],
)
def test_parse_rows(text: str, expected: tuple[int, ...]) -> None:
    assert parse_rows(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", 'Baris LKE "abc" bukan nomor baris; tulis nomor baris pertanyaan LKE'),
        ("18, x1", 'Baris LKE "x1" bukan nomor baris'),
        ("-5", 'Baris LKE "-5" bukan nomor baris'),
        ("18.0", 'Baris LKE "18.0" bukan nomor baris'),
        ("[18", 'Baris LKE "[18" bukan nomor baris'),
        ("[]", 'Baris LKE "[]" bukan nomor baris'),
        ("١٨", 'Baris LKE "١٨" bukan nomor baris'),  # Arabic-Indic digits are not taken as 18
        ("21", 'Baris LKE "21" tidak ada dalam LKE'),
        ("0", 'Baris LKE "0" tidak ada dalam LKE'),
        ("203", 'Baris LKE "203" tidak ada dalam LKE'),
        ("99999999999999999999", '"99999999999999999999" tidak ada dalam LKE'),
        (
            "5",
            'Baris LKE "5" adalah subkomponen "Penyusunan Tim Kerja", bukan pertanyaan; '
            "pilih pertanyaannya: 6, 7.",
        ),
        ("[16]", 'Baris LKE "[16]" adalah subkomponen "Perubahan pola pikir dan budaya kerja"'),
        (
            "126",
            'Baris LKE "126" adalah isian jumlah ("Jumlah Agen Perubahan") untuk pertanyaan '
            "persentase baris 125; tulis 125.",
        ),
        ("199", 'Baris LKE "199" adalah komponen hasil ("Nilai Survey Persepsi Korupsi'),
        ("18, 20, 18", "Baris LKE 18 ditulis dua kali; tulis sekali saja."),
        ("18 [18]", "Baris LKE 18 ditulis dua kali"),
    ],
)
def test_parse_rows_refuses(text: str, message: str) -> None:
    with pytest.raises(LinkError) as caught:
        parse_rows(text)
    assert message in str(caught.value)


def test_parse_rows_names_every_wrong_part() -> None:
    with pytest.raises(LinkError) as caught:
        parse_rows("abc, 18, 5, 21")
    problems = caught.value.problems
    assert len(problems) == 3
    assert ['"abc"' in problems[0], '"5"' in problems[1], '"21"' in problems[2]] == [True] * 3


def test_link_error_is_a_value_error() -> None:
    assert issubclass(LinkError, ValueError)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [((18, 20), "18, 20"), ((), ""), ((125,), "125"), ([20, 18], "20, 18")],
)
def test_format_rows(rows: tuple[int, ...], expected: str) -> None:
    assert format_rows(rows) == expected


@pytest.mark.parametrize("text", ["18", "18, 20", "[18] [20]", "20; 6\n7"])
def test_format_rows_round_trips(text: str) -> None:
    rows = parse_rows(text)
    assert parse_rows(format_rows(rows)) == rows


@pytest.mark.parametrize(("key", "baris"), sorted(SK_COMPONENTS.items()))
def test_sk_component_is_a_fulfilment_sub_component_of_its_area(
    key: tuple[str, int], baris: int
) -> None:
    row = bank().row(baris)
    assert (row.kind, row.part, row.area) == (RowKind.SUB, c.PART_FULFILMENT, key[0])
    assert bank().questions_of(baris)


def test_sk_components_are_the_23_distinct_components() -> None:
    per_area = {
        a: sorted(n for (x, n) in SK_COMPONENTS if x == a)
        for a in ("I", "II", "III", "IV", "V", "VI")
    }
    assert {a: len(n) for a, n in per_area.items()} == {
        "I": 4,
        "II": 3,
        "III": 6,
        "IV": 2,
        "V": 5,
        "VI": 3,
    }
    assert all(n == list(range(1, len(n) + 1)) for n in per_area.values())
    assert len(set(SK_COMPONENTS.values())) == 23
    # [110] Pengelolaan Pengaduan and [118] Pemanfaatan TI have no SK component.
    assert {110, 118}.isdisjoint(SK_COMPONENTS.values())
    # The plan's ceiling the issue names: 28 of the 60 pengungkit points.
    assert sum(bank().row(b).weight or 0 for b in SK_COMPONENTS.values()) == pytest.approx(28.0)


_TEGAL: list[SkRow] = load_sk_rows()


def _links(r: SkRow) -> tuple[int, ...]:
    return tegal_links(r.area, r.component_no, r.indicator, r.step)


@pytest.mark.parametrize("action", _TEGAL, ids=[r.id for r in _TEGAL])
def test_every_tegal_action_links_questions_inside_its_sub_component(action: SkRow) -> None:
    rows = _links(action)
    inside = {
        q.baris for q in bank().questions_of(SK_COMPONENTS[(action.area, action.component_no)])
    }
    assert rows
    assert set(rows) <= inside


def test_the_tegal_links_cover_exactly_the_23_sk_sub_components() -> None:
    assert len(_TEGAL) == 70
    covered = {bank().row(b).sub for r in _TEGAL for b in _links(r)}
    assert covered == set(SK_COMPONENTS.values())


@pytest.mark.parametrize(
    ("action_id", "expected"),
    [
        ("I.4.2", (18,)),  # "Telah menetapkan agen perubahan" -> "Sudah ditetapkan agen perubahan"
        ("I.4.1", (17,)),  # pimpinan as role model
        ("II.1.1", (23, 24, 25)),  # SOP on the business process, applied, evaluated
        ("II.2.1", (28,)),  # SDM management with IT, not [27] unit performance
        ("III.2.3", (42,)),  # the monev of rotations
        ("IV.2.3", (67, 68)),  # IKU and SMART are two questions in the LKE
        ("V.5.2", (92,)),  # mapping conflicts of interest is [92], before its socialisation [93]
        ("VI.2.3", (106, 107)),  # reward/punishment and compensation
        ("VI.3.3", (117,)),
    ],
)
def test_hand_checked_tegal_links(action_id: str, expected: tuple[int, ...]) -> None:
    (action,) = [r for r in _TEGAL if r.id == action_id]
    assert _links(action) == expected


def test_tegal_links_match_texts_regardless_of_spacing_and_capitals() -> None:
    action = next(r for r in _TEGAL if r.id == "I.4.2")
    assert tegal_links("I", 4, "  TELAH menetapkan\nagen perubahan. ", action.step.upper()) == (18,)


@pytest.mark.parametrize(
    ("area", "no", "indicator"),
    [("I", 4, "Indikator lain"), ("II", 4, "Telah menetapkan agen perubahan.")],
)
def test_an_action_outside_the_tegal_table_has_no_hand_checked_links(
    area: str, no: int, indicator: str
) -> None:
    with pytest.raises(KeyError):
        tegal_links(area, no, indicator, "Menetapkan SK Tim Agen Perubahan")
