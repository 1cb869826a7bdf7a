"""Resolution in the working database: most deals are built in SQL, the rest are clustered in Python.

The valid mentions (`valid_rows`: `normalized_values` less what `mention_verdicts` quarantines, keyed by
rowid) are read once for their keys (`mention_keys.py`), which also finds the lone ones: a mention that
no other mention could join is a deal by itself, whatever order clustering takes the mentions in. In an
export that is nearly every row, and its deal goes from the valid mentions straight into `deals`. The
others (`merging_rows`, read once) are grouped: a group of one company, status and stated round within
the window is one deal, also built in SQL (`round_groups.py`). Only what is left (stageless rounds
nearby, a round restated over more than the window) is clustered in Python by `merge.resolve_deals`.
Deal ids are numbered over all deals at once, as `resolve_deals` numbers them, with `first_seen_at`
and the new `deal_sightings`. The result equals `resolve_deals` over the whole table
(tests/unit/test_resolve_in_database.py).

Evidence is written narrow: `deal_source_rows` (deal id, the mention's row key, precedence), which the
working file's `deal_sources` view joins to `normalized_values` and the extraction (`evidence.py`).

Rows land in no particular order (`preserve_insertion_order` off for the session while resolution
runs): DuckDB then writes `deals` on every thread. Nothing depends on the order deals are stored in
(readers sort; the deal rules compare whole columns).

Grain: `deals` one row per deal, `deal_source_rows` (and `deal_sources`) one row per contributing mention.
"""

from __future__ import annotations

import contextlib
import functools
from datetime import datetime

import duckdb
import pyarrow as pa

from assets.normalize.fx import FxTable, default_fx_table
from assets.normalize.names import one_spelling_each
from assets.resolve.evidence import create_deal_sources
from assets.resolve.mention_keys import MENTION_KEYS, PRECEDENCE, mention_keys_sql
from assets.resolve.merge import (
    METHOD_PRECEDENCE,
    SEGMENT_BASIS_PRECEDENCE,
    UNDATED,
    MergePolicy,
    at_deal_month,
    resolve_deals,
    with_fx_warning,
)
from assets.resolve.round_groups import (
    DISTINCT,
    GROUPED_TABLE,
    MEMBERS_TABLE,
    deal_warnings,
    stage_round_groups,
)
from assets.validate.verdicts import VALID_ROWS
from schemas.tables import DEAL_SOURCE_ROWS, DEAL_SOURCES
from schemas.tables.model import Table
from schemas.taxonomy import UNCLASSIFIED, Taxonomy
from schemas.vocabulary import STAGELESS_ROUNDS
from warehouse.database import Warehouse, create_table, transaction
from warehouse.ddl import identifier


def _strings(values: object) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in sorted(values))  # type: ignore[call-overload]


# Every deal is keyed by an integer while it is built: the row key (rowid in normalized_values) of the
# mention that opened it (for a lone mention, itself). Joins on it cost a fraction of joins on record ids.
# The staged evidence (a few percent of the rows) gets its mentions' row keys once, here.
_STAGED_ROWS = f"""
create or replace temp table staged_rows as
select s.deal_id as staged_id, k.row_key, s.precedence
from staged_sources s join {MENTION_KEYS} k on k.record_id = s.record_id;
create or replace temp table staged_keys as
select staged_id, row_key as deal_key from staged_rows where precedence = 1
"""

# The mentions that may merge, every column, read once: for the groups (`round_groups.py`) and Python.
_MERGING_ROWS = f"""
create or replace temp table merging_rows as
select v.* from valid_rows v semi join (select row_key from {MENTION_KEYS} where not lone) k using (row_key)
"""

# The mentions neither lone nor in a one-round group, for clustering in Python. Without their snippets and
# locators: of the evidence `resolve_deals` makes only the deal, record and precedence are kept (the
# `deal_sources` view reads the rest from the extraction), so the extraction files are not read here.
_REST_ROWS = f"""
select * exclude (row_key) from merging_rows anti join {GROUPED_TABLE} using (row_key) order by record_id
"""

# Every deal, keyed by the row key of the mention that opened it, with what its id is made of.
_OPENED = f"""
select row_key as deal_key, true as lone, company_key, round_type, announced_date,
    method_rank, newer_first, source_rank, document_sha256, mention_key, record_id, fetched
from {MENTION_KEYS} where lone
union all
select k.deal_key, false, o.company_key, d.round_type, d.announced_date,
    o.method_rank, o.newer_first, o.source_rank, o.document_sha256, o.mention_key, o.record_id, f.fetched
from staged_deals d
join staged_keys k on k.staged_id = d.deal_id
join {MENTION_KEYS} o on o.row_key = k.deal_key
join (select s.staged_id, min(m.fetched) as fetched
      from staged_rows s join {MENTION_KEYS} m on m.row_key = s.row_key group by s.staged_id) f
    on f.staged_id = d.deal_id
"""

# Deal ids as `merge._deal_id` makes them (with the opening mention's company key): the n-th deal of a
# company with the same round and date, in the precedence order of the mentions that opened them, gets
# ordinal n. Only the deals of a key that opens several (the same round and date in two statuses, a
# stageless deal beside a stated one...) are ranked: ranking every deal cost a sort of all of them.
# With them, when dealmap first saw each deal: the earliest fetch of a document version stating it, or an
# earlier sighting (kept across runs in deal_sightings, so the time never moves later when the page that
# first stated the deal changes), or now; `unseen` when no sighting is kept yet. Analysts read the latest
# quarters knowing they are still filling in. A deal id hashes the deal's date: a later version of a page
# that corrects the date gives the deal another id, and its sighting is found by what it is instead, the
# same company and round within the merge window, under an id no deal has now (`redated`).
_DEAL_IDS = f"""
create or replace temp table deal_ids as
with opened as not materialized ({_OPENED}),
shared as (
    select company_key, round_type, announced_date from opened group by all having count(*) > 1
),
ranked as (
    select o.deal_key, row_number() over (
            partition by o.company_key, o.round_type, o.announced_date order by {PRECEDENCE}) - 1 as ordinal
    from opened o semi join shared s
        on s.company_key is not distinct from o.company_key and s.round_type = o.round_type
        and s.announced_date is not distinct from o.announced_date
),
numbered as (
    select o.deal_key, o.lone, o.fetched, o.company_key, o.round_type, o.announced_date,
        substr(sha256(coalesce(o.company_key, 'None') || chr(31) || o.round_type || chr(31)
            || coalesce(strftime(o.announced_date, '%Y-%m-%d'), 'None') || chr(31)
            || coalesce(r.ordinal, 0)::varchar), 1, 16) as deal_id
    from opened o left join ranked r on r.deal_key = o.deal_key
),
with_sightings as (
    select n.*, g.sighted
    from numbered n
    left join (select deal_id, min(first_seen_at) as sighted from deal_sightings group by deal_id) g
        on g.deal_id = n.deal_id
),
redated as (
    select w.deal_key, min(s.first_seen_at) as sighted
    from with_sightings w
    join deal_sightings s on s.company_key = w.company_key and s.round_type = w.round_type
        and abs(date_diff('day', s.announced_date, w.announced_date)) <= $window
    where w.sighted is null and s.deal_id not in (select deal_id from numbered)
    group by w.deal_key
)
select w.deal_key, w.lone, w.deal_id, w.company_key as seen_company_key, w.round_type as seen_round_type,
    w.announced_date as seen_announced_date,
    coalesce(least(w.fetched, w.sighted, r.sighted), $now) as first_seen_at, w.sighted is null as unseen
from with_sightings w left join redated r using (deal_key)
"""

_DATED = "announced_date is not null"
# A lone mention is its deal: its columns are the mention's, read straight from the valid mentions into
# `deals`, beside the staged deals (grouped in SQL, clustered in Python).
_DEALS = f"""
insert into deals by name
select
    i.deal_id,
    company,
    if(company_alias is null, [], [company_alias]) as company_aliases,
    round_type,
    amount_usd,
    coalesce(amount_is_floor, false) and amount_usd is not null as amount_is_floor,
    coalesce(amount_is_ceiling, false) and amount_usd is not null as amount_is_ceiling,
    valuation_usd,
    coalesce(valuation_is_floor, false) and valuation_usd is not null as valuation_is_floor,
    if(amount_usd is null, null, currency) as currency,
    if(amount_usd is null, null, amount_original) as amount_original,
    {DISTINCT.format(l="$leads")} as lead_investors,
    {DISTINCT.format(l="$every")} as investors,
    announced_date,
    if(announced_date is null, null, coalesce(nullif(announced_date_precision, ''), 'day'))
        as announced_date_precision,
    if(coalesce(status = 'reported', false), 'reported', 'announced') as status,
    i.first_seen_at,
    case when announced_date is null then '{UNDATED}'
         when date_basis = 'explicit' then 'explicit' else 'published' end as date_basis,
    resolved_segment as segment,
    coalesce(t.label, resolved_segment) as segment_label,
    coalesce(t.layer, 'unclassified') as layer,
    1 as source_count, 1 as mention_count, [] as conflicts,
    {deal_warnings("warnings", "if(amount_usd is null, [], warnings)", "resolved_segment", _DATED)}
        as warnings
from (select * exclude (segment, layer), coalesce(nullif(segment, ''), '{UNCLASSIFIED}') as resolved_segment,
          -- concatenated once: inside the lambda an expression is evaluated again for every element
          list_concat(lead_investors, investors) as every_investor
      from valid_rows) m
join deal_ids i on i.deal_key = m.row_key and i.lone
left join segment_labels t on t.segment = m.resolved_segment $spellings
union all by name
select d.* replace (i.deal_id as deal_id, i.first_seen_at as first_seen_at)
from staged_deals d join staged_keys k on k.staged_id = d.deal_id join deal_ids i on i.deal_key = k.deal_key
"""

# A lone mention's evidence is itself, first.
_EVIDENCE = """
insert into deal_source_rows by name
select deal_id, deal_key as row_key, 1 as precedence from deal_ids where lone
union all
select i.deal_id, s.row_key, s.precedence
from staged_rows s join staged_keys k on k.staged_id = s.staged_id join deal_ids i on i.deal_key = k.deal_key
"""

# A merged deal's figures at the rate of its own month (`merge.at_deal_month`, the function Python's
# clustering uses): the mention that gave the amount (the strongest that states one), and the one that gave
# the valuation, were converted at the rate of their own date, and the deal may carry another mention's.
# Read for the staged deals (the merged ones, a few percent) in another currency, converted in Python, and
# written to them before `deals` is: an update of a million-row `deals` made its commit write the table
# again (a second of a million-row export). Computed from the mentions, never from the deal, so the deals
# Python resolved (which did this already) come out the same.
_STAGED_FIGURES = """
select * from (
    select e.staged_id as deal_id, any_value(d.announced_date) as deal_day,
        any_value(d.announced_date_precision) as deal_precision, any_value(d.currency) as currency,
        any_value(d.warnings) as warnings,
        arg_min(struct_pack(amount_usd := v.amount_usd, amount_in_currency := v.amount_in_currency,
                            currency := v.currency, announced_date := v.announced_date,
                            announced_date_precision := v.announced_date_precision), e.precedence)
            filter (where v.amount_usd is not null) as amount,
        arg_min(struct_pack(valuation_usd := v.valuation_usd,
                            valuation_in_currency := v.valuation_in_currency,
                            valuation_currency := v.valuation_currency, announced_date := v.announced_date,
                            announced_date_precision := v.announced_date_precision), e.precedence)
            filter (where v.valuation_usd is not null) as valuation
    from staged_rows e join valid_rows v using (row_key) join staged_deals d on d.deal_id = e.staged_id
    group by e.staged_id
)
where coalesce(amount.currency <> 'USD', false) or coalesce(valuation.valuation_currency <> 'USD', false)
    or list_contains(warnings, 'fx_rate_of_another_month')
"""
_REPRICED = """
update staged_deals set amount_usd = coalesce(r.amount_usd, staged_deals.amount_usd),
    valuation_usd = coalesce(r.valuation_usd, staged_deals.valuation_usd), warnings = r.warnings
from repriced_deals r where staged_deals.deal_id = r.deal_id
"""


def _reprice_staged(connection: duckdb.DuckDBPyConnection, fx: FxTable) -> None:
    """Convert the staged deals' figures again at the rate of their own date (`merge.at_deal_month`), and
    give them the FX warning their own date calls for (`merge.with_fx_warning`)."""
    repriced = []
    staged = connection.execute(_STAGED_FIGURES).fetchall()
    for deal_id, day, precision, currency, warnings, amount, valuation in staged:
        new = [
            at_deal_month(figure, column, day, precision, fx) if figure else None
            for figure, column in ((amount, "amount_usd"), (valuation, "valuation_usd"))
        ]
        warned = with_fx_warning(list(warnings), currency, day, precision, fx)
        if (
            (amount and new[0] != amount["amount_usd"])
            or (valuation and new[1] != valuation["valuation_usd"])
            or warned != list(warnings)
        ):
            repriced.append((deal_id, *new, warned))
    if not repriced:
        return
    connection.register(
        "repriced_deals",
        pa.table({"deal_id": [r[0] for r in repriced],
                  "amount_usd": pa.array([r[1] for r in repriced], pa.int64()),
                  "valuation_usd": pa.array([r[2] for r in repriced], pa.int64()),
                  "warnings": pa.array([r[3] for r in repriced], pa.list_(pa.string()))}),
    )  # fmt: skip
    try:
        connection.execute(_REPRICED)
    finally:
        connection.unregister("repriced_deals")


# One spelling per investor over every deal (`names.one_spelling_each`): sources write one fund
# 'Harbor Fund', 'HARBOR FUND' and 'harbor fund', and each spelling would be an investor of its own in
# deal_investors and mart_investor_activity. Only deals naming a respelled investor are rewritten, their
# lists kept in order without the duplicates a respelling makes.
_SPELLINGS = "(select map(list(written), list(chosen)) as m from investor_spellings) s"
_RESPELL = "list_transform({l}, lambda x: coalesce(s.m[x], x))"
_RESPELLED = f"""
update staged_deals set
    lead_investors = {DISTINCT.format(l=_RESPELL.format(l="lead_investors"))},
    investors = {DISTINCT.format(l=_RESPELL.format(l="investors"))}
from {_SPELLINGS}
where list_has_any(staged_deals.investors, map_keys(s.m))
"""
# ... and the lone mentions' lists as `_DEALS` writes them (the same respelling, when there is one).
_RESPELLED_LISTS = {
    "$leads": _RESPELL.format(l="lead_investors"),
    "$every": _RESPELL.format(l="every_investor"),
    "$spellings": f"cross join {_SPELLINGS}",
}
_AS_STATED = {"$leads": "lead_investors", "$every": "every_investor", "$spellings": ""}

_NEW_SIGHTINGS = """
insert into deal_sightings by name
select deal_id, first_seen_at, seen_company_key as company_key, seen_round_type as round_type,
    seen_announced_date as announced_date
from deal_ids where unseen
"""
_STAGING = (MENTION_KEYS, "merging_rows", GROUPED_TABLE, MEMBERS_TABLE, "staged_deals", "staged_sources",
            "staged_rows", "staged_keys", "deal_ids")  # fmt: skip


def _columns(table: Table) -> str:
    """The column definitions of a declared table, for a staging table shaped like it."""
    return ", ".join(f"{identifier(c.name)} {c.type}" for c in table.columns)


def _respell_investors(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Register `investor_spellings` (one spelling per investor over every valid mention) and rewrite the
    staged deals' lists with it (`_RESPELLED`); returns what `_DEALS` is formatted with for the lone ones."""
    written = "select name, count(*) from (select unnest(investors) as name from valid_rows) group by name"
    chosen = one_spelling_each(dict(connection.execute(written).fetchall()))
    if not chosen:
        return _AS_STATED  # (nearly always: nothing to rewrite, and no statement over the deals)
    connection.register(
        "investor_spellings",
        pa.table({"written": pa.array(list(chosen), pa.string()),
                  "chosen": pa.array(list(chosen.values()), pa.string())}),
    )  # fmt: skip
    connection.execute(_RESPELLED)
    return _RESPELLED_LISTS


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
    fx: FxTable | None = None,
) -> tuple[int, int]:
    """Rebuild `deals`, `deal_source_rows` and the `deal_sources` view from `valid_mentions` and add new
    `deal_sightings`, in one transaction; returns (deals, deal_sources rows)."""
    policy, fx = policy or MergePolicy(), fx or default_fx_table()
    _register_references(connection, taxonomy, source_order)
    ordered = connection.execute("select current_setting('preserve_insertion_order')").fetchone()[0]
    connection.execute("set session preserve_insertion_order = false")
    try:
        with transaction(connection):
            connection.execute(f"create or replace temp view valid_rows as {VALID_ROWS}")
            stageless = _strings(STAGELESS_ROUNDS)
            connection.execute(mention_keys_sql(stageless, policy.window_days, len(source_order)))
            connection.execute(_MERGING_ROWS)
            for name in ("deals", DEAL_SOURCE_ROWS.name):
                create_table(connection, name)
            connection.execute("create or replace temp table staged_deals as from deals")
            connection.execute(f"create or replace temp table staged_sources ({_columns(DEAL_SOURCES)})")
            stage_round_groups(connection, stageless, policy)
            rest = connection.execute(_REST_ROWS).df()
            if len(rest):
                deals, evidence = resolve_deals(rest, policy, taxonomy, source_order, fx)
                Warehouse._insert(connection, "deals", deals, into="staged_deals")
                Warehouse._insert(connection, "deal_sources", evidence, into="staged_sources")
            for statement in _STAGED_ROWS.split(";"):
                connection.execute(statement)
            _reprice_staged(connection, fx)
            lists = _respell_investors(connection)
            # Let the staging go as soon as it is read: the mentions that may merge are a third of an
            # export without dates, and the peak of resolution is writing `deals`.
            _drop(connection, "merging_rows", GROUPED_TABLE, MEMBERS_TABLE, "staged_sources")
            connection.execute(_DEAL_IDS, {"now": now, "window": policy.window_days})
            mentions = connection.execute(f"select count(*) from {MENTION_KEYS}").fetchone()[0]
            _drop(connection, MENTION_KEYS)
            connection.execute(functools.reduce(lambda sql, kv: sql.replace(*kv), lists.items(), _DEALS))
            connection.execute(_EVIDENCE)
            create_deal_sources(connection)
            connection.execute(_NEW_SIGHTINGS)
            deals_count, evidence_count, placed = connection.execute(
                f"select (select count(*) from deals), count(*), count(distinct row_key) "
                f"from {DEAL_SOURCE_ROWS.name}"
            ).fetchone()
            if not evidence_count == placed == mentions:  # every valid mention lands in exactly one deal
                raise RuntimeError(
                    f"{mentions} valid mentions, {evidence_count} rows of evidence for {placed} of them"
                )
    finally:
        connection.execute(f"set session preserve_insertion_order = {bool(ordered)}")
        for name in ("segment_labels", "method_ranks", "segment_basis_ranks", "source_ranks"):
            connection.unregister(name)
        connection.execute("drop view if exists valid_rows")
        with contextlib.suppress(duckdb.Error):
            connection.unregister("investor_spellings")
        _drop(connection, *_STAGING)
    return deals_count, evidence_count


def _drop(connection: duckdb.DuckDBPyConnection, *tables: str) -> None:
    for name in tables:
        connection.execute(f"drop table if exists {name}")
