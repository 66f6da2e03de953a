"""Editor accounts: user names with argon2 password hashes, kept in a file outside the repo.

Viewers need no account; only editors log in, and their user name is what Riwayat records.
Each account has a role (`Role`): a penyunting edits the unit's plan and answers, a penilai
(TPI) only the TPI's columns. The users file keeps roles in a table of their own beside the
hashes; a name it does not list there (every file made before roles) is a penyunting.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from zi_dash.base import Role, durable, windows_reserved

USERS_ENV: Final = "ZI_USERS"
DEFAULT_USERS: Final = Path.home() / ".config" / "zi-dash" / "users.json"
MIN_PASSWORD: Final = 8
_NAME: Final = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_HASHER: Final = PasswordHasher()
# Checked against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH: Final = _HASHER.hash("bukan-kata-sandi-siapa-pun")


class AccountError(ValueError):
    """A user name or password that cannot be accepted; the message is Indonesian."""


def users_path() -> Path:
    """The users file: $ZI_USERS, else ~/.config/zi-dash/users.json."""
    return Path(os.environ.get(USERS_ENV) or DEFAULT_USERS)


def normal_name(name: str) -> str:
    """User names are case-insensitive: stored and compared in lower case."""
    return name.strip().lower()


def _json(path: Path) -> object:
    """The users file's JSON; None when there is no such file."""
    text = _text(path, _unreadable)
    if text is None:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:  # json's own message is English
        raise _unreadable(
            path, f"isinya bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno})"
        ) from exc


def load_users(path: Path) -> dict[str, str]:
    """User name -> password hash; an absent file means no editors yet."""
    data = _json(path)
    if data is None:
        return {}
    table = data.get("users", {}) if isinstance(data, dict) else None
    return users_from(table, f'berkas "{path}"')


def load_roles(path: Path) -> dict[str, Role]:
    """User name -> role, of the names the file gives one (the others are penyunting)."""
    data = _json(path)
    table = data.get("roles", {}) if isinstance(data, dict) else {}
    if not isinstance(table, Mapping):
        raise _unreadable(path, 'bagian "roles"-nya tidak berbentuk nama = peran')
    roles: dict[str, Role] = {}
    for name, value in table.items():
        try:
            roles[normal_name(str(name))] = parse_role(str(value))
        except AccountError as exc:  # never read as a penyunting: that would widen its rights
            raise _unreadable(path, f'peran pengguna "{name}": {exc}'.rstrip(".")) from exc
    return roles


def parse_role(text: str) -> Role:
    """A role as typed ("penilai", " Penyunting "); AccountError names the allowed ones."""
    key = text.strip().lower()
    for role in Role:
        if role.value == key:
            return role
    allowed = " atau ".join(r.value for r in Role)
    raise AccountError(f'Peran "{text}" tidak dikenal; pilih {allowed}.')


def role_of(roles: Mapping[str, Role], name: str) -> Role:
    """An account's role: penyunting unless the users file says otherwise."""
    return roles.get(normal_name(name), Role.EDITOR)


def users_from(table: object, where: str) -> dict[str, str]:
    """The accounts of a {name: hash} table; AccountError when it is not one (none dropped)."""
    if not isinstance(table, Mapping) or not all(isinstance(v, str) for v in table.values()):
        raise AccountError(
            f"Daftar penyunting di {where} tidak berbentuk nama = hash kata sandi; tidak ada "
            "akun yang dapat dipakai dari sana. Perbaiki berkasnya, atau buat ulang dengan "
            "python -m zi_dash add-user NAMA."
        )
    return {normal_name(str(k)): v for k, v in table.items()}


def secret_users(paths: Iterable[Path]) -> dict[str, str]:
    """The [users] table of each secrets.toml there is; AccountError when one is broken.

    Streamlit says the same of a missing and a broken secrets.toml (and in English): here
    a missing file means no accounts from it, a broken one is said, never silently dropped.
    """
    users: dict[str, str] = {}
    for path in paths:
        text = _text(path, _broken_secrets)
        if text is None:
            continue
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:  # its message is English: only the place
            at = _TOML_AT.search(str(exc))
            where = f" (baris {at[1]}, kolom {at[2]})" if at else ""
            raise _broken_secrets(path, f"isinya bukan TOML yang sah{where}") from exc
        if "users" in data:
            users |= users_from(data["users"], f'bagian [users] berkas "{path}"')
    return users


_TOML_AT: Final = re.compile(r"at line (\d+), column (\d+)")


def _text(path: Path, broken: Callable[[Path, str], AccountError]) -> str | None:
    """The file's text; None when there is no such file (or a folder: no accounts in it)."""
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None
    except UnicodeDecodeError as exc:
        raise broken(path, "isinya bukan teks UTF-8") from exc
    except OSError as exc:
        raise broken(path, durable.reason(exc)) from exc


def _broken_secrets(path: Path, why: str) -> AccountError:
    return AccountError(
        f'Berkas "{path}" tidak dapat dibaca: {why}. Akun penyunting di bagian [users]-nya '
        "tidak dapat dipakai sampai berkas itu diperbaiki."
    )


def _unreadable(path: Path, why: str) -> AccountError:
    return AccountError(
        f'Berkas pengguna "{path}" tidak dapat dibaca: {why}. Perbaiki berkas itu, atau '
        "pindahkan lalu buat ulang akunnya dengan python -m zi_dash add-user NAMA."
    )


def _write(path: Path, users: Mapping[str, str], roles: Mapping[str, Role]) -> None:
    # Created 0600 in a 0700 folder, before any byte is written: never readable by others.
    # Only the names that are not penyunting are listed: a file without roles means as before.
    listed = {n: r.value for n, r in sorted(roles.items()) if n in users and r is not Role.EDITOR}
    text = json.dumps({"users": dict(sorted(users.items())), "roles": listed}, indent=2) + "\n"
    try:
        durable.make_dir(path.parent, mode=0o700)
        durable.atomic_write(path, text.encode("utf-8"), mode=0o600)
    except durable.WriteError as exc:
        raise AccountError(f"Akun tidak disimpan. {exc}") from exc


def add_user(path: Path, name: str, password: str, role: Role = Role.EDITOR) -> None:
    """Add an account or change its password and role; written atomically, mode 0600."""
    name = normal_name(name)
    if not _NAME.match(name):
        raise AccountError(
            "Nama pengguna 2–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."
        )
    if windows_reserved(name):  # the editor's drafts file is named after the account
        raise AccountError(
            f'Nama pengguna "{name}" tidak dapat dipakai: Windows memakai nama CON, PRN, AUX, '
            "NUL, COM1–9 dan LPT1–9 untuk perangkat. Pilih nama lain."
        )
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Kata sandi paling sedikit {MIN_PASSWORD} karakter.")
    users, roles = load_users(path), load_roles(path)
    users[name] = _HASHER.hash(password)
    roles[name] = role
    _write(path, users, roles)


def remove_user(path: Path, name: str) -> bool:
    """Remove an editor; False when there was no such user."""
    users, roles = load_users(path), load_roles(path)
    if users.pop(normal_name(name), None) is None:
        return False
    _write(path, users, roles)
    return True


def verify(users: Mapping[str, str], name: str, password: str) -> str | None:
    """The normalised user name when the password matches, else None."""
    name = normal_name(name)
    stored = users.get(name)
    try:
        _HASHER.verify(stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return name if stored else None
