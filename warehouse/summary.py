"""Print what the served file holds: `python -m warehouse.summary [path]`. Opens it read-only."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from warehouse.data_dir import DataDirResource
from warehouse.report.output import REPORT_NAME


def summary(path: Path) -> str:
    with duckdb.connect(str(path), read_only=True) as connection:
        tables = [
            r[0] for r in connection.execute("select table_name from duckdb_tables() order by 1").fetchall()
        ]
        lines = [f"{path}"]
        for table in tables:
            count = connection.execute(f'select count(*) from "{table}"').fetchone()[0]
            lines.append(f"  {table:<28} {count:>8} rows")
        total = connection.execute("select count(*), coalesce(sum(amount_usd), 0) from deals").fetchone()
        lines.append(f"  {total[0]} deals, ${total[1]:,} disclosed")
    return "\n".join(lines)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DataDirResource().served_path
    if not target.exists():
        sys.exit(f"no served database at {target}: run `python3 tasks.py refresh` first")
    print(summary(target))
    # The investment map is written beside the served file (asset investment_map).
    report = target.with_name(REPORT_NAME)
    if report.exists():
        print(f"report: {report}")
