"""The investment map's step-ups and deal counts, kept between refreshes while the deals they come from stand.

Step-ups compare every company's successive rounds, and the page counts distinct companies and the distinct
deals each source backs: at a million deals these took about a second and a fifth of one, and an unchanged
refresh re-rendered the page (its run and the sources' fetch times change every run) from the same deals.
They are kept in a small file beside the working one, under the digest the served file's `deals` (and
`deal_sources`, written by the same stage) was published with (warehouse/publish.py `served_digests`), the
queries' text and how many step-ups are kept; the page of a refresh whose served deals carry the same digest
reads them from it. Any other digest, or none (a served file the last publish did not write, a rollback),
computes them from the served file again.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import astuple, fields
from datetime import date
from pathlib import Path

from warehouse.report.data import (
    DEAL_COUNTS_SQL,
    DEALS_BY_SOURCE_SQL,
    STEP_UPS_KEPT,
    STEP_UPS_ORDER,
    STEP_UPS_SQL,
    DealCounts,
    DealFigures,
    StepUp,
    StepUps,
)


def deal_figures_path(working_db: Path) -> Path:
    """The file beside the working file that keeps the last page's step-ups and deal counts."""
    return working_db.with_name(f"{working_db.name}.deal_figures.json")


def _key(deals_digest: str) -> str:
    """What kept figures depend on: the deals (their stage digest), the queries, the step-ups' order and
    how many are kept, and the layout they are kept in."""
    layout = [[f.name for f in fields(cls)] for cls in (StepUp, DealCounts)]
    queries = [STEP_UPS_SQL.read_text(encoding="utf-8"), DEAL_COUNTS_SQL, DEALS_BY_SOURCE_SQL]
    text = json.dumps([deals_digest, queries, STEP_UPS_ORDER, STEP_UPS_KEPT, layout])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def cached_figures(path: Path, deals_digest: str | None) -> DealFigures | None:
    """The figures kept in `path` for deals of `deals_digest`; None when there are none for it (or the
    file is missing or unreadable)."""
    if not deals_digest:
        return None
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["key"] != _key(deals_digest):
            return None
        largest = tuple(
            StepUp(*row[:4], date.fromisoformat(row[4]), date.fromisoformat(row[5]), *row[6:])
            for row in kept["largest"]
        )
        counts = kept["counts"]
        return DealFigures(
            StepUps(int(kept["count"]), int(kept["companies"]), largest),
            DealCounts(
                *(int(n) for n in counts[:3]),
                _day(counts[3]),
                _day(counts[4]),
                tuple((str(source), int(n)) for source, n in counts[5]),
            ),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def keep_figures(path: Path, deals_digest: str | None, figures: DealFigures) -> None:
    """Keep `figures` for deals of `deals_digest` (written atomically); without a digest, forget any."""
    if not deals_digest:
        path.unlink(missing_ok=True)
        return
    step_ups, counts = figures.step_ups, figures.counts
    rows = [[*astuple(row)[:4], row.from_date.isoformat(), row.to_date.isoformat(), *astuple(row)[6:]]
            for row in step_ups.largest]  # fmt: skip
    days = [
        None if day is None else day.isoformat() for day in (counts.first_announced, counts.last_announced)
    ]
    kept = {
        "key": _key(deals_digest),
        "count": step_ups.count,
        "companies": step_ups.companies,
        "largest": rows,
        "counts": [counts.deal_count, counts.disclosed_deal_count, counts.company_count, *days,
                   [list(pair) for pair in counts.deals_by_source]],
    }  # fmt: skip
    partial = path.with_name(f"{path.name}.{uuid.uuid4().hex}")
    try:
        partial.write_text(json.dumps(kept), encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
