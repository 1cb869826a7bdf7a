"""Validation of the working database's normalized mentions: pandera reads the rule columns, SQL routes rows.

Only the columns the checks read are judged (`JUDGED_COLUMNS`), each check of the pandera model called
directly (`quarantine.judge_directly`), on parts of about `PART_ROWS` mentions streamed from DuckDB. The
verdicts (rules broken per row) land as a small table keyed by the row's rowid in `normalized_values`
(`mention_verdicts`); the rule columns that only explain a failure are read for the rows that broke an
error rule, whose reasons are then written; `rejected_deals` is those rows with the rest of their mention
(`extracted_rows`), and `valid_mentions` is a view of the rest (`verdicts.py`): the mentions that pass are
not written again. Snippets, URLs and investor lists never enter Python.

Grain: one row per normalized mention in exactly one of `valid_mentions` and `rejected_deals`; one row
of `mention_verdicts` per mention that broke any rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from assets.normalize.columnar import NORMALIZED_MENTION_ROWS, mention_column
from assets.read_ahead import read_ahead
from assets.validate.quarantine import explained_failures, judge_directly
from assets.validate.verdicts import VALID_ROWS, create_valid_mentions
from schemas.mention_schema import RULE_COLUMNS, NormalizedMentionRules
from schemas.rules import RECORD_RULES
from schemas.tables import MENTION_VERDICTS, NORMALIZED_VALUES, REJECTED_DEALS
from warehouse.database import create_table, frame_from_arrow, read_arrow, transaction

# Rule columns no check reads: they only explain a failure (its `reason`: the cells as written, the
# publication date), so they are read for the rows that broke an error rule, not for every mention (a
# third of the bytes judged). A check that came to read one would fail on the missing column (a KeyError
# stops the step), never pass unseen.
EXPLAINING_ONLY = (
    "published_date", "round_text", "amount_text", "currency_text", "valuation_text", "segment_text"
)  # fmt: skip
JUDGED_COLUMNS = tuple(c for c in RULE_COLUMNS if c not in EXPLAINING_ONLY)

_JUDGED = pa.schema(
    [("row_key", pa.int64()), ("record_id", pa.string()), ("failed_checks", pa.list_(pa.string())),
     ("warnings", pa.list_(pa.string()))]
)  # fmt: skip


def _judged(part: pa.Table) -> pa.Table:
    """One row per mention of `part` that broke any rule: its row key, record id, error and warn rules."""
    checked = frame_from_arrow(part)
    found = judge_directly(checked.drop(columns="row_key"), NormalizedMentionRules, RECORD_RULES)
    failed = dict(zip(found.failed.index.tolist(), found.failed.tolist(), strict=True))
    warned = dict(zip(found.warned.index.tolist(), found.warned.tolist(), strict=True))
    positions = np.array(sorted(failed.keys() | warned.keys()), dtype=np.int64)
    return pa.table(
        [part.column("row_key").take(positions), part.column("record_id").take(positions),
         [failed.get(p, []) for p in positions.tolist()], [warned.get(p, []) for p in positions.tolist()]],
        schema=_JUDGED,
    )  # fmt: skip


# Mentions judged at a time: the rule columns of a million mentions as one frame, beside the Arrow table
# it was read from, were the largest memory of a refresh (about 1 GB).
PART_ROWS = 250_000

# Mentions whose record id another mention shares: `record_id_unique` must see them together, so they
# are judged apart from the stream, in parts by a hash of the id (`shared_hash`, NULL for the others).
_SHARED = f"""
n.record_id in (select record_id from {NORMALIZED_VALUES.name} group by record_id having count(*) > 1)
"""


def _parts(connection: duckdb.DuckDBPyConnection) -> Iterator[pa.Table]:
    """The judged columns of every mention (`row_key` first), in parts of about `PART_ROWS` rows: the
    rows as DuckDB streams them, and, at the end, the rows sharing a record id (each id's rows in one
    part). Read once, in no particular order: a sort or a split by hash of every row cost more than the
    checks."""
    columns = ", ".join(mention_column(c) for c in JUDGED_COLUMNS)
    query = (
        f"select n.rowid as row_key, {columns}, if({_SHARED}, hash(n.record_id), null) as shared_hash "
        f"from {NORMALIZED_MENTION_ROWS}"
    )
    connection.execute("select 1").fetchall()  # an unfinished earlier result would block the stream
    shared = []
    for batch in connection.sql(query).to_arrow_reader(PART_ROWS):
        rows = pa.Table.from_batches([batch])
        hashes = rows.column("shared_hash")
        if hashes.null_count < rows.num_rows:
            shared.append(rows.filter(hashes.is_valid()))
            rows = rows.filter(hashes.is_null())
        if rows.num_rows:
            yield rows.drop_columns(["shared_hash"])
    if shared:
        rows = pa.concat_tables(shared)
        count = max(1, -(-rows.num_rows // PART_ROWS))
        part = rows.column("shared_hash").to_numpy() % np.uint64(count)
        rows = rows.drop_columns(["shared_hash"])
        for number in range(count):
            yield rows.filter(pa.array(part == number)) if count > 1 else rows


def _quarantined(connection: duckdb.DuckDBPyConnection, judged: pa.Table) -> tuple[pa.Table, pa.Table]:
    """(`judged` with each row's `reason`, the rows that broke an error rule with the rest of their
    mention: every rule column and the quarantine's). The reason of such a row names the rules and the
    values that explain them; a row that broke only warn rules has none. Their mentions are read in one
    pass, for them alone."""
    failing = judged.filter(pc.greater(pc.list_value_length(judged.column("failed_checks")), 0))
    wanted = [c for c in REJECTED_DEALS.names if c in RULE_COLUMNS or c in _FROM_MENTION]
    wanted += [c for c in RULE_COLUMNS if c not in wanted]
    connection.register("failing_rows", failing)
    try:
        mentions = read_arrow(
            connection,
            f"select f.row_key, f.failed_checks, f.warnings, {', '.join(mention_column(c) for c in wanted)} "
            f"from failing_rows f join {NORMALIZED_VALUES.name} n on n.rowid = f.row_key "
            "join extracted_rows e on e.mention_key = n.mention_key",
        )
    finally:
        connection.unregister("failing_rows")
    frame = frame_from_arrow(mentions.select(["row_key", "failed_checks", *RULE_COLUMNS]))
    reasons = explained_failures(frame, frame["failed_checks"], RECORD_RULES)["reason"].tolist()
    why = dict(zip(frame["row_key"].tolist(), reasons, strict=True))
    judged = judged.append_column(
        "reason", pa.array([why.get(key) for key in judged.column("row_key").to_pylist()], pa.string())
    )
    return judged, mentions.append_column("reason", pa.array(reasons, pa.string()))


def validate_table(connection: duckdb.DuckDBPyConnection, run_id: str, now: datetime) -> tuple[int, int]:
    """Rebuild `mention_verdicts`, `rejected_deals` and the `valid_mentions` view over them from
    `normalized_values` and the extraction, in one transaction; returns (valid rows, rejected rows).
    Raises when a row would be lost or counted twice."""
    total = connection.execute(f"select count(*) from {NORMALIZED_VALUES.name}").fetchone()[0]
    # DuckDB reads the next part while pandas judges this one
    with read_ahead(_parts(connection), "validate-read") as parts:
        judged = pa.concat_tables([_judged(part) for part in parts] or [_JUDGED.empty_table()])
    verdicts, quarantined = _quarantined(connection, judged)
    connection.register("verdicts", verdicts)
    connection.register("quarantined", quarantined)
    rejected_columns = [c for c in REJECTED_DEALS.names if c in RULE_COLUMNS or c in _FROM_MENTION]
    try:
        with transaction(connection):
            create_table(connection, MENTION_VERDICTS.name)
            connection.execute(
                "insert into mention_verdicts by name "
                "select row_key, record_id, failed_checks, warnings, reason from verdicts"
            )
            create_table(connection, REJECTED_DEALS.name)
            connection.execute(
                f"""
                insert into rejected_deals by name
                select {", ".join(rejected_columns)}, failed_checks, warnings, reason,
                    $1 as run_id, $2 as rejected_at
                from quarantined
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
        connection.unregister("quarantined")
    return valid, rejected


# Quarantine columns that come from the mention itself though no rule reads them (where it was found).
_FROM_MENTION = frozenset({"source_kind", "url", "method", "locator", "snippet"})
