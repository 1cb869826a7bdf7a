-- mart_investor_activity
-- Grain: one row per investor (canonical name). Key: investor.
-- Units: whole US dollars. Amounts are the full size of the deals an investor joined, not its own cheque,
-- which sources rarely disclose.
-- Reads: deals (its investors and lead_investors lists), announced rounds only: a reported round stays in
-- deals, marked, and adds nothing here.
with

invested_deals as (
    select
        deal_id,
        amount_usd,
        announced_date,
        segment,
        investors,
        lead_investors
    from main.deals
    where status = 'announced'
),

-- One row per (deal, investor taking part), leads included.
participations as (
    select
        participant.investor,
        invested_deals.deal_id,
        invested_deals.amount_usd,
        invested_deals.announced_date,
        invested_deals.segment,
        list_contains(invested_deals.lead_investors, participant.investor) as is_lead
    from invested_deals, unnest(invested_deals.investors) as participant (investor)
),

final as (
    select
        investor,
        count(*)::integer as deal_count,
        count(*) filter (where is_lead)::integer as lead_count,
        coalesce(sum(amount_usd), 0)::bigint as deal_amount_usd_total,
        coalesce(sum(amount_usd) filter (where is_lead), 0)::bigint as led_amount_usd_total,
        min(announced_date) as first_deal_date,
        max(announced_date) as last_deal_date,
        list(distinct segment order by segment) as segments
    from participations
    group by investor
)

select * from final
order by deal_count desc, deal_amount_usd_total desc, investor asc
