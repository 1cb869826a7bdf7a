-- Step-ups between a company's successive rounds, for the investment map.
-- Grain: one row per pair of successive rounds of one company announced on different days (the later
-- round's deal). Key: to_deal_id.
-- Units: from_usd and to_usd in whole US dollars, ratio = to_usd / from_usd. The ratio compares valuations
-- when both rounds report one, else amounts raised when both disclose one; pairs with neither are left out.
-- Order: none. The report orders them itself (`STEP_UPS_ORDER` in data.py, largest ratio first) and keeps
-- only the largest: sorting all of them here cost a third of the query at a million deals.
-- Reads: deals.
with

company_rounds as (
    select
        deal_id,
        company,
        round_type,
        announced_date,
        amount_usd,
        valuation_usd
    from main.deals
    where announced_date is not null  -- an undated round has no place in a company's sequence
        and status = 'announced'  -- a reported round is no step: it may be the same round, announced later
),

-- Each round beside the one before it; deal_id settles rounds announced on the same day.
successive_rounds as (
    select
        company,
        lag(round_type) over by_date as from_round_type,
        lag(announced_date) over by_date as from_date,
        lag(amount_usd) over by_date as from_amount_usd,
        lag(valuation_usd) over by_date as from_valuation_usd,
        deal_id as to_deal_id,
        round_type as to_round_type,
        announced_date as to_date,
        amount_usd as to_amount_usd,
        valuation_usd as to_valuation_usd
    from company_rounds
    window by_date as (partition by company order by announced_date, deal_id)
),

-- Two rounds on one day (an equity round and a credit line, say) are not a step from one to the next.
priced_pairs as (
    select
        *,
        case
            when from_valuation_usd > 0 and to_valuation_usd > 0 then 'valuation'
            when from_amount_usd > 0 and to_amount_usd > 0 then 'amount'
        end as basis
    from successive_rounds
    where from_date < to_date
),

final as (
    select
        company,
        to_deal_id,
        from_round_type,
        to_round_type,
        from_date,
        to_date,
        basis,
        case basis when 'valuation' then from_valuation_usd else from_amount_usd end as from_usd,
        case basis when 'valuation' then to_valuation_usd else to_amount_usd end as to_usd,
        to_usd::double / from_usd as ratio
    from priced_pairs
    where basis is not null
)

select * from final
