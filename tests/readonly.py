"""A read-only folder that refuses writes even to root, who ignores chmod.

The tests run as root in CI, where `chmod 0555` stops nothing. So the folder is made 0555 for
real (which is enough for an ordinary user) and every OS call that changes an entry below it
(create, rename, remove, mkdir) is made to fail as the kernel fails it for an ordinary user:
PermissionError, errno EACCES. Like chmod, it leaves writing into an existing writable file
alone. pytest's clean-up of tmp_path copes with the 0555 folders it leaves.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def _creates(path: Any, exclusive: bool) -> bool:
    return exclusive or not os.path.lexists(path)


def _inside(folder: Path, path: Any) -> bool:
    if isinstance(path, int):  # a file descriptor: already open
        return False
    try:
        target = Path(os.fsdecode(path)).absolute()
    except TypeError:
        return False
    return target == folder or folder in target.parents


def make_read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """From now on nothing can be created, replaced or removed in `folder` or below it."""
    folder = folder.absolute()
    for sub in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        sub.chmod(0o555)

    def refuse(path: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))

    def guard(original: Callable[..., Any], *paths: int) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            for i in paths:
                if i < len(args) and _inside(folder, args[i]):
                    refuse(args[i])
            return original(*args, **kwargs)

        return call

    real_open = os.open

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        creates = flags & os.O_CREAT and _creates(path, bool(flags & os.O_EXCL))
        if creates and _inside(folder, path):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    real_io_open = io.open

    def io_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        creates = (set(mode) & set("wa") and _creates(file, False)) or "x" in mode
        if creates and _inside(folder, file):
            refuse(file)
        return real_io_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(io, "open", io_open)
    monkeypatch.setattr(builtins, "open", io_open)
    for name in ("mkdir", "rmdir", "unlink", "remove"):
        monkeypatch.setattr(os, name, guard(getattr(os, name), 0))
    for name in ("replace", "rename", "link", "symlink"):
        monkeypatch.setattr(os, name, guard(getattr(os, name), 0, 1))
