"""Editor accounts: argon2 hashes in a file outside the repo (the commands: tests/test_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zi_dash.edit import accounts


def test_add_verify_and_remove_a_user(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "users.json"
    accounts.add_user(path, " Budi ", "rahasia-123")
    stored = json.loads(path.read_text())["users"]["budi"]
    assert stored.startswith("$argon2id$") and "rahasia" not in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    users = accounts.load_users(path)
    assert accounts.verify(users, "BUDI", "rahasia-123") == "budi"
    assert accounts.verify(users, "budi", "salah-sandi") is None
    assert accounts.verify(users, "ani", "rahasia-123") is None
    assert accounts.remove_user(path, "budi") and accounts.load_users(path) == {}


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("b", "rahasia-123", "2–32"),
        ("budi santoso", "rahasia-123", "huruf kecil"),
        ("budi", "pendek", "8"),
    ],
)
def test_bad_accounts_are_refused(tmp_path: Path, name, password, message) -> None:
    with pytest.raises(accounts.AccountError, match=message):
        accounts.add_user(tmp_path / "users.json", name, password)


def test_a_damaged_users_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    path.write_text("{not json")
    with pytest.raises(accounts.AccountError, match="tidak dapat dibaca"):
        accounts.load_users(path)
