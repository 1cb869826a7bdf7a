"""What the served file holds, in a few lines: `python -m warehouse.summary [path]`. Opens it read-only.

`tasks.py refresh` ends with these lines: the served file's path, its deals and disclosed dollars
(whole USD, announced rounds only; reported ones counted apart), every table's row count (wrapped), and
where the investment map is.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from warehouse.data_dir import DataDirResource
from warehouse.report.output import REPORT_NAME

WIDTH = 110


def summary_lines(path: Path) -> list[str]:
    """The served file at `path`: deals, disclosed USD, rows per table, and the report beside it."""
    with duckdb.connect(str(path), read_only=True) as connection:
        tables = [
            r[0] for r in connection.execute("select table_name from duckdb_tables() order by 1").fetchall()
        ]
        # Names from the file's own catalogue, quoted as identifiers.
        sizes = {t: connection.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
        counts = [f"{table} {rows:,}" for table, rows in sizes.items()]
        # Disclosed capital is the announced rounds', as in every mart and the map's headline: a reported
        # round (talks, sources say) is counted apart, never added to it.
        deals, usd, reported, reported_usd = connection.execute(
            "select count(*), coalesce(sum(amount_usd) filter (where status = 'announced'), 0), "
            "count(*) filter (where status = 'reported'), "
            "coalesce(sum(amount_usd) filter (where status = 'reported'), 0) from deals"
        ).fetchone()
    told = f" (and {reported:,} reported, ${reported_usd:,}, not counted)" if reported else ""
    lines = [f"served    {path}: {deals - reported:,} deals, ${usd:,} disclosed{told}"]
    rows = [" " * 9]
    for count in counts:
        if len(rows[-1]) + len(count) + 3 > WIDTH:
            rows.append(" " * 9)
        rows[-1] += f" {count}" if rows[-1].isspace() else f" · {count}"
    lines += rows
    # The investment map is written beside the served file (asset investment_map).
    report = path.with_name(REPORT_NAME)
    if report.exists():
        lines.append(f"report: {report}")
    return lines


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DataDirResource().served_path
    if not target.exists():
        sys.exit(f"no served database at {target}: run `python3 tasks.py refresh` first")
    print("\n".join(summary_lines(target)))
