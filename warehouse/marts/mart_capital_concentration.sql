-- mart_capital_concentration
-- Grain: period_grain x period: one row per calendar year of announcement (period_grain 'year'), plus one
-- row for the whole table (period_grain 'all', period 'all'). Key: period. Sum within one grain only.
-- Units: whole US dollars; shares 0..1 of the period's disclosed total taken by its N largest deals
-- (NULL when that total is 0: a share of nothing is undefined, not NaN).
-- Reads: deals (those with a disclosed amount).
with

disclosed_deals as (
    select
        announced_date,
        amount_usd
    from main.deals
    where amount_usd is not null
),

-- Each disclosed amount twice: once in its year, once in 'all'.
period_amounts as (
    select
        'year' as period_grain,
        strftime(announced_date, '%Y') as period,
        amount_usd
    from disclosed_deals
    union all
    select
        'all' as period_grain,
        'all' as period,
        amount_usd
    from disclosed_deals
),

ranked_period_amounts as (
    select
        period_grain,
        period,
        amount_usd,
        row_number() over (partition by period order by amount_usd desc) as amount_rank
    from period_amounts
),

final as (
    select
        period_grain,
        period,
        count(*)::integer as disclosed_deal_count,
        sum(amount_usd)::bigint as amount_usd_total,
        sum(amount_usd) filter (where amount_rank <= 1) / nullif(sum(amount_usd), 0) as top_1_share,
        sum(amount_usd) filter (where amount_rank <= 3) / nullif(sum(amount_usd), 0) as top_3_share,
        sum(amount_usd) filter (where amount_rank <= 5) / nullif(sum(amount_usd), 0) as top_5_share,
        sum(amount_usd) filter (where amount_rank <= 10) / nullif(sum(amount_usd), 0) as top_10_share,
        -- From exact integer sums (squares as hugeint), so re-running on the same deals gives the same
        -- digits: a sum of floating shares depends on the order threads add them in.
        sum(amount_usd::hugeint * amount_usd)::double
        / nullif(sum(amount_usd)::double * sum(amount_usd)::double, 0) as hhi
    from ranked_period_amounts
    group by period_grain, period
)

select * from final
order by period_grain = 'all', period
