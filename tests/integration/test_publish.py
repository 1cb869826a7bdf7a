"""Publishing the served DuckDB file: atomic swap, readers undisturbed, failures leave it untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from schemas.tables.reference import SEGMENTS
from warehouse.publish import SERVED_STORAGE_VERSION, publish


def _working(path: Path, deals: int) -> Path:
    with duckdb.connect(str(path)) as connection:
        connection.execute("create or replace table deals (deal_id varchar, amount_usd bigint)")
        connection.execute("comment on table deals is 'One row per deal.'")
        connection.execute("comment on column deals.amount_usd is 'Whole US dollars.'")
        connection.execute("insert into deals select 'd' || i, i * 1000 from range(?) t(i)", [deals])
    return path


def test_publish_copies_tables_comments_and_extra_tables(tmp_path: Path):
    working = _working(tmp_path / "work.duckdb", 3)
    served = tmp_path / "served" / "dealmap.duckdb"
    segment = {"segment": ["ai_chips"], "segment_label": ["AI chips"], "layer": ["hardware"]}
    extra = {"segments": pd.DataFrame(segment | {"layer_label": ["Hardware"], "layer_rank": [1]})}
    report = publish(working, served, ["deals"], extra)
    assert report.row_counts == {"deals": 3, "segments": 1}
    with duckdb.connect(str(served), read_only=True) as connection:
        assert connection.execute("select sum(amount_usd) from deals").fetchone()[0] == 3000
        comments = connection.execute("select table_name, comment from duckdb_tables() order by 1").fetchall()
        column = connection.execute(
            "select comment from duckdb_columns() where table_name = 'deals' and column_name = 'amount_usd'"
        ).fetchone()[0]
    assert comments == [("deals", "One row per deal."), ("segments", SEGMENTS.comment)]
    assert column == "Whole US dollars."
    assert sorted(p.name for p in served.parent.iterdir()) == ["dealmap.duckdb"]


def _count_in_another_process(path: Path) -> int:
    """What a BI tool (another process) opening the served file read-only sees now."""
    code = "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
    code += "print(c.execute('select count(*) from deals').fetchone()[0])"
    completed = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return int(completed.stdout)


def test_an_open_reader_keeps_its_snapshot_while_a_new_reader_sees_the_new_refresh(tmp_path: Path):
    working = _working(tmp_path / "work.duckdb", 3)
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"])
    reader = duckdb.connect(str(served), read_only=True)
    try:
        assert reader.execute("select count(*) from deals").fetchone()[0] == 3
        _working(working, 5)
        publish(working, served, ["deals"])  # must not wait for, or disturb, the open reader
        assert reader.execute("select count(*) from deals").fetchone()[0] == 3
        assert _count_in_another_process(served) == 5
    finally:
        reader.close()


def test_a_process_holding_any_connection_keeps_the_old_refresh_until_it_closes_them_all(tmp_path: Path):
    """What the README tells BI users: DuckDB keeps one instance per path in a process."""
    working = _working(tmp_path / "work.duckdb", 3)
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"])
    held = duckdb.connect(str(served), read_only=True)
    _working(working, 5)
    publish(working, served, ["deals"])
    opened_later = duckdb.connect(str(served), read_only=True)
    assert opened_later.execute("select count(*) from deals").fetchone()[0] == 3  # the same old instance
    opened_later.close()
    held.close()
    with duckdb.connect(str(served), read_only=True) as reopened:
        assert reopened.execute("select count(*) from deals").fetchone()[0] == 5


def test_the_served_file_is_in_a_storage_format_duckdb_1_reads(tmp_path: Path):
    served = tmp_path / "dealmap.duckdb"
    publish(_working(tmp_path / "work.duckdb", 2), served, ["deals"])
    with duckdb.connect() as connection:
        connection.execute(f"attach '{served}' as served (read_only)")
        version = connection.execute(
            "select tags['storage_version'] from duckdb_databases() where database_name = 'served'"
        ).fetchone()[0]
    assert version.rstrip("+") == SERVED_STORAGE_VERSION  # "v1.0.0+": readable by 1.0.0 and later


def test_a_failed_publish_leaves_the_served_file_and_no_debris(tmp_path: Path):
    working = _working(tmp_path / "work.duckdb", 2)
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"])
    before = served.read_bytes()
    with pytest.raises(duckdb.CatalogException):
        publish(working, served, ["deals", "no_such_table"])
    assert served.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dealmap.duckdb", "work.duckdb"]
