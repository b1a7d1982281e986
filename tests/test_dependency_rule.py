"""The dependency rule: ui → sync → officeapp, and officeapp imports nothing of ours."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

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
