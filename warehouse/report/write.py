"""The investment map of a served file: what `dealmap.duckdb` serves now, written beside it.

The page is rendered from the served file, never from the working database, so it always describes the
refresh BI tools see: a publish that fails leaves both as they were, and a rollback rewrites the page
from the file it restores (`warehouse/rollback.py`).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from warehouse.database import attached_read_only
from warehouse.report.data import ReportData, load_report
from warehouse.report.html import render_report
from warehouse.report.markup import Labels
from warehouse.report.output import report_path, write_atomically


def served_report(served_db: Path, generated_at: datetime) -> ReportData:
    """Every figure of the report from `served_db`, with the run id of its `refresh_info`."""
    with attached_read_only(served_db, "served") as connection:
        data = load_report(connection, generated_at)
        run_id = connection.execute("select max(run_id) from refresh_info").fetchone()[0]
    return dataclasses.replace(data, run_id=run_id)


def write_served_report(served_db: Path, labels: Labels | None = None) -> tuple[Path, ReportData, int]:
    """Write the investment map of `served_db` beside it; (its path, what it shows, its size in bytes)."""
    data = served_report(served_db, datetime.now(UTC).replace(tzinfo=None))
    path = report_path(Path(served_db).parent)
    return path, data, write_atomically(path, render_report(data, labels))
