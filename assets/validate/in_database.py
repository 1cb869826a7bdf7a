"""Validation of the working database's normalized mentions: pandera reads the rule columns, SQL routes rows.

Only the columns the rules read are checked (`schemas.mention_schema.RULE_COLUMNS`), each check of the
pandera model called directly (`quarantine.judge_directly`); the verdicts
(rules broken per row, and the reason) land as a small table keyed by the row's position
(`mention_verdicts`), DuckDB writes `rejected_deals` from `normalized_mentions` joined with them, and
`valid_mentions` is a view of the rest (`verdicts.py`): the mentions that pass are not written again.
Snippets, URLs and investor lists never enter Python, and the rule columns become frames `PART_ROWS`
mentions at a time. Grain: one row per normalized mention in exactly one of `valid_mentions` and
`rejected_deals`; one row of `mention_verdicts` per mention that broke any rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import duckdb
import pandas as pd
import pyarrow as pa

from assets.validate.quarantine import explained_failures, judge_directly
from assets.validate.verdicts import create_valid_mentions
from schemas.mention_schema import RULE_COLUMNS, NormalizedMentionRules
from schemas.rules import RECORD_RULES
from schemas.tables import MENTION_VERDICTS, REJECTED_DEALS
from warehouse.database import create_table, frame_from_arrow, read_arrow, transaction

_VERDICTS = pa.schema(
    [("row_key", pa.int64()), ("failed_checks", pa.list_(pa.string())), ("warnings", pa.list_(pa.string())),
     ("reason", pa.string())]
)  # fmt: skip


def _verdicts(checked: pd.DataFrame) -> pa.Table:
    """One row per mention that broke any rule: its row key, the error and warn rules, the reason."""
    found = judge_directly(checked.drop(columns="row_key"), NormalizedMentionRules, RECORD_RULES)
    positions = found.failed.index.union(found.warned.index)
    rows = checked.loc[positions]
    failed = [f if isinstance(f, list) else [] for f in found.failed.reindex(positions)]
    warned = [w if isinstance(w, list) else [] for w in found.warned.reindex(positions)]
    why = explained_failures(checked, found.failed, RECORD_RULES)["reason"].to_dict()
    return pa.table(
        [rows["row_key"].astype("int64").to_numpy(), failed, warned, [why.get(p) for p in positions]],
        schema=_VERDICTS,
    )


# Mentions judged at a time: the rule columns of a million mentions as one frame, beside the Arrow table
# it was read from, were the largest memory of a refresh (about 1 GB).
PART_ROWS = 250_000


def _parts(rows: pa.Table) -> Iterator[pa.Table]:
    """Slices of about PART_ROWS rows of `rows` (ordered by record id), each ending where the record id
    changes."""
    if rows.num_rows == 0:
        yield rows  # judged all the same: an empty part is still a verdict table of the right shape
        return
    ids = rows.column("record_id")
    start = 0
    while start < rows.num_rows:
        end = min(start + PART_ROWS, rows.num_rows)
        while end < rows.num_rows and ids[end] == ids[end - 1]:
            end += 1
        yield rows.slice(start, end - start)
        start = end


def validate_table(connection: duckdb.DuckDBPyConnection, run_id: str, now: datetime) -> tuple[int, int]:
    """Rebuild `mention_verdicts`, `rejected_deals` and the `valid_mentions` view over them from
    `normalized_mentions`, in one transaction; returns (valid rows, rejected rows). Raises when a row would
    be lost or counted twice."""
    # Read once, ordered by record id so that mentions sharing one (which `record_id_unique` must see
    # together) are neighbours, then judged PART_ROWS at a time, a part never ending inside such a run.
    rows = read_arrow(
        connection,
        f"select rowid as row_key, {', '.join(RULE_COLUMNS)} from normalized_mentions "
        "order by record_id, rowid",
    )
    total = rows.num_rows
    verdicts = [_verdicts(frame_from_arrow(part)) for part in _parts(rows)]
    connection.register("verdicts", pa.concat_tables(verdicts))
    rejected_columns = [c for c in REJECTED_DEALS.names if c in RULE_COLUMNS or c in _FROM_MENTION]
    try:
        with transaction(connection):
            create_table(connection, MENTION_VERDICTS.name)
            connection.execute(
                """
                insert into mention_verdicts by name
                select v.row_key, n.record_id, v.failed_checks, v.warnings, v.reason
                from verdicts v join normalized_mentions n on n.rowid = v.row_key
                """
            )
            create_table(connection, REJECTED_DEALS.name)
            connection.execute(
                f"""
                insert into rejected_deals by name
                select {", ".join(f"n.{c}" for c in rejected_columns)},
                    v.failed_checks, v.warnings, v.reason, $1 as run_id, $2 as rejected_at
                from normalized_mentions n join mention_verdicts v on n.rowid = v.row_key
                where len(v.failed_checks) > 0
                """,
                [run_id, now],
            )
            create_valid_mentions(connection)
            valid, rejected = connection.execute(
                "select (select count(*) from valid_mentions), (select count(*) from rejected_deals)"
            ).fetchone()
            if valid + rejected != total:  # the quarantine must not lose rows
                raise RuntimeError(f"{total} rows in, {valid} valid + {rejected} rejected")
    finally:
        connection.unregister("verdicts")
    return valid, rejected


# Quarantine columns that come from the mention itself though no rule reads them (where it was found).
_FROM_MENTION = frozenset({"source_kind", "url", "method", "locator", "snippet"})
