"""How much memory DuckDB may use, in every connection dealmap opens: the working file's and the private,
in-memory ones that read an export, its stored mentions or a frame being checked."""

from __future__ import annotations

import atexit
import itertools
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb

MEMORY_LIMIT_ENV = "DEALMAP_DUCKDB_MEMORY_LIMIT"
# DuckDB's own default is 80% of the machine's memory, which it then uses: a million-row stage took 2 GB.
# Bounded, it streams and spills to a temporary folder beside the file at about the same speed.
DEFAULT_MEMORY_LIMIT = "1GB"


class WarehouseConfigError(ValueError):
    """A setting of the working database DuckDB does not accept."""


# Below this a step fails on its first allocation ('1KB': failed to allocate 32 KiB), far from the setting.
MIN_MEMORY_LIMIT_BYTES = 32 * 1024 * 1024
_SIZE = re.compile(r"(?P<number>[0-9]*\.?[0-9]+)\s*(?P<unit>[A-Za-z]*)")
_UNIT_BYTES = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2,
               "g": 1000**3, "gb": 1000**3, "t": 1000**4, "tb": 1000**4, "kib": 1024, "mib": 1024**2,
               "gib": 1024**3, "tib": 1024**4}  # fmt: skip


def _too_small(limit: str) -> bool:
    """Whether a size as DuckDB writes them ('512MB', '2 GiB') is under `MIN_MEMORY_LIMIT_BYTES`; a size
    this cannot read is left for DuckDB to judge."""
    match = _SIZE.fullmatch(limit.strip())
    unit = _UNIT_BYTES.get(match["unit"].lower()) if match else None
    return unit is not None and float(match["number"]) * unit < MIN_MEMORY_LIMIT_BYTES


def limit_memory(connection: duckdb.DuckDBPyConnection) -> None:
    """Apply `$DEALMAP_DUCKDB_MEMORY_LIMIT` (default 1GB) to `connection`; a value DuckDB does not
    accept, a negative one (DuckDB reads '-1GB' as no limit) or one under 32 MiB is a clear error naming
    the variable."""
    limit = os.environ.get(MEMORY_LIMIT_ENV, "").strip() or DEFAULT_MEMORY_LIMIT
    if limit.startswith("-"):
        raise WarehouseConfigError(f"{MEMORY_LIMIT_ENV}={limit!r}: a negative size sets no limit at all; "
                                   "give a size such as 1GB or 512MB")  # fmt: skip
    if _too_small(limit):
        raise WarehouseConfigError(f"{MEMORY_LIMIT_ENV}={limit!r}: under 32 MiB a step fails on its first "
                                   "allocation; give a size such as 1GB or 512MB")  # fmt: skip
    try:
        connection.execute("set memory_limit = ?", [limit])
    except duckdb.Error as error:
        raise WarehouseConfigError(
            f"{MEMORY_LIMIT_ENV}={limit!r} is not a memory size DuckDB accepts (e.g. 1GB, 512MB): {error}"
        ) from error


def check_memory_limit() -> None:
    """`limit_memory` on a connection of its own: the setting checked before a run starts."""
    with private_duckdb():
        pass


@contextmanager
def private_duckdb(config: dict[str, Any] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh in-memory DuckDB connection (with `config`) held to the memory limit, closed after the
    block. Each such connection is a database of its own, with its own limit: without one, the connection
    reading a million-row export could take 80% of the machine whatever the user set. What it spills
    over the limit goes to a temporary folder of its own, removed after (an in-memory database spills to
    `.tmp` in the working directory by default)."""
    with tempfile.TemporaryDirectory(prefix="dealmap-duckdb-") as spill:
        connection = duckdb.connect(config={**(config or {}), "temp_directory": spill})
        try:
            limit_memory(connection)
            yield connection
        finally:
            connection.close()


class _ScratchDatabase:
    """One in-memory DuckDB database of this process for short, self-contained work (reading a Parquet
    file, an export, a frame), held to the memory limit. A fresh database costs about 12 ms to open: a
    refresh of 400 one-row sources opened some 2,000 of them, half a minute."""

    def __init__(self, threads: int | None):
        self.limit = os.environ.get(MEMORY_LIMIT_ENV, "")
        self._spill = tempfile.TemporaryDirectory(prefix="dealmap-duckdb-")
        config: dict[str, Any] = {"temp_directory": self._spill.name}
        if threads is not None:
            config["threads"] = threads
        self.database = duckdb.connect(config=config)
        try:
            limit_memory(self.database)
        except BaseException:
            self.close()
            raise

    def current(self) -> bool:
        """Whether it is under the limit now set."""
        return self.limit == os.environ.get(MEMORY_LIMIT_ENV, "")

    def close(self) -> None:
        self.database.close()
        self._spill.cleanup()

    def abandon(self) -> None:
        """Leave the spill folder to the process that made it (a forked child must not remove it)."""
        self._spill._finalizer.detach()  # the standard library offers no other way


_SCRATCH: dict[int | None, _ScratchDatabase] = {}
# Databases replaced (the limit changed) while a block may still use them: closed when the process ends.
_REPLACED: list[_ScratchDatabase] = []
_SCRATCH_LOCK = threading.Lock()
_SCHEMAS = itertools.count()


def _scratch_database(threads: int | None) -> duckdb.DuckDBPyConnection:
    with _SCRATCH_LOCK:
        scratch = _SCRATCH.get(threads)
        if scratch is None or not scratch.current():
            if scratch is not None:  # the limit changed: blocks still open keep the old database
                _REPLACED.append(scratch)
            scratch = _SCRATCH[threads] = _ScratchDatabase(threads)
        return scratch.database


@atexit.register
def _close_scratch() -> None:
    for scratch in [*_SCRATCH.values(), *_REPLACED]:
        scratch.close()
    _SCRATCH.clear()
    _REPLACED.clear()


# The parent's databases in a forked child: never used, closed or freed there (DuckDB's threads are the
# parent's; freeing its objects in the child crashes it), and their spill folders left to the parent.
_INHERITED: list[_ScratchDatabase] = []


def _forget_in_child() -> None:
    """A forked child opens databases of its own; the parent's are left alone (`_INHERITED`)."""
    global _SCRATCH_LOCK
    for scratch in [*_SCRATCH.values(), *_REPLACED]:
        scratch.abandon()
        _INHERITED.append(scratch)
    _SCRATCH.clear()
    _REPLACED.clear()
    _SCRATCH_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_forget_in_child)


@contextmanager
def scratch_duckdb(threads: int | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection of its own to this process's scratch database (`threads`: its worker threads, None
    for DuckDB's default), in a schema of its own, both dropped after the block: views and tables made
    in it are seen by no other block, Arrow frames registered on it neither.

    For work that attaches no database file: an attached file is the whole database's, every block's
    (use `private_duckdb`). The memory limit is the database's, shared by blocks running at once; a
    block never `SET`s a global setting (`threads`, `memory_limit`...): it would hold for every block
    after it. What a large read held stays with the database for the next block to reuse: a reader of
    a large file takes `private_duckdb`, whose memory goes when it closes."""
    database = _scratch_database(threads)
    schema = f"scratch_{next(_SCHEMAS)}"
    with _SCRATCH_LOCK:
        connection = database.cursor()
    try:
        connection.execute(f"create schema memory.{schema}")
        connection.execute(f"use memory.{schema}")
        yield connection
    finally:
        # dropped from a connection of its own: this one may hold a result the block left unread
        connection.close()
        with _SCRATCH_LOCK:
            cleaner = database.cursor()
        try:
            cleaner.execute(f"drop schema if exists memory.{schema} cascade")
        finally:
            cleaner.close()
