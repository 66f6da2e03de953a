"""Server-side chart images with Kaleido 1.x and the machine's own Chrome or Chromium.

One renderer is kept warm for the whole process: starting a browser costs 1.5–2 s, a warm
render 0.1–0.3 s. Nothing is ever downloaded: without a browser the export says so.
"""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal

import plotly.graph_objects as go

from zi_dash.charts.style import EXPORT_SCALE, EXPORT_WIDTH

BROWSER_ENV: Final = "ZI_CHROMIUM"
_CANDIDATES: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_KNOWN_PATHS: Final = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
Format = Literal["png", "svg"]


class RenderUnavailableError(RuntimeError):
    """Images cannot be made on the server; the message says why and what to do instead."""


def find_browser() -> Path | None:
    """Chrome/Chromium: $ZI_CHROMIUM, $BROWSER_PATH, on PATH, or a known Debian path.

    A configured $ZI_CHROMIUM that does not exist means none: configuration is not second-guessed.
    """
    env = os.environ
    return _find(env.get(BROWSER_ENV), env.get("BROWSER_PATH"), env.get("PATH"))


@lru_cache(maxsize=8)
def _find(configured: str | None, browser_path: str | None, path: str | None) -> Path | None:
    # Asked on every page rerun (once per chart): the answer only changes with the environment.
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    if browser_path and Path(browser_path).is_file():
        return Path(browser_path)
    for name in _CANDIDATES:
        found = shutil.which(name, path=path)
        if found:
            return Path(found)
    return next((Path(p) for p in _KNOWN_PATHS if Path(p).is_file()), None)


def unavailable_message() -> str:
    """What to tell a user when there is no browser for server-side images."""
    return (
        "Gambar grafik tidak dapat dibuat di server karena Chrome/Chromium tidak ditemukan. "
        "Unduh setiap grafik dengan tombol kamera di pojok kanan atas grafik itu, atau minta "
        "pengelola server memasang chromium (apt-get install chromium) atau mengisi "
        f"variabel {BROWSER_ENV} dengan lokasinya."
    )


class Renderer:
    """A warm Kaleido server shared by every export in this process; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started = False

    def _start(self) -> None:
        import kaleido

        browser = find_browser()
        if browser is None:
            raise RenderUnavailableError(unavailable_message())
        os.environ["BROWSER_PATH"] = str(browser)  # where choreographer looks first
        # MathJax would be fetched from a CDN this network cannot reach.
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        self._started = True

    def image(self, fig: go.Figure, fmt: Format) -> bytes:
        """The figure as PNG (export width × scale) or SVG, drawn like the page draws it."""
        with self._lock:
            if not self._started:
                self._start()
            height = int(fig.layout.height or 600)
            scale = EXPORT_SCALE if fmt == "png" else 1
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # "kopts ignored when using a server"
                    return fig.to_image(format=fmt, width=EXPORT_WIDTH, height=height, scale=scale)
            except Exception as exc:  # kaleido/choreographer raise many types for a dead browser
                self.stop_locked()
                raise RenderUnavailableError(
                    f"Gambar grafik gagal dibuat di server ({type(exc).__name__}: {exc}). "
                    "Gunakan tombol kamera pada grafik, lalu coba lagi nanti."
                ) from exc

    def stop_locked(self) -> None:
        import kaleido

        if self._started:
            kaleido.stop_sync_server(silence_warnings=True)
        self._started = False

    def stop(self) -> None:
        """Close the warm browser (tests and the CLI do this at exit)."""
        with self._lock:
            self.stop_locked()


RENDERER: Final = Renderer()


def image(fig: go.Figure, fmt: Format) -> bytes:
    """Render with the process's warm renderer."""
    return RENDERER.image(fig, fmt)


def available() -> bool:
    """True when a browser for server-side images is on this machine."""
    return find_browser() is not None
