"""House rules, checked: layers import only downward, no cycle, doors, streamlit and headers.

zi_dash's folders draw the architecture: base <- schedule, sk <- workbook <- analysis, edit,
newplan <- charts <- export <- ui <- serve <- cli (and app.py, pages/). A module may import its own
package's modules (directly, never through the package's door) and any package of a lower layer.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

from zi_dash.base import contract as c

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zi_dash"
MODULES = sorted(PACKAGE.rglob("*.py"))
SHELL = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
LAYERS: dict[str, int] = {
    "base": 0,
    "lke": 1,  # the LKE bank and its scoring: the regulation's content, on plain values
    "schedule": 2,
    "sk": 2,
    "workbook": 3,
    "analysis": 4,
    "edit": 4,
    "newplan": 4,
    "charts": 5,
    "export": 6,
    "ui": 7,
    "serve": 8,  # the dashboard's server process, for the command line
    "cli": 9,
    "__main__": 10,
    "__init__": 10,
}
MAX_LINES = 400


def dotted(path: Path) -> str:
    """zi_dash/workbook/save.py -> zi_dash.workbook.save; a package's __init__ -> the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


KNOWN = {dotted(p) for p in MODULES}


def imports(path: Path) -> list[tuple[str, int]]:
    """Every zi_dash module a file imports (also inside functions and TYPE_CHECKING), by line."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("zi_dash")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if not node.module.startswith("zi_dash"):
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.append((sub if sub in KNOWN else node.module, node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append(("(relative import)", node.lineno))
    return found


def layer_of(module: str) -> tuple[str, int]:
    """The top-level part of zi_dash a module belongs to, and its layer."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return top, LAYERS[top]


def test_every_part_of_the_package_has_a_layer() -> None:
    tops = {layer_of(m)[0] for m in KNOWN}
    assert tops <= set(LAYERS), tops - set(LAYERS)


def test_the_folders_are_subpackages_each_with_a_door() -> None:
    for folder in (p for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"):
        door = folder / "__init__.py"
        tree = ast.parse(door.read_text(encoding="utf-8"))
        names = [
            t.id
            for n in tree.body
            if isinstance(n, ast.Assign)
            for t in n.targets
            if isinstance(t, ast.Name)
        ]
        assert "__all__" in names, f"{folder.name}/__init__.py has no __all__"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_only_downward(path: Path) -> None:
    me = dotted(path)
    top, level = layer_of(me)
    for module, line in imports(path):
        assert module in KNOWN, f"{path.name}:{line} imports {module}"
        other, other_level = layer_of(module)
        if other == top:
            continue
        assert other_level < level, (
            f"{me}:{line} imports {module}: layer {top} ({level}) may not use {other} "
            f"({other_level})"
        )


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if p.name != "__init__.py"],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_siblings_are_imported_directly_never_through_their_own_door(path: Path) -> None:
    me = dotted(path)
    package = me.rsplit(".", 1)[0]
    if package == "zi_dash":
        return
    through_door = [line for module, line in imports(path) if module == package]
    assert not through_door, f"{me} imports its own package's door on lines {through_door}"


def test_there_is_no_import_cycle() -> None:
    graph = {dotted(p): {m for m, _ in imports(p)} - {dotted(p)} for p in MODULES}
    # A package's door runs its submodules' imports too: a module importing the door depends
    # on every module the door imports.
    order = list(graphlib.TopologicalSorter(graph).static_order())  # CycleError if one exists
    assert set(order) >= KNOWN


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_level_getattr_and_no_module_over_400_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert "__getattr__" not in names
    assert len(text.splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_streamlit_lives_only_in_the_ui_package(path: Path) -> None:
    if path.relative_to(PACKAGE).parts[0] == "ui":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {
        a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    } | {
        n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module
    }
    assert "streamlit" not in used


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
    "path",
    [p for p in MODULES + SHELL if p != PACKAGE / "base" / "contract.py"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_headers_are_spelled_only_in_the_contract(path: Path) -> None:
    spelled = _string_literals(path) & set(DISTINCTIVE)
    assert not spelled, f"{path.name} spells {spelled}: use zi_dash.base.contract"


def test_distinctive_headers_are_checked() -> None:
    assert "Progres (%)" in DISTINCTIVE and "Status Bukti" in DISTINCTIVE


def test_the_cycle_check_can_fail() -> None:
    with pytest.raises(graphlib.CycleError):
        list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
