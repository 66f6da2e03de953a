"""zi_dash.schedule: hypothesis properties (never raises, valid intervals, case-blind)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.targets import REAL
from zi_dash.schedule import (
    Target,
    parse_target,
)

# --- properties ------------------------------------------------------------------------------

pytestmark = pytest.mark.reliability

VOCAB = [
    "januari", "Feb", "April", "mei", "Agt.", "Desember", "minggu", "ke", "ke-2", "mg", "II",
    "IV", "pertama", "terakhir", "akhir", "1", "2", "3", "5", "6", "15", "31", "2022", "2023",
    "-", "–", "s/d", "s.d.", "sampai", "dengan", ",", "dan", "&amp;", ";", "tiap", "setiap",
    "per", "bulan", "triwulan", "TW", "Q", "semester", "tahun", "sepanjang", "hari", "dari",
    "tanggal", "kalau", "(", ".", "/", "31/03/2022", "2022-02-30", "<b>", "</b>", "<br>",
]  # fmt: skip
vocab_text = st.lists(st.sampled_from(VOCAB), max_size=12).map(" ".join)
any_year = st.one_of(st.none(), st.integers(min_value=-(10**6), max_value=10**6))


def _outcome(t: Target) -> tuple[object, ...]:
    return (t.intervals, t.recognized, t.reading, t.problem)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), vocab_text), year=any_year)
def test_never_raises_and_is_consistent(text: str, year: int | None) -> None:
    t = parse_target(text, year)
    assert t.recognized == bool(t.intervals) == (t.problem == "")
    assert (t.reading == "Tidak terbaca") == (not t.recognized)


@settings(max_examples=400, deadline=None)
@given(text=vocab_text, year=st.one_of(st.none(), st.integers(min_value=2000, max_value=2050)))
def test_intervals_are_valid_sorted_and_disjoint(text: str, year: int | None) -> None:
    ivs = parse_target(text, year).intervals
    for start, end in ivs:
        assert start <= end
    for (_, prev_end), (next_start, _) in itertools.pairwise(ivs):
        assert prev_end < next_start


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCAB), max_size=10),
    case=st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
    gaps=st.lists(st.integers(min_value=1, max_value=4), min_size=11, max_size=11),
    pad=st.integers(min_value=0, max_value=3),
    year=st.one_of(st.none(), st.just(2022)),
)
def test_case_and_spacing_do_not_matter(
    words: list[str], case: object, gaps: list[int], pad: int, year: int | None
) -> None:
    plain = " ".join(words)
    spaced = " " * pad + "".join(w + " " * g for w, g in zip(words, gaps)) + " " * pad
    assert callable(case)
    assert _outcome(parse_target(case(spaced), year)) == _outcome(parse_target(plain, year))


@pytest.mark.parametrize("text", [c[0] for c in REAL])
def test_real_texts_case_and_space_insensitive(text: str) -> None:
    noisy = "  " + text.upper().replace(" ", "   ") + " "
    assert _outcome(parse_target(noisy)) == _outcome(parse_target(text))
