"""zi_dash.charts.rollup: the Rekap Satker's heat map (units × areas) and ranking, on their data."""

from __future__ import annotations

from datetime import date

import pandas as pd

from zi_dash.analysis import rollup
from zi_dash.analysis.rollup import RekapCol, UnitSummary
from zi_dash.charts import rollup as charts

AS_OF = date(2022, 6, 30)


def _unit(i: int, completion: float, **kw: object) -> UnitSummary:
    areas = (("I", completion), ("II", None), ("III", 100.0))
    return UnitSummary(f"/zi/u{i:03d}.xlsx", unit=f"KPU {i}", year=2022, actions=3,
                       completion=completion, areas=areas, **kw)  # type: ignore[arg-type]  # fmt: skip


def _frames(units: list[UnitSummary]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return rollup.table(units, AS_OF), rollup.area_table(units)


def test_the_heat_map_has_a_row_per_readable_unit_and_a_column_per_area() -> None:
    units = [_unit(1, 40.0), _unit(2, 90.0), UnitSummary("/zi/rusak.xlsx", error="rusak")]
    _, areas = _frames(units)
    fig = charts.heatmap(areas, AS_OF)
    (heat,) = fig.data
    assert list(heat.y) == ["KPU 1 · 2022", "KPU 2 · 2022"]
    assert list(heat.x) == ["I", "II", "III"]
    assert heat.z[0][0] == 40.0 and heat.z[1][2] == 100.0
    assert heat.z[0][1] != heat.z[0][1]  # no actions in area II: a blank cell, not 0
    assert heat.text[0][1] == "" and heat.text[0][0] == "40%"
    assert (heat.zmin, heat.zmax) == (0, 100)
    assert "Capaian per Satker dan Area" in fig.layout.title.text and "30 Juni 2022" in (
        fig.layout.title.text
    )


def test_the_heat_map_names_duplicate_units_by_file_and_caps_its_rows() -> None:
    units = [_unit(1, 10.0), UnitSummary("/zi/salinan.xlsx", unit="KPU 1", year=2022,
                                         areas=(("I", 5.0),))]  # fmt: skip
    heat = charts.heatmap(_frames(units)[1], AS_OF).data[0]
    assert list(heat.y) == ["KPU 1 · 2022 (u001.xlsx)", "KPU 1 · 2022 (salinan.xlsx)"]
    many = [_unit(i, float(i % 100)) for i in range(charts.HEATMAP_ROWS + 5)]
    fig = charts.heatmap(_frames(many)[1], AS_OF)
    assert len(fig.data[0].y) == charts.HEATMAP_ROWS
    assert "5 lainnya" in fig.layout.annotations[0].text


def test_the_ranking_orders_by_capaian_and_keeps_top_and_bottom() -> None:
    units = [_unit(1, 40.0), _unit(2, 90.0), _unit(3, 65.0, covered_weight=28.0)]
    bar = charts.ranking(_frames(units)[0], AS_OF).data[0]
    assert list(bar.y) == ["1. KPU 2 · 2022", "2. KPU 3 · 2022", "3. KPU 1 · 2022"]
    assert list(bar.x) == [90.0, 65.0, 40.0]
    assert bar.text[1] == "65,0% · cakupan LKE 28,0"
    assert bar.text[0] == "90,0% · cakupan LKE 0,0"
    assert isinstance(bar.marker.color, str)  # one colour: no predikat read into progress
    many = [_unit(i, float(i)) for i in range(100)]
    fig = charts.ranking(_frames(many)[0], AS_OF)
    labels = list(fig.data[0].y)
    assert len(labels) == charts.RANKING_ROWS
    assert labels[0] == "1. KPU 99 · 2022" and labels[-1] == "100. KPU 0 · 2022"
    assert "20 tertinggi dan 20 terendah dari 100 satker" in fig.layout.annotations[0].text


def test_the_table_column_names_are_the_charts_inputs() -> None:
    frame, areas = _frames([_unit(1, 50.0)])
    assert {RekapCol.COMPLETION, RekapCol.UNIT} <= set(frame.columns)
    assert rollup.area_label("I") in areas.columns
