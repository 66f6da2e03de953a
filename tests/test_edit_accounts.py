"""Editor accounts: argon2 hashes in a file outside the repo (the commands: tests/test_cli.py)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.readonly import make_read_only
from zi_dash.base import Role
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


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"{not json", "bukan JSON yang sah (baris 1, kolom 2)"),
        (b'{"users": {"budi": "$argon2id$x",}}', "bukan JSON yang sah (baris 1, kolom 34)"),
        (b"\xff\xfe{}", "bukan teks UTF-8"),
        (b'["budi"]', "tidak berbentuk nama = hash kata sandi"),
        (b'{"users": ["budi"]}', "tidak berbentuk nama = hash kata sandi"),
        (b'{"users": {"budi": 12}}', "tidak berbentuk nama = hash kata sandi"),  # not dropped
    ],
)
def test_a_damaged_users_file_is_said_in_indonesian(tmp_path: Path, content, said) -> None:
    path = tmp_path / "users.json"
    path.write_bytes(content)
    with pytest.raises(accounts.AccountError) as info:
        accounts.load_users(path)
    message = str(info.value)
    assert said in message and "add-user" in message
    # json's and the codec's own English never reaches the page.
    for english in ("Expecting", "delimiter", "codec", "byte", "Extra data"):
        assert english not in message


@pytest.mark.parametrize("content", [b"{}", b'{"users": {}}'])
def test_an_empty_users_file_means_no_editors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "users.json"
    path.write_bytes(content)
    assert accounts.load_users(path) == {}


def test_the_users_file_is_0600_in_a_0700_folder_from_the_first_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever the umask: 0 would give colleagues everything that is not taken away.
    old_umask = os.umask(0)
    seen: list[tuple[int, bytes]] = []
    real_replace = os.replace

    def observe(src, dst):  # the file as it is about to appear under its name
        seen.append((stat.S_IMODE(Path(src).stat().st_mode), Path(src).read_bytes()))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", observe)
    try:
        path = tmp_path / "zi-dash" / "users.json"
        accounts.add_user(path, "budi", "rahasia-123")
        accounts.add_user(path, "ani", "rahasia-456")
        accounts.remove_user(path, "ani")
    finally:
        os.umask(old_umask)
    assert [mode for mode, _ in seen] == [0o600, 0o600, 0o600]
    assert all(b"argon2" in data for _, data in seen)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_read_only_users_folder_is_said_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    make_read_only(monkeypatch, folder)
    for path in (folder / "users.json", folder / "zi-dash" / "users.json"):
        with pytest.raises(accounts.AccountError) as info:
            accounts.add_user(path, "budi", "rahasia-123")
        assert "Akun tidak disimpan" in str(info.value)
        assert "tidak ada izin menulis (hanya-baca)" in str(info.value)
        assert "Permission denied" not in str(info.value)


HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, {}),  # no secrets.toml at all: the usual case
        ({"a.toml": '[other]\nx = "y"\n'}, {}),
        ({"a.toml": f'[users]\nAni = "{HASH}"\n'}, {"ani": HASH}),
        ({"a.toml": f'[users]\nani = "{HASH}"\n', "b.toml": f'[users]\nbudi = "{HASH}"\n'},
         {"ani": HASH, "budi": HASH}),
    ],
)  # fmt: skip
def test_accounts_in_secrets_files(tmp_path: Path, files: dict[str, str], expected) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [tmp_path / "a.toml", tmp_path / "b.toml", tmp_path]  # a folder is passed over
    assert accounts.secret_users(paths) == expected


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'[users]\nani = "$argon2id$x\n', "bukan TOML yang sah (baris 2, kolom"),
        (b"[users\n", "bukan TOML yang sah (baris 1, kolom"),
        (b'users = "ani"\n', "tidak berbentuk nama = hash kata sandi"),
        (b"[users]\nani = 5\n", "tidak berbentuk nama = hash kata sandi"),
        (b"\xff[users]\n", "bukan teks UTF-8"),
    ],
)
def test_a_broken_secrets_file_is_said_never_dropped(tmp_path: Path, content, said) -> None:
    path = tmp_path / "secrets.toml"
    path.write_bytes(content)
    with pytest.raises(accounts.AccountError) as info:
        accounts.secret_users([path])
    message = str(info.value)
    assert said in message and str(path) in message
    for english in ("Expected", "Illegal", "Unterminated", "Invalid", "codec"):
        assert english not in message


# --- roles ---------------------------------------------------------------------------------


def test_a_users_file_without_roles_reads_every_account_as_penyunting(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    data = json.loads(path.read_text())
    del data["roles"]  # a file written before roles existed
    path.write_text(json.dumps(data))
    roles = accounts.load_roles(path)
    assert roles == {}
    assert accounts.role_of(roles, "budi") is Role.EDITOR
    assert accounts.verify(accounts.load_users(path), "budi", "rahasia-123") == "budi"
    assert accounts.load_roles(tmp_path / "none.json") == {}


def test_a_role_is_kept_beside_the_hash_and_changed_with_the_password(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    accounts.add_user(path, "Sari", "rahasia-123", Role.ASSESSOR)
    accounts.add_user(path, "budi", "rahasia-456")
    data = json.loads(path.read_text())
    assert data["roles"] == {"sari": "penilai"}  # a penyunting is the default, not listed
    assert set(data["users"]) == {"budi", "sari"}
    roles = accounts.load_roles(path)
    assert accounts.role_of(roles, " SARI ") is Role.ASSESSOR
    assert accounts.role_of(roles, "budi") is Role.EDITOR
    accounts.add_user(path, "sari", "rahasia-789")  # again without a role: penyunting now
    assert accounts.load_roles(path) == {}
    accounts.add_user(path, "sari", "rahasia-789", Role.ASSESSOR)
    assert accounts.remove_user(path, "sari") and accounts.load_roles(path) == {}


@pytest.mark.parametrize(
    ("roles", "said"),
    [
        ({"budi": "admin"}, 'peran pengguna "budi": Peran "admin" tidak dikenal'),
        (["budi"], 'bagian "roles"-nya tidak berbentuk nama = peran'),
    ],
)
def test_an_unknown_role_in_the_file_is_refused_not_read_as_penyunting(tmp_path, roles, said):
    path = tmp_path / "users.json"
    path.write_text(json.dumps({"users": {"budi": "$argon2id$x"}, "roles": roles}))
    with pytest.raises(accounts.AccountError) as info:
        accounts.load_roles(path)
    assert said in str(info.value)


@pytest.mark.parametrize(
    ("typed", "role"),
    [("penilai", Role.ASSESSOR), (" Penyunting ", Role.EDITOR), ("PENILAI", Role.ASSESSOR)],
)
def test_parse_role(typed: str, role: Role) -> None:
    assert accounts.parse_role(typed) is role


@pytest.mark.parametrize("typed", ["admin", "", "tpi"])
def test_parse_role_names_the_allowed_roles(typed: str) -> None:
    with pytest.raises(accounts.AccountError, match="pilih penyunting atau penilai"):
        accounts.parse_role(typed)
