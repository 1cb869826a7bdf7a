"""The pipeline's working DuckDB file: table DDL, frame landing and reads.

Only the pipeline opens this file; BI tools read the published copy (`warehouse/publish.py`). DuckDB
allows one read-write process per file, so every asset opens a connection, does its work and closes it.
Frames land as Arrow tables typed by their target table (`warehouse/arrow_frames.py`), never row by row.
Table names below are fixed identifiers from this package; no value from a source is ever used as SQL.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from schemas.duckdb_memory import limit_memory, private_duckdb
from schemas.tables import TABLES, Table
from schemas.tables.marts import MARTS as MART_TABLES
from warehouse.arrow_frames import arrow_schema, frame_to_arrow
from warehouse.ddl import comments_sql, create_sql, identifier, literal

MARTS_DIR = Path(__file__).resolve().parent / "marts"

# Append-only history, created once; the other tables are rebuilt in full by the asset that owns them.
PERSISTENT_TABLES = tuple(name for name, table in TABLES.items() if table.history)
DERIVED_TABLES = tuple(name for name, table in TABLES.items() if not table.history and not table.view)
VIEWS = tuple(name for name, table in TABLES.items() if table.view)
MARTS = tuple(sorted(p.stem for p in MARTS_DIR.glob("mart_*.sql")))
# Expressions the marts share (quarter start and label), as temporary macros defined before every mart.
MART_MACROS = MARTS_DIR / "macros.sql"


# Working tables renamed for their grain (they hold mentions, not deals): a working file from before keeps
# its rows under the new name, so the first run after the upgrade still knows each source's last good state.
RENAMED_TABLES = {
    "extracted_deals": "extracted_mentions",
    "normalized_deals": "normalized_mentions",
    "validated_deals": "valid_mentions",
}


def _rename_retired_tables(connection: duckdb.DuckDBPyConnection) -> None:
    existing = {row[0] for row in connection.execute("select table_name from duckdb_tables()").fetchall()}
    for old, new in RENAMED_TABLES.items():
        if old in existing and new not in existing:
            connection.execute(f"alter table {identifier(old)} rename to {identifier(new)}")


def _drop_retired_keys(connection: duckdb.DuckDBPyConnection) -> None:
    """Rebuild, rows and all, a history table whose file still indexes a key its declaration no longer
    has (DuckDB cannot drop a primary key in place); `create_table` then makes it as declared."""
    keyed = {
        row[0]
        for row in connection.execute(
            "select table_name from duckdb_constraints() where database_name = current_database() "
            "and schema_name = 'main' and constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    }
    for name in PERSISTENT_TABLES:
        if name in keyed and not any(c.key for c in TABLES[name].columns):
            kept = f"{name}_retired_key"
            connection.execute(f"create temp table {identifier(kept)} as from {identifier(name)}")
            connection.execute(f"drop table {identifier(name)}")
            create_table(connection, name)
            connection.execute(f"insert into {identifier(name)} by name from {identifier(kept)}")
            connection.execute(f"drop table {identifier(kept)}")


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back when it raises (or is interrupted)."""
    connection.execute("begin transaction")
    try:
        yield
    except BaseException:
        connection.execute("rollback")
        raise
    connection.execute("commit")


class UnknownTableError(KeyError):
    pass


def declared(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise UnknownTableError(name) from None


def create_table(connection: duckdb.DuckDBPyConnection, name: str) -> None:
    """Create (history) or re-create empty (derived) the declared table `name`, with its comments."""
    if name in VIEWS:
        raise UnknownTableError(f"{name} is declared as a view: create_view makes it")
    for statement in create_sql(declared(name)):
        connection.execute(statement)


def create_view(connection: duckdb.DuckDBPyConnection, name: str, query: str) -> None:
    """(Re)create the declared view `name` as `query`, with the declared comments; raises when the view's
    columns are not the declared ones, in name, order and type (nothing is left for readers to guess)."""
    table = declared(name)
    if not (table.view or table.working_view):
        raise UnknownTableError(f"{name} is declared as a table: create_table makes it")
    # A working file from before the view kept a table of that name: a view cannot replace a table.
    is_table = connection.execute(
        "select count(*) from duckdb_tables() "
        "where database_name = current_database() and schema_name = 'main' and table_name = ?",
        [name],
    ).fetchone()[0]
    if is_table:
        connection.execute(f"drop table {identifier(name)}")
    connection.execute(f"create or replace view {identifier(name)} as {query}")
    found = connection.execute(
        "select column_name, data_type from duckdb_columns() "
        "where database_name = current_database() and schema_name = 'main' and table_name = ? "
        "order by column_index",
        [name],
    ).fetchall()
    if found != [(c.name, c.type) for c in table.columns]:
        raise ValueError(
            f"view {name} has columns {found}, declared {[(c.name, c.type) for c in table.columns]}"
        )
    for statement in comments_sql(table):
        connection.execute(statement)


def mart_sql(name: str) -> str:
    """The SQL file of mart `name`: create or replace its table, then its comments."""
    if name not in MARTS:
        raise UnknownTableError(name)
    return (MARTS_DIR / f"{name}.sql").read_text(encoding="utf-8")


def mart_macros_sql() -> str:
    """The macros every mart may call (`quarter_start`, `quarter_label`), as temporary macros."""
    return MART_MACROS.read_text(encoding="utf-8")


def read_frame(
    connection: duckdb.DuckDBPyConnection, sql: str, params: list | None = None, arrow_lists: bool = False
) -> pd.DataFrame:
    """The rows of a query as a frame, through Arrow: several times faster than `.df()` on a million rows
    (list columns most of all). Typed as `.df()` types them where it matters: an integer column with
    nulls is nullable `Int64`, never float (amounts above 2**53 must stay exact), and dates are
    `datetime64[us]`. With `arrow_lists`, list columns stay Arrow lists (`pd.ArrowDtype`) rather than a
    Python object per cell: for readers that work on them as columns."""
    return frame_from_arrow(read_arrow(connection, sql, params), arrow_lists)


def read_arrow(connection: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pa.Table:
    """The rows of a query as an Arrow table."""
    # `sql()` refuses to run while an earlier `execute()` result is unfinished (one read with `fetchone()`);
    # a fresh `execute()` discards such a result, and fetching it to the end completes it.
    connection.execute("select 1").fetchall()
    return connection.sql(sql, params=params).to_arrow_table()


def frame_from_arrow(rows: pa.Table, arrow_lists: bool = False) -> pd.DataFrame:
    """Arrow rows read from DuckDB as a frame, typed as `read_frame` types them."""
    lists = (lambda kind: pd.ArrowDtype(kind) if pa.types.is_list(kind) else None) if arrow_lists else None
    frame = rows.to_pandas(date_as_object=False, types_mapper=lists)
    for field in rows.schema:
        column = rows.column(field.name)
        if pa.types.is_integer(field.type) and column.null_count:
            frame[field.name] = column.to_pandas(types_mapper=lambda _: pd.Int64Dtype())
        elif pa.types.is_date(field.type) or (pa.types.is_timestamp(field.type) and field.type.tz is None):
            frame[field.name] = frame[field.name].astype("datetime64[us]")
    return frame


@contextmanager
def attached_read_only(path: Path, alias: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh in-memory connection with the database file `path` attached read-only as `alias`, in use.

    Attached, not connected by path: DuckDB keeps one instance per path in a process, and would hand back
    one this process still holds on an older file at the same path (a served file swapped since)."""
    with private_duckdb() as connection:
        connection.execute(f"attach {literal(str(path))} as {identifier(alias)} (read_only)")
        connection.execute(f"use {identifier(alias)}")
        yield connection


# Working files whose history tables this process has migrated (and re-commented) once.
_MIGRATED: set[str] = set()
# The history tables as declared (columns, types, comments) and the renames: a working file that recorded
# this digest (in stage_inputs, as the stage `working_tables`) was migrated to exactly these declarations.
MIGRATION_STAGE = "working_tables"
_DECLARATIONS_DIGEST = hashlib.sha256(
    json.dumps([[create_sql(TABLES[name]) for name in PERSISTENT_TABLES], RENAMED_TABLES]).encode("utf-8")
).hexdigest()


def _has_persistent_tables(connection: duckdb.DuckDBPyConnection) -> bool:
    """Every history table is there with as many columns as declared (a file this process migrated
    keeps them; one deleted or replaced since has not got them)."""
    columns = dict(
        connection.execute(
            "select table_name, column_count from duckdb_tables() "
            "where database_name = current_database() and schema_name = 'main'"
        ).fetchall()
    )
    return all(columns.get(name, 0) >= len(TABLES[name].columns) for name in PERSISTENT_TABLES)


def _migrated_to_these_declarations(connection: duckdb.DuckDBPyConnection) -> bool:
    """The file's history tables are the declared ones: it recorded the declarations' digest when it
    was migrated, and its tables are still there."""
    if not _has_persistent_tables(connection):
        return False
    row = connection.execute(
        "select input_digest from stage_inputs where stage = ?", [MIGRATION_STAGE]
    ).fetchone()
    return row is not None and row[0] == _DECLARATIONS_DIGEST


def _ensure_persistent_tables(connection: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Migrate the history tables (renamed tables, new columns, current comments) when the file was not
    migrated to these declarations yet; later connections of the process only check they are still
    complete. Re-applying every declaration (a hundred statements) cost 60 to 100 ms a process."""
    key = str(path.resolve())
    if key in _MIGRATED and _has_persistent_tables(connection):
        return
    if not _migrated_to_these_declarations(connection):
        with transaction(connection):
            _rename_retired_tables(connection)
            _drop_retired_keys(connection)
            for name in PERSISTENT_TABLES:
                create_table(connection, name)
            connection.execute("delete from stage_inputs where stage = ?", [MIGRATION_STAGE])
            connection.execute(
                "insert into stage_inputs values (?, ?, '', ?)",
                [MIGRATION_STAGE, _DECLARATIONS_DIGEST, datetime.now(UTC).replace(tzinfo=None)],
            )
    _MIGRATED.add(key)


class _Held:
    """A working file kept open by a run: its database, once a step has opened it, and how many holders."""

    def __init__(self) -> None:
        self.database: duckdb.DuckDBPyConnection | None = None
        self.holders = 0
        self.cursors = 0
        # A step may read on two threads (a cursor each): the count that decides when the cache is let
        # go must not lose an update, nor let it go under a cursor still reading.
        self.counting = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the database. When the last open one closes, the blocks DuckDB cached are let go,
        as closing the file let them go: a step that works in Python (frames of a million rows) must not
        find the last step's gigabyte of cache still resident beside them."""
        assert self.database is not None
        with self.counting:
            connection = self.database.cursor()
            self.cursors += 1
        try:
            yield connection
        finally:
            connection.close()
            with self.counting:
                self.cursors -= 1
                if self.cursors == 0:
                    _release_memory(self.database)


def _release_memory(database: duckdb.DuckDBPyConnection) -> None:
    """Evict what DuckDB caches (a memory limit below it makes DuckDB drop cached blocks, and spill what
    it cannot drop), then set the limit back."""
    try:
        database.execute("set memory_limit = '16MB'")
    except duckdb.Error:
        pass  # more is pinned than that: it stays, as it would have
    finally:
        limit_memory(database)


# Working files kept open in this process (resolved path -> what holds them), by `kept_open`.
_HELD: dict[str, _Held] = {}


def _held_key(path: Path) -> str:
    return str(Path(path).resolve())


@contextmanager
def kept_open(path: Path) -> Iterator[None]:
    """Keep the working file at `path` open in this process while the block runs (a run, under the
    in-process executor): the first `Warehouse.connect` to it opens it once, and every connection after
    that is a cursor of that one database, until the block ends and it is closed (and checkpointed).

    A run used to open and close the file some twenty times, once or more per step: each open read the
    catalog again and each close checkpointed, 30 to 50 ms apiece on an unchanged run and more on a
    large file. The file is opened by the first step that needs it, not here, so that a setting DuckDB
    refuses (`$DEALMAP_DUCKDB_MEMORY_LIMIT`) fails that step, as it did."""
    key = _held_key(path)
    held = _HELD.setdefault(key, _Held())
    held.holders += 1
    try:
        yield
    finally:
        held.holders -= 1
        if held.holders == 0:
            del _HELD[key]
            if held.database is not None:
                held.database.close()


def _held_database(path: Path) -> _Held | None:
    """The working file a run keeps open, its database opened now if this is its first use; None when
    the file is not kept open."""
    held = _HELD.get(_held_key(path))
    if held is None:
        return None
    if held.database is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        database = duckdb.connect(str(path))
        try:
            limit_memory(database)
        except BaseException:
            database.close()
            raise
        held.database = database
    return held


@contextmanager
def reading_working(path: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, str]]:
    """(a connection, the catalog name the working file at `path` has in it), to read the file beside
    others attached to the same connection: a cursor of the database a run keeps open (`kept_open`; its
    catalog is named after the file), or a fresh in-memory connection with the file attached read-only
    as `work`. DuckDB refuses to attach a file this process already has open."""
    held = _held_database(path)
    if held is not None:
        with held.cursor() as connection:
            yield connection, connection.execute("select current_database()").fetchone()[0]
        return
    with private_duckdb() as connection:
        connection.execute(f"attach {literal(str(path))} as work (read_only)")
        yield connection, "work"


class Warehouse:
    """The working database file at `path` (created on first write)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the working file, closed when the block ends. While a run keeps the file open
        (`kept_open`), a cursor of that database, read-write even when `read_only` is asked for (DuckDB
        opens a file one way per process): a reader must still not write."""
        held = _held_database(self.path)
        if held is not None:
            opened = held.cursor()
        else:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            opened = contextlib.closing(duckdb.connect(str(self.path), read_only=read_only))
        with opened as connection:
            # Frames are registered by name explicitly; never let a missing table resolve to whatever
            # Python variable happens to share its name (DuckDB's replacement scans).
            connection.execute("set python_enable_replacements = false")
            limit_memory(connection)
            if not read_only:
                _ensure_persistent_tables(connection, self.path)
            yield connection

    # Rows converted to Arrow and inserted per slice: a million-row frame converted whole held a second
    # copy of itself in memory while it landed.
    LANDING_ROWS = 200_000

    @staticmethod
    def _insert(
        connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame, into: str | None = None
    ) -> None:
        """Append `frame` to table `name` through Arrow, typed by the table itself (never by sampling);
        with `into`, to that table instead (a staging table shaped like `name`), by column name."""
        schema = arrow_schema(declared(name))
        target = f"{identifier(into)} by name" if into else name
        for start in range(0, max(len(frame), 1), Warehouse.LANDING_ROWS):  # an empty frame is checked too
            part = frame.iloc[start : start + Warehouse.LANDING_ROWS]
            try:
                rows = frame_to_arrow(part, schema)
            except ValueError as error:
                raise ValueError(f"cannot land {len(frame)} rows in {name}: {error}") from error
            if rows.num_rows == 0:
                return
            connection.register("incoming_rows", rows)
            try:
                connection.execute(f"insert into {target} select * from incoming_rows")
            finally:
                connection.unregister("incoming_rows")

    def replace(
        self, connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame, project: bool = False
    ) -> int:
        """Rebuild derived table `name` from its declaration and fill it with `frame`, in one transaction.

        With `project`, only the frame columns the table has are inserted (a quarantine keeps a chosen
        subset of a wider frame); otherwise an extra column is an error.
        """
        if name not in DERIVED_TABLES:
            raise UnknownTableError(name)
        with transaction(connection):
            create_table(connection, name)
            if project:
                frame = frame[[c for c in declared(name).names if c in frame.columns]]
            self._insert(connection, name, frame)
        return len(frame)

    def append(self, connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> int:
        if name not in PERSISTENT_TABLES:
            raise UnknownTableError(name)
        self._insert(connection, name, frame)
        return len(frame)

    def build_mart(self, connection: duckdb.DuckDBPyConnection, name: str) -> int:
        """Rebuild a mart: its declared table (columns, types, comments), filled by its SQL file's query
        (with the shared macros defined first), in one transaction; returns its rows."""
        sql = mart_sql(name)
        with transaction(connection):
            connection.execute(mart_macros_sql())
            for statement in create_sql(MART_TABLES[name]):
                connection.execute(statement)
            connection.execute(f"insert into {identifier(name)} by name (\n{sql}\n)")
        return connection.execute(f"select count(*) from {name}").fetchone()[0]


def current_documents(connection: duckdb.DuckDBPyConnection, source_ids: list[str]) -> pd.DataFrame:
    """The newest stored version of every (source, url) the source still names, for the given sources.

    A source with a listing (`source_listings`, newest row) names exactly those URLs; a source without one
    (a feed, whose entry pages stay current after they scroll off) names every URL it ever stored.
    """
    return connection.execute(
        """
        with latest_listing as (
            select source_id, urls from source_listings
            qualify row_number() over (partition by source_id order by listed_at desc, run_id desc) = 1
        ),
        latest_version as (
            select * from documents
            where list_contains(?, source_id)
            qualify row_number() over (partition by source_id, url order by fetched_at desc, sha256) = 1
        )
        select v.* from latest_version v left join latest_listing l using (source_id)
        where l.urls is null or list_contains(l.urls, v.url)
        order by v.source_id, v.url
        """,
        [source_ids],
    ).df()


def accepted_drops(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Source id -> the documents key of the newest drop a user accepted for it."""
    rows = connection.execute(
        "select source_id, documents_key from drop_acceptances "
        "qualify row_number() over (partition by source_id order by accepted_at desc) = 1"
    ).fetchall()
    return dict(rows)
