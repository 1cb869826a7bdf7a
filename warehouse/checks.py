"""SQL checks over the working database: the reconciliation of record counts, and one set per mart.

Each check is a query returning one row `(passed boolean, detail varchar)`; `detail` carries the numbers
compared so that a failure reads on its own in the Dagster UI. Checks are built from fixed identifiers
written in this module (mart and column names), quoted as identifiers; a value a check compares against
(such as the period 'all') is bound as a query parameter. Nothing from a source ever reaches this SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb


@dataclass(frozen=True)
class SqlCheck:
    name: str
    description: str
    sql: str
    parameters: tuple[object, ...] = ()
    """Values bound to the `?` placeholders of `sql`, in order."""


def run_check(connection: duckdb.DuckDBPyConnection, check: SqlCheck) -> tuple[bool, str]:
    passed, detail = connection.execute(check.sql, list(check.parameters)).fetchone()
    return bool(passed), str(detail)


def identifier(name: str) -> str:
    """`name` quoted as a DuckDB identifier. Only for names written in code, never for data."""
    return '"' + name.replace('"', '""') + '"'


RECONCILIATION = SqlCheck(
    "records_reconcile",
    "Nothing is lost: extracted mentions = deals + mentions merged into them + rejected mentions.",
    """
    with counts as (
        select
            (select count(*) from extracted_mentions) as extracted,
            (select count(*) from normalized_mentions) as normalized,
            (select count(*) from valid_mentions) as validated,
            (select count(*) from rejected_deals) as rejected,
            (select count(*) from deals) as deals,
            (select count(*) from deal_sources) as deal_sources,
            (select coalesce(sum(mention_count), 0) from deals) as mentions,
            (select count(*) from (
                select record_id from extracted_mentions
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


@dataclass(frozen=True)
class RowFilter:
    """Mart rows where `column` equals (`=`) or differs from (`<>`) `value`; `value` is bound, not spliced."""

    column: str
    operator: Literal["=", "<>"]
    value: str

    def __post_init__(self) -> None:
        if self.operator not in ("=", "<>"):
            raise ValueError(f"row filter operator must be = or <>, not {self.operator!r}")


def totals_reconcile(
    mart: str,
    amount_column: str,
    count_column: str,
    *,
    counts: Literal["deals", "disclosed deals"] = "deals",
    rows: RowFilter | None = None,
    label: str = "mart",
) -> SqlCheck:
    """The mart's amount and count columns, summed over its `rows` (all by default), equal the totals of
    the announced deals (a reported round adds nothing to a mart).

    `amount_column` must add up to the sum of `deals.amount_usd` (undisclosed amounts add nothing);
    `count_column` to the number of deals, or with `counts="disclosed deals"` to those with an amount.
    `label` names the mart's side in the detail: "mart 6315000000 USD over 8 deals; deals ...".
    """
    deals_counted = {"deals": "count(*)", "disclosed deals": "count(amount_usd)"}[counts]
    where = ""
    parameters: tuple[object, ...] = ()
    if rows is not None:
        where = f"where {identifier(rows.column)} {rows.operator} ?"
        parameters = (rows.value,)
    scope = "its rows" if rows is None else f"its rows where {rows.column} {rows.operator} '{rows.value}'"
    return SqlCheck(
        "totals_reconcile",
        f"{amount_column} and {count_column}, summed over {scope}, equal the announced deals' total "
        f"amount_usd and their number of {counts}.",
        f"""
        with mart as (
            select coalesce(sum({identifier(amount_column)}), 0)::hugeint as amount,
                   coalesce(sum({identifier(count_column)}), 0)::hugeint as deals
            from {identifier(mart)} {where}
        ),
        source as (
            select coalesce(sum(amount_usd), 0)::hugeint as amount, {deals_counted}::hugeint as deals
            from deals where status = 'announced'
        )
        select mart.amount = source.amount and mart.deals = source.deals,
               printf('%s %d USD over %d %s; deals %d USD over %d %s',
                      ?, mart.amount, mart.deals, ?, source.amount, source.deals, ?)
        from mart, source
        """,
        (*parameters, label, counts, counts),
    )


def all_of(name: str, description: str, *parts: SqlCheck) -> SqlCheck:
    """One check that passes when every part passes; its detail joins the parts' details with '; '."""
    aliases = [f"part_{i}" for i in range(len(parts))]
    subqueries = ",\n".join(
        f"({part.sql}) as {alias} (passed, detail)" for part, alias in zip(parts, aliases, strict=True)
    )
    return SqlCheck(
        name,
        description,
        f"""
        select {" and ".join(f"{alias}.passed" for alias in aliases)},
               concat_ws('; ', {", ".join(f"{alias}.detail" for alias in aliases)})
        from {subqueries}
        """,
        tuple(value for part in parts for value in part.parameters),
    )


_CONCENTRATION_ORDERED = SqlCheck(
    "shares_ordered",
    "Shares lie in [0, 1] and grow with N.",
    """
    select count(*) = 0, format('{} rows out of order', count(*)) from mart_capital_concentration
    where not (0 <= top_1_share and top_1_share <= top_3_share and top_3_share <= top_5_share
               and top_5_share <= top_10_share and top_10_share <= 1 + 1e-12)
    """,
)

# Each mart's checks, all blocking. Every mart that sums amounts reconciles them with deals through
# `totals_reconcile`; the rest are checks of what is particular to the mart.
MART_CHECKS: dict[str, list[SqlCheck]] = {
    "mart_funding_by_segment": [
        totals_reconcile("mart_funding_by_segment", "amount_usd_total", "deal_count"),
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
        totals_reconcile("mart_funding_by_layer", "amount_usd_total", "deal_count"),
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
            "Ranks run 1..n without gaps, n = min(100, disclosed announced deals), amounts equal deals'.",
            """
            with mart as (select count(*) as n, max(rank) as top, count(distinct rank) as ranks
                          from mart_top_deals),
                 expected as (select least(100, count(*)) as n from deals
                              where amount_usd is not null and status = 'announced'),
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
        all_of(
            "shares_bounded_and_ordered",
            "Shares lie in [0, 1] and grow with N; the 'all' total equals deals' and the years' sum.",
            _CONCENTRATION_ORDERED,
            *(
                totals_reconcile(
                    "mart_capital_concentration",
                    "amount_usd_total",
                    "disclosed_deal_count",
                    counts="disclosed deals",
                    rows=RowFilter("period_grain", "=", grain),
                    label=label,
                )
                for grain, label in (("all", "all"), ("year", "years"))
            ),
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
                            from deals where status = 'announced')
            select mart.participations = source.participations and mart.leads = source.leads
                   and mart.bad = 0,
                   format('mart {} participations / {} leads; deals {} / {}; {} rows with leads > deals',
                          mart.participations, mart.leads, source.participations, source.leads, mart.bad)
            from mart, source
            """,
        ),
    ],
}
