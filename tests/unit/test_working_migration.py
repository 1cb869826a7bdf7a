"""A working file from before the mention tables were renamed keeps its rows under the new names; a file
migrated to the current declarations is not migrated again."""

from __future__ import annotations

import duckdb

from schemas.tables import TABLES
from warehouse import database
from warehouse.database import MIGRATION_STAGE, Warehouse


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


def test_a_file_migrated_to_these_declarations_is_not_migrated_again(tmp_path, monkeypatch):
    """A new process finds the declarations' digest the file recorded and re-applies nothing; a file that
    recorded another digest (an older release's declarations) is migrated again: comments come back."""
    path = tmp_path / "work.duckdb"
    comment = "select comment from duckdb_tables() where table_name = 'fetch_log'"
    with Warehouse(path).connect() as connection:
        assert connection.execute(comment).fetchone()[0]
        connection.execute("comment on table fetch_log is 'edited by hand'")
    monkeypatch.setattr(database, "_MIGRATED", set())  # as a new process finds it
    with Warehouse(path).connect() as connection:
        assert connection.execute(comment).fetchone()[0] == "edited by hand"
        connection.execute(
            "update stage_inputs set input_digest = 'older' where stage = ?", [MIGRATION_STAGE]
        )
    monkeypatch.setattr(database, "_MIGRATED", set())
    with Warehouse(path).connect() as connection:
        assert connection.execute(comment).fetchone()[0] == TABLES["fetch_log"].comment
        recorded = "select count(*) from stage_inputs where stage = ?"
        assert connection.execute(recorded, [MIGRATION_STAGE]).fetchone()[0] == 1


def test_a_key_the_declarations_dropped_is_dropped_with_the_rows_kept(tmp_path):
    """deal_sightings was once keyed by deal_id (an index a million new deals took seconds to build): a
    working file from then keeps its sightings, in a table that is no longer keyed."""
    path = tmp_path / "work.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute(
            "create table deal_sightings "
            "(deal_id varchar not null primary key, first_seen_at timestamp not null)"
        )
        connection.execute("insert into deal_sightings values ('d1', '2026-01-05 10:00:00')")
    with Warehouse(path).connect() as connection:
        rows = connection.execute("select deal_id, first_seen_at::varchar from deal_sightings").fetchall()
        keys = connection.execute(
            "select count(*) from duckdb_constraints() where table_name = 'deal_sightings' "
            "and constraint_type = 'PRIMARY KEY'"
        ).fetchone()[0]
        comment = connection.execute(
            "select comment from duckdb_tables() where table_name = 'deal_sightings'"
        ).fetchone()[0]
    assert rows == [("d1", "2026-01-05 10:00:00")]
    assert keys == 0
    assert comment == TABLES["deal_sightings"].comment
