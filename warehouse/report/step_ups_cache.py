"""The investment map's step-ups, kept between refreshes while the deals they come from stand.

Step-ups compare every company's successive rounds: at a million deals the query takes about a second, and
an unchanged refresh re-rendered the page (its run and the sources' fetch times change every run) from the
same deals. The count and the largest step-ups are kept in a small file beside the working one, under the
digest the served file's `deals` was published with (warehouse/publish.py `served_digests`), the query's
text and how many are kept; the page of a refresh whose served deals carry the same digest reads them from
it. Any other digest, or none (a served file the last publish did not write, a rollback), computes them
from the served file again.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import astuple, fields
from datetime import date
from pathlib import Path

from warehouse.report.data import STEP_UPS_KEPT, STEP_UPS_ORDER, STEP_UPS_SQL, StepUp, StepUps


def step_ups_path(working_db: Path) -> Path:
    """The file beside the working file that keeps the last page's step-ups."""
    return working_db.with_name(f"{working_db.name}.step_ups.json")


def _key(deals_digest: str) -> str:
    """What kept step-ups depend on: the deals (their stage digest), the query, their order and how many
    are kept."""
    layout = [field.name for field in fields(StepUp)]
    query = STEP_UPS_SQL.read_text(encoding="utf-8")
    text = json.dumps([deals_digest, query, STEP_UPS_ORDER, STEP_UPS_KEPT, layout])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_step_ups(path: Path, deals_digest: str | None) -> StepUps | None:
    """The step-ups kept in `path` for deals of `deals_digest`; None when there are none for it (or the
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
        return StepUps(int(kept["count"]), int(kept["companies"]), largest)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def keep_step_ups(path: Path, deals_digest: str | None, step_ups: StepUps) -> None:
    """Keep `step_ups` for deals of `deals_digest` (written atomically); without a digest, forget any."""
    if not deals_digest:
        path.unlink(missing_ok=True)
        return
    rows = [[*astuple(row)[:4], row.from_date.isoformat(), row.to_date.isoformat(), *astuple(row)[6:]]
            for row in step_ups.largest]  # fmt: skip
    kept = {
        "key": _key(deals_digest),
        "count": step_ups.count,
        "companies": step_ups.companies,
        "largest": rows,
    }
    partial = path.with_name(f"{path.name}.{uuid.uuid4().hex}")
    try:
        partial.write_text(json.dumps(kept), encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
