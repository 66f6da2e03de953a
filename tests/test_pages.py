"""Every page under AppTest, on the real workbook and on small hand-made ones."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from tests.factory import action, make_workbook
from tests.markup import shown
from zi_dash.analysis import meeting
from zi_dash.base import WORKBOOK_ENV, Status
from zi_dash.ui import Key

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/ringkasan.py", "pages/linimasa.py", "pages/bukti.py", "pages/rapat.py"]
AS_OF = date(2022, 5, 1)


def _all_done(path: Path) -> Path:
    actions = [action(f"{a}.1.1", Status.DONE, 100) for a in ("I", "II", "III", "IV", "V", "VI")]
    return make_workbook(path, actions)


def _nothing_done(path: Path) -> Path:
    return make_workbook(path, [action("I.1.1"), action("II.1.1", target="Juni 2022")])


def _unreadable(path: Path) -> Path:
    return make_workbook(path, [action("I.1.1", target="kalau sempat"), action("I.1.2")])


WORKBOOKS: dict[str, Callable[[Path], Path]] = {
    "mixed": factory.mixed,
    "all_done": _all_done,
    "nothing_done": _nothing_done,
    "unreadable": _unreadable,
}


def _app(monkeypatch: pytest.MonkeyPatch, workbook: Path, as_of: date = AS_OF) -> AppTest:
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = as_of
    return at.run()


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _values(data: object) -> list[float]:
    """Plotly 6+ sends numeric arrays as typed base64 ({"dtype": "f8", "bdata": ...})."""
    if isinstance(data, dict) and "bdata" in data:
        return list(np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]))
    return list(data)  # type: ignore[call-overload]


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("name", [*WORKBOOKS, "real"])
def test_every_page_runs_on_every_workbook(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, real_workbook: Path, name: str, page: str
) -> None:
    path = real_workbook if name == "real" else WORKBOOKS[name](tmp_path / f"{name}.xlsx")
    at = _app(monkeypatch, path)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.get("plotly_chart"), "every page shows a chart"
    for chart in at.get("plotly_chart"):
        config = chart.proto.config and json.loads(chart.proto.config)
        assert config["toImageButtonOptions"]["scale"] >= 3


def test_ringkasan_figures_of_the_mixed_plan(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    at = _app(monkeypatch, factory.mixed(tmp_path / "m.xlsx"))
    shown = _metrics(at)
    assert shown["Capaian"] == "46,7%"  # 280 / 6
    assert (shown["Selesai"], shown["Dalam proses"], shown["Belum mulai"]) == ("2", "2", "2")
    assert (shown["Terlambat"], shown["Tertinggal"]) == ("1", "0")
    assert shown["Bukti lengkap"] == "42,9%"  # 3 of 7
    specs = _charts(at)
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert titles[0] == "Capaian Rencana Aksi per Area · per 1 Mei 2022"
    assert _values(specs[0]["data"][0]["x"]) == pytest.approx([75, 15, 50])
    assert any("Kurva S" in t for t in titles) and any("LKE" in t for t in titles)


def test_a_finished_plan_gets_no_lke_verdict(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    # Every action done: the old Ringkasan said "memenuhi minimal WBBM" from the plan alone.
    at = _app(monkeypatch, _all_done(tmp_path / "d.xlsx"))
    assert _metrics(at)["Capaian"] == "100,0%"
    said = [str(s["layout"]) for s in _charts(at)] + [e.value for e in [*at.markdown, *at.caption]]
    assert not any(
        "memenuhi minimal WBBM" in text or "bobot area × capaian" in text for text in said
    )
    assert any("belum punya lembar LKE" in i.value for i in at.info)


def _filtered_app(monkeypatch: pytest.MonkeyPatch, workbook: Path, **state: list[str]) -> AppTest:
    # AppTest drops widget values set on widgets drawn before st.navigation (a 5-line app
    # shows it), so the filter state goes in through session_state, as a page switch keeps it.
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = AS_OF
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def test_filters_apply_and_survive_a_page_switch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    at = _filtered_app(monkeypatch, factory.mixed(tmp_path / "m.xlsx"), **{Key.AREAS: ["II"]})
    assert _metrics(at)["Capaian"] == "15,0%"
    assert at.multiselect(key=Key.AREAS).value == ["II"]
    at.switch_page("pages/bukti.py").run()
    assert at.multiselect(key=Key.AREAS).value == ["II"]
    assert _metrics(at)["Dokumen ada"] == "1 dari 2"


def test_status_filter_uses_the_late_status(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    state = {Key.STATUSES: ["Terlambat"]}
    at = _filtered_app(monkeypatch, factory.mixed(tmp_path / "m.xlsx"), **state)
    assert _metrics(at)["Terlambat"] == "1"
    assert _metrics(at)["Capaian"] == "50,0%"  # only I.1.2


def test_filter_to_nothing_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    state = {Key.STATUSES: ["Terlambat"], Key.AREAS: ["III"]}
    at = _filtered_app(monkeypatch, factory.mixed(tmp_path / "m.xlsx"), **state)
    assert not at.exception
    assert any("Tidak ada aksi" in w.value for w in at.warning)
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception, page


def test_linimasa_lists_unreadable_targets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    at = _app(monkeypatch, _unreadable(tmp_path / "u.xlsx"))
    at.switch_page("pages/linimasa.py").run()
    assert any("1 target tidak dapat dibaca" in w.value for w in at.warning)
    frames = [df.value for df in at.dataframe]
    assert any("kalau sempat" in f.to_string() for f in frames)


def test_bukti_gap_list_most_urgent_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    at = _app(monkeypatch, factory.mixed(tmp_path / "m.xlsx"))
    at.switch_page("pages/bukti.py").run()
    gaps = next(df.value for df in at.dataframe if "Prioritas" in df.value.columns)
    assert list(gaps["ID Bukti"]) == ["I.1.1/2", "I.1.2/1", "II.1.1/1"]
    assert gaps["Prioritas"].iloc[0].startswith("1 · Selesai")
    fix = next(df.value for df in at.dataframe if "Catatan" in df.value.columns)
    assert list(fix["Catatan"]) == ["Belum ditandatangani"]


def test_rapat_steps_through_areas(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _app(monkeypatch, factory.mixed(tmp_path / "m.xlsx"))
    at.switch_page("pages/rapat.py").run()
    assert "Ikhtisar" in at.markdown[0].value if at.markdown else True
    next_button = next(b for b in at.button if "Berikutnya" in b.label)
    next_button.click().run()  # the LKE screen, then area I
    next(b for b in at.button if "Berikutnya" in b.label).click().run()
    assert _metrics(at)["Rata-rata progres"] == "75%"  # area I
    assert _metrics(at)["Selesai"] == "1 / 2"


def test_broken_workbook_shows_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_text("bukan excel")
    at = _app(monkeypatch, path)
    assert not at.exception
    assert "bukan workbook Excel" in at.error[0].value


def test_missing_workbook_shows_where_to_put_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    at = _app(monkeypatch, tmp_path / "tidak-ada.xlsx")
    assert not at.exception
    assert "ZI_WORKBOOK" in at.error[0].value


def test_a_plan_of_another_year_says_so_and_offers_a_date_in_it(monkeypatch, real_workbook):
    at = _app(monkeypatch, real_workbook, date(2026, 11, 25))
    assert not at.exception
    assert "Rencana aksi ini untuk tahun 2022" in at.warning[0].value
    assert "25 November 2026 di luar tahun itu" in at.warning[0].value
    button = at.button(key="as_of_in_year_0")
    assert button.label == "Pakai 31 Desember 2022"
    button.click().run()
    assert at.session_state[Key.AS_OF] == date(2022, 12, 31)
    assert not any("di luar tahun itu" in w.value for w in at.warning)


def test_no_year_notice_inside_the_plan_year(monkeypatch, real_workbook) -> None:
    at = _app(monkeypatch, real_workbook, date(2022, 6, 30))
    assert not any("di luar tahun itu" in w.value for w in at.warning)


def test_rapat_fits_a_projector_and_says_which_filter_is_on(monkeypatch, real_workbook) -> None:
    at = _app(monkeypatch, real_workbook, date(2022, 6, 30))
    at.session_state[Key.AREAS] = ["III"]
    at.switch_page("pages/rapat.py").run()
    assert not at.exception
    assert any(shown(c.value) == "Saringan aktif: Area: III. Penataan Sistem Manajemen SDM"
               for c in at.caption)  # fmt: skip
    assert [p.proto.label for p in at.get("page_link")] == ["Keluar dari Mode Rapat"]
    for _ in range(2):  # past the LKE screen
        next(b for b in at.button if "Berikutnya" in b.label).click().run()
    assert any("Layar 3 dari 4" in m.value for m in at.markdown)
    # One table per area screen, a few rows at most, the rest counted.
    assert len(at.table) == 1 and len(at.table[0].value) == meeting.TABLE_ROWS
    assert any(c.value.startswith("+") and "lainnya" in c.value for c in at.caption)
    next(b for b in at.button if "Berikutnya" in b.label).click().run()
    assert [m.value for m in at.markdown if m.value.startswith("####")] == ["#### Kekurangan bukti"]
