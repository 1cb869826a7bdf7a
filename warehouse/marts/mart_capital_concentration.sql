-- mart_capital_concentration
-- Grain: one row per period: each calendar year of announcement, plus 'all' for the whole table. Key: period.
-- Units: whole US dollars; shares 0..1 of the period's disclosed total taken by its N largest deals.
-- Reads: deals (those with a disclosed amount).
create or replace table mart_capital_concentration as
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
        strftime(announced_date, '%Y') as period,
        amount_usd
    from disclosed_deals
    union all
    select
        'all' as period,
        amount_usd
    from disclosed_deals
),

ranked_period_amounts as (
    select
        period,
        amount_usd,
        row_number() over (partition by period order by amount_usd desc) as amount_rank,
        amount_usd / sum(amount_usd) over (partition by period) as amount_share
    from period_amounts
),

final as (
    select
        period,
        count(*)::integer as disclosed_deal_count,
        sum(amount_usd)::bigint as amount_usd_total,
        sum(amount_usd) filter (where amount_rank <= 1) / sum(amount_usd) as top_1_share,
        sum(amount_usd) filter (where amount_rank <= 3) / sum(amount_usd) as top_3_share,
        sum(amount_usd) filter (where amount_rank <= 5) / sum(amount_usd) as top_5_share,
        sum(amount_usd) filter (where amount_rank <= 10) / sum(amount_usd) as top_10_share,
        sum(amount_share * amount_share) as hhi
    from ranked_period_amounts
    group by period
)

select * from final
order by period = 'all', period;

comment on table mart_capital_concentration is 'How concentrated capital is: share of each period''s disclosed total taken by its largest deals. Grain: year, plus all.';
comment on column mart_capital_concentration.period is 'Calendar year of announcement, or all.';
comment on column mart_capital_concentration.disclosed_deal_count is 'Deals with a disclosed amount in the period.';
comment on column mart_capital_concentration.amount_usd_total is 'Sum of disclosed amounts, whole USD.';
comment on column mart_capital_concentration.top_1_share is 'Share of the total in the largest deal (0..1).';
comment on column mart_capital_concentration.top_3_share is 'Share in the 3 largest deals (0..1).';
comment on column mart_capital_concentration.top_5_share is 'Share in the 5 largest deals (0..1).';
comment on column mart_capital_concentration.top_10_share is 'Share in the 10 largest deals (0..1).';
comment on column mart_capital_concentration.hhi is 'Herfindahl-Hirschman index over deal shares (0..1; 1 = one deal holds everything).';
