"""Dagster metadata shared by the assets: Markdown previews and samples of frames.

The UI renders metadata Markdown as HTML, and the cells hold text from sources (company names,
snippets, URLs): every cell goes through `markdown_cell`, so a name can neither inject HTML, a link or an
image, nor break the table, nor reorder what is shown with bidi controls.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import dagster as dg
import numpy as np
import pandas as pd

from assets.frames import is_missing
from schemas.tables import TABLES, Column, Table
from schemas.tables.marts import MARTS as MART_TABLES
from warehouse.safe_text import markdown_cell

_MAX_CELL = 80


def markdown_table(frame: pd.DataFrame, columns: Sequence[str] | None = None, limit: int = 10) -> str:
    """A Markdown table of the first `limit` rows (lists shown joined, long text cut, every cell
    escaped; numbers-looking text is shown as written, not reformatted)."""
    if frame.empty:
        return "_(no rows)_"
    shown = frame[list(columns)] if columns else frame
    shown = shown.head(limit).copy()
    for column in shown.columns:
        shown[column] = shown[column].map(_cell)
    shown.columns = [markdown_cell(str(c)) for c in shown.columns]
    return shown.to_markdown(index=False, disable_numparse=True)


def _cell(value: object) -> str:
    if isinstance(value, list | tuple | np.ndarray):
        text = ", ".join(map(str, value))
    elif is_missing(value):
        return ""
    else:
        text = str(value)
    # Cut before escaping, so that an entity or an escape is never cut in half.
    text = text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 3] + "..."
    return markdown_cell(text)


def preview(frame: pd.DataFrame, columns: Sequence[str] | None = None, limit: int = 10) -> dg.MetadataValue:
    return dg.MetadataValue.md(markdown_table(frame, columns, limit))


def counts(series: pd.Series) -> dict[str, int]:
    """Value counts as a plain dict (for JSON metadata), NULLs counted as '(none)'."""
    return {str(k): int(v) for k, v in series.fillna("(none)").value_counts().items()}


OWNERS = ["team:dealmap"]

# What BI readers are promised: the `daily_refresh` schedule publishes at 06:00 UTC and a refresh takes
# minutes, so a served table older than a day has missed a run. Warn an hour past the day (a run late or
# still going), fail at two (a run failed or never started). Dagster's freshness daemon (part of
# `dagster dev` and `dagster-daemon run`) evaluates the policy every 30 s; a test ties it to the schedule.
DAILY_REFRESH_FRESHNESS = dg.FreshnessPolicy.time_window(
    fail_window=timedelta(hours=26), warn_window=timedelta(hours=25)
)


def _column_schema(table: Table) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(c.name, c.type.lower(), description=c.comment, constraints=_constraints(c))
            for c in table.columns
        ]
    )


def described(spec: dg.AssetSpec) -> dg.AssetSpec:
    """`spec` with its owners, and, when it is a declared table (schemas/tables, the marts), the table's
    name and columns with their comments, so the asset page shows them before the first run. The tag
    `tier` says who reads it: `served` (published for BI tools), `working` (the pipeline's own tables) or
    `output` (files for people: the served database, the report)."""
    table = {**TABLES, **MART_TABLES}.get(spec.key.to_user_string())
    if table is None:
        return spec.merge_attributes(owners=OWNERS, tags={"tier": "output"})
    tier = "served" if table.public or table.name in MART_TABLES else "working"
    metadata = {"dagster/table_name": table.name, "dagster/column_schema": _column_schema(table)}
    return spec.merge_attributes(owners=OWNERS, metadata=metadata, tags={"tier": tier})


def table_metadata(table: Table, rows: int) -> dict[str, object]:
    """Standard metadata of a table asset: name, row count and column schema (from its declaration)."""
    return {
        "dagster/table_name": table.name,
        "dagster/row_count": rows,
        "dagster/column_schema": _column_schema(table),
    }


def _constraints(column: Column) -> dg.TableColumnConstraints:
    return dg.TableColumnConstraints(nullable=not column.required, unique=column.key)


# A step's progress, logged at INFO for the progress bar of `tasks.py refresh`
# (orchestration/run_progress.py): 'progress: fetching deal-tracker-export (3 of 6 sources)'.
# The run's event log keeps it like any other line.
PROGRESS_PREFIX = "progress: "


def log_progress(context: dg.AssetExecutionContext, where: str) -> None:
    """Say where a long step is ('deal-tracker-export (3 of 6 sources)')."""
    context.log.info(f"{PROGRESS_PREFIX}{where}")
