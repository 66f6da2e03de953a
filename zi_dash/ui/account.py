"""The logged-in account's role: looked up at login, kept in the session, read again at each save.

The users file says each account's role (edit.accounts); an account it does not list (one of
secrets.toml too) is a penyunting. The role shown and the page drawn follow the session; a save
reads the file again, so an account whose role was changed since it logged in writes as it is
now (the server's rule in workbook.save_changes then refuses what that role may not write).
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from zi_dash.base import LkeCol, Role, escape_md
from zi_dash.edit import accounts
from zi_dash.ui.session import Key

# As said inside a sentence: "Masuk sebagai penilai (TPI) sari".
LABELS: Final = {Role.EDITOR: "penyunting", Role.ASSESSOR: "penilai (TPI)"}
ASSESSOR_ONLY_TPI: Final = (
    f"Akun penilai (TPI) hanya mengisi kolom telaah TPI ({LkeCol.TPI_ANSWER}, "
    f"{LkeCol.TPI_NOTES}, {LkeCol.REVIEW}) di halaman Penilaian Mandiri. Rencana aksi, bukti "
    "dukung dan jawaban unit diubah oleh penyunting unit, jadi halaman ini tidak menampilkan "
    "tabel yang dapat diubah."
)


def lookup(user: str) -> Role:
    """The account's role as the users file says now; AccountError when it cannot be read."""
    return accounts.role_of(accounts.load_roles(accounts.users_path()), user)


def remember(user: str) -> None:
    """At login: the account's role into the session (AccountError: the file is broken)."""
    st.session_state[Key.ROLE] = lookup(user).value


def forget() -> None:
    """At logout: no role kept."""
    st.session_state.pop(Key.ROLE, None)


def session_role() -> Role:
    """The logged-in account's role as kept at login (looked up once when the session lacks it)."""
    kept = st.session_state.get(Key.ROLE)
    if kept is None:
        user = st.session_state.get(Key.USER) or ""
        try:
            remember(user)
        except accounts.AccountError as exc:  # no guess: either role would be a wrong right
            st.error(escape_md(exc))
            st.stop()
        kept = st.session_state[Key.ROLE]
    return accounts.parse_role(kept)


def save_role(user: str) -> Role:
    """The role a save runs under, read from the users file now; the session follows it.

    A role changed since login is said: the save then writes (or is refused) as the new role.
    """
    before, now = session_role(), lookup(user)
    if now is not before:
        st.session_state[Key.ROLE] = now.value
        st.warning(
            f"Peran akun {escape_md(user)} diubah di berkas pengguna sejak Anda masuk: kini "
            f"{LABELS[now]}, bukan {LABELS[before]}. Penyimpanan memakai peran yang baru.",
            icon=":material/badge:",
        )
    return now


def label() -> str:
    """'penilai (TPI)' or 'penyunting': the account box's word for the session's role."""
    return LABELS[session_role()]


def unit_editor_only() -> None:
    """On pages that change the unit's plan: a penilai is told so and the page stops."""
    if session_role() is Role.ASSESSOR:
        st.info(ASSESSOR_ONLY_TPI, icon=":material/rule:")
        st.stop()
