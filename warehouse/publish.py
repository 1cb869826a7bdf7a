"""Publish the served DuckDB file that BI tools read, atomically.

The new file is built beside the served one from the working database, checkpointed and closed, then
renamed over the served file (`os.replace`: atomic on POSIX). A BI tool that has the old file open keeps
reading the old, complete version; the next connection sees the new complete version. Nobody ever sees
half a refresh, and a refresh never waits for readers (they open the file `read_only`).

The file being built is `.<served name>.<uuid>.building` (DuckDB adds `.wal` beside it). A refresh killed
while publishing leaves them behind, one of them as large as the served file: the next publish removes
them, and only them. Publishes hold a lock on the directory, one after the other, so what it removes is
never another publish's file in progress.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from schemas.tables.reference import SERVED_ONLY
from warehouse.arrow_frames import arrow_schema, frame_to_arrow
from warehouse.ddl import comments_sql, identifier

try:
    import fcntl
except ImportError:  # Windows: no flock; publishes there are not serialised
    fcntl = None  # type: ignore[assignment]


# The served file is written in DuckDB 1.0's storage format, not the writing library's own (2.0 here): BI
# tools bundle DuckDB 1.x (the DuckDB CLI on PyPI, Evidence, DBeaver and Metabase drivers), and a reader
# refuses a file newer than itself outright. Every feature the file uses (lists, comments) is in 1.0's
# format, and on dealmap's tables it is no larger than 1.4's; DuckDB 1.0.0 itself was seen to read it,
# and tests read it with the 1.5 CLI from PyPI.
SERVED_STORAGE_VERSION = "v1.0.0"


@dataclass(frozen=True)
class PublishReport:
    path: Path
    row_counts: dict[str, int]
    bytes: int
    stale_removed: tuple[str, ...] = ()
    """Names of `.building` files left by earlier killed publishes, removed before this one."""


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


def _building_name(served_db: Path) -> str:
    return f".{served_db.name}.{uuid.uuid4().hex}.building"


def _stale_pattern(served_db: Path) -> re.Pattern[str]:
    """Exactly the names `_building_name` makes (and DuckDB's `.wal` of them), nothing else."""
    return re.compile(re.escape(f".{served_db.name}.") + r"[0-9a-f]{32}\.building(?:\.wal)?")


def remove_stale_builds(served_db: Path) -> tuple[str, ...]:
    """Remove the `.building` files earlier, killed publishes left beside `served_db`; their names.

    Only regular files whose whole name matches the pattern, in that directory; never the served file.
    Call it only under `_publish_lock`, when no other publish can be building.
    """
    pattern = _stale_pattern(served_db)
    removed = []
    with os.scandir(served_db.parent) as entries:
        for entry in entries:
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)
                removed.append(entry.name)
    return tuple(sorted(removed))


@contextlib.contextmanager
def _publish_lock(directory: Path) -> Iterator[None]:
    """An exclusive lock on the served file's directory for one publish. The OS drops it when the
    process ends, so a killed publish never leaves it held (and no lock file is left either)."""
    if fcntl is None:
        yield
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def publish(
    working_db: Path,
    served_db: Path,
    tables: list[str],
    extra_tables: dict[str, pd.DataFrame] | None = None,
) -> PublishReport:
    """Copy `tables` (with their comments) from the working file into a new served file, atomically.

    `extra_tables` maps the name of a table declared in `schemas.tables.reference` to its rows, for
    tables built outside the working file (reference data such as the taxonomy).
    """
    served_db = Path(served_db)
    served_db.parent.mkdir(parents=True, exist_ok=True)
    with _publish_lock(served_db.parent):
        stale = remove_stale_builds(served_db)
        counts = _build_and_swap(working_db, served_db, tables, extra_tables or {})
    return PublishReport(served_db, counts, served_db.stat().st_size, stale)


def _build_and_swap(
    working_db: Path,
    served_db: Path,
    tables: list[str],
    extra_tables: dict[str, pd.DataFrame],
) -> dict[str, int]:
    """Build the new file beside the served one, then rename it into place; row counts per table.
    Whatever happens, the file being built does not outlive the call."""
    building = served_db.with_name(_building_name(served_db))
    counts: dict[str, int] = {}
    try:
        connection = duckdb.connect()  # in memory; both files are attached by name
        try:
            connection.execute(f"attach {_literal(str(working_db))} as work (read_only)")
            connection.execute(
                f"attach {_literal(str(building))} as bi (storage_version {_literal(SERVED_STORAGE_VERSION)})"
            )
            for table in tables:
                connection.execute(f"create table bi.{table} as select * from work.{table}")
                _copy_comments(connection, table)
            for name, frame in extra_tables.items():
                declaration = SERVED_ONLY[name]
                connection.register("extra_rows", frame_to_arrow(frame, arrow_schema(declaration)))
                connection.execute(f"create table bi.{name} as select * from extra_rows")
                connection.unregister("extra_rows")
                for statement in comments_sql(declaration, f"bi.{identifier(name)}"):
                    connection.execute(statement)
            for table in [*tables, *extra_tables]:
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
    return counts
