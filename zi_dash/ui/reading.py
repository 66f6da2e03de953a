"""A look that reads many workbooks of the folder says so ("Membaca n dari N berkas…") while it
reads, instead of a page that seems frozen: a new folder's first look reads every file."""

from __future__ import annotations

from typing import Any, Final

import streamlit as st

# Fewer files are read in well under a second (one saved file, a copy put in the folder):
# a bar that flashes by says nothing.
PROGRESS_FILES: Final = 3


class Reading:
    """An analysis.rollup Progress drawing a status with its bar once a look reads many files."""

    def __init__(self) -> None:
        self._status: Any = None
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        """Files read so far of the `total` this look reads (rollup calls it, 0 first)."""
        if total < PROGRESS_FILES:
            return
        text = f"Membaca {done} dari {total} berkas…"
        if self._status is None:
            self._status = st.status(f"Membaca {total} berkas di folder…", expanded=True)
            self._bar = self._status.progress(0.0, text=text)
        self._bar.progress(done / total, text=text)
        if done >= total:
            self._status.update(
                label=f"{total} berkas selesai dibaca.", state="complete", expanded=False
            )
