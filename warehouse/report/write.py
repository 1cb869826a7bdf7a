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
from warehouse.report.data import DealFigures, ReportData, compute_deal_figures, load_report
from warehouse.report.deal_figures_cache import cached_figures, keep_figures
from warehouse.report.html import render_report
from warehouse.report.markup import Labels
from warehouse.report.output import report_path, write_atomically


def served_report(
    served_db: Path, generated_at: datetime, kept: DealFigures | None = None
) -> tuple[ReportData, DealFigures]:
    """Every figure of the report from `served_db`, with the run id of its `refresh_info` (with the step-ups
    and deal counts `kept` for the same deals, when given); and those figures."""
    with attached_read_only(served_db, "served") as connection:
        figures = kept if kept is not None else compute_deal_figures(connection)
        data = load_report(connection, generated_at, figures)
        run_id = connection.execute("select max(run_id) from refresh_info").fetchone()[0]
    return dataclasses.replace(data, run_id=run_id, deal_figures_kept=kept is not None), figures


def write_served_report(
    served_db: Path,
    labels: Labels | None = None,
    kept_figures: Path | None = None,
    deals_digest: str | None = None,
) -> tuple[Path, ReportData, int]:
    """Write the investment map of `served_db` beside it; (its path, what it shows, its size in bytes).

    With `kept_figures` (a file, `deal_figures_cache.py`), the step-ups and deal counts kept there for
    deals of `deals_digest` (the digest the served `deals` was published with) are used rather than
    computed, and computed ones are kept there for the next page."""
    kept = cached_figures(kept_figures, deals_digest) if kept_figures is not None else None
    data, figures = served_report(served_db, datetime.now(UTC).replace(tzinfo=None), kept)
    if kept_figures is not None and kept is None:
        keep_figures(kept_figures, deals_digest, figures)
    path = report_path(Path(served_db).parent)
    return path, data, write_atomically(path, render_report(data, labels))
