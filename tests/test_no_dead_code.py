"""No dead code: every public module-level name of zi_dash is used by the app (tests don't count).

A name only a test calls is code nobody runs: it drifts from what the app does while its test
keeps it looking alive (save.check_changes, fmt.SEGERA_MEANS were).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _public_names(source: str) -> list[str]:
    """Functions, classes and constants defined at a module's top level, without a leading _."""
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return [n for n in names if not n.startswith("_")]


def unused(modules: dict[str, str], users: dict[str, str]) -> list[str]:
    """ "module: name" for each public name of `modules` that no other file of `users` names
    and its own module does not use either (doors re-exporting a name do not count)."""
    found = []
    for module, source in modules.items():
        for name in _public_names(source):
            word = re.compile(rf"\b{re.escape(name)}\b")
            elsewhere = any(word.search(text) for path, text in users.items() if path != module)
            if not elsewhere and len(word.findall(source)) <= 1:
                found.append(f"{module}: {name}")
    return found


def _sources() -> tuple[dict[str, str], dict[str, str]]:
    files = [*ROOT.glob("zi_dash/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py",
             *ROOT.glob("bench/*.py")]  # fmt: skip
    users = {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
        for p in files
        if p.name != "__init__.py"
    }
    modules = {p: t for p, t in users.items() if p.startswith("zi_dash/")}
    return modules, users


def test_every_public_name_of_the_package_is_used_by_the_app() -> None:
    modules, users = _sources()
    assert unused(modules, users) == []


def test_the_dead_code_check_can_fail() -> None:
    module = "ALIVE = 1\nDEAD = 2\n\ndef used() -> int:\n    return ALIVE\n\ndef _private(): ...\n"
    users = {"m.py": module, "page.py": "used()\n"}
    assert unused({"m.py": module}, users) == ["m.py: DEAD"]
