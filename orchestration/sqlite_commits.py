"""Dagster's SQLite storage committed at WAL speed while this process runs a job (`tasks.py refresh`).

A Dagster instance without a storage configured keeps runs and events in SQLite files under
`$DAGSTER_HOME` (`history/runs.db`, the event log's `history/runs/index.db` and one file per run), all in
WAL mode. Every event a run stores opens an engine and a connection, commits and closes: at SQLite's
default `synchronous=FULL` each commit syncs the WAL, and each close of a file's last connection
checkpoints the WAL into the file (syncing both) and deletes it. That is about 20 `fdatasync` calls per
event (strace), 40 to 50 ms on the 2-core machine's disk; a run of `refresh` stores about 145 events, 39
of them (planned materializations and checks) before its first step.

While `wal_speed_commits(instance)` is open, for SQLite files under the instance's directory that are in
WAL mode:
- each connection SQLAlchemy opens runs at `synchronous=NORMAL`, SQLite's recommended level for WAL: a
  commit survives a crash of this process and the file is never corrupted, but a crash of the machine
  (or a power cut) may lose the last commits before a checkpoint. That is the event log of a local
  refresh, which the next refresh writes again; the warehouse files do not depend on it.
- a connection of its own stays open on the file, so a closing connection is never its last: the WAL is
  checkpointed when it grows past SQLite's threshold (1,000 pages) and once when the block ends, not
  after every event.

- the event log opens one engine per file and keeps its connection open between events, where
  Dagster's SQLite event log builds an engine, connects and disposes of both for each event (and each
  read): at about 146 events a run of `refresh` spent 0.4 s of its 3.5 s unchanged rerun on a million
  rows there.

What is stored and where does not change, and other processes (the UI, the daemon) read and write the
same files as before (WAL lets readers and one writer share them). Dagster has no setting for this: its
`DAGSTER_EVENT_BATCH_SIZE` batches events only for storages that write a batch at once, and the SQLite
event log stores a batch one event at a time.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import sqlalchemy
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS

WAL_SYNCHRONOUS = "normal"


class _Keepers:
    """One idle connection per WAL file of the instance, opened the first time Dagster connects to it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.held: dict[str, sqlite3.Connection] = {}
        self.outside: set[str] = set()  # files SQLAlchemy opened that are not the instance's
        self._lock = threading.Lock()

    def on_connect(self, connection: object, _record: object) -> None:
        """SQLAlchemy's `connect` event: tune a new DBAPI connection to one of the instance's WAL files."""
        if not isinstance(connection, sqlite3.Connection):
            return
        # Only a speed-up: a file it cannot tune (locked, unreadable) is left as Dagster opened it.
        with contextlib.suppress(sqlite3.Error):
            self._tune(connection)

    def _tune(self, connection: sqlite3.Connection) -> None:
        # Each event opens a connection: a file seen before costs one query here, not three.
        rows = connection.execute("pragma database_list").fetchall()
        file = next((f for _, name, f in rows if name == "main"), "")
        if not file or file in self.outside:
            return
        if file not in self.held:
            if not Path(file).resolve().is_relative_to(self.root):
                self.outside.add(file)
                return
            if connection.execute("pragma journal_mode").fetchone()[0].lower() != "wal":
                return  # a new shard is created in rollback mode, then switched to WAL: a later connection
            self._hold(file)
        connection.execute(f"pragma synchronous = {WAL_SYNCHRONOUS}")

    def _hold(self, file: str) -> None:
        with self._lock:
            if file not in self.held:
                keeper = sqlite3.connect(file, check_same_thread=False, isolation_level=None)
                # Reading opens the WAL index: from here on the keeper counts as a connection to the file.
                keeper.execute("select count(*) from sqlite_master").fetchall()
                self.held[file] = keeper

    def close(self) -> None:
        """Close the keepers: the last connection to each file checkpoints its WAL, as Dagster's would."""
        with self._lock:
            for keeper in self.held.values():
                keeper.close()
            self.held.clear()


@contextlib.contextmanager
def wal_speed_commits(instance: dg.DagsterInstance) -> Iterator[dict[str, sqlite3.Connection]]:
    """Commit to the instance's SQLite files at WAL speed while the block runs (see the module docstring);
    yields the files held open (path -> the keeper), for tests and diagnostics."""
    keepers = _Keepers(Path(instance.root_directory).resolve())
    sqlalchemy.event.listen(sqlalchemy.engine.Engine, "connect", keepers.on_connect)
    pooled = _PooledEventLog.install(instance.event_log_storage)
    try:
        yield keepers.held
    finally:
        try:
            if pooled is not None:
                pooled.uninstall()
        finally:
            sqlalchemy.event.remove(sqlalchemy.engine.Engine, "connect", keepers.on_connect)
            keepers.close()


class _PooledEventLog:
    """One engine per shard file of a `SqliteEventLogStorage`, kept (with its pooled connection) until
    `uninstall`: the storage's `_connect` as Dagster writes it, less the engine built and disposed of each
    time. Dagster's own lock still serialises every use of the storage's connections."""

    def __init__(self, storage: SqliteEventLogStorage) -> None:
        self.storage = storage
        self.engines: dict[str, sqlalchemy.engine.Engine] = {}
        self.tables: set[str] = set()
        self.installed = True

    @classmethod
    def install(cls, storage: object) -> _PooledEventLog | None:
        """Pool `storage`'s connections; None (and the storage left as it is) unless it is exactly the
        SQLite event log whose private members this relies on (another storage, a subclass, or a Dagster
        release that renamed them), and not pooled already (a block inside another keeps the outer's)."""
        needed = (
            "_connect",
            "has_table",
            "_db_lock",
            "_initialized_dbs",
            "_initdb",
            "conn_string_for_shard",
            "path_for_shard",
        )
        if type(storage) is not SqliteEventLogStorage or not all(hasattr(storage, n) for n in needed):
            return None
        if "_connect" in vars(storage):
            return None
        pooled = cls(storage)
        storage._connect = pooled.connect  # type: ignore[method-assign]  # this object only, undone below
        storage.has_table = pooled.has_table  # type: ignore[method-assign]
        return pooled

    def has_table(self, table_name: str) -> bool:
        """Whether the index shard has the table, asked of SQLite once a table is found: Dagster asks it
        (building an engine and connecting) before each read of dynamic partitions, and a step that
        gives each of 400 source partitions its metadata read them 400 times."""
        if table_name in self.tables:
            return True
        found = SqliteEventLogStorage.has_table(self.storage, table_name)
        if found:
            self.tables.add(table_name)
        return found

    @contextlib.contextmanager
    def connect(self, shard: str) -> Iterator[sqlalchemy.engine.Connection]:
        storage = self.storage
        with storage._db_lock:
            if self.installed:
                with self._engine(shard).connect() as connection, connection.begin():
                    yield connection
                return
        # The block ended while this waited for the lock (another thread's read): Dagster's own way.
        with SqliteEventLogStorage._connect(storage, shard) as connection:
            yield connection

    def _engine(self, shard: str) -> sqlalchemy.engine.Engine:
        """The kept engine of `shard`, built (and the shard created) when there is none. One whose file
        is gone, or that Dagster would create again (a wipe forgets the shards it made), is dropped: its
        connection would write on into a deleted file, where Dagster's next one fails loudly."""
        storage = self.storage
        engine = self.engines.get(shard)
        if engine is not None and (
            shard not in storage._initialized_dbs or not os.path.exists(storage.path_for_shard(shard))
        ):
            self.engines.pop(shard).dispose()
            engine = None
        if engine is None:
            engine = sqlalchemy.create_engine(
                storage.conn_string_for_shard(shard),
                poolclass=sqlalchemy.pool.QueuePool,
                pool_size=1,
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
            )
            if shard not in storage._initialized_dbs:
                storage._initdb(engine)
                storage._initialized_dbs.add(shard)
                # A new shard is created in rollback mode, then switched to WAL: the connection that did
                # it is closed, so the one kept is opened in WAL mode and tuned (`_Keepers`).
                engine.dispose()
            self.engines[shard] = engine
        return engine

    def uninstall(self) -> None:
        """Dagster's `_connect` again, and every pooled connection closed."""
        with self.storage._db_lock:
            self.installed = False
            del self.storage._connect
            del self.storage.has_table
            engines, self.engines = list(self.engines.values()), {}
        for engine in engines:
            engine.dispose()
