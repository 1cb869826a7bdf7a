"""Skipping a stage whose inputs did not change: an unchanged refresh recomputes nothing it already has.

Each stage after fetching digests everything it reads: the digest the stage before it recorded, its own code
(every project module its asset imports), the reference data, and its options. When the digest equals the
one recorded by the stage's last finished run and its tables are there, the stage reports its tables as
they are instead of rebuilding them. A stage records an empty digest when it starts and its digest when it
finishes, so a stage that failed half-way is never taken as done, and neither is anything after it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import duckdb

from assets.parsing.fingerprint import code_digest
from schemas.reference.reference_data import ReferenceData
from warehouse.database import MARTS


def inputs_digest(stage: str, *parts: Any) -> str:
    """sha256 of `stage`, its code and `parts` (JSON-serialisable; dates and other values as text)."""
    text = json.dumps([stage, code_digest(f"assets.{_MODULES[stage]}"), *parts], default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The module that defines each stage's asset (its code digest covers everything the module imports).
_MODULES = {
    "source_extraction": "extracted",  # one source's extraction (per-source files, no working table)
    "extracted_mentions": "combined",
    "normalized_mentions": "normalized",
    "valid_mentions": "validated",
    "deals": "deals",
    "deal_rules": "deals",
    "records_reconcile": "deals",
    "deal_investors": "deal_investors",
    **dict.fromkeys(MARTS, "marts"),
}


def reference_digest(data: ReferenceData) -> str:
    """sha256 of every file of the reference data (taxonomy, vocabularies, aliases, FX...)."""
    return data.digest(tuple(sorted(p.name for p in data.directory.iterdir() if p.is_file())))


class StageNotBuilt(RuntimeError):
    """A stage was run before the stages whose tables it reads ever were (one asset materialised on its
    own on a new data folder)."""


def _existing(connection: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables and views of the working file."""
    return {
        row[0]
        for row in connection.execute(
            "select table_name from duckdb_tables() union all select view_name from duckdb_views()"
        ).fetchall()
    }


def require_built(connection: duckdb.DuckDBPyConnection, tables: list[str], reader: str) -> None:
    """Raise `StageNotBuilt`, naming what to run, when a table `reader` reads is not in the working file."""
    missing = [table for table in tables if table not in _existing(connection)]
    if missing:
        raise StageNotBuilt(
            f"{reader} reads {', '.join(missing)}, which the working database does not have yet: materialise "
            "the assets before it first, or run the refresh job for every source (python3 tasks.py refresh)"
        )


def last_digest(connection: duckdb.DuckDBPyConnection, stage: str) -> str | None:
    """The digest `stage` recorded when it last finished; None when it never did or is mid-way (or no
    stage ever ran in this working file)."""
    if "stage_inputs" not in _existing(connection):
        return None
    row = connection.execute("select input_digest from stage_inputs where stage = ?", [stage]).fetchone()
    return row[0] or None if row else None


def last_run(connection: duckdb.DuckDBPyConnection, stage: str) -> str | None:
    """The run that last recorded a digest for `stage` (started or finished); None when none did."""
    row = connection.execute("select run_id from stage_inputs where stage = ?", [stage]).fetchone()
    return row[0] if row else None


def _record(connection: duckdb.DuckDBPyConnection, stage: str, digest: str, run_id: str) -> None:
    connection.execute("delete from stage_inputs where stage = ?", [stage])
    connection.execute(
        "insert into stage_inputs values (?, ?, ?, ?)",
        [stage, digest, run_id, datetime.now(UTC).replace(tzinfo=None)],
    )


def mark_started(connection: duckdb.DuckDBPyConnection, stage: str, run_id: str) -> None:
    """The stage's tables are about to change: nothing may take them as matching any digest."""
    _record(connection, stage, "", run_id)


def mark_finished(connection: duckdb.DuckDBPyConnection, stage: str, digest: str, run_id: str) -> None:
    _record(connection, stage, digest, run_id)


def unchanged(
    connection: duckdb.DuckDBPyConnection, stage: str, digest: str | None, tables: list[str]
) -> bool:
    """Whether `stage` already holds what inputs `digest` give (None: the inputs are not known): the
    digest it recorded, and its `tables` (or views) still there."""
    if digest is None or last_digest(connection, stage) != digest:
        return False
    existing = _existing(connection)
    return all(table in existing for table in tables)


def after(connection: duckdb.DuckDBPyConnection, upstream: str, stage: str, *parts: Any) -> str | None:
    """The inputs digest of `stage`, which reads what `upstream` wrote; None when `upstream` has no
    finished digest (then `stage` must run), and `StageNotBuilt` when its table is not there at all."""
    before = last_digest(connection, upstream)
    if before is None:
        require_built(connection, [upstream], stage)
        return None
    return inputs_digest(stage, before, *parts)
