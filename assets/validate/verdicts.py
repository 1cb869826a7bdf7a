"""`valid_mentions` as a view: the normalized mentions no verdict quarantines, with their warnings.

Validation judges every mention but writes only the verdicts of those that broke a rule
(`mention_verdicts`, keyed by the mention's rowid in `normalized_values`) and the quarantine
(`rejected_deals`). The mentions that pass are read where they already are: a second copy of a million
rows of 42 mostly-text columns cost DuckDB 7 to 10 s of one core to compress and store, and nothing reads
it that cannot read the view.

Grain: one row per normalized mention without an error-severity verdict.
"""

from __future__ import annotations

import duckdb

from assets.normalize.columnar import NORMALIZED_MENTION_COLUMNS, NORMALIZED_MENTION_ROWS
from schemas.tables import NORMALIZED_VALUES, VALID_MENTIONS
from warehouse.database import create_view

_PASSED = """
from {rows} left join mention_verdicts v on v.row_key = n.rowid
where coalesce(len(v.failed_checks), 0) = 0
"""
_WARNINGS = "coalesce(v.warnings, []::varchar[]) as warnings"

# The valid mentions as normalisation wrote them (normalized_values, without the text the mention only
# passes through), with `row_key` (their rowid there) first: resolution keys the deals it builds by it,
# and reads every row of them several times, so not through the join to the extraction files.
VALID_ROWS = f"select n.rowid as row_key, n.*, {_WARNINGS}" + _PASSED.format(
    rows=f"{NORMALIZED_VALUES.name} n"
)

# The same rows with every column of a normalized mention, `row_key` first.
VALID_MENTION_ROWS = f"select n.rowid as row_key, {NORMALIZED_MENTION_COLUMNS}, {_WARNINGS}" + _PASSED.format(
    rows=NORMALIZED_MENTION_ROWS
)


def create_valid_mentions(connection: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the `valid_mentions` view over `normalized_values`, `extracted_rows` and
    `mention_verdicts`."""
    create_view(connection, VALID_MENTIONS.name, f"select * exclude (row_key) from ({VALID_MENTION_ROWS})")
