"""Helpers for the fault suite: a registry written per test, and the served file read back."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.integration.pipeline import check_results, run_refresh

EXPORT_HEADER = ["company", "round_type", "amount", "currency", "segment", "announced_date"]


def export_rows(count: int, prefix: str = "Lattice") -> list[list[str]]:
    """`count` valid export rows in dealmap's own column names, one company each."""
    return [
        [f"{prefix} {i}", "Series A", str(10_000_000 + i * 1000), "USD", "AI chips", "2026-03-02"]
        for i in range(count)
    ]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = EXPORT_HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def served(data_dir: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a query against the served file, opened read-only as a BI tool would."""
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()


class Refresh:
    """Runs refreshes of one registry into one data directory, as a daily schedule would."""

    def __init__(self, root: Path):
        self.root = root
        self.registry = root / "sources.toml"
        self.data_dir = root / "data"
        self.data_dir.mkdir()

    def sources(self, text: str) -> Refresh:
        self.registry.write_text(text, encoding="utf-8")
        return self

    def run(self):
        result = run_refresh(self.data_dir, self.registry)
        self.checks = check_results(result)
        return result

    def served(self, sql: str, params: list | None = None) -> list[tuple]:
        return served(self.data_dir, sql, params)


@pytest.fixture
def refresh(tmp_path: Path) -> Refresh:
    return Refresh(tmp_path)


@pytest.fixture
def table_source() -> Callable[[str, str], str]:
    def make(source_id: str, url: str, extra: str = "") -> str:
        return f'[[source]]\nid = "{source_id}"\nkind = "table"\nurl = "{url}"\n{extra}\n'

    return make
