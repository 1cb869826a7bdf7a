"""`bench.same_rows` compares two refreshes table by table: runs' own columns aside, a changed, missing or
extra row is found, and so is a table on one side only."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bench.same_rows import FILES, compare, main


def _refresh(folder: Path, deals: list[tuple[str, int]], run_id: str, extra_table: bool = False) -> Path:
    """A data directory whose working and served files hold `deals` (and the run's own id and time)."""
    for file in FILES:
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        with duckdb.connect(str(path)) as connection:
            connection.execute("create table deals (company varchar, amount_usd bigint, run_id varchar)")
            connection.executemany("insert into deals values (?, ?, ?)", [(*d, run_id) for d in deals])
            connection.execute(
                "create table refresh_info as select ? as run_id, now() as published_at", [run_id]
            )
            if extra_table:
                connection.execute("create table only_here (x int)")
    return folder


DEALS = [("Acme", 5_000_000), ("Acme", 5_000_000), ("Beta", None)]


def test_two_refreshes_of_the_same_rows_compare_equal_whatever_their_runs(tmp_path: Path, capsys) -> None:
    before = _refresh(tmp_path / "before", DEALS, "run-1")
    after = _refresh(tmp_path / "after", list(reversed(DEALS)), "run-2")
    assert compare(before, after) == [
        (file, table, rows, rows, 0, 0)
        for file in FILES
        for table, rows in [("deals", 3), ("refresh_info", 1)]
    ]
    assert main([str(before), str(after)]) == 0
    assert capsys.readouterr().out.endswith("every table holds the same rows\n")


@pytest.mark.parametrize(
    ("deals", "only_before", "only_after"),
    [
        ([("Acme", 5_000_000), ("Acme", 5_000_001), ("Beta", None)], 1, 1),  # a value changed
        ([("Acme", 5_000_000), ("Beta", None)], 1, 0),  # a duplicate lost
        ([*DEALS, ("Gamma", 1)], 0, 1),  # a row more
    ],
    ids=["changed", "lost", "added"],
)
def test_a_different_row_is_found(tmp_path: Path, deals, only_before: int, only_after: int) -> None:
    before = _refresh(tmp_path / "before", DEALS, "run-1")
    after = _refresh(tmp_path / "after", deals, "run-1")
    found = {(file, table): rest for file, table, *rest in compare(before, after)}
    assert found[(FILES[0], "deals")] == [3, len(deals), only_before, only_after]
    assert main([str(before), str(after)]) == 1


def test_a_table_on_one_side_only_is_found(tmp_path: Path) -> None:
    before = _refresh(tmp_path / "before", DEALS, "run-1")
    after = _refresh(tmp_path / "after", DEALS, "run-1", extra_table=True)
    found = {(file, table): rest for file, table, *rest in compare(before, after)}
    assert found[(FILES[1], "only_here")] == [-1, 0, 0, 0]
    assert main([str(before), str(after)]) == 1
