"""The house style: titles, layout defaults, month ticks, the as-of line, notes, export config."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import pytest

from zi_dash.analysis import metrics
from zi_dash.base import STATUS_COLORS
from zi_dash.base import contract as c
from zi_dash.charts import builders, style
from zi_dash.workbook import Plan

AS_OF = date(2022, 5, 1)
D = date


@pytest.mark.parametrize(
    ("what", "as_of", "title"),
    [
        ("Capaian", AS_OF, "Capaian · per 1 Mei 2022"),
        ("Kurva S", D(2023, 12, 31), "Kurva S · per 31 Desember 2023"),
    ],
)
def test_chart_title(what: str, as_of: date, title: str) -> None:
    assert style.chart_title(what, as_of) == title


def test_apply_style_sets_the_house_defaults() -> None:
    fig = style.apply_style(go.Figure(go.Bar(x=[1], y=["a"])), "Judul", 420)
    layout = fig.layout
    assert (layout.title.text, layout.height, layout.separators) == ("Judul", 420, ",.")
    assert layout.font.family == style.FONT and layout.font.size == style.BASE_FONT_SIZE
    assert layout.paper_bgcolor == layout.plot_bgcolor == "white"
    assert layout.legend.orientation == "h"
    assert layout.xaxis.gridcolor == layout.yaxis.gridcolor == style.GRID


def test_apply_style_lets_the_caller_win() -> None:
    fig = style.apply_style(
        go.Figure(), "Judul", 420, showlegend=False, margin={"l": 1, "r": 2, "t": 3, "b": 4}
    )
    assert fig.layout.showlegend is False
    assert (fig.layout.margin.l, fig.layout.margin.t) == (1, 3)


def test_camera_button_exports_print_size_png(mixed: Plan) -> None:
    fig = builders.area_completion(metrics.completion_by_area(mixed), AS_OF)
    options = style.config(fig, "capaian_per_area", AS_OF)["toImageButtonOptions"]
    assert options["format"] == "png" and options["scale"] >= 3
    assert options["width"] * options["scale"] >= 1600
    assert options["filename"] == "capaian_per_area_2022-05-01"


def test_config_uses_the_figures_height_or_600() -> None:
    tall = style.config(go.Figure(layout={"height": 912}), "x", AS_OF)
    assert tall["toImageButtonOptions"]["height"] == 912
    plain = style.config(go.Figure(), "x", AS_OF)
    assert plain["toImageButtonOptions"]["height"] == 600
    assert plain["displaylogo"] is False
    assert plain["modeBarButtonsToRemove"] == ["lasso2d", "select2d"]
    assert plain["toImageButtonOptions"]["width"] == style.EXPORT_WIDTH == 1000


def _ticks(text: str) -> list[str]:
    """ "Jan 2022, Apr 2022" -> ["Jan<br>2022", "Apr<br>2022"]."""
    return [t.strip().replace(" ", "<br>") for t in text.split(",") if t.strip()]


MONTHS_2022 = "Jan 2022, Feb 2022, Mar 2022, Apr 2022, Mei 2022, Jun 2022, Jul 2022, Agu 2022, \
Sep 2022, Okt 2022, Nov 2022, Des 2022"


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (D(2022, 1, 1), D(2022, 12, 31), MONTHS_2022),  # up to 14 months: every month
        (D(2022, 2, 15), D(2022, 3, 10), "Mar 2022"),  # a month begun before `first`: no tick
        (D(2022, 4, 10), D(2022, 4, 20), ""),
        # 18 and 20 months: quarters, starting on a quarter.
        (
            D(2022, 1, 1),
            D(2023, 6, 30),
            "Jan 2022, Apr 2022, Jul 2022, Okt 2022, Jan 2023, Apr 2023",
        ),
        (
            D(2022, 5, 10),
            D(2023, 12, 31),
            "Jul 2022, Okt 2022, Jan 2023, Apr 2023, Jul 2023, Okt 2023",
        ),
        # 60 months: half-years.
        (
            D(2022, 2, 15),
            D(2027, 1, 1),
            "Jul 2022, Jan 2023, Jul 2023, Jan 2024, Jul 2024, Jan 2025, Jul 2025, Jan 2026, "
            "Jul 2026, Jan 2027",
        ),
        # 168 months: years.
        (D(2022, 1, 1), D(2035, 12, 31), ", ".join(f"Jan {y}" for y in range(2022, 2036))),
    ],
)
def test_date_ticks_stay_legible(first: date, last: date, text: list[str]) -> None:
    vals, labels = style.date_ticks(first, last)
    assert labels == _ticks(text)
    assert len(vals) == len(labels) <= 14
    assert all(v.endswith("-01") for v in vals)


def test_date_ticks_over_fourteen_years() -> None:
    vals, _ = style.date_ticks(D(2022, 1, 1), D(2036, 12, 31))
    assert 0 < len(vals) <= 14


def test_the_as_of_line_is_a_dotted_red_line_with_its_label() -> None:
    fig = go.Figure()
    style.add_as_of_line(fig, D(2022, 6, 30))
    (line,) = fig.layout.shapes
    assert (line.x0, line.x1, line.yref) == ("2022-06-30", "2022-06-30", "paper")
    assert line.line.color == STATUS_COLORS[c.Status.LATE] and line.line.dash == "dot"
    (label,) = fig.layout.annotations
    assert (label.text, label.x) == ("Acuan 30 Juni 2022", "2022-06-30")


def test_a_note_sits_above_the_plot() -> None:
    fig = go.Figure()
    style.add_note(fig, "Total 12,05", {"size": 14})
    (note,) = fig.layout.annotations
    assert (note.text, note.x, note.y, note.xref, note.yref) == (
        "Total 12,05",
        0,
        1.0,
        "paper",
        "paper",
    )
    assert note.showarrow is False and note.font.size == 14


def test_projector_figure_is_larger_and_leaves_the_original(mixed: Plan) -> None:
    fig = builders.area_completion(metrics.completion_by_area(mixed), AS_OF)
    big = style.for_projector(fig)
    assert big.layout.font.size > fig.layout.font.size
    assert (big.layout.font.size, big.layout.title.font.size) == (22, 30)
    assert big.data[0].textfont.size == 22 and big.layout.yaxis.tickfont.size == 22
    assert fig.layout.font.size == style.BASE_FONT_SIZE and fig.data[0].textfont.size is None


@pytest.mark.parametrize(
    ("height", "max_height", "shown"),
    [(540, 450, 450), (300, 450, 300), (540, None, 540)],
    ids=["cut to the screen", "shorter kept", "no budget"],
)
def test_a_projector_figure_fits_the_height_left(height: int, max_height, shown: int) -> None:
    fig = go.Figure(layout={"height": height})
    assert style.for_projector(fig, max_height).layout.height == shown
    assert fig.layout.height == height  # the page's and the exported figure keep theirs


def test_no_projector_text_is_below_projector_size(mixed: Plan) -> None:
    big = style.for_projector(builders.area_completion(metrics.completion_by_area(mixed), AS_OF))
    layout = big.layout
    sizes = [layout.font.size, layout.title.font.size, layout.hoverlabel.font.size,
             layout.yaxis.tickfont.size, big.data[0].textfont.size]  # fmt: skip
    assert min(sizes) >= style.PROJECTOR_MIN_FONT
