"""The process's scratch database: each block a connection and schema of its own, gone after the block."""

from __future__ import annotations

import threading

import pyarrow as pa
import pytest

from schemas.duckdb_memory import MEMORY_LIMIT_ENV, WarehouseConfigError, scratch_duckdb

_SCHEMAS = "select schema_name from duckdb_schemas() where database_name = 'memory' and schema_name <> 'main'"


def test_blocks_see_none_of_each_others_views_tables_or_frames():
    with scratch_duckdb() as first, scratch_duckdb() as second:
        first.register("frame", pa.table({"x": [1]}))
        first.sql("select x from frame").create_view("cells")
        first.execute("create table kept as select 10 as y")
        second.sql("select 2 as x").create_view("cells")
        assert first.execute("select x from cells").fetchall() == [(1,)]
        assert second.execute("select x from cells").fetchall() == [(2,)]
        with pytest.raises(Exception, match=r"kept|frame"):
            second.execute("select * from kept, frame").fetchall()
        first_schema = first.execute("select current_schema()").fetchone()[0]
    with scratch_duckdb() as third:
        assert first_schema not in {name for (name,) in third.execute(_SCHEMAS).fetchall()}
        assert third.execute(_SCHEMAS).fetchall() == [
            (third.execute("select current_schema()").fetchone()[0],)
        ]


def test_a_block_that_leaves_a_result_unread_or_raises_is_cleaned_up():
    def stopped_midway() -> None:
        with scratch_duckdb() as connection:
            connection.sql("select 1").create_view("half_read")
            connection.execute("select * from range(100000)").fetchone()
            raise RuntimeError("stopped midway")

    with pytest.raises(RuntimeError):
        stopped_midway()
    with scratch_duckdb() as connection:
        assert len(connection.execute(_SCHEMAS).fetchall()) == 1  # its own only


def test_threads_and_the_memory_limit_are_the_databases(monkeypatch):
    with scratch_duckdb(threads=1) as connection:
        assert connection.execute("select current_setting('threads')").fetchone()[0] == 1
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "256MB")
    with scratch_duckdb() as connection:
        assert connection.execute("select current_setting('memory_limit')").fetchone()[0] == "244.1 MiB"
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "lots")
    with pytest.raises(WarehouseConfigError, match="DEALMAP_DUCKDB_MEMORY_LIMIT='lots'"), scratch_duckdb():
        pass


def test_many_threads_at_once():
    failures: list[str] = []

    def work(number: int) -> None:
        try:
            for _ in range(50):
                with scratch_duckdb(threads=1 if number % 2 else None) as connection:
                    connection.register("frame", pa.table({"x": [number]}))
                    connection.sql("select x from frame").create_view("cells")
                    assert connection.execute("select x from cells").fetchone()[0] == number
        except Exception as error:  # reported below
            failures.append(repr(error))

    workers = [threading.Thread(target=work, args=(number,)) for number in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []


def test_a_block_open_when_the_limit_changes_keeps_its_database(monkeypatch):
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "512MB")
    with scratch_duckdb() as first:
        first.execute("create view numbers as select * from range(10)")
        monkeypatch.setenv(MEMORY_LIMIT_ENV, "256MB")
        with scratch_duckdb() as second:
            assert second.execute("select current_setting('memory_limit')").fetchone()[0] == "244.1 MiB"
        assert first.execute("select count(*) from numbers").fetchone()[0] == 10


def _child(queue) -> None:
    with scratch_duckdb() as connection:
        queue.put(connection.execute("select 41 + 1").fetchone()[0])


def test_a_forked_child_opens_its_own_and_leaves_the_parents_spill_folder():
    import multiprocessing
    from pathlib import Path

    with scratch_duckdb() as connection:
        spill = Path(connection.execute("select current_setting('temp_directory')").fetchone()[0])
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child, args=(queue,))
    child.start()
    child.join(timeout=60)
    assert child.exitcode == 0
    assert queue.get(timeout=5) == 42
    assert spill.is_dir()


def test_a_large_export_is_read_on_a_database_of_its_own(tmp_path, monkeypatch):
    from assets.parsing import table_export

    export = tmp_path / "deals.csv"
    export.write_text("company,amount,currency\nAcme Robotics,5000000,USD\n", encoding="utf-8")
    with table_export.table_mentions(export, "csv") as connection:
        assert connection.execute("select current_schema()").fetchone()[0].startswith("scratch_")
    monkeypatch.setattr(table_export, "SMALL_EXPORT_BYTES", 10)
    with table_export.table_mentions(export, "csv") as connection:
        assert connection.execute("select current_schema()").fetchone()[0] == "main"
        assert connection.execute(f"select company from {table_export.MENTIONS_VIEW}").fetchall() == [
            ("Acme Robotics",)
        ]
