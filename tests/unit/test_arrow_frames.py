"""Frames typed by their target table: empty lists, all-missing columns, numpy cells, bad values named."""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from schemas.tables import Column, Table
from warehouse.arrow_frames import UnsupportedColumnType, arrow_schema, arrow_type, frame_to_arrow

TABLE = Table(
    "t",
    "One row per test value.",
    tuple(
        Column(name, kind, f"{name} column.")
        for name, kind in [("id", "VARCHAR"), ("names", "VARCHAR[]"), ("amount", "BIGINT"), ("day", "DATE"),
                           ("seen_at", "TIMESTAMP"), ("share", "DOUBLE"), ("flag", "BOOLEAN")]
    ),
)  # fmt: skip
SCHEMA = arrow_schema(TABLE)


@pytest.fixture
def connection():
    with duckdb.connect() as connection:
        connection.execute(
            "create table t (id varchar, names varchar[], amount bigint, day date, seen_at timestamp, "
            "share double, flag boolean)"
        )
        yield connection


def land(connection, frame: pd.DataFrame) -> list[tuple]:
    rows = frame_to_arrow(frame, SCHEMA)
    connection.register("incoming", rows)
    connection.execute("insert into t select * from incoming")
    return connection.execute("select * from t order by id").fetchall()


def test_all_empty_lists_and_all_missing_optionals_keep_their_types(connection):
    frame = pd.DataFrame({"id": [f"r{i}" for i in range(3000)], "names": [[] for _ in range(3000)]})
    frame["amount"] = None
    rows = land(connection, frame)
    assert len(rows) == 3000
    assert rows[0] == ("r0", [], None, None, None, None, None)


def test_empty_frame_is_an_empty_typed_table(connection):
    table = frame_to_arrow(pd.DataFrame(), SCHEMA)
    assert table.num_rows == 0
    assert table.schema.field("names").type == pa.list_(pa.string())


def test_cells_read_back_from_duckdb_and_pandas_missing_markers(connection):
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "names": [np.array(["X", "Y"], dtype=object), ["Z"]],
            "amount": pd.array([5, pd.NA], dtype="Int64"),
            "day": pd.Series([pd.Timestamp("2026-03-01"), pd.NaT]).astype("datetime64[us]"),
            "share": [0.5, np.nan],
            "flag": [True, None],
        }
    )
    assert land(connection, frame) == [
        ("a", ["X", "Y"], 5, dt.date(2026, 3, 1), None, 0.5, True),
        ("b", ["Z"], None, None, None, None, None),
    ]


def test_value_that_does_not_fit_names_its_column(connection):
    frame = pd.DataFrame({"id": ["a"], "amount": ["five million"]})
    with pytest.raises(ValueError, match="column 'amount' does not fit int64"):
        frame_to_arrow(frame, SCHEMA)


def test_column_the_table_lacks_is_an_error(connection):
    with pytest.raises(ValueError, match=r"columns not in the table: \['surprise'\]"):
        frame_to_arrow(pd.DataFrame({"id": ["a"], "surprise": [1]}), SCHEMA)


def test_unknown_duckdb_type_is_named():
    assert arrow_type("VARCHAR[][]") == pa.list_(pa.list_(pa.string()))
    with pytest.raises(UnsupportedColumnType, match="INTERVAL"):
        arrow_type("INTERVAL")
