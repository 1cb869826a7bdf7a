"""`deal_sources` in the working file: a view of the normalized mentions through `deal_source_rows`.

Every column of a row of evidence but its deal and precedence is the mention's own. Resolution writes
only (deal_id, row_key, precedence) per valid mention, `deal_source_rows`, and reads the rest where the
mention already is: a full-width copy of a million mentions (snippets, URLs, locators) cost DuckDB 4 to
5 s of one core at resolution, for rows that publishing copies into the served file's `deal_sources`
table anyway (through this view, as it copied the table). The mention's facts come from
`normalized_values`, its snippet and locator from the extraction (`extracted_rows`).

Grain: one row per mention behind a deal.
"""

from __future__ import annotations

import duckdb

from assets.normalize.columnar import mention_column
from schemas.tables import DEAL_SOURCE_ROWS, DEAL_SOURCES, NORMALIZED_VALUES
from warehouse.database import create_view

# What deal_source_rows holds; every other declared column comes from the mention.
_OWN = {"deal_id", "precedence"}

DEAL_SOURCES_QUERY = (
    "select "
    + ", ".join(f"k.{c}" if c in _OWN else mention_column(c) for c in DEAL_SOURCES.names)
    + f" from {DEAL_SOURCE_ROWS.name} k join {NORMALIZED_VALUES.name} n on n.rowid = k.row_key"
    + " join extracted_rows e on e.mention_key = n.mention_key"
)


def create_deal_sources(connection: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the `deal_sources` view over `deal_source_rows`, `normalized_values` and
    `extracted_rows`, in the declared columns, types and comments."""
    create_view(connection, DEAL_SOURCES.name, DEAL_SOURCES_QUERY)
