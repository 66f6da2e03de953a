"""zi_dash.base.palette: one colour per status, shared by the workbook, charts and exports."""

from __future__ import annotations

import re

import pytest

from zi_dash.base import contract as c
from zi_dash.base import palette as p

HEX = re.compile(r"^#[0-9A-F]{6}$")
ALL = {
    "STATUS_COLORS": p.STATUS_COLORS,
    "EVIDENCE_COLORS": p.EVIDENCE_COLORS,
    "single": {
        "PLAN_COLOR": p.PLAN_COLOR,
        "ACTUAL_COLOR": p.ACTUAL_COLOR,
        "HEADER_FILL": p.HEADER_FILL,
        "SOURCE_TEXT_FILL": p.SOURCE_TEXT_FILL,
    },
}


def _linear(channel: int) -> float:
    s = channel / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG relative luminance of "#RRGGBB"."""
    r, g, b = (_linear(int(color[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lightness(color: str) -> float:
    """CIELAB L* (0 black to 100 white)."""
    y = luminance(color)
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else 24389 / 27 * y


def test_helpers_measure_what_they_claim() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert lightness("#FFFFFF") == pytest.approx(100.0) and lightness("#000000") == 0.0


@pytest.mark.parametrize(
    ("colors", "keys"),
    [
        (p.STATUS_COLORS, [*c.ACTION_STATUSES, c.Status.LATE, c.Status.BEHIND]),
        (p.EVIDENCE_COLORS, list(c.EVIDENCE_STATUSES)),
    ],
    ids=["status", "evidence"],
)
def test_every_status_has_its_own_colour(colors: dict[str, str], keys: list[str]) -> None:
    assert sorted(colors) == sorted(keys)
    assert len(set(colors.values())) == len(colors)


@pytest.mark.parametrize("group", ALL, ids=str)
def test_colours_are_upper_case_hex(group: str) -> None:
    for name, color in ALL[group].items():
        assert HEX.match(color), (name, color)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (p.STATUS_COLORS[c.Status.LATE], p.EVIDENCE_COLORS[c.EvidenceStatus.MISSING]),
        (p.STATUS_COLORS[c.Status.DONE], p.EVIDENCE_COLORS[c.EvidenceStatus.VERIFIED]),
        (p.STATUS_COLORS[c.Status.IN_PROGRESS], p.ACTUAL_COLOR),
    ],
    ids=["red: late and missing", "green: done and verified", "blue: in progress and actual"],
)
def test_one_meaning_one_colour_across_charts(a: str, b: str) -> None:
    assert a == b


def test_the_alarm_colours() -> None:
    assert p.STATUS_COLORS[c.Status.LATE] == "#DC2626"
    assert p.STATUS_COLORS[c.Status.BEHIND] == "#F59E0B"
    assert p.STATUS_COLORS[c.Status.DONE] == "#166534"
    assert p.PLAN_COLOR != p.ACTUAL_COLOR


def test_header_and_source_text_fills_are_readable() -> None:
    assert contrast(p.HEADER_FILL, "#FFFFFF") >= 7  # white bold headers (WCAG AAA)
    assert contrast(p.SOURCE_TEXT_FILL, "#000000") >= 7  # the SK's text on its grey fill


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (c.Status.IN_PROGRESS, c.Status.NOT_STARTED),
        (c.Status.DONE, c.Status.NOT_STARTED),
        (c.Status.LATE, c.Status.NOT_STARTED),
        (c.Status.BEHIND, c.Status.LATE),  # behind a period, or past the final due date
        (c.Status.BEHIND, c.Status.DONE),
    ],
)
def test_blue_grey_and_amber_carry_the_contrast(a: str, b: str) -> None:
    assert abs(lightness(p.STATUS_COLORS[a]) - lightness(p.STATUS_COLORS[b])) >= 10


def test_done_and_late_differ_in_lightness() -> None:
    done, late = p.STATUS_COLORS[c.Status.DONE], p.STATUS_COLORS[c.Status.LATE]
    assert abs(lightness(done) - lightness(late)) >= 10
