"""How much memory DuckDB may use, in every connection dealmap opens: the working file's and the private,
in-memory ones that read an export, its stored mentions or a frame being checked."""

from __future__ import annotations

import os
import re
import tempfile
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
