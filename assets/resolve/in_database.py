"""Resolution in the working database: most deals are built in SQL, the rest are clustered in Python.

A mention that no other mention could join (no mention of the same company and status within the window
with a round that does not contradict it) is a deal by itself, whatever order clustering takes the
mentions in (a cluster with a stated round holds only that round and stageless mentions, so a mention
joins one only through such a neighbour). In an export that is nearly every row, and its deal is built
by DuckDB straight from the valid mentions (`valid_rows`: `normalized_values` less what
`mention_verdicts` quarantines, keyed by rowid). Of the mentions that may merge, a group of one company,
status and stated round within the window is one deal, also built in SQL (`round_groups`). Only what is left
(stageless rounds nearby, a round restated over more than the window) is read into Python and clustered
by `merge.resolve_deals`. Deal ids are then numbered over all deals at once, as `resolve_deals` numbers
them, and `first_seen_at` and `deal_sightings` are kept in SQL. The result equals `resolve_deals` over
the whole table (tests/unit/test_resolve_in_database.py).

Evidence is written narrow: `deal_source_rows` (deal id, the mention's row key, precedence), which the
working file's `deal_sources` view joins to `normalized_values` and the extraction (`evidence.py`).

Grain: `deals` one row per deal, `deal_source_rows` (and `deal_sources`) one row per contributing mention.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa

from assets.resolve.evidence import create_deal_sources
from assets.resolve.merge import (
    METHOD_PRECEDENCE,
    SEGMENT_BASIS_PRECEDENCE,
    UNDATED,
    MergePolicy,
    resolve_deals,
)
from assets.resolve.round_groups import (
    DISTINCT,
    GROUPED_TABLE,
    MEMBERS_VIEW,
    PRECEDENCE,
    deal_warnings,
    stage_round_groups,
)
from assets.validate.verdicts import VALID_MENTION_ROWS, VALID_ROWS
from schemas.tables import DEAL_SOURCE_ROWS, DEAL_SOURCES
from schemas.tables.model import Table
from schemas.taxonomy import UNCLASSIFIED, Taxonomy
from schemas.vocabulary import STAGELESS_ROUNDS
from warehouse.database import Warehouse, create_table, transaction
from warehouse.ddl import identifier


def _strings(values: object) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in sorted(values))  # type: ignore[call-overload]


# Only the row keys are kept: a copy of a million mentions in a temporary table lives in memory.
_LONE = """
create or replace temp table lone_keys as
select v.row_key from valid_rows v
where v.company_key is not null and v.round_type is not null
  and not exists (
    select 1 from valid_rows w
    where w.company_key = v.company_key and w.record_id <> v.record_id
      and coalesce(w.status = 'reported', false) = coalesce(v.status = 'reported', false)
      and coalesce(abs(date_diff('day', v.announced_date, w.announced_date)) <= $window, true)
      and (w.round_type = v.round_type or w.round_type in ({stageless}) or v.round_type in ({stageless})))
"""


# Every deal is keyed by an integer while it is built: the row key (rowid in normalized_values) of the
# mention that opened it (for a lone mention, itself). Joins on it cost a fraction of joins on record ids.
# The staged evidence (a few percent of the rows) gets its mentions' row keys once, here.
_STAGED_ROWS = """
create or replace temp table staged_rows as
select s.deal_id as staged_id, v.row_key, s.precedence
from staged_sources s join valid_rows v on v.record_id = s.record_id;
create or replace temp table staged_keys as
select staged_id, row_key as deal_key from staged_rows where precedence = 1
"""

_DATED = "announced_date is not null"
# The deals and evidence of lone mentions are views over the valid mentions: DuckDB streams them into
# `deals` and `deal_sources` without holding them anywhere first.
_LONE_DEALS = f"""
create or replace temp view lone_deals as
select
    m.row_key as deal_key,
    record_id as deal_id,
    company,
    if(company_alias is null, [], [company_alias]) as company_aliases,
    round_type,
    amount_usd,
    coalesce(amount_is_floor, false) and amount_usd is not null as amount_is_floor,
    valuation_usd,
    coalesce(valuation_is_floor, false) and valuation_usd is not null as valuation_is_floor,
    if(amount_usd is null, null, currency) as currency,
    if(amount_usd is null, null, amount_original) as amount_original,
    {DISTINCT.format(l="lead_investors")} as lead_investors,
    {DISTINCT.format(l="list_concat(lead_investors, investors)")} as investors,
    announced_date,
    if(announced_date is null, null, coalesce(nullif(announced_date_precision, ''), 'day'))
        as announced_date_precision,
    if(coalesce(status = 'reported', false), 'reported', 'announced') as status,
    case when announced_date is null then '{UNDATED}'
         when date_basis = 'explicit' then 'explicit' else 'published' end as date_basis,
    resolved_segment as segment,
    coalesce(t.label, resolved_segment) as segment_label,
    coalesce(t.layer, 'unclassified') as layer,
    1 as source_count, 1 as mention_count, [] as conflicts,
    {deal_warnings("warnings", "if(amount_usd is null, [], warnings)", "resolved_segment", _DATED)}
        as warnings
from (select * exclude (segment, layer),
          coalesce(nullif(segment, ''), '{UNCLASSIFIED}') as resolved_segment
      from valid_rows where row_key in (select row_key from lone_keys)) m
left join segment_labels t on t.segment = m.resolved_segment
"""

# A lone mention's evidence is itself, first.
_LONE_EVIDENCE = """
create or replace temp view lone_sources as
select row_key as deal_key, row_key, 1 as precedence from lone_keys
"""

# Every deal before its id is numbered: the staged ones (grouped in SQL, clustered in Python) and the
# lone ones.
_CANDIDATES = """
create or replace temp view candidate_deals as
select k.deal_key, d.* from staged_deals d join staged_keys k on k.staged_id = d.deal_id
union all by name select * from lone_deals;
create or replace temp view candidate_sources as
select k.deal_key, s.row_key, s.precedence from staged_rows s join staged_keys k on k.staged_id = s.staged_id
union all by name select * from lone_sources
"""

# Deal ids as `merge._deal_id` makes them (with the opening mention's company key): the n-th deal of a
# company with the same round and date, in the precedence order of the mentions that opened them, gets
# ordinal n.
_DEAL_IDS = f"""
create or replace temp table deal_ids as
select d.deal_key,
    substr(sha256(coalesce(v.company_key, 'None') || chr(31) || d.round_type || chr(31)
        || coalesce(strftime(d.announced_date, '%Y-%m-%d'), 'None') || chr(31)
        || (row_number() over (
            partition by v.company_key, d.round_type, d.announced_date order by {PRECEDENCE}) - 1)::varchar),
        1, 16) as deal_id
from (select deal_key, round_type, announced_date from candidate_deals) d
join valid_rows v on v.row_key = d.deal_key
left join method_ranks m on m.method = v.method
left join source_ranks r on r.source_id = v.source_id
"""

# When dealmap first saw each deal: the earliest fetch of a document version stating it, or an earlier
# sighting (kept across runs in deal_sightings, so the time never moves later when the page that first
# stated the deal changes), or now. Analysts read the latest quarters knowing they are still filling in.
_DEALS = """
insert into deals by name
select d.* exclude (deal_key)
    replace (i.deal_id as deal_id, coalesce(least(f.fetched, g.sighted), $now) as first_seen_at)
from candidate_deals d
join deal_ids i on i.deal_key = d.deal_key
left join (
    select s.deal_key, min(doc.fetched_at) as fetched from candidate_sources s
    join normalized_values n on n.rowid = s.row_key
    join documents doc on doc.source_id = n.source_id and doc.url = n.url and doc.sha256 = n.document_sha256
    group by s.deal_key
) f on f.deal_key = d.deal_key
left join (select deal_id, min(first_seen_at) as sighted from deal_sightings group by deal_id) g
    on g.deal_id = i.deal_id
"""

_EVIDENCE = """
insert into deal_source_rows by name
select i.deal_id, s.row_key, s.precedence
from candidate_sources s join deal_ids i on i.deal_key = s.deal_key
"""

_NEW_SIGHTINGS = (
    "insert into deal_sightings "
    "select deal_id, first_seen_at from deals where deal_id not in (select deal_id from deal_sightings)"
)
_STAGING_VIEWS = ("candidate_sources", "candidate_deals", "lone_sources", "lone_deals", MEMBERS_VIEW,
                  "valid_rows")  # fmt: skip
_STAGING = ("lone_keys", GROUPED_TABLE, "staged_deals", "staged_sources", "staged_rows", "staged_keys",
            "deal_ids")  # fmt: skip


def _columns(table: Table) -> str:
    """The column definitions of a declared table, for a staging table shaped like it."""
    return ", ".join(f"{identifier(c.name)} {c.type}" for c in table.columns)


def _register_references(
    connection: duckdb.DuckDBPyConnection, taxonomy: Taxonomy, source_order: list[str]
) -> None:
    slugs = sorted(taxonomy.segments)
    connection.register(
        "segment_labels",
        pa.table({"segment": slugs, "label": [taxonomy.segments[s].label for s in slugs],
                  "layer": [taxonomy.layer_of(s) or "unclassified" for s in slugs]}),
    )  # fmt: skip
    connection.register(
        "method_ranks",
        pa.table({"method": list(METHOD_PRECEDENCE), "rank": list(METHOD_PRECEDENCE.values())}),
    )
    connection.register(
        "segment_basis_ranks",
        pa.table({"segment_basis": list(SEGMENT_BASIS_PRECEDENCE),
                  "rank": list(SEGMENT_BASIS_PRECEDENCE.values())}),
    )  # fmt: skip
    connection.register(
        "source_ranks", pa.table({"source_id": source_order, "rank": list(range(len(source_order)))})
    )


def resolve_in_database(
    connection: duckdb.DuckDBPyConnection,
    taxonomy: Taxonomy,
    source_order: list[str],
    now: datetime,
    policy: MergePolicy | None = None,
) -> tuple[int, int]:
    """Rebuild `deals`, `deal_source_rows` and the `deal_sources` view from `valid_mentions` and add new
    `deal_sightings`, in one transaction; returns (deals, deal_sources rows)."""
    policy = policy or MergePolicy()
    _register_references(connection, taxonomy, source_order)
    try:
        with transaction(connection):
            connection.execute(f"create or replace temp view valid_rows as {VALID_ROWS}")
            stageless = _strings(STAGELESS_ROUNDS)
            connection.execute(
                _LONE.format(stageless=stageless).replace("$window", str(int(policy.window_days)))
            )
            for name in ("deals", DEAL_SOURCE_ROWS.name):
                create_table(connection, name)
            connection.execute("create or replace temp table staged_deals as from deals")
            connection.execute(f"create or replace temp table staged_sources ({_columns(DEAL_SOURCES)})")
            stage_round_groups(connection, stageless, len(source_order), policy)
            # With their snippets and locators (the evidence `resolve_deals` makes), from the extraction.
            rest = connection.execute(
                f"select * exclude (row_key) from ({VALID_MENTION_ROWS}) "
                "where row_key not in (select row_key from lone_keys) "
                f"and row_key not in (select row_key from {GROUPED_TABLE}) order by record_id"
            ).df()
            deals, evidence = resolve_deals(rest, policy, taxonomy, source_order)
            Warehouse._insert(connection, "deals", deals, into="staged_deals")
            Warehouse._insert(connection, "deal_sources", evidence, into="staged_sources")
            for statement in _STAGED_ROWS.split(";"):
                connection.execute(statement)
            connection.execute(_LONE_DEALS)
            connection.execute(_LONE_EVIDENCE)
            for statement in _CANDIDATES.split(";"):
                connection.execute(statement)
            connection.execute(_DEAL_IDS.replace("$sources", str(len(source_order))))
            connection.execute(_DEALS, {"now": now})
            connection.execute(_EVIDENCE)
            create_deal_sources(connection)
            connection.execute(_NEW_SIGHTINGS)
            counts = connection.execute(
                "select (select count(*) from deals), (select count(*) from deal_sources), "
                "(select count(*) from valid_mentions)"
            ).fetchone()
            if counts[1] != counts[2]:  # every valid mention lands in exactly one deal
                raise RuntimeError(f"{counts[2]} valid mentions, {counts[1]} rows of evidence")
    finally:
        for name in ("segment_labels", "method_ranks", "segment_basis_ranks", "source_ranks"):
            connection.unregister(name)
        for name in _STAGING_VIEWS:
            connection.execute(f"drop view if exists {name}")
        for name in _STAGING:
            connection.execute(f"drop table if exists {name}")
    return counts[0], counts[1]
