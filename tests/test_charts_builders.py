"""Chart builders are pure: checked on fig.data and fig.layout for a hand-made plan."""

from __future__ import annotations

from datetime import date

import pytest

from zi_dash.analysis import metrics
from zi_dash.base import STATUS_COLORS, AreaCol
from zi_dash.charts import builders
from zi_dash.workbook import Plan

AS_OF = date(2022, 5, 1)


def _names(plan: Plan) -> dict[str, str]:
    return dict(zip(plan.areas[AreaCol.AREA], plan.areas[AreaCol.NAME]))


def test_area_completion_bars(mixed: Plan) -> None:
    fig = builders.area_completion(metrics.completion_by_area(mixed), AS_OF)
    bar = fig.data[0]
    assert list(bar.y) == [
        "I. Manajemen Perubahan",
        "II. Penataan Tata Laksana",
        "III. Penataan Sistem Manajemen SDM",
    ]
    assert list(bar.x) == pytest.approx([75, 15, 50])
    assert list(bar.text) == ["75% · 1/2", "15% · 0/2", "50% · 1/2"]
    assert fig.layout.title.text == "Capaian Rencana Aksi per Area · per 1 Mei 2022"
    assert fig.layout.separators == ",."


def test_status_by_area_uses_the_status_colours(mixed: Plan) -> None:
    fig = builders.status_by_area(metrics.status_by_area(mixed, AS_OF), _names(mixed), AS_OF)
    by_name = {t.name: t for t in fig.data}
    assert set(by_name) == {"Belum Mulai", "Dalam Proses", "Selesai", "Tertinggal", "Terlambat"}
    assert by_name["Terlambat"].marker.color == STATUS_COLORS["Terlambat"]
    assert by_name["Tertinggal"].marker.color == STATUS_COLORS["Tertinggal"]
    assert list(by_name["Terlambat"].x) == [1, 0, 0]  # I.1.2 is late
    assert list(by_name["Tertinggal"].x) == [0, 0, 0]  # nobody behind a running period
    assert list(by_name["Selesai"].x) == [1, 0, 1]
    assert fig.layout.barmode == "stack"


def test_component_chart_orders_as_the_sk(mixed: Plan) -> None:
    fig = builders.component_completion(metrics.completion_by_component(mixed), AS_OF)
    assert [y.split(" ")[0] for y in fig.data[0].y] == ["I.1", "II.1", "II.2", "III.1"]


def test_kurva_s_lines_and_verdict(mixed: Plan) -> None:
    k = metrics.kurva_s(mixed, AS_OF)
    fig = builders.kurva_s(k)
    assert [t.name for t in fig.data] == ["Rencana", "Realisasi"]
    assert fig.data[0].y[-1] == pytest.approx(100)
    assert fig.data[1].x[-1] == "2022-05-01"  # realisasi stops at the as-of date
    texts = [a.text for a in fig.layout.annotations]
    assert "Acuan 1 Mei 2022" in texts
    assert any("Deviasi" in t for t in texts)
    assert all(
        t.startswith(
            ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
        )
        for t in fig.layout.xaxis.ticktext
    )


def test_evidence_chart(mixed: Plan) -> None:
    fig = builders.evidence_by_area(metrics.evidence_matrix(mixed), _names(mixed), AS_OF)
    by_name = {t.name: t for t in fig.data if t.name}
    assert list(by_name["Belum Ada"].x) == [1, 1, 1]
    assert list(by_name["Terverifikasi"].x) == [0, 0, 1]
    assert [t.strip() for t in fig.data[-1].text] == ["33% ada", "50% ada", "50% ada"]
