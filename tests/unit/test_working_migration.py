"""A working file from before the mention tables were renamed keeps its rows under the new names."""

from __future__ import annotations

import duckdb

from warehouse.database import Warehouse


def test_old_mention_tables_are_renamed_with_their_rows(tmp_path):
    path = tmp_path / "work.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create table extracted_deals as select 'r1' as record_id, 'src' as source_id")
        connection.execute("create table validated_deals as select 'r1' as record_id")
    with Warehouse(path).connect() as connection:
        tables = {r[0] for r in connection.execute("select table_name from duckdb_tables()").fetchall()}
        rows = connection.execute("select record_id, source_id from extracted_mentions").fetchall()
    assert rows == [("r1", "src")]
    assert {"extracted_mentions", "valid_mentions"} <= tables
    assert not tables & {"extracted_deals", "validated_deals"}


def test_a_new_table_is_never_overwritten_by_an_old_one(tmp_path):
    path = tmp_path / "work.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create table extracted_deals as select 'old' as record_id")
        connection.execute("create table extracted_mentions as select 'new' as record_id")
    with Warehouse(path).connect() as connection:
        assert connection.execute("select record_id from extracted_mentions").fetchall() == [("new",)]
