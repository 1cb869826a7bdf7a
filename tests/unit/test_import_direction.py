"""Imports point one way: orchestration wires; asset modules use library code, which imports neither."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# The Dagster asset modules: thin wiring over library code.
ASSET_MODULES = {
    "assets.documents",
    "assets.freshness",
    "assets.extracted",
    "assets.combined",
    "assets.normalized",
    "assets.validated",
    "assets.deals",
    "assets.deal_investors",
    "assets.marts",
    "assets.investment_map",
    "assets.published",
    "assets.metadata",
}
# What each layer may not import (by module prefix).
FORBIDDEN = {
    "assets (library)": ("orchestration", *ASSET_MODULES),
    "assets (Dagster)": ("orchestration",),
    "schemas": ("orchestration", "assets", "warehouse"),
    "warehouse": ("orchestration", *ASSET_MODULES),
}


def _layer(module: str) -> str | None:
    if module in ASSET_MODULES:
        return "assets (Dagster)"
    if module.startswith("assets."):
        return "assets (library)"
    return next((top for top in ("schemas", "warehouse") if module.startswith(f"{top}.")), None)


def _modules() -> list[tuple[str, Path]]:
    found = []
    for package in ("assets", "schemas", "warehouse", "orchestration"):
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            parts = path.relative_to(REPO_ROOT).with_suffix("").parts
            found.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return found


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(module: str, imports: set[str]) -> list[str]:
    layer = _layer(module)
    if layer is None:
        return []
    forbidden = FORBIDDEN[layer]
    return sorted(i for i in imports if any(i == f or i.startswith(f"{f}.") for f in forbidden))


@pytest.mark.parametrize(("module", "path"), _modules(), ids=lambda v: v if isinstance(v, str) else "")
def test_module_imports_only_downwards(module: str, path: Path):
    assert _violations(module, _imports(path)) == []


def test_the_rule_sees_a_violation():
    assert _violations("assets.parsing.prose", {"orchestration.resources", "assets.frames"}) == [
        "orchestration.resources"
    ]
    assert _violations("schemas.mention_schema", {"assets.frames"}) == ["assets.frames"]
    assert _violations("warehouse.summary", {"assets.published"}) == ["assets.published"]
    assert _violations("assets.documents", {"assets.sources", "warehouse.database"}) == []
