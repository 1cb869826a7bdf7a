"""The parser fingerprint's import scan finds the project modules a syntax tree of each module finds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assets.parsing.fingerprint import imported_names, module_sources

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("assets", "schemas", "warehouse", "orchestration")
MODULES = sorted(path for package in PROJECT for path in (ROOT / package).rglob("*.py"))


def _imported_by_tree(text: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _project(names: set[str] | frozenset[str]) -> set[str]:
    return {name for name in names if name.split(".")[0] in PROJECT}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_scan_finds_the_project_imports_the_syntax_tree_finds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _project(imported_names(text)) == _project(_imported_by_tree(text))


def test_every_form_of_import_statement_is_read() -> None:
    text = (
        "import assets.a, schemas.b as b\n"
        "from warehouse.c import d, e as f  # a comment, with a comma\n"
        "def lazy():\n"
        "    from assets.g import (\n"
        "        h,  # why\n"
        "        i as j,\n"
        "    )\n"
        "from .relative import k\n"
    )
    assert imported_names(text) == {
        "assets.a", "schemas.b", "warehouse.c", "warehouse.c.d", "warehouse.c.e", "assets.g",
        "assets.g.h", "assets.g.i",
    }  # fmt: skip


def test_parsing_code_includes_what_dispatch_imports_through_other_modules() -> None:
    sources = {path.relative_to(ROOT).as_posix() for path in module_sources("assets.parsing.dispatch")}
    assert {
        "assets/parsing/dispatch.py",
        "assets/parsing/table_export.py",
        "assets/normalize/names.py",
    } <= sources
