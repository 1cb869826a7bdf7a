-- mart_top_deals
-- Grain: one row per deal among the 100 largest by disclosed amount. Key: deal_id; rank 1 is the largest.
-- Units: whole US dollars. share_of_total = amount / all disclosed amounts in deals.
-- Reads: deals.
create or replace table mart_top_deals as
with

disclosed_deals as (
    select
        deal_id,
        company,
        round_type,
        amount_usd,
        amount_is_floor,
        valuation_usd,
        segment,
        segment_label,
        layer,
        announced_date,
        lead_investors,
        source_count
    from main.deals
    where amount_usd is not null
),

ranked_deals as (
    select
        -- Ties on amount go to the earlier deal, then by company; deal_id makes the order total.
        row_number() over (
            order by amount_usd desc, announced_date asc, company asc, deal_id asc
        )::integer as rank,
        *,
        amount_usd / sum(amount_usd) over () as share_of_total
    from disclosed_deals
),

final as (
    select * from ranked_deals
    where rank <= 100
)

select * from final
order by rank;

comment on table mart_top_deals is 'The 100 largest deals by disclosed amount. Grain: deal. Whole US dollars.';
comment on column mart_top_deals.rank is '1 = largest disclosed amount; ties broken by date, then company.';
comment on column mart_top_deals.deal_id is 'deals.deal_id.';
comment on column mart_top_deals.company is 'Canonical company name.';
comment on column mart_top_deals.round_type is 'Round-type slug.';
comment on column mart_top_deals.amount_usd is 'Amount raised, whole USD.';
comment on column mart_top_deals.amount_is_floor is 'True when the amount is a lower bound.';
comment on column mart_top_deals.valuation_usd is 'Valuation, whole USD.';
comment on column mart_top_deals.segment is 'Segment slug.';
comment on column mart_top_deals.segment_label is 'Segment display label.';
comment on column mart_top_deals.layer is 'Stack layer slug.';
comment on column mart_top_deals.announced_date is 'Announcement date.';
comment on column mart_top_deals.lead_investors is 'Lead investors.';
comment on column mart_top_deals.source_count is 'Distinct sources reporting the deal.';
comment on column mart_top_deals.share_of_total is 'Share of all disclosed capital in deals (0..1).';
