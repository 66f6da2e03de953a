"""Server-side chart images with Kaleido 1.x and the machine's own Chrome or Chromium.

One renderer is kept warm for the whole process: starting a browser costs 1.5–2 s, a warm
render 0.1–0.3 s. Nothing is ever downloaded: without a browser the export says so.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal

import plotly.graph_objects as go

from zi_dash.charts.style import EXPORT_SCALE, EXPORT_WIDTH

_LOG: Final = logging.getLogger(__name__)
BROWSER_ENV: Final = "ZI_CHROMIUM"
_CANDIDATES: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_KNOWN_PATHS: Final = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",  # a Windows server's Chrome
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
)
Format = Literal["png", "svg"]
IMAGE_TIMEOUT_S: Final = 90  # a first image starts the browser (2 s); a large Gantt takes ~5 s


class RenderUnavailableError(RuntimeError):
    """Images cannot be made on the server; the message says why and what to do instead."""


def find_browser() -> Path | None:
    """Chrome/Chromium: $ZI_CHROMIUM, $BROWSER_PATH, on PATH, or a known Debian or Windows path.

    A configured $ZI_CHROMIUM that does not exist means none: configuration is not second-guessed.
    """
    env = os.environ
    found = _find(env.get(BROWSER_ENV), env.get("BROWSER_PATH"), env.get("PATH"))
    if found is not None and not found.is_file():  # removed since it was looked up
        _find.cache_clear()
        found = _find(env.get(BROWSER_ENV), env.get("BROWSER_PATH"), env.get("PATH"))
    return found


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


def cannot_start_message(browser: Path) -> str:
    """What to tell a user when the browser found does not start (Kaleido's reason is logged)."""
    return (
        f"Gambar grafik tidak dapat dibuat di server karena Chrome/Chromium di {browser} tidak "
        "dapat dijalankan. Unduh setiap grafik dengan tombol kamera di pojok kanan atas grafik "
        "itu, atau minta pengelola server memeriksa chromium (apt-get install chromium) atau "
        f"mengisi variabel {BROWSER_ENV} dengan lokasi Chrome/Chromium yang berjalan."
    )


FAILED_MESSAGE: Final = (
    "Gambar grafik gagal dibuat di server: Chrome/Chromium berhenti atau tidak menjawab. "
    "Gunakan tombol kamera pada grafik, lalu coba lagi nanti."
)


class Renderer:
    """A warm Kaleido server shared by every export in this process; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started = False
        self._browser: Path | None = None  # the Chromium of the running server
        self._drawn = False  # whether that server drew an image yet

    def _start(self) -> None:
        import kaleido

        browser = find_browser()
        if browser is None:
            raise RenderUnavailableError(unavailable_message())
        os.environ["BROWSER_PATH"] = str(browser)  # where choreographer looks first
        try:
            # MathJax would be fetched from a CDN this network cannot reach.
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        except Exception as exc:  # kaleido/choreographer raise many types, all in English
            _LOG.warning("Kaleido could not start %s", browser, exc_info=True)
            raise RenderUnavailableError(cannot_start_message(browser)) from exc
        self._started = True
        self._browser = browser
        self._drawn = False

    def image(self, fig: go.Figure, fmt: Format) -> bytes:
        """The figure as PNG (export width × scale) or SVG, drawn like the page draws it."""
        with self._lock:
            if not self._started:
                self._start()
            height = int(fig.layout.height or 600)
            scale = EXPORT_SCALE if fmt == "png" else 1
            try:
                image = _draw(fig, fmt, height, scale)
            except Exception as exc:  # kaleido/choreographer raise many types for a dead browser
                # Their messages are English: the server's log has them, the user an Indonesian one.
                _LOG.warning("Kaleido failed to draw an image", exc_info=True)
                browser, drawn = self._browser, self._drawn
                self.stop_locked()
                gone = isinstance(exc, _ServerGoneError)
                if gone and not drawn and browser is not None:  # it died before a first image
                    raise RenderUnavailableError(cannot_start_message(browser)) from exc
                raise RenderUnavailableError(FAILED_MESSAGE) from exc
            self._drawn = True
            return image

    def stop_locked(self) -> None:
        import kaleido

        if self._started:
            kaleido.stop_sync_server(silence_warnings=True)
        self._started = False

    def stop(self) -> None:
        """Close the warm browser (tests and the CLI do this at exit)."""
        with self._lock:
            self.stop_locked()


class _ServerGoneError(RuntimeError):
    """Kaleido's server thread died (its browser did not start or crashed)."""


def _server_alive() -> bool:
    # Kaleido's sync server runs in a thread that dies when its browser does; a request put
    # to it then waits forever (kaleido 1.5 _sync_server.call_function). Private, hence getattr.
    import kaleido

    thread = getattr(getattr(kaleido, "_global_server", None), "_thread", None)
    return thread is None or thread.is_alive()


def _draw(fig: go.Figure, fmt: Format, height: int, scale: int) -> bytes:
    """fig.to_image in a daemon thread, given up when Kaleido's server dies or takes too long."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "kopts ignored when using a server"
                box["image"] = fig.to_image(
                    format=fmt, width=EXPORT_WIDTH, height=height, scale=scale
                )
        except Exception as exc:  # handed to the caller, which says it in Indonesian
            box["error"] = exc

    worker = threading.Thread(target=run, name="zi-render", daemon=True)
    worker.start()
    deadline = time.monotonic() + IMAGE_TIMEOUT_S
    while worker.is_alive():
        worker.join(0.2)
        if worker.is_alive() and (not _server_alive() or time.monotonic() > deadline):
            raise _ServerGoneError("Kaleido server gone or image timed out")  # thread left waiting
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["image"]  # type: ignore[return-value]


RENDERER: Final = Renderer()


def image(fig: go.Figure, fmt: Format) -> bytes:
    """Render with the process's warm renderer."""
    return RENDERER.image(fig, fmt)


def available() -> bool:
    """True when a browser for server-side images is on this machine."""
    return find_browser() is not None
