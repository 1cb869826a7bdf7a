"""What a fused table-export path would cost: the refresh's work on one export in DuckDB alone.

`python -m bench.fused_bound [--rows 1000000]`

Issue 11 asks a million-row refresh for at most 2.5x (DuckDB alone reading, splitting and aggregating the
file + Dagster alone). This bench estimates what a fused path (one pass over the export in DuckDB, the
served tables written once) would cost for the refresh's work on such an export: DuckDB alone reads the
CSV, normalises it (round types, segments, FX by month, investor lists, the snippet), applies the record
rules, writes the quarantine, clusters rounds by company, round and a 90-day window, builds `deals`,
`deal_sources`, `deal_investors` and the marts, and writes them once, straight into a new file in the
served format: no working database, no Python per row, no Dagster. It
does less than the refresh (reference tables are stand-ins of the same size, names are only folded, no
aliases, no resolution across sources, no histories, no report), and its SQL keeps the sorts narrow (the
round windows over four columns, each deal's first row joined back), so a fused path doing the real work
would cost at least about this much. Printed: its steps, its seconds against the issue's floor measured
in the same run, and the seconds the 2.5x target allows.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import duckdb

from bench.export_scale import dagster_floor, duckdb_floor, write_export

_REFERENCES = """
create temp table fx as
select c as currency, m::date as month, (1.0 + random() * 0.3)::decimal(18, 8) as rate
from (values ('EUR'), ('GBP'), ('USD')) v(c),
     range(date '2010-01-01', date '2027-01-01', interval 1 month) r(m);
create temp table rounds as select * from (values
    ('Pre-seed', 'pre_seed'), ('Seed', 'seed'), ('Series A', 'series_a'), ('Series B', 'series_b'),
    ('Series C', 'series_c'), ('Series D', 'series_d'), ('Growth', 'growth')) v(alias, round_type);
create temp table segs as select * from (values
    ('AI chips', 'ai_chips', 'compute'), ('Fintech', 'fintech', 'non_ai'),
    ('Inference platforms', 'inference_platforms', 'inference'), ('Model labs', 'model_labs', 'models'),
    ('Agents', 'agents', 'applications')) v(label, segment, layer)
"""

_READ = """
create temp table m as
select row_number() over () as row_no, r.*,
    lower(trim(company)) as company_key,
    try_cast(amount as hugeint) as amount_value,
    try_cast(valuation as hugeint) as valuation_value,
    try_strptime(announced_date, '%Y-%m-%d')::date as announced,
    list_transform(string_split(coalesce(lead_investors, ''), ';'), lambda x: trim(x)) as leads,
    list_filter(list_transform(string_split(coalesce(investors, ''), ';'), lambda x: trim(x)),
                lambda x: x <> '') as invs,
    'bench-export' as source_id,
    concat('company=', company, '; round_type=', round_type, '; amount=', amount, '; currency=', currency,
           '; valuation=', valuation, '; segment=', segment, '; announced_date=', announced_date,
           '; lead_investors=', lead_investors, '; investors=', investors) as snippet
from read_csv($1, header = true, all_varchar = true) r
"""

_CHECKED = """
create temp table n as
select m.*, rd.round_type as round_norm, s.segment as segment_norm, s.layer,
    round(amount_value * fx.rate)::bigint as amount_usd,
    round(valuation_value * fx.rate)::bigint as valuation_usd,
    list_filter([
        case when company is null or trim(company) = '' then 'company_present' end,
        case when amount is not null and lower(amount) <> 'undisclosed' and amount_value is null
             then 'amount_parseable' end,
        case when amount_value < 0 then 'amount_nonnegative' end,
        case when m.currency not in ('USD', 'EUR', 'GBP') then 'currency_known' end,
        case when announced is null or announced > current_date then 'announced_date_sane' end
    ], lambda x: x is not null) as failed_checks,
    md5(source_id || ':' || row_no)[1:20] as record_id
from m
left join rounds rd on rd.alias = m.round_type
left join segs s on s.label = m.segment
left join fx on fx.currency = m.currency and fx.month = date_trunc('month', m.announced)
"""

_REJECTED = """
create table bi.rejected_deals as
select record_id, source_id, company as company_text, snippet, failed_checks
from n where len(failed_checks) > 0
"""

_CLUSTERED = """
create temp table windows as
select row_no, sum(new_cluster) over (partition by company_key, round_norm order by announced, row_no)
    as cluster
from (
    select row_no, company_key, round_norm, announced,
        case when announced - lag(announced) over (
            partition by company_key, round_norm order by announced, row_no) <= 90 then 0 else 1 end
        as new_cluster
    from n where len(failed_checks) = 0
);
create temp table clustered as select n.*, w.cluster from n join windows w using (row_no)
"""

_DEAL_ID = "md5(company_key || ':' || coalesce(round_norm, '') || ':' || cluster)[1:16]"

_DEALS = f"""
create temp table firsts as
select company_key, round_norm, cluster, min(row_no) as first_row, min(announced) as first_date,
    count(*)::int as mention_count
from clustered group by all;
create table bi.deals as
select {
    _DEAL_ID.replace("company_key", "c.company_key")
    .replace("round_norm", "c.round_norm")
    .replace("cluster", "c.cluster")
} as deal_id,
    c.company, []::varchar[] as company_aliases, c.round_norm as round_type,
    c.amount_usd, false as amount_is_floor, c.valuation_usd, false as valuation_is_floor, c.currency,
    c.amount as amount_original, c.leads as lead_investors, c.invs as investors,
    f.first_date as announced_date, 'day' as announced_date_precision, 'announced' as status,
    now()::timestamp as first_seen_at, 'explicit' as date_basis, c.segment_norm as segment,
    c.segment as segment_label, c.layer, 1 as source_count, f.mention_count, []::varchar[] as conflicts,
    []::varchar[] as warnings, c.amount_usd / 1e6 as amount_usd_m, c.valuation_usd / 1e6 as valuation_usd_m
from firsts f join clustered c on c.row_no = f.first_row
"""

_DEAL_SOURCES = f"""
create table bi.deal_sources as
select {_DEAL_ID} as deal_id, record_id, source_id, 'file:///export.csv' as url, 'sha' as document_sha256,
    'table_row' as method, 'row[' || row_no || ']' as locator, snippet, 1 as precedence, amount_usd,
    valuation_usd, round_norm as round_type, announced as announced_date, amount_usd / 1e6 as amount_usd_m,
    valuation_usd / 1e6 as valuation_usd_m
from clustered
"""

_DEAL_INVESTORS = """
create table bi.deal_investors as
select deal_id, unnest(lead_investors) as investor, true as is_lead,
    generate_subscripts(lead_investors, 1) as investor_position
from bi.deals where len(lead_investors) > 0
union all
select deal_id, unnest(investors), false, generate_subscripts(investors, 1)
from bi.deals where len(investors) > 0
"""

_MARTS = """
create table bi.mart_funding_by_segment as
select segment, date_trunc('quarter', announced_date) as q, count(*) as deals, sum(amount_usd) as usd
from bi.deals group by all;
create table bi.mart_funding_by_layer as
select layer, date_trunc('quarter', announced_date) as q, count(*) as deals, sum(amount_usd) as usd
from bi.deals group by all;
create table bi.mart_top_deals as select * from bi.deals order by amount_usd desc nulls last limit 100;
create table bi.mart_investor_activity as
select investor, count(*) as deals from bi.deal_investors where is_lead group by all;
create table bi.mart_capital_concentration as
select year(announced_date) as y, sum(amount_usd) as usd from bi.deals group by all
"""

STEPS = (
    ("reference tables", _REFERENCES),
    ("read and normalise", _READ),
    ("joins and rules", _CHECKED),
    ("quarantine", _REJECTED),
    ("round windows", _CLUSTERED),
    ("deals", _DEALS),
    ("deal_sources", _DEAL_SOURCES),
    ("deal_investors", _DEAL_INVESTORS),
    ("marts", _MARTS),
    ("checkpoint", "checkpoint bi"),
)


def fused_bound(export: Path, out: Path) -> tuple[float, list[tuple[str, float]]]:
    """(wall seconds, seconds per step) of the fused work on `export`, written into the new file `out`."""
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    steps = []
    with duckdb.connect() as connection:
        connection.execute("set memory_limit = '1GB'")
        connection.execute(f"attach '{out}' as bi (storage_version 'v1.0.0')")
        for name, sql in STEPS:
            begun = time.perf_counter()
            for statement in filter(str.strip, sql.split(";\n")):
                connection.execute(statement, [str(export)] if "$1" in statement else [])
            steps.append((name, time.perf_counter() - begun))
    return time.perf_counter() - started, steps


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dealmap-fused-") as scratch:
        folder = Path(scratch)
        export = folder / "export.csv"
        write_export(export, args.rows)
        home = folder / "dagster_home"
        home.mkdir()
        floor = duckdb_floor(export, folder) + dagster_floor(folder, os.environ | {"DAGSTER_HOME": str(home)})
        seconds, steps = fused_bound(export, folder / "served.duckdb")
    print(f"fused_bound: {args.rows:,} rows, the refresh's work in DuckDB alone, served tables written once")
    for name, spent in steps:
        print(f"  {name:22s}{spent:7.2f} s")
    print(f"  total {seconds:.1f} s = {seconds / floor:.2f}x the floor of {floor:.1f} s "
          "(DuckDB alone + Dagster alone)")  # fmt: skip
    print(
        f"  the 2.5x target allows {2.5 * floor:.1f} s for all of it, Dagster's steps and start-up included"
    )


if __name__ == "__main__":
    main()
