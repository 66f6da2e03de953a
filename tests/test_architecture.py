"""House rules, checked: the core never imports streamlit; only the contract spells headers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from zi_dash import contract as c

ROOT = Path(__file__).resolve().parent.parent
CORE = sorted((ROOT / "zi_dash").glob("*.py"))
UI_MODULES = {"ui.py", "ui_editor.py"}
SHELL = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_does_not_import_streamlit(path: Path) -> None:
    if path.name in UI_MODULES:
        return
    assert "streamlit" not in _imports(path)


# Headers that are also ordinary words ("ID", "Area", "Status", "Bukti", "Selesai", "Mulai",
# "Catatan") cannot be told apart from prose; the distinctive ones must never be spelled.
DISTINCTIVE = sorted(
    {h for spec in c.DATA_SHEETS for h in spec.headers if " " in h or "(" in h}
    | {c.Sheet.ACTIONS, c.Sheet.LOG}
)


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    }


@pytest.mark.parametrize(
    "path", [p for p in CORE + SHELL if p.name != "contract.py"], ids=lambda p: p.name
)
def test_headers_are_spelled_only_in_the_contract(path: Path) -> None:
    spelled = _string_literals(path) & set(DISTINCTIVE)
    assert not spelled, f"{path.name} spells {spelled}: use zi_dash.contract"


def test_distinctive_headers_are_checked() -> None:
    assert "Progres (%)" in DISTINCTIVE and "Status Bukti" in DISTINCTIVE
