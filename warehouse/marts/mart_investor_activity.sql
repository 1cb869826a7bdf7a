-- mart_investor_activity
-- Grain: one row per investor (canonical name). Key: investor.
-- Units: whole US dollars. Amounts are the full size of the deals an investor joined, not its own cheque,
-- which sources rarely disclose.
-- Reads: deals (its investors and lead_investors lists).
create or replace table mart_investor_activity as
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
order by deal_count desc, deal_amount_usd_total desc, investor asc;

comment on table mart_investor_activity is 'Investor activity: deals joined and led. Grain: investor. Amounts are whole-deal sizes in US dollars, not individual cheques.';
comment on column mart_investor_activity.investor is 'Canonical investor name.';
comment on column mart_investor_activity.deal_count is 'Deals the investor took part in (lead or not).';
comment on column mart_investor_activity.lead_count is 'Deals the investor led or co-led.';
comment on column mart_investor_activity.deal_amount_usd_total is 'Sum of disclosed amounts of those deals, whole USD.';
comment on column mart_investor_activity.led_amount_usd_total is 'Sum of disclosed amounts of the deals it led, whole USD.';
comment on column mart_investor_activity.first_deal_date is 'Earliest announcement date.';
comment on column mart_investor_activity.last_deal_date is 'Latest announcement date.';
comment on column mart_investor_activity.segments is 'Segments of those deals.';
