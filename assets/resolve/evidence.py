"""`deal_sources` in the working file: a view of `normalized_mentions` through `deal_source_rows`.

Every column of a row of evidence but its deal and precedence is the mention's own. Resolution writes
only (deal_id, row_key, precedence) per valid mention, `deal_source_rows`, and reads the rest where the
mention already is: a full-width copy of a million mentions (snippets, URLs, locators) cost DuckDB 4 to
5 s of one core at resolution, for rows that publishing copies into the served file's `deal_sources`
table anyway (through this view, as it copied the table).

Grain: one row per mention behind a deal.
"""

from __future__ import annotations

import duckdb

from schemas.tables import DEAL_SOURCE_ROWS, DEAL_SOURCES
from warehouse.database import create_view

# What deal_source_rows holds; every other declared column comes from the mention.
_OWN = {"deal_id", "precedence"}

DEAL_SOURCES_QUERY = (
    "select "
    + ", ".join(f"{'k' if c in _OWN else 'n'}.{c}" for c in DEAL_SOURCES.names)
    + f" from {DEAL_SOURCE_ROWS.name} k join normalized_mentions n on n.rowid = k.row_key"
)


def create_deal_sources(connection: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the `deal_sources` view over `deal_source_rows` and `normalized_mentions`, in the declared
    columns, types and comments."""
    create_view(connection, DEAL_SOURCES.name, DEAL_SOURCES_QUERY)
