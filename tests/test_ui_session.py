"""The session under AppTest, one small script at a time: the cached plan and its errors, the
shared sidebar and its Context, the page runner. Whole pages: tests/test_pages*.py."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from tests.markup import read, shown
from zi_dash.base import WORKBOOK_ENV, ActionCol, LogCol, fmt
from zi_dash.base import contract as c
from zi_dash.ui import Key, session
from zi_dash.workbook import load_plan

AS_OF = date(2022, 5, 1)


def _app(script, **kwargs) -> AppTest:
    return AppTest.from_function(script, default_timeout=30, kwargs=kwargs or None)


def _load_and_count() -> None:
    import streamlit as st

    from zi_dash import ui

    plan = ui.load_current_plan()
    st.write(f"{len(plan.actions)} aksi")


def test_a_missing_workbook_says_where_to_put_it(monkeypatch, tmp_path: Path) -> None:
    missing = tmp_path / "tidak_ada.xlsx"
    monkeypatch.setenv(WORKBOOK_ENV, str(missing))
    at = _app(_load_and_count).run()
    assert not at.exception
    assert [shown(e.value) for e in at.error] == [
        f'Workbook "{missing}" tidak ditemukan. Atur lokasinya dengan variabel lingkungan '
        "ZI_WORKBOOK atau letakkan berkas di data/rencana_aksi.xlsx."
    ]
    assert not at.markdown  # the page stopped there


def test_an_unreadable_workbook_stops_the_page_with_the_reason(monkeypatch, tmp_path) -> None:
    bad = tmp_path / "rusak.xlsx"
    bad.write_text("bukan workbook")
    monkeypatch.setenv(WORKBOOK_ENV, str(bad))
    at = _app(_load_and_count).run()
    assert len(at.error) == 1
    assert at.error[0].value.startswith("**Workbook tidak dapat dibaca.** ")
    assert not at.markdown


def test_the_plan_is_read_once_per_version(monkeypatch, tmp_path: Path) -> None:
    path = factory.mixed(tmp_path / "mixed.xlsx")
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    reads: list[str] = []
    real = session.load_tracked
    monkeypatch.setattr(session, "load_tracked", lambda p: reads.append(p) or real(p))
    session.clear_plan_cache()
    at = _app(_load_and_count).run()
    assert at.markdown[0].value == "6 aksi"
    at.run()
    _app(_load_and_count).run()  # another session, the same version: still the cache
    assert reads == [str(path)]
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # "saved"
    at.run()
    assert len(reads) == 2
    session.clear_plan_cache()
    at.run()
    assert len(reads) == 3


def test_session_keys_are_unique() -> None:
    keys = {k: v for k, v in vars(Key).items() if not k.startswith("_")}
    assert len(set(keys.values())) == len(keys) > 10
    assert Key.GRID.format(c.Sheet.ACTIONS) != Key.EDITOR.format(c.Sheet.ACTIONS, 1)


def _sidebar() -> None:
    import streamlit as st

    from zi_dash import ui
    from zi_dash.base import ActionCol

    ctx = ui.sidebar(ui.load_current_plan())
    st.write(f"{len(ctx.view.actions)}/{len(ctx.plan.actions)} per {ctx.as_of.isoformat()}")
    st.write(" ".join(ctx.view.actions[ActionCol.ID]))
    st.write(f"sama: {st.session_state[ui.Key.CONTEXT] is ctx}")


def _lines(at: AppTest) -> list[str]:
    return [m.value for m in at.main.markdown]


@pytest.fixture
def sidebar_app(monkeypatch, tmp_path: Path) -> AppTest:
    path = factory.mixed(tmp_path / "mixed.xlsx")
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = _app(_sidebar)
    at.session_state[Key.AS_OF] = AS_OF
    return at


def test_the_sidebar_names_the_workbook_and_offers_the_filters(sidebar_app: AppTest) -> None:
    at = sidebar_app.run()
    assert not at.exception
    caption = shown(at.sidebar.caption[0].value)
    assert read(at.sidebar.caption[0].value).strong == ["KPU Kota Tegal"]
    assert caption.startswith("KPU Kota Tegal · Rencana Aksi ZI 2022\nWorkbook: mixed.xlsx")
    assert " oleh " not in caption  # nothing logged yet
    assert at.sidebar.date_input[0].label == "Tanggal acuan"
    assert [m.label for m in at.sidebar.multiselect] == [
        "Area",
        "Komponen",
        "Status",
        "Penanggung jawab",
        "Bulan target",
    ]
    assert at.sidebar.multiselect[0].options == [
        "I. Manajemen Perubahan",
        "II. Penataan Tata Laksana",
        "III. Penataan Sistem Manajemen SDM",
    ]
    assert [m.value for m in at.sidebar.markdown] == ["**Saring**"]
    assert _lines(at) == [
        "6/6 per 2022-05-01",
        "I.1.1 I.1.2 II.1.1 II.2.1 III.1.1 III.1.2",
        "sama: True",
    ]


def test_the_sidebars_choices_make_the_view(sidebar_app: AppTest) -> None:
    sidebar_app.session_state[Key.STATUSES] = [c.Status.LATE]
    at = sidebar_app.run()
    assert _lines(at)[1] == "I.1.2"
    at.multiselect(key=Key.STATUSES).set_value([]).run()
    at.multiselect(key=Key.AREAS).set_value(["II"]).run()
    assert _lines(at)[0] == "2/6 per 2022-05-01"
    at.date_input(key=Key.AS_OF).set_value(date(2022, 7, 1)).run()
    assert _lines(at)[0] == "2/6 per 2022-07-01"


def test_remembered_choices_the_workbook_lost_are_dropped(sidebar_app: AppTest) -> None:
    sidebar_app.session_state[Key.AREAS] = ["I", "IV"]  # no action of area IV any more
    sidebar_app.session_state[Key.PICS] = ["Pak Lama"]
    at = sidebar_app.run()
    assert not at.exception
    assert at.session_state[Key.AREAS] == ["I"] and at.session_state[Key.PICS] == []
    assert _lines(at)[0] == "2/6 per 2022-05-01"


def test_the_tanggal_acuan_starts_today(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(WORKBOOK_ENV, str(factory.mixed(tmp_path / "mixed.xlsx")))
    at = _app(_sidebar).run()
    assert at.session_state[Key.AS_OF] == date.today()
    assert _lines(at)[0].endswith(date.today().isoformat())


@pytest.mark.parametrize("later", [20, 86_400 * 40])  # the save's own write; a copy 40 days on
def test_the_sidebar_says_who_changed_the_workbook_only_at_their_save(
    monkeypatch, tmp_path: Path, later: int
) -> None:
    path = factory.mixed(tmp_path / "mixed.xlsx")
    factory.save_now(path, {c.Sheet.ACTIONS: {"I.1.1": {ActionCol.NOTES: "x"}}}, user="siti")
    moment = factory.NOW.timestamp() + later  # the save logged its rows at factory.NOW
    os.utime(path, (moment, moment))
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = _app(_sidebar)
    at.session_state[Key.AS_OF] = AS_OF
    at.run()
    lines = shown(at.sidebar.caption[0].value).splitlines()
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    changed = f"Diubah {fmt.format_datetime(modified)}"
    if later < 60:
        assert lines[2:] == [f"{changed} oleh siti"]
    else:  # the file's time is not siti's save: each fact on its own
        logged = fmt.format_datetime(load_plan(path).history[LogCol.TIME].iloc[-1])
        assert lines[2:] == [changed, f"Perubahan tercatat terakhir: {logged} oleh siti"]


def _in_app() -> None:
    import streamlit as st

    from zi_dash import ui
    from zi_dash.ui.session import in_app

    def page() -> None:
        st.write(f"di dalam: {in_app()}")
        st.write(f"konteks: {ui.context()}")

    st.session_state[ui.Key.CONTEXT] = "konteks-uji"
    ui.run_pages({"Bagian": [st.Page(page, title="Halaman", default=True)]})
    st.write(f"sesudah: {in_app()}")


def test_pages_run_inside_the_app_and_read_its_context() -> None:
    at = _app(_in_app).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == [
        "di dalam: True",
        "konteks: konteks-uji",
        "sesudah: False",
    ]


@pytest.mark.parametrize(
    ("as_of", "says", "offers", "label"),
    [
        (
            date(2026, 11, 25),
            "semua aksi yang belum selesai tampak terlambat.",
            date(2022, 12, 31),
            "Pakai 31 Desember 2022",
        ),
        (
            date(2021, 6, 1),
            "belum ada aksi yang dijadwalkan.",
            date(2022, 1, 1),
            "Pakai 1 Januari 2022",
        ),
    ],
)
def test_a_date_outside_the_plan_year_is_pointed_out_with_one_inside(
    monkeypatch, tmp_path: Path, as_of: date, says: str, offers: date, label: str
) -> None:
    path = factory.mixed(tmp_path / "mixed.xlsx")
    june = datetime(2022, 6, 15, 10).timestamp()
    os.utime(path, (june, june))  # the workbook was last changed inside the plan year
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = _app(_sidebar)
    at.session_state[Key.AS_OF] = as_of
    at.run()
    assert not at.exception
    (warning,) = at.main.warning
    assert warning.value.startswith("Rencana aksi ini untuk tahun 2022, sedangkan tanggal acuan ")
    assert warning.value.endswith(says)
    labels = [b.label for b in at.main.button]
    assert labels == [label, "Pakai perubahan terakhir workbook, 15 Juni 2022"]
    at.main.button[0].click().run()
    assert at.session_state[Key.AS_OF] == offers
    assert not at.main.warning and not at.main.button
    assert _lines(at)[0] == f"6/6 per {offers.isoformat()}"


def test_a_date_inside_the_plan_year_says_nothing(sidebar_app: AppTest) -> None:
    at = sidebar_app.run()
    assert not at.warning and not at.button
