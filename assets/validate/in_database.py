"""Validation of the working database's normalized mentions: pandera reads the rule columns, SQL routes rows.

Only the columns the rules read are checked (`schemas.mention_schema.RULE_COLUMNS`), each check of the
pandera model called directly (`quarantine.judge_directly`); the verdicts
(rules broken per row, and the reason) land as a small table keyed by the row's rowid in `normalized_values`
(`mention_verdicts`), DuckDB writes `rejected_deals` from `normalized_values` and the extraction files
(`extracted_rows`) joined with them, and `valid_mentions` is a view of the rest (`verdicts.py`): the
mentions that pass are not written again. Snippets, URLs and investor lists never enter Python, and the
rule columns become frames of about `PART_ROWS` mentions (parts by a hash of the record id).

Grain: one row per normalized mention in exactly one of `valid_mentions` and `rejected_deals`; one row
of `mention_verdicts` per mention that broke any rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from assets.normalize.columnar import NORMALIZED_MENTION_ROWS, mention_column
from assets.validate.quarantine import explained_failures, judge_directly
from assets.validate.verdicts import VALID_ROWS, create_valid_mentions
from schemas.mention_schema import RULE_COLUMNS, NormalizedMentionRules
from schemas.rules import RECORD_RULES
from schemas.tables import MENTION_VERDICTS, NORMALIZED_VALUES, REJECTED_DEALS
from warehouse.database import create_table, frame_from_arrow, read_arrow, transaction

_VERDICTS = pa.schema(
    [("row_key", pa.int64()), ("failed_checks", pa.list_(pa.string())), ("warnings", pa.list_(pa.string())),
     ("reason", pa.string())]
)  # fmt: skip


def _verdicts(checked: pd.DataFrame) -> pa.Table:
    """One row per mention that broke any rule: its row key, the error and warn rules, the reason."""
    found = judge_directly(checked.drop(columns="row_key"), NormalizedMentionRules, RECORD_RULES)
    failed, warned = found.failed.to_dict(), found.warned.to_dict()
    positions = sorted(failed.keys() | warned.keys())
    why = explained_failures(checked, found.failed, RECORD_RULES)["reason"].to_dict()
    return pa.table(
        [checked["row_key"].to_numpy(dtype="int64")[positions], [failed.get(p, []) for p in positions],
         [warned.get(p, []) for p in positions], [why.get(p) for p in positions]],
        schema=_VERDICTS,
    )  # fmt: skip


# Mentions judged at a time: the rule columns of a million mentions as one frame, beside the Arrow table
# it was read from, were the largest memory of a refresh (about 1 GB).
PART_ROWS = 250_000


def _parts(rows: pa.Table, count: int) -> Iterator[pa.Table]:
    """`rows` in `count` parts by their `part` column (a hash of the record id modulo `count`, so that
    mentions sharing one, which `record_id_unique` must see together, are in the same part), without it."""
    parts = rows.column("part")
    rows = rows.drop_columns(["part"])
    for number in range(count):
        yield rows.filter(pc.equal(parts, number)) if count > 1 else rows


def validate_table(connection: duckdb.DuckDBPyConnection, run_id: str, now: datetime) -> tuple[int, int]:
    """Rebuild `mention_verdicts`, `rejected_deals` and the `valid_mentions` view over them from
    `normalized_values` and the extraction, in one transaction; returns (valid rows, rejected rows).
    Raises when a row would be lost or counted twice."""
    # Read once, in no particular order, and judged in parts by a hash of the record id. (Parts of rows
    # sorted by record id did the same; the sort cost more than the checks.)
    total = connection.execute(f"select count(*) from {NORMALIZED_VALUES.name}").fetchone()[0]
    count = max(1, -(-total // PART_ROWS))
    rows = read_arrow(
        connection,
        f"select n.rowid as row_key, {', '.join(mention_column(c) for c in RULE_COLUMNS)}, "
        f"hash(n.record_id) % {count} as part from {NORMALIZED_MENTION_ROWS}",
    )
    verdicts = [_verdicts(frame_from_arrow(part)) for part in _parts(rows, count)]
    del rows
    connection.register("verdicts", pa.concat_tables(verdicts))
    rejected_columns = [c for c in REJECTED_DEALS.names if c in RULE_COLUMNS or c in _FROM_MENTION]
    try:
        with transaction(connection):
            create_table(connection, MENTION_VERDICTS.name)
            connection.execute(
                f"""
                insert into mention_verdicts by name
                select v.row_key, n.record_id, v.failed_checks, v.warnings, v.reason
                from verdicts v join {NORMALIZED_VALUES.name} n on n.rowid = v.row_key
                """
            )
            create_table(connection, REJECTED_DEALS.name)
            connection.execute(
                f"""
                insert into rejected_deals by name
                select {", ".join(mention_column(c) for c in rejected_columns)},
                    v.failed_checks, v.warnings, v.reason, $1 as run_id, $2 as rejected_at
                from mention_verdicts v join {NORMALIZED_VALUES.name} n on n.rowid = v.row_key
                join extracted_rows e on e.mention_key = n.mention_key
                where len(v.failed_checks) > 0
                """,
                [run_id, now],
            )
            create_valid_mentions(connection)
            # Counted without the extraction: each mention of normalized_values has its one row there.
            valid, rejected = connection.execute(
                f"select (select count(*) from ({VALID_ROWS})), (select count(*) from rejected_deals)"
            ).fetchone()
            if valid + rejected != total:  # the quarantine must not lose rows
                raise RuntimeError(f"{total} rows in, {valid} valid + {rejected} rejected")
    finally:
        connection.unregister("verdicts")
    return valid, rejected


# Quarantine columns that come from the mention itself though no rule reads them (where it was found).
_FROM_MENTION = frozenset({"source_kind", "url", "method", "locator", "snippet"})
