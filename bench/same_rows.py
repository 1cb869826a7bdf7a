"""Two refreshes of the same sources compared table by table, row by row: does a change leave every table as
the code before it left it?

`python -m bench.same_rows DATA_DIR_BEFORE DATA_DIR_AFTER`

Refresh one export (say `bench.export_scale`'s, 100,000 rows) with the code before and after a change, each
into its own data directory (`DEALMAP_DATA_DIR`), the export at the same path (record ids hash it). Then
every table and view of the working file (`work/dealmap_work.duckdb`) and of the served file
(`dealmap.duckdb`) of the first is compared with the same one of the second as bags of rows (`except all`
both ways), leaving out the columns that tell runs apart (`RUN_COLUMNS`: run ids, times, code digests).
One line per table: rows before and after, rows only before, rows only after. Exit status 1 when a table
differs or is missing from one side.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from warehouse.ddl import identifier, literal

FILES = ("work/dealmap_work.duckdb", "dealmap.duckdb")
# Columns that differ between two refreshes of the same documents by design: when and in which run, and
# digests of the code (a changed module is the point of the comparison).
RUN_COLUMNS = frozenset(
    {"run_id", "parsed_run_id", "rejected_at", "first_seen_at", "fetched_at", "attempted_at", "elapsed_s",
     "listed_at", "published_at", "recorded_at", "fingerprint", "input_digest"}
)  # fmt: skip


def _relations(connection: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    return [
        name
        for (name,) in connection.execute(
            "select table_name from duckdb_tables() where database_name = $1 union "
            "select view_name from duckdb_views() where database_name = $1 and not internal order by 1",
            [catalog],
        ).fetchall()
    ]


def _counts(connection: duckdb.DuckDBPyConnection, table: str) -> tuple[int, int, int, int]:
    """(rows before, rows after, rows only before, rows only after) of `table`, run columns left out."""
    columns = [r[0] for r in connection.execute(f"describe before.{table}").fetchall()]
    kept = ", ".join(identifier(c) for c in columns if c not in RUN_COLUMNS) or "1"
    before, after = (f"select {kept} from {side}.{table}" for side in ("before", "after"))
    return connection.execute(
        f"select (select count(*) from before.{table}), (select count(*) from after.{table}), "
        f"(select count(*) from ({before} except all {after})), "
        f"(select count(*) from ({after} except all {before}))"
    ).fetchone()


def compare(before: Path, after: Path) -> list[tuple[str, str, int, int, int, int]]:
    """(file, table, rows before, rows after, rows only before, rows only after) for every table of
    either file; a table one side lacks counts -1 rows there."""
    found = []
    with duckdb.connect() as connection:
        for file in FILES:
            connection.execute(f"attach {literal(str(before / file))} as before (read_only)")
            connection.execute(f"attach {literal(str(after / file))} as after (read_only)")
            names = _relations(connection, "before"), _relations(connection, "after")
            for name in sorted(set(names[0]) | set(names[1])):
                if name in names[0] and name in names[1]:
                    found.append((file, name, *_counts(connection, identifier(name))))
                else:  # on one side only
                    found.append(
                        (file, name, 0 if name in names[0] else -1, 0 if name in names[1] else -1, 0, 0)
                    )
            connection.execute("detach before")
            connection.execute("detach after")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="data directory of the refresh with the code before")
    parser.add_argument("after", type=Path, help="data directory of the refresh with the code after")
    args = parser.parse_args(argv)
    differing = 0
    for file, name, rows_before, rows_after, only_before, only_after in compare(args.before, args.after):
        same = rows_before == rows_after and only_before == only_after == 0
        differing += not same
        print(f"{file:26}{name:34}{rows_before:>10,}{rows_after:>10,}{only_before:>9,}{only_after:>9,}"
              f"{'' if same else '  differs'}")  # fmt: skip
    print(f"{differing} table(s) differ" if differing else "every table holds the same rows")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
