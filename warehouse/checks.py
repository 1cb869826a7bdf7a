"""SQL checks over the working database: the reconciliation of record counts, and one set per mart.

Each check is a query returning one row `(passed boolean, detail varchar)`; `detail` carries the numbers
compared so that a failure reads on its own in the Dagster UI.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class SqlCheck:
    name: str
    description: str
    sql: str


def run_check(connection: duckdb.DuckDBPyConnection, check: SqlCheck) -> tuple[bool, str]:
    passed, detail = connection.execute(_sql(check.sql)).fetchone()
    return bool(passed), str(detail)


RECONCILIATION = SqlCheck(
    "records_reconcile",
    "Nothing is lost: extracted mentions = deals + mentions merged into them + rejected mentions.",
    """
    with counts as (
        select
            (select count(*) from extracted_deals) as extracted,
            (select count(*) from normalized_deals) as normalized,
            (select count(*) from validated_deals) as validated,
            (select count(*) from rejected_deals) as rejected,
            (select count(*) from deals) as deals,
            (select count(*) from deal_sources) as deal_sources,
            (select coalesce(sum(mention_count), 0) from deals) as mentions,
            (select count(*) from (
                select record_id from extracted_deals
                except
                (select record_id from deal_sources union all select record_id from rejected_deals)
            )) as unaccounted
    )
    select
        extracted = normalized
            and normalized = validated + rejected
            and validated = deal_sources
            and deal_sources = mentions
            and extracted = deals + (deal_sources - deals) + rejected
            and unaccounted = 0 as passed,
        format('extracted {} = deals {} + merged away {} + rejected {} (normalized {}, validated {}, '
               'deal_sources {}, mentions {}, unaccounted {})', extracted, deals, deal_sources - deals,
               rejected, normalized, validated, deal_sources, mentions, unaccounted) as detail
    from counts
    """,
)

# Spliced into mart checks where they say DEALS_TOTALS (plain text substitution: the SQL also holds
# format() braces, which rule out str.format and f-strings).
_DEALS_TOTALS = "(select coalesce(sum(amount_usd), 0)::hugeint as amount, count(*) as deals from deals)"


def _sql(text: str) -> str:
    return text.replace("DEALS_TOTALS", _DEALS_TOTALS)


MART_CHECKS: dict[str, list[SqlCheck]] = {
    "mart_funding_by_segment": [
        SqlCheck(
            "totals_reconcile",
            "Amount and deal-count totals equal those of deals.",
            """
            with mart as (select coalesce(sum(amount_usd_total), 0)::hugeint as amount,
                                 coalesce(sum(deal_count), 0) as deals from mart_funding_by_segment),
                 source as DEALS_TOTALS
            select mart.amount = source.amount and mart.deals = source.deals,
                   format('mart {} USD over {} deals; deals {} USD over {} deals',
                          mart.amount, mart.deals, source.amount, source.deals)
            from mart, source
            """,
        ),
        SqlCheck(
            "no_negative_or_null_aggregates",
            "No aggregate is negative; counts and totals are never NULL.",
            """
            select count(*) = 0, format('{} bad rows', count(*)) from mart_funding_by_segment
            where amount_usd_total is null or amount_usd_total < 0 or deal_count is null
               or deal_count < 0 or disclosed_deal_count > deal_count or amount_usd_max < 0
            """,
        ),
    ],
    "mart_funding_by_layer": [
        SqlCheck(
            "totals_reconcile",
            "Amount and deal-count totals equal those of deals.",
            """
            with mart as (select coalesce(sum(amount_usd_total), 0)::hugeint as amount,
                                 coalesce(sum(deal_count), 0) as deals from mart_funding_by_layer),
                 source as DEALS_TOTALS
            select mart.amount = source.amount and mart.deals = source.deals,
                   format('mart {} USD over {} deals; deals {} USD over {} deals',
                          mart.amount, mart.deals, source.amount, source.deals)
            from mart, source
            """,
        ),
        SqlCheck(
            "shares_sum_to_one",
            "Within each quarter with disclosed capital, layer shares sum to 1.",
            """
            with per_quarter as (
                select quarter, sum(share_of_quarter) as total from mart_funding_by_layer
                group by quarter having sum(amount_usd_total) > 0
            )
            select coalesce(bool_and(abs(total - 1) < 1e-9), true),
                   format('{} quarters, worst sum {}', count(*), max(abs(total - 1)))
            from per_quarter
            """,
        ),
    ],
    "mart_top_deals": [
        SqlCheck(
            "ranks_and_amounts_match_deals",
            "Ranks run 1..n without gaps, n = min(100, disclosed deals), amounts equal deals'.",
            """
            with mart as (select count(*) as n, max(rank) as top, count(distinct rank) as ranks
                          from mart_top_deals),
                 expected as (select least(100, count(*)) as n from deals where amount_usd is not null),
                 mismatched as (select count(*) as n from mart_top_deals m join deals d using (deal_id)
                                where m.amount_usd is distinct from d.amount_usd)
            select mart.n = expected.n and mart.ranks = mart.n and coalesce(mart.top, 0) = mart.n
                   and mismatched.n = 0,
                   format('{} rows (expected {}), max rank {}, {} amounts differ from deals',
                          mart.n, expected.n, mart.top, mismatched.n)
            from mart, expected, mismatched
            """,
        ),
    ],
    "mart_capital_concentration": [
        SqlCheck(
            "shares_bounded_and_ordered",
            "Shares lie in [0, 1] and grow with N; the 'all' total equals deals' and the years' sum.",
            """
            with bad as (
                select count(*) as n from mart_capital_concentration
                where not (0 <= top_1_share and top_1_share <= top_3_share and top_3_share <= top_5_share
                           and top_5_share <= top_10_share and top_10_share <= 1 + 1e-12)
            ),
            totals as (
                select coalesce(sum(amount_usd_total) filter (where period = 'all'), 0)::hugeint as all_total,
                       coalesce(sum(amount_usd_total) filter (where period <> 'all'), 0)::hugeint as by_year
                from mart_capital_concentration
            ),
            source as DEALS_TOTALS
            select bad.n = 0 and totals.all_total = source.amount and totals.by_year = source.amount,
                   format('{} rows out of order; all {} USD, years {} USD, deals {} USD',
                          bad.n, totals.all_total, totals.by_year, source.amount)
            from bad, totals, source
            """,
        ),
    ],
    "mart_investor_activity": [
        SqlCheck(
            "participations_reconcile",
            "Deal counts add up to the investor entries on deals; leads never exceed deals.",
            """
            with mart as (select coalesce(sum(deal_count), 0) as participations,
                                 coalesce(sum(lead_count), 0) as leads,
                                 count(*) filter (where lead_count > deal_count) as bad
                          from mart_investor_activity),
                 source as (select coalesce(sum(len(investors)), 0) as participations,
                                   coalesce(sum(len(list_intersect(lead_investors, investors))), 0) as leads
                            from deals)
            select mart.participations = source.participations and mart.leads = source.leads
                   and mart.bad = 0,
                   format('mart {} participations / {} leads; deals {} / {}; {} rows with leads > deals',
                          mart.participations, mart.leads, source.participations, source.leads, mart.bad)
            from mart, source
            """,
        ),
    ],
}
