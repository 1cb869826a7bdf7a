"""`valid_mentions` as a view: the normalized mentions no verdict quarantines, with their warnings.

Validation judges every mention but writes only the verdicts of those that broke a rule
(`mention_verdicts`, keyed by the mention's rowid in `normalized_mentions`) and the quarantine
(`rejected_deals`). The mentions that pass are read where they already are: a second copy of a million
rows of 42 mostly-text columns cost DuckDB 7 to 10 s of one core to compress and store, and nothing reads
it that cannot read the view.

Grain: one row per normalized mention without an error-severity verdict.
"""

from __future__ import annotations

import duckdb

from schemas.tables import VALID_MENTIONS
from warehouse.database import create_view

# The valid mentions with `row_key` (their rowid in normalized_mentions) first: resolution keys the deals
# it builds by it, as it keyed them by the rowid of the copy.
VALID_ROWS = """
select n.rowid as row_key, n.*, coalesce(v.warnings, []::varchar[]) as warnings
from normalized_mentions n left join mention_verdicts v on v.row_key = n.rowid
where coalesce(len(v.failed_checks), 0) = 0
"""


def create_valid_mentions(connection: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the `valid_mentions` view over `normalized_mentions` and `mention_verdicts`."""
    create_view(connection, VALID_MENTIONS.name, f"select * exclude (row_key) from ({VALID_ROWS})")
