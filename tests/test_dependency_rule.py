"""The dependency rule: ui → sync → officeapp, and officeapp imports nothing of ours."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("officeapp", "sync", "ui")

FORBIDDEN = {
    "officeapp": {"PySide6", "shiboken6", "qasync", "httpx", "sqlalchemy", "alembic", "psycopg",
                  "fastapi", "starlette", "uvicorn", "requests", "ui", "sync"},
    "sync": {"PySide6", "shiboken6", "qasync", "ui"},
}


def imported_modules(path: Path) -> set[str]:
    """Return the top-level names a file imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_the_rule_allows(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    if package == "officeapp":
        assert files, "the domain core exists"
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & FORBIDDEN[package])
        for path in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n    import httpx\n")
    assert imported_modules(bad) >= {"PySide6", "httpx"}


# --- import cycles ------------------------------------------------------------------------------


def module_files(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Return every module of `packages` under `root` by dotted name (a package by its own)."""
    found: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _known(name: str, modules: Mapping[str, Path]) -> str | None:
    """Return the longest prefix of `name` that is one of `modules` (None: not ours)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _base(module: str, path: Path, node: ast.ImportFrom) -> str:
    """Return the module a `from … import` names, relative imports resolved."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    package = package[:len(package) - (node.level - 1)]
    return ".".join([*package, *([node.module] if node.module else [])])


def import_edges(module: str, path: Path, modules: Mapping[str, Path]) -> set[str]:
    """Return the modules of ours that `module` imports, by any import statement anywhere in
    it (function bodies and `if TYPE_CHECKING:` included). `from pkg import name` is an edge
    to `pkg.name` when that is a module, else to `pkg`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str | None] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(_known(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, path, node)
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules
                         else _known(base, modules) for alias in node.names)
    return {name for name in found if name is not None and name != module}


def import_graph(root: Path, packages: Iterable[str]) -> dict[str, set[str]]:
    """Return who imports whom among the modules of `packages`."""
    modules = module_files(root, packages)
    return {name: import_edges(name, path, modules) for name, path in modules.items()}


def import_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """Return one import cycle of `graph` (its first module repeated at the end), or None."""
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as error:
        cycle: list[str] = list(error.args[1])
        return cycle
    return None


def test_no_import_cycle_among_our_modules() -> None:
    cycle = import_cycle(import_graph(ROOT, OURS))
    assert cycle is None, "import cycle: " + " → ".join(reversed(cycle or []))


def test_the_cycle_checker_finds_a_planted_cycle(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from typing import TYPE_CHECKING\n"
                                  "if TYPE_CHECKING:\n    from pkg.sub import b\n")
    (package / "sub" / "b.py").write_text("def f():\n    from ..c import thing\n")
    (package / "c.py").write_text("import os\nfrom pkg import a\nthing = 1\n")
    graph = import_graph(tmp_path, ["pkg"])
    assert graph["pkg.a"] == {"pkg.sub.b"} and graph["pkg.sub.b"] == {"pkg.c"}
    cycle = import_cycle(graph)
    assert cycle is not None and set(cycle) == {"pkg.a", "pkg.sub.b", "pkg.c"}
    (package / "c.py").write_text("thing = 1\n")
    assert import_cycle(import_graph(tmp_path, ["pkg"])) is None


def test_the_sync_client_never_imports_the_server() -> None:
    graph = import_graph(ROOT, OURS)
    reached: set[str] = set()
    todo = [name for name in graph if name.startswith("sync.client")]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo += graph[name]
    server = sorted(name for name in reached if name.startswith("sync.server"))
    assert server == [], f"sync.client reaches the server through {server}"


def test_no_mutation_handler_imports_the_push_loop() -> None:
    loop = "sync.server.mutations.dispatch"
    graph = import_graph(ROOT, OURS)
    assert sorted(name for name, imported in graph.items()
                  if name.startswith("sync.server.mutations.") and loop in imported) == []


# --- the Qt binding -------------------------------------------------------------------------------

QT_BINDING = {"PySide6", "shiboken6"}
QT_MODULE = "ui.common.qt"
# Text and HTML building of the client: they run anywhere (a plain test, the database worker)
# and translate through ui.common.translate, never through Qt.
QT_FREE = ("ui.common.translate", "ui.common.messages", "ui.common.times", "ui.common.values",
           "ui.documents.rendering")


def test_only_ui_common_qt_imports_the_qt_binding() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & QT_BINDING)
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if path != ROOT / "ui" / "common" / "qt.py"
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("module", QT_FREE)
def test_rendering_modules_never_reach_qt(module: str) -> None:
    graph = import_graph(ROOT, OURS)
    reached: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo += graph[name]
    assert QT_MODULE not in reached, f"{module} reaches Qt"
