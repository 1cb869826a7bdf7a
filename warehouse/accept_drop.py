"""Accept a held source's drop: `python -m warehouse.accept_drop SOURCE_ID` (or `tasks.py accept-drop`).

When a source's new version yields far fewer mentions than its last good one, the refresh keeps the last
good mentions and the `source_volume` check fails (see assets/validate/source_volume.py). If the drop is
real (the source really removed those deals), accepting it lets the next refresh use the new version. The
acceptance names the exact documents the source serves now: if they change again, the protection is back.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import duckdb
import pandas as pd

from warehouse.data_dir import DataDirResource
from warehouse.database import Warehouse
from warehouse.run_lock import WriterBusy, writer_lock


class NothingToAccept(LookupError):
    """The source is not held in the working database."""


class AlreadyAccepted(ValueError):
    """The source's drop to the documents it serves now was accepted already."""


def _known(connection: duckdb.DuckDBPyConnection, source_id: str) -> str:
    """' (no source of that id has been fetched; held: a, b)' when the id is not one the warehouse knows
    (a typo), else ''."""
    try:
        known = {row[0] for row in connection.execute("select distinct source_id from documents").fetchall()}
        held = [
            row[0]
            for row in connection.execute("select distinct source_id from source_holds order by 1").fetchall()
        ]
    except duckdb.CatalogException:
        return ""
    if source_id in known:
        return ""
    return f" (no source of that id has been fetched; held now: {', '.join(held) or 'none'})"


def accept_drop(warehouse: Warehouse, source_id: str) -> pd.DataFrame:
    """Record that `source_id` may drop to what its current documents yield; returns the accepted row."""
    with warehouse.connect() as connection:
        try:
            holds = connection.execute(
                "select source_id, documents_key, sum(previous_mentions)::integer as previous_mentions, "
                "sum(new_mentions)::integer as new_mentions from source_holds where source_id = ? "
                "group by source_id, documents_key",
                [source_id],
            ).df()
        except duckdb.CatalogException:  # no refresh has run yet
            holds = pd.DataFrame()
        if holds.empty:
            raise NothingToAccept(
                f"source {source_id!r} is not held: nothing to accept{_known(connection, source_id)}"
            )
        earlier = connection.execute(
            "select max(accepted_at) from drop_acceptances where source_id = ? and documents_key = ?",
            [source_id, holds["documents_key"].iloc[0]],
        ).fetchall()[0][0]
        if earlier is not None:
            raise AlreadyAccepted(
                f"{source_id}: its drop to these documents was accepted already, at {earlier:%Y-%m-%d %H:%M} "
                "UTC; the next refresh uses its new version"
            )
        accepted = holds.assign(accepted_at=datetime.now(UTC).replace(tzinfo=None))
        warehouse.append(connection, "drop_acceptances", accepted)
    return accepted


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m warehouse.accept_drop SOURCE_ID", file=sys.stderr)
        return 2
    resource = DataDirResource()
    try:
        # The writer lock: a refresh holding the working file is named, not met as DuckDB's lock error.
        with writer_lock(resource.working_path, "accept-drop"):
            accepted = accept_drop(Warehouse(resource.working_path), argv[0])
    except (NothingToAccept, WriterBusy) as error:
        print(error, file=sys.stderr)
        return 1
    except AlreadyAccepted as error:  # what the user asked for holds: not a failure
        print(error)
        return 0
    except duckdb.IOException as error:  # another process (a refresh) holds the working file
        print(f"cannot open {resource.working_path}: {error}", file=sys.stderr)
        return 1
    row = accepted.iloc[0]
    print(
        f"accepted: {argv[0]} may drop from {row.previous_mentions} to {row.new_mentions} mentions; "
        "the next refresh uses its new version"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
