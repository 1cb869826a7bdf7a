"""The pipeline's working DuckDB file: table DDL, frame landing and reads.

Only the pipeline opens this file; BI tools read the published copy (`warehouse/publish.py`). DuckDB
allows one read-write process per file, so every asset opens a connection, does its work and closes it.
Frames land through DuckDB's pandas/Arrow scan (`INSERT ... SELECT FROM frame`), never row by row.
Table names below are fixed identifiers from this package; no value from a source is ever used as SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

TABLES_DIR = Path(__file__).resolve().parent / "tables"
MARTS_DIR = Path(__file__).resolve().parent / "marts"

# Append-only history: created once, never replaced.
PERSISTENT_TABLES = ("documents", "fetch_log")
# Rebuilt in full by the asset that owns them, from their DDL file, on every materialisation.
DERIVED_TABLES = (
    "extracted_deals",
    "extraction_errors",
    "document_extractions",
    "normalized_deals",
    "validated_deals",
    "rejected_deals",
    "deals",
    "deal_sources",
)
MARTS = tuple(sorted(p.stem for p in MARTS_DIR.glob("mart_*.sql")))


class UnknownTableError(KeyError):
    pass


def table_ddl(name: str) -> str:
    if name not in PERSISTENT_TABLES + DERIVED_TABLES:
        raise UnknownTableError(name)
    return (TABLES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def mart_sql(name: str) -> str:
    if name not in MARTS:
        raise UnknownTableError(name)
    return (MARTS_DIR / f"{name}.sql").read_text(encoding="utf-8")


class Warehouse:
    """The working database file at `path` (created on first write)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = duckdb.connect(str(self.path), read_only=read_only)
        # Frames are registered by name explicitly; never let a missing table resolve to whatever Python
        # variable happens to share its name (DuckDB's replacement scans).
        connection.execute("set python_enable_replacements = false")
        try:
            if not read_only:
                for name in PERSISTENT_TABLES:
                    connection.execute(table_ddl(name))
            yield connection
        finally:
            connection.close()

    @staticmethod
    def _insert(connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
        if frame.empty:
            return  # an empty object column has no type DuckDB could cast from
        connection.register("incoming_frame", frame)
        try:
            connection.execute(f"insert into {name} by name select * from incoming_frame")
        finally:
            connection.unregister("incoming_frame")

    def replace(
        self, connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame, project: bool = False
    ) -> int:
        """Rebuild derived table `name` from its DDL and fill it with `frame`, in one transaction.

        With `project`, only the frame columns the table has are inserted (a quarantine keeps a chosen
        subset of a wider frame); otherwise an extra column is an error.
        """
        if name not in DERIVED_TABLES:
            raise UnknownTableError(name)
        connection.execute("begin transaction")
        try:
            connection.execute(table_ddl(name))
            if project:
                columns = [d[0] for d in connection.execute(f"select * from {name} limit 0").description]
                frame = frame[[c for c in columns if c in frame.columns]]
            self._insert(connection, name, frame)
            connection.execute("commit")
        except BaseException:
            connection.execute("rollback")
            raise
        return len(frame)

    def append(self, connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> int:
        if name not in PERSISTENT_TABLES:
            raise UnknownTableError(name)
        self._insert(connection, name, frame)
        return len(frame)

    def build_mart(self, connection: duckdb.DuckDBPyConnection, name: str) -> int:
        """Run a mart's SQL file (create or replace + comments) and return its row count."""
        connection.execute("begin transaction")
        try:
            connection.execute(mart_sql(name))
            connection.execute("commit")
        except BaseException:
            connection.execute("rollback")
            raise
        return connection.execute(f"select count(*) from {name}").fetchone()[0]


def current_documents(connection: duckdb.DuckDBPyConnection, source_ids: list[str]) -> pd.DataFrame:
    """The newest stored version of every (source, url), for the given sources."""
    return connection.execute(
        """
        select * exclude (version_rank) from (
            select *, row_number() over (
                partition by source_id, url order by fetched_at desc, sha256
            ) as version_rank
            from documents
            where list_contains(?, source_id)
        ) where version_rank = 1
        order by source_id, url
        """,
        [source_ids],
    ).df()
