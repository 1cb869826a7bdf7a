-- mart_capital_concentration
-- Grain: period_grain x period: one row per calendar year of announcement (period_grain 'year'; period
-- 'undated' for deals nothing dates), plus one row for the whole table (period_grain 'all', period 'all'). Key: period. Sum within one grain only.
-- Units: whole US dollars; shares 0..1 of the period's disclosed total taken by its N largest deals
-- (NULL when that total is 0: a share of nothing is undefined, not NaN).
-- Reads: deals (those with a disclosed amount).
with

disclosed_deals as (
    select
        announced_date,
        amount_usd
    from main.deals
    where
        status = 'announced'
        and amount_usd is not null
),

-- Each disclosed amount twice: once in its year, once in 'all'.
period_amounts as (
    select
        'year' as period_grain,
        year_label(announced_date) as period,
        amount_usd
    from disclosed_deals
    union all
    select
        'all' as period_grain,
        'all' as period,
        amount_usd
    from disclosed_deals
),

-- Per period: the count, the total, the ten largest amounts (largest first) and the sum of squares. The ten
-- largest come from a top-N per period (`max(amount, 10)`) rather than ranking every amount: the sum of
-- a period's k largest amounts is the same whichever of two equal amounts a ranking puts first.
period_totals as (
    select
        period_grain,
        period,
        count(*)::integer as disclosed_deal_count,
        sum(amount_usd) as amount_usd_sum,
        max(amount_usd, 10) as largest_amounts,
        -- Exact integer sums (squares as hugeint), so re-running on the same deals gives the same digits:
        -- a sum of floating shares depends on the order threads add them in.
        sum(amount_usd::hugeint * amount_usd) as amount_usd_squares
    from period_amounts
    group by period_grain, period
),

final as (
    select
        period_grain,
        period,
        disclosed_deal_count,
        amount_usd_sum::bigint as amount_usd_total,
        list_sum(largest_amounts[1:1]) / nullif(amount_usd_sum, 0) as top_1_share,
        list_sum(largest_amounts[1:3]) / nullif(amount_usd_sum, 0) as top_3_share,
        list_sum(largest_amounts[1:5]) / nullif(amount_usd_sum, 0) as top_5_share,
        list_sum(largest_amounts[1:10]) / nullif(amount_usd_sum, 0) as top_10_share,
        amount_usd_squares::double
        / nullif(amount_usd_sum::double * amount_usd_sum::double, 0) as hhi
    from period_totals
)

select * from final
order by period_grain = 'all', period
