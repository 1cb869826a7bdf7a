"""Reading query results into frames through Arrow, the working database's memory bound, and the one database
a run keeps open."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from schemas.duckdb_memory import MEMORY_LIMIT_ENV, WarehouseConfigError
from schemas.mention_schema import word_counts
from warehouse.database import Warehouse, kept_open, read_frame


def test_read_frame_types_columns_as_the_rules_expect():
    connection = duckdb.connect()
    frame = read_frame(
        connection,
        "select * from (values (1, 9007199254740993::bigint, date '2026-03-01', ['a', 'b'], 'x'),"
        " (2, null, null, [], null)) t(n, amount_usd, announced_date, investors, company) order by n",
    )
    # An integer column with nulls stays exact (2**53 + 1 would not survive a float).
    assert frame["amount_usd"].dtype == "Int64"
    assert frame["amount_usd"].tolist()[0] == 9007199254740993
    assert frame["amount_usd"].isna().tolist() == [False, True]
    assert frame["n"].dtype == "int32"
    assert frame["announced_date"].dtype == "datetime64[us]"
    assert frame["announced_date"].iloc[0] == pd.Timestamp("2026-03-01")
    assert [list(v) for v in frame["investors"]] == [["a", "b"], []]
    assert frame["company"].isna().tolist() == [False, True]


def test_read_frame_runs_after_a_result_left_half_read():
    connection = duckdb.connect()
    connection.execute("create table t as select range as n from range(5)")
    connection.execute("select n from t").fetchone()  # the way stage digests are read
    assert read_frame(connection, "select count(*) as rows from t where n >= ?", [2])["rows"].tolist() == [3]


def test_read_frame_matches_pandas_own_reading():
    connection = duckdb.connect()
    query = "select range as n, 'c' || range as name, range * 1000 as amount from range(1000)"
    pd.testing.assert_frame_equal(read_frame(connection, query), connection.execute(query).df())


def test_working_database_memory_is_bounded_and_configurable(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path / "work.duckdb")
    with warehouse.connect() as connection:
        assert connection.execute("select current_setting('memory_limit')").fetchone()[0] == "953.6 MiB"
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "512MB")
    with warehouse.connect(read_only=True) as connection:
        assert connection.execute("select current_setting('memory_limit')").fetchone()[0] == "488.2 MiB"
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "lots")
    with pytest.raises(WarehouseConfigError, match="DEALMAP_DUCKDB_MEMORY_LIMIT='lots'"), warehouse.connect():
        pass


def test_word_counts_split_on_any_whitespace_and_keep_the_index():
    names = pd.Series(
        [
            "Acme",
            "  Acme  Robotics ",
            "a\u00a0b\u2009c",
            "one two three four five six seven eight nine",
            None,
        ],
        index=[10, 11, 12, 13, 14],
    )
    counts = word_counts(names.astype("string[pyarrow]"))
    assert counts.index.tolist() == [10, 11, 12, 13, 14]
    assert counts.iloc[:4].tolist() == [1, 2, 3, 9]
    assert pd.isna(counts.iloc[4])


def test_a_kept_open_working_file_is_opened_once_and_closed_when_the_run_ends(tmp_path, monkeypatch):
    """While a run keeps the file open, every connection (read-only ones too) is a cursor of one database:
    what one writes, the next reads, and no second open of the file happens until the block ends."""
    path = tmp_path / "work" / "work.duckdb"
    warehouse = Warehouse(path)
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "lots")
    with kept_open(path):
        # A setting DuckDB refuses fails the first connection, as it does without a run.
        with (
            pytest.raises(WarehouseConfigError, match="DEALMAP_DUCKDB_MEMORY_LIMIT='lots'"),
            warehouse.connect(),
        ):
            pass
        monkeypatch.setenv(MEMORY_LIMIT_ENV, "512MB")
        with warehouse.connect() as connection:
            connection.execute("create table t as select 7 as n")
        with warehouse.connect(read_only=True) as connection:
            assert connection.execute("select n from t").fetchall() == [(7,)]
            assert connection.execute("select current_setting('memory_limit')").fetchone()[0] == "488.2 MiB"
        # The file is held by this process: opening it another way is refused until the block ends.
        with pytest.raises(duckdb.ConnectionException):
            duckdb.connect(str(path), read_only=True)
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("select n from t").fetchall() == [(7,)]


def test_a_kept_open_working_file_lets_its_cache_go_when_its_last_connection_closes(tmp_path):
    """As closing the file did: blocks cached by one step do not stay resident beside the next step's."""
    path = tmp_path / "work.duckdb"
    warehouse = Warehouse(path)
    in_use = "select sum(memory_usage_bytes) // 1048576 from duckdb_memory()"
    with kept_open(path):
        with warehouse.connect() as connection:
            connection.execute(
                "create table t as select range as n, md5(range::varchar) as s from range(2000000)"
            )
            connection.execute("checkpoint")
            assert connection.execute("select count(distinct s) from t").fetchone()[0] == 2_000_000
            with warehouse.connect(read_only=True) as inner:  # still open: nothing is let go yet
                assert inner.execute(in_use).fetchone()[0] > 32
        with warehouse.connect(read_only=True) as connection:
            assert connection.execute(in_use).fetchone()[0] <= 16
            assert connection.execute("select current_setting('memory_limit')").fetchone()[0] == "953.6 MiB"
