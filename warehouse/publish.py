"""Publish the served DuckDB file that BI tools read, atomically.

The new file is built beside the served one from the working database, checkpointed and closed, then
renamed over the served file (`os.replace`: atomic on POSIX). A BI tool that has the old file open keeps
reading the old, complete version; the next connection sees the new complete version. Nobody ever sees
half a refresh, and a refresh never waits for readers (they open the file `read_only`).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd


@dataclass(frozen=True)
class PublishReport:
    path: Path
    row_counts: dict[str, int]
    bytes: int


def _literal(text: str) -> str:
    """A SQL string literal. Only for our own comments and paths, which never come from a source."""
    return "'" + text.replace("'", "''") + "'"


def _copy_comments(connection: duckdb.DuckDBPyConnection, table: str) -> None:
    table_comment = connection.execute(
        "select comment from duckdb_tables() where database_name = 'work' and table_name = ?", [table]
    ).fetchone()
    if table_comment and table_comment[0]:
        connection.execute(f"comment on table bi.{table} is {_literal(table_comment[0])}")
    columns = connection.execute(
        "select column_name, comment from duckdb_columns() "
        "where database_name = 'work' and table_name = ? and comment is not null",
        [table],
    ).fetchall()
    for column, comment in columns:
        connection.execute(f'comment on column bi.{table}."{column}" is {_literal(comment)}')


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be fsynced
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(
    working_db: Path,
    served_db: Path,
    tables: list[str],
    extra_tables: dict[str, tuple[pd.DataFrame, str]] | None = None,
) -> PublishReport:
    """Copy `tables` (with their comments) from the working file into a new served file, atomically.

    `extra_tables` maps a name to (frame, table comment) for tables built outside the working file
    (reference data such as the taxonomy).
    """
    served_db = Path(served_db)
    served_db.parent.mkdir(parents=True, exist_ok=True)
    building = served_db.with_name(f".{served_db.name}.{uuid.uuid4().hex}.building")
    counts: dict[str, int] = {}
    try:
        connection = duckdb.connect()  # in memory; both files are attached by name
        try:
            connection.execute(f"attach {_literal(str(working_db))} as work (read_only)")
            connection.execute(f"attach {_literal(str(building))} as bi")
            for table in tables:
                connection.execute(f"create table bi.{table} as select * from work.{table}")
                _copy_comments(connection, table)
            for name, (frame, comment) in (extra_tables or {}).items():
                connection.register("extra_frame", frame)
                connection.execute(f"create table bi.{name} as select * from extra_frame")
                connection.unregister("extra_frame")
                connection.execute(f"comment on table bi.{name} is {_literal(comment)}")
            for table in [*tables, *(extra_tables or {})]:
                counts[table] = connection.execute(f"select count(*) from bi.{table}").fetchone()[0]
            connection.execute("checkpoint bi")
            connection.execute("detach bi")
        finally:
            connection.close()
        with open(building, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(building, served_db)
        _fsync_dir(served_db.parent)
    finally:
        building.unlink(missing_ok=True)
        Path(f"{building}.wal").unlink(missing_ok=True)
    return PublishReport(served_db, counts, served_db.stat().st_size)
