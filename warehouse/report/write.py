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
from warehouse.report.data import ReportData, StepUps, load_report
from warehouse.report.html import render_report
from warehouse.report.markup import Labels
from warehouse.report.output import report_path, write_atomically
from warehouse.report.step_ups_cache import cached_step_ups, keep_step_ups


def served_report(served_db: Path, generated_at: datetime, step_ups: StepUps | None = None) -> ReportData:
    """Every figure of the report from `served_db`, with the run id of its `refresh_info` (and `step_ups`,
    kept for the same deals, when given)."""
    with attached_read_only(served_db, "served") as connection:
        data = load_report(connection, generated_at, step_ups)
        run_id = connection.execute("select max(run_id) from refresh_info").fetchone()[0]
    return dataclasses.replace(data, run_id=run_id)


def write_served_report(
    served_db: Path,
    labels: Labels | None = None,
    kept_step_ups: Path | None = None,
    deals_digest: str | None = None,
) -> tuple[Path, ReportData, int]:
    """Write the investment map of `served_db` beside it; (its path, what it shows, its size in bytes).

    With `kept_step_ups` (a file, `step_ups_cache.py`), the step-ups kept there for deals of
    `deals_digest` (the digest the served `deals` was published with) are used rather than computed, and
    computed ones are kept there for the next page."""
    kept = cached_step_ups(kept_step_ups, deals_digest) if kept_step_ups is not None else None
    data = served_report(served_db, datetime.now(UTC).replace(tzinfo=None), kept)
    if kept_step_ups is not None and kept is None:
        computed = StepUps(data.step_up_count, data.step_up_companies, data.step_ups)
        keep_step_ups(kept_step_ups, deals_digest, computed)
    path = report_path(Path(served_db).parent)
    return path, data, write_atomically(path, render_report(data, labels))
