"""The renderer's own logic, without drawing: where the browser is, what is said without one,
the size each image is asked for, and a dead browser. Real images: tests/test_export_bundle.py."""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import pytest

from zi_dash.charts import render

# Words of Kaleido's, choreographer's and Python's own messages.
ENGLISH = re.compile(r"\b(the|browser|error|installing|failed|seemed|closed|errno)\b", re.I)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No configured browser, an empty PATH, no known Debian paths; a fresh lookup cache."""
    monkeypatch.delenv(render.BROWSER_ENV, raising=False)
    # A warm renderer sets BROWSER_PATH in-process: set first, so the old value comes back.
    monkeypatch.setenv("BROWSER_PATH", "")
    monkeypatch.delenv("BROWSER_PATH")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(render, "_KNOWN_PATHS", ())
    render._find.cache_clear()
    yield empty
    render._find.cache_clear()


def _program(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_no_browser_anywhere_means_none(clean_env: Path) -> None:
    assert render.find_browser() is None
    assert render.available() is False


def test_the_configured_browser_wins(monkeypatch, tmp_path: Path) -> None:
    mine = _program(tmp_path / "opt", "my-chrome")
    _program(tmp_path / "bin", "chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv(render.BROWSER_ENV, str(mine))
    assert render.find_browser() == mine
    assert render.available() is True


def test_a_configured_browser_that_is_missing_is_not_second_guessed(monkeypatch, tmp_path) -> None:
    _program(tmp_path / "bin", "chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("BROWSER_PATH", str(_program(tmp_path / "opt", "chrome")))
    monkeypatch.setenv(render.BROWSER_ENV, str(tmp_path / "tidak-ada"))
    assert render.find_browser() is None
    assert render.available() is False


def test_browser_path_comes_next(monkeypatch, tmp_path: Path) -> None:
    chrome = _program(tmp_path / "opt", "chrome")
    _program(tmp_path / "bin", "chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("BROWSER_PATH", str(chrome))
    assert render.find_browser() == chrome
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "tidak-ada"))  # missing: PATH then
    assert render.find_browser() == tmp_path / "bin" / "chromium"


@pytest.mark.parametrize(
    ("on_path", "found"),
    [
        (["google-chrome", "chromium"], "chromium"),
        (["google-chrome-stable", "chromium-browser"], "chromium-browser"),
        (["google-chrome-stable", "google-chrome"], "google-chrome"),
        (["google-chrome-stable"], "google-chrome-stable"),
        (["firefox"], None),
    ],
)
def test_on_path_chromium_is_preferred(monkeypatch, tmp_path, on_path, found) -> None:
    for name in on_path:
        _program(tmp_path / "bin", name)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    expected = None if found is None else tmp_path / "bin" / found
    assert render.find_browser() == expected


def test_a_known_debian_path_is_the_last_resort(monkeypatch, tmp_path: Path) -> None:
    debian = _program(tmp_path / "usr-bin", "chromium")
    monkeypatch.setattr(render, "_KNOWN_PATHS", (str(tmp_path / "nope"), str(debian)))
    assert render.find_browser() == debian


def test_without_a_browser_the_message_says_what_to_do() -> None:
    message = render.unavailable_message()
    assert message.startswith("Gambar grafik tidak dapat dibuat di server")
    assert "Chrome/Chromium tidak ditemukan" in message
    assert "tombol kamera" in message  # the way that always works
    assert "apt-get install chromium" in message and "ZI_CHROMIUM" in message


def test_the_renderer_refuses_without_a_browser_and_starts_nothing(monkeypatch) -> None:
    started: list[object] = []
    monkeypatch.setattr(kaleido, "start_sync_server", lambda **kw: started.append(kw))
    renderer = render.Renderer()
    with pytest.raises(render.RenderUnavailableError) as caught:
        renderer.image(go.Figure(), "png")
    assert str(caught.value) == render.unavailable_message()
    assert started == []


@pytest.fixture
def fake_kaleido(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """A browser on PATH, a Kaleido server that only records starts and stops."""
    _program(tmp_path / "bin", "chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    calls: list[str] = []
    monkeypatch.setattr(kaleido, "start_sync_server", lambda **kw: calls.append(f"start {kw}"))
    monkeypatch.setattr(kaleido, "stop_sync_server", lambda **kw: calls.append("stop"))
    return calls


@pytest.mark.parametrize(
    ("fmt", "height", "asked"),
    [
        ("png", 450, {"format": "png", "width": 1000, "height": 450, "scale": 3}),
        ("svg", 450, {"format": "svg", "width": 1000, "height": 450, "scale": 1}),
        ("png", None, {"format": "png", "width": 1000, "height": 600, "scale": 3}),
    ],
)
def test_images_are_asked_at_print_size(monkeypatch, tmp_path, fake_kaleido, fmt, height, asked):
    seen: list[dict[str, object]] = []

    def to_image(self: go.Figure, **kw: object) -> bytes:
        seen.append(kw)
        return b"image"

    monkeypatch.setattr(go.Figure, "to_image", to_image)
    renderer = render.Renderer()
    assert renderer.image(go.Figure(layout={"height": height}), fmt) == b"image"
    assert seen == [asked]
    # One warm server, started once, without MathJax, pointed at the browser found.
    renderer.image(go.Figure(), "svg")
    assert fake_kaleido == ["start {'mathjax': False, 'silence_warnings': True}"]
    assert os.environ["BROWSER_PATH"] == str(tmp_path / "bin" / "chromium")
    renderer.stop()
    assert fake_kaleido[-1] == "stop"


def test_a_dead_browser_is_reported_and_the_server_stopped(monkeypatch, fake_kaleido) -> None:
    def to_image(self: go.Figure, **kw: object) -> bytes:
        raise ConnectionError("browser closed")

    monkeypatch.setattr(go.Figure, "to_image", to_image)
    renderer = render.Renderer()
    with pytest.raises(render.RenderUnavailableError, match="tombol kamera") as caught:
        renderer.image(go.Figure(), "png")
    assert str(caught.value) == render.FAILED_MESSAGE  # Kaleido's English goes to the log
    assert not ENGLISH.search(str(caught.value))
    assert fake_kaleido[-1] == "stop"
    with pytest.raises(render.RenderUnavailableError):  # the next image starts a fresh server
        renderer.image(go.Figure(), "png")
    assert [c.split(" ")[0] for c in fake_kaleido] == ["start", "stop", "start", "stop"]


def test_stopping_a_renderer_that_never_started_does_nothing(fake_kaleido) -> None:
    render.Renderer().stop()
    assert fake_kaleido == []


def test_a_browser_that_does_not_start_is_said_in_indonesian(monkeypatch, tmp_path) -> None:
    """A real Kaleido pointed at a "browser" that exits at once: its English stays in the log."""
    broken = _program(tmp_path / "opt", "chromium")
    broken.write_text("#!/bin/sh\nexit 1\n")  # crashes at start, as a broken install does
    monkeypatch.setenv(render.BROWSER_ENV, str(broken))
    renderer = render.Renderer()
    start = time.monotonic()
    with pytest.raises(render.RenderUnavailableError) as caught:
        renderer.image(go.Figure(), "png")
    assert time.monotonic() - start < 60  # refused, not hung
    assert str(caught.value) == render.cannot_start_message(broken)
    assert str(broken) in str(caught.value) and "tombol kamera" in str(caught.value)
    assert not ENGLISH.search(str(caught.value))


def test_a_browser_removed_after_it_was_found_is_missing(monkeypatch, tmp_path) -> None:
    chrome = _program(tmp_path / "opt", "chrome")
    monkeypatch.setenv("BROWSER_PATH", str(chrome))
    assert render.find_browser() == chrome and render.available()
    chrome.unlink()  # uninstalled while the server runs: the cached answer is not trusted
    assert render.find_browser() is None and not render.available()
    with pytest.raises(render.RenderUnavailableError) as caught:
        render.Renderer().image(go.Figure(), "png")
    assert str(caught.value) == render.unavailable_message()
